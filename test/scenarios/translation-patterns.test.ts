import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { callAction, callsOf, demoCallers, onlyCall } from '../support/calls.ts';
import { dialects } from '../support/dialects.ts';
import { defaultLocation } from '../support/factories.ts';
import { startServer } from '../support/server.ts';

// A translation pattern rewrites what a person dials before the call is routed: the location's
// pattern wins over the organization's, and testCallRouting answers the route the call takes.

for (const dialect of dialects) {
  describe(`Translation pattern calls (${dialect})`, () => {
    it('given a translation pattern, a dialled number matching it is translated before routing, and testCallRouting agrees', async () => {
      const server = await startServer(dialect, { clock: new SandboxClock('manual') });
      try {
        const admin = server.admin;
        const { alex, blair, casey } = await demoCallers(admin);
        const hq = await defaultLocation(admin);
        const org = '/v1/telephony/config/callRouting/translationPatterns';
        const local = `/v1/telephony/config/locations/${hq.id}/callRouting/translationPatterns`;
        // "*55" + two digits reaches Blair for the organization, Casey for callers of the HQ location.
        assert.equal((await admin.post(org, { name: 'Help desk', matchingPattern: '*55XX', replacementPattern: blair.extension })).status, 201);
        await callAction(alex, 'dial', { destination: '*5512' }, 201);
        await callAction(alex, 'answer', { callId: (await onlyCall(alex)).id });
        const ringing = await callsOf(blair);
        assert.equal(ringing.length, 1, 'Blair rings: the dialled *5512 became her extension');
        assert.equal((await onlyCall(alex)).remoteParty.name, blair.name);
        await callAction(alex, 'hangup', { callId: (await onlyCall(alex)).id });

        const override = await admin.post(local, { name: 'HQ desk', matchingPattern: '*55XX', replacementPattern: casey.extension });
        assert.equal(override.status, 201, override.text);
        const tested = await admin.post('/v1/telephony/config/actions/testCallRouting/invoke', { originatorId: alex.id, originatorType: 'PEOPLE', destination: '*5512' });
        assert.equal(tested.body.hostedAgent.id, casey.id);
        await callAction(alex, 'dial', { destination: '*5512' }, 201);
        await callAction(alex, 'answer', { callId: (await onlyCall(alex)).id });
        assert.equal((await callsOf(casey)).length, 1, 'the location’s pattern wins: Casey rings');
        assert.equal((await callsOf(blair)).length, 0);
        await callAction(alex, 'hangup', { callId: (await onlyCall(alex)).id });

        // A number matching no pattern is routed as dialled.
        await callAction(alex, 'dial', { destination: blair.extension }, 201);
        await callAction(alex, 'answer', { callId: (await onlyCall(alex)).id });
        assert.equal((await callsOf(blair)).length, 1);
        await callAction(alex, 'hangup', { callId: (await onlyCall(alex)).id });

        // With the location's pattern deleted, the organization's applies again.
        assert.equal((await admin.delete(`${local}/${override.body.id}`)).status, 204);
        const after = await admin.post('/v1/telephony/config/actions/testCallRouting/invoke', { originatorId: alex.id, originatorType: 'PEOPLE', destination: '*5512' });
        assert.equal(after.body.hostedAgent.id, blair.id);
      } finally {
        await server.close();
      }
    });

    it('given a dial plan, an external number matching its dial pattern goes out through the plan’s trunk', async () => {
      const server = await startServer(dialect, { clock: new SandboxClock('manual') });
      try {
        const admin = server.admin;
        const { alex } = await demoCallers(admin);
        const hq = await defaultLocation(admin);
        const trunk = await admin.post('/v1/telephony/config/premisePstn/trunks', { name: 'Legacy PBX', locationId: hq.id, trunkType: 'REGISTERING', password: 'Secret#2024x' });
        assert.equal(trunk.status, 201, trunk.text);
        const plan = await admin.post('/v1/telephony/config/premisePstn/dialPlans', { name: 'Old site', routeId: trunk.body.id, routeType: 'TRUNK', dialPatterns: ['+1650555!'] });
        assert.equal(plan.status, 201, plan.text);
        await callAction(alex, 'dial', { destination: '+16505551234' }, 201);
        await callAction(alex, 'answer', { callId: (await onlyCall(alex)).id });
        const call = await onlyCall(alex);
        const s = (await admin.get(`/sandbox/v1/calls/${call.callSessionId}`)).body as { legs: { party: { kind: string; number?: string; name?: string } }[] };
        assert.deepEqual(s.legs.find((l) => l.party.kind === 'pstn')?.party, { kind: 'pstn', number: '+16505551234', name: 'Legacy PBX' });
        await callAction(alex, 'hangup', { callId: call.id });
      } finally {
        await server.close();
      }
    });
  });
}
