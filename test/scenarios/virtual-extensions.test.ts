import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { callAction, demoCallers, onlyCall } from '../support/calls.ts';
import { dialects } from '../support/dialects.ts';
import { defaultLocation } from '../support/factories.ts';
import { startServer } from '../support/server.ts';

// A virtual extension routes its extension to an external number: a person dials the
// extension, and the call goes out to the PSTN number (the simulator shows the PSTN party).

for (const dialect of dialects) {
  describe(`Virtual extension calls (${dialect})`, () => {
    it('dialling a virtual extension (the location\'s, the organization\'s, or one in a range) reaches its external number', async () => {
      const server = await startServer(dialect, { clock: new SandboxClock('manual') });
      try {
        const admin = server.admin;
        const { alex } = await demoCallers(admin);
        const hq = await defaultLocation(admin);
        const place = async (extension: string) => {
          await callAction(alex, 'dial', { destination: extension }, 201);
          await callAction(alex, 'answer', { callId: (await onlyCall(alex)).id });
          const call = await onlyCall(alex);
          const s = (await admin.get(`/sandbox/v1/calls/${call.callSessionId}`)).body as { legs: { party: { kind: string; number?: string; name?: string } }[] };
          await callAction(alex, 'hangup', { callId: call.id });
          return { call, pstn: s.legs.find((l) => l.party.kind === 'pstn')?.party };
        };
        assert.equal((await admin.post('/v1/telephony/config/virtualExtensions', { displayName: 'Pat Field', phoneNumber: '+14085550101', extension: '4401', locationId: hq.id })).status, 201);
        assert.equal((await admin.post('/v1/telephony/config/virtualExtensions', { displayName: 'Org desk', phoneNumber: '+14085550102', extension: '4402' })).status, 201);
        assert.equal((await admin.post('/v1/telephony/config/virtualExtensionRanges', { name: 'Branch', prefix: '+1214555', patterns: ['66XX'] })).status, 201);
        const local = await place('4401');
        assert.deepEqual(local.pstn, { kind: 'pstn', number: '+14085550101', name: 'Pat Field' });
        assert.equal(local.call.remoteParty.number, '+14085550101');
        assert.equal(local.call.remoteParty.callType, 'external');
        assert.equal((await place('4402')).pstn?.number, '+14085550102');
        assert.equal((await place('6612')).pstn?.number, '+12145556612');
        // Gone: the extension is nobody's any more.
        const list = await admin.get('/v1/telephony/config/virtualExtensions', { extension: '4401' });
        assert.equal((await admin.delete(`/v1/telephony/config/virtualExtensions/${list.body.virtualExtensions[0].id}`)).status, 204);
        assert.notEqual((await alex.api.post('/v1/telephony/calls/dial', { destination: '4401' })).status, 201);
      } finally {
        await server.close();
      }
    });
  });
}
