import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { CALL_SCOPES, callAction, onlyCall, pstnCall, type Caller } from '../support/calls.ts';
import { dialects } from '../support/dialects.ts';
import { clientWithScopes, licenses } from '../support/factories.ts';
import { addNumbers, callingLocation, callingUserIn, newNumber } from '../support/location-numbers.ts';
import { startServer } from '../support/server.ts';

// A user moved to another location (Move users jobs) takes calls there: their number, which moved
// with them, still rings them, and the new location's people reach them by extension.

const JOBS = '/v1/telephony/config/jobs/person/moveLocation';

for (const dialect of dialects) {
  describe(`calls to a moved user (${dialect})`, () => {
    it('given Ann moved to a new location, a PSTN call to her number rings her and a colleague there dials her extension', async () => {
      const clock = new SandboxClock('manual');
      const server = await startServer(dialect, { clock });
      try {
        const admin = server.admin;
        const { professional } = await licenses(admin);
        const [from, to] = [await callingLocation(admin), await callingLocation(admin)];
        const number = newNumber();
        await addNumbers(admin, from.id, [number]);
        const ann = await callingUserIn(admin, from.id, professional, number);
        const colleague = await callingUserIn(admin, to.id, professional);
        const caller = async (user: { id: string; displayName: string; extension: string }): Promise<Caller> => ({
          id: user.id, name: user.displayName, extension: user.extension, api: await clientWithScopes(admin, user.id, CALL_SCOPES),
        });
        const [annCaller, colleagueCaller] = [await caller(ann), await caller(colleague)];

        const job = (await admin.post(JOBS, { usersList: [{ locationId: to.id, validate: false, users: [{ userId: ann.id }] }] })).body.response;
        for (let i = 0; i < 10 && (await admin.get(`${JOBS}/${job.id}`)).body.latestExecutionStatus !== 'COMPLETED'; i++) await clock.advance(1000);
        assert.equal((await admin.get(`/v1/people/${ann.id}`, { callingData: 'true' })).body.locationId, to.id);

        await pstnCall(admin, '+14155550177', number);

        const ringing = await onlyCall(annCaller);
        assert.deepEqual([ringing.state, ringing.remoteParty.number], ['alerting', '+14155550177']);
        await callAction(annCaller, 'hangup', { callId: ringing.id });

        const dialled = await callAction(colleagueCaller, 'dial', { destination: ann.extension }, 201);
        await callAction(colleagueCaller, 'answer', { callId: dialled.callId });
        const incoming = await onlyCall(annCaller);
        assert.deepEqual([incoming.state, incoming.remoteParty.name], ['alerting', colleague.displayName]);
        await callAction(colleagueCaller, 'hangup', { callId: dialled.callId });
      } finally {
        await server.close();
      }
    });
  });
}
