import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startCallplane, type Callplane } from '../../src/testing.ts';

// The test harness as a user's test suite uses it (docs/testing.md): start once, reset before
// each test, tokens for anyone, a clock to move.

const seed = fileURLToPath(new URL('../../examples/seed.yaml', import.meta.url));

describe('startCallplane (callplane/testing)', () => {
  let cp: Callplane;
  before(async () => {
    cp = await startCallplane({ seed });
  });
  after(() => cp.close());
  beforeEach(() => cp.reset());

  const api = (token: string, path: string, init: RequestInit = {}) =>
    fetch(`${cp.apiUrl}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });

  it('serves the demo organization to the operator token on an in-memory store, with the seed loaded', async () => {
    const me = await api(cp.adminToken, '/people/me');
    assert.equal(me.status, 200);
    assert.equal(((await me.json()) as { emails: string[] }).emails[0], 'admin@callplane-demo.example');
    const health = (await (await fetch(`${cp.url}/healthz`)).json()) as { store: string };
    assert.equal(health.store, 'sqlite');
    assert.equal(cp.seeded[0]!.displayName, 'Acme Support');
    assert.equal((await api('ana-token-0123456789', '/people/me')).status, 200);
  });

  it('given a person created in one test, reset() leaves the next test without it', async () => {
    const created = await api(cp.adminToken, '/people', { method: 'POST', body: JSON.stringify({ emails: ['temp@example.com'], displayName: 'Temp' }) });
    assert.equal(created.status, 200);
    await cp.reset();
    const found = (await (await api(cp.adminToken, '/people?email=temp@example.com')).json()) as { items: unknown[] };
    assert.equal(found.items.length, 0);
    assert.equal((await api('ben-token-0123456789', '/people/me')).status, 200, 'the seed is part of the start state');
  });

  it('createOrg() gives a new organization and its administrator’s token; tokenFor() a token for a person by ID or email', async () => {
    const org = await cp.createOrg('Integration Test');
    const admin = (await (await api(org.adminToken, '/people/me')).json()) as { id: string; orgId: string };
    assert.equal(admin.orgId, org.orgId);
    const byId = await cp.tokenFor(org.personId, ['spark:people_read']);
    assert.equal((await api(byId, '/people/me')).status, 200);
    const byEmail = await cp.tokenFor('blair.chen@callplane-demo.example');
    const blair = (await (await api(byEmail, '/people/me')).json()) as { displayName: string };
    assert.equal(blair.displayName, 'Blair Chen');
    await assert.rejects(cp.tokenFor('nobody@example.com'), /no person/);
  });

  it('given an unanswered call, clock.advance() past the ring timeout ends it as missed', async () => {
    const alex = await cp.tokenFor('alex.rivera@callplane-demo.example');
    const blair = await cp.tokenFor('blair.chen@callplane-demo.example');
    const dial = await api(alex, '/telephony/calls/dial', { method: 'POST', body: JSON.stringify({ destination: '1002' }) });
    const { callId } = (await dial.json()) as { callId: string };
    await api(alex, '/telephony/calls/answer', { method: 'POST', body: JSON.stringify({ callId }) });
    const ringing = (await (await api(blair, '/telephony/calls')).json()) as { items: { state: string }[] };
    assert.equal(ringing.items[0]?.state, 'alerting');
    await cp.clock.advance(31_000);
    const after = (await (await api(blair, '/telephony/calls')).json()) as { items: unknown[] };
    assert.equal(after.items.length, 0);
    const missed = (await (await api(blair, '/telephony/calls/history?type=missed')).json()) as { items: unknown[] };
    assert.equal(missed.items.length, 1);
    const at = new Date(cp.clock.now().getTime() + 3_600_000);
    await cp.clock.set(at);
    assert.equal(cp.clock.now().toISOString(), at.toISOString());
  });

  it('reset() puts the clock back to real time', async () => {
    const health = (await (await fetch(`${cp.url}/healthz`)).json()) as { clock: string };
    assert.equal(health.clock, 'real');
  });
});
