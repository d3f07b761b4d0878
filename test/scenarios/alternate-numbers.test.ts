import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { CALL_SCOPES, onlyCall, pstnCall } from '../support/calls.ts';
import { dialects } from '../support/dialects.ts';
import { clientWithScopes, defaultLocation, freeExtension, freeNumbers, licenses, unique } from '../support/factories.ts';
import { callingUserIn } from '../support/location-numbers.ts';
import { startServer } from '../support/server.ts';

// A call to an alternate number rings its owner, person or workspace; once unassigned, it rings nobody.

const CALLER = '+14155550166';

for (const dialect of dialects) {
  describe(`calls to alternate numbers (${dialect})`, () => {
    it('given an alternate number of a person and one of a workspace, a PSTN call to each rings its owner', async () => {
      const server = await startServer(dialect, { clock: new SandboxClock('manual') });
      try {
        const admin = server.admin;
        const hq = await defaultLocation(admin);
        const [personNumber, workspaceNumber] = await freeNumbers(admin, hq.id, 2);
        const ann = await callingUserIn(admin, hq.id, (await licenses(admin)).professional);
        const annCaller = { id: ann.id, name: ann.displayName, extension: ann.extension, api: await clientWithScopes(admin, ann.id, CALL_SCOPES) };
        const add = (directNumber: string) => ({ phoneNumbers: [{ action: 'ADD', primary: false, directNumber }] });
        assert.equal((await admin.put(`/v1/telephony/config/people/${ann.id}/numbers`, add(personNumber!))).status, 204);

        await pstnCall(admin, CALLER, personNumber!);
        const ringing = await onlyCall(annCaller);
        assert.deepEqual([ringing.state, ringing.remoteParty.number], ['alerting', CALLER]);

        const workspace = await admin.post('/v1/workspaces', { displayName: unique('Desk '), locationId: hq.id, calling: { type: 'webexCalling', webexCalling: { extension: freeExtension() } } });
        assert.equal((await admin.put(`/v1/telephony/config/workspaces/${workspace.body.id}/numbers`, add(workspaceNumber!))).status, 204);
        const inbound = await pstnCall(admin, CALLER, workspaceNumber!);
        assert.deepEqual(inbound.legs.map((l) => [l.party.kind, l.state]), [['pstn', 'connecting'], ['workspace', 'alerting']]);

        // Unassigned, the number is nobody's: the call does not reach the person.
        const remove = { phoneNumbers: [{ action: 'DELETE', primary: false, directNumber: personNumber }] };
        assert.equal((await admin.put(`/v1/telephony/config/people/${ann.id}/numbers`, remove)).status, 204);
        await admin.post('/sandbox/v1/calls', { from: '+14155550167', to: personNumber });
        assert.equal((await annCaller.api.get('/v1/telephony/calls')).body.items.length, 1, 'only the first call rings Ann');
      } finally {
        await server.close();
      }
    });
  });
}
