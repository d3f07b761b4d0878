import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { CallEventRecord } from '../store/calls-store.ts';
import type { CallSubscriber } from '../store/webhooks-store.ts';
import { FilterCache, planDeliveries } from './fan-out.ts';

// The fan-out reads the typed spine of an event (webhook event, personality, state, callType),
// never its JSON, and passes the JSON into the envelope byte for byte.

const ORG = '00000000-0000-4000-8000-000000000001';
const ALEX = '00000000-0000-4000-8000-0000000000a1';
const ADMIN = '00000000-0000-4000-8000-0000000000ad';

const event = (overrides: Partial<CallEventRecord> = {}): CallEventRecord => ({
  id: 'e1',
  orgId: ORG,
  sessionId: 's1',
  seq: 1,
  personId: ALEX,
  callId: 'c1',
  eventType: 'received',
  // Deliberately unlike the typed columns: the fan-out must not look inside.
  data: '{"eventType":"received","note":"opaque to the fan-out"}',
  created: '2026-01-01T00:00:01.000Z',
  webhookEvent: 'created',
  personality: 'terminator',
  state: 'alerting',
  callType: 'external',
  ...overrides,
});

const webhook = (overrides: Partial<CallSubscriber> = {}): CallSubscriber => ({
  id: 'w1',
  orgId: ORG,
  createdBy: ADMIN,
  appId: '00000000-0000-4000-8000-0000000000ff',
  name: 'org',
  targetUrl: 'https://example.com/hook',
  resource: 'telephony_calls',
  event: 'all',
  filter: null,
  secret: null,
  ownedBy: 'org',
  status: 'active',
  consecutiveFailures: 0,
  created: '2026-01-01T00:00:00.000Z',
  creatorIsAdmin: true,
  ...overrides,
});

describe('fan-out over the typed spine', () => {
  it('routes and filters on the typed columns and sends the stored data byte for byte', () => {
    const filtered = webhook({ id: 'w2', filter: 'personality=terminator&state=alerting&callType=external', event: 'created' });
    const other = webhook({ id: 'w3', filter: 'state=connected' });
    const [first, second, ...rest] = planDeliveries([filtered, other, webhook()], [event()], new FilterCache());
    assert.deepEqual(rest, []);
    assert.deepEqual([first!.webhookId, second!.webhookId], ['w2', 'w1']);
    assert.equal(first!.event, 'created');
    assert.ok(first!.body.endsWith(`,"data":${event().data}}`), first!.body);
    assert.deepEqual(JSON.parse(first!.body).data, JSON.parse(event().data));
  });

  it('gives an organization webhook whose creator is no longer an administrator only the creator’s own calls', () => {
    const demoted = webhook({ creatorIsAdmin: false });
    assert.deepEqual(planDeliveries([demoted], [event()], new FilterCache()), []);
    assert.equal(planDeliveries([demoted], [event({ personId: ADMIN })], new FilterCache()).length, 1);
  });

  it('imports neither the engine nor parses JSON', () => {
    const source = readFileSync(new URL('./fan-out.ts', import.meta.url), 'utf8');
    assert.doesNotMatch(source, /from '\.\.\/engine\//);
    assert.doesNotMatch(source, /JSON\.parse/);
  });
});
