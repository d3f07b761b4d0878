import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { callAction, demoCallers, onlyCall, pstnCall } from '../support/calls.ts';
import { dialects } from '../support/dialects.ts';
import { startServer } from '../support/server.ts';

// The organization's call recording switch: while it is off nobody's calls are recorded, whatever
// their own recording rule; back on, a person set to "Always" is recorded from the answer again.

for (const dialect of dialects) {
  describe(`Organization call recording (${dialect})`, () => {
    it('given call recording off for the organization, a person recording "Always" is not recorded; on again, they are', async () => {
      const server = await startServer(dialect, { clock: new SandboxClock('manual') });
      try {
        const admin = server.admin;
        const { alex } = await demoCallers(admin);
        assert.equal((await admin.put(`/v1/people/${alex.id}/features/callRecording`, { enabled: true, record: 'Always' })).status, 204);
        const answered = async () => {
          await pstnCall(admin, '+14155550100', alex.number!);
          await callAction(alex, 'answer', { callId: (await onlyCall(alex)).id });
          const call = await onlyCall(alex);
          await callAction(alex, 'hangup', { callId: call.id });
          return call;
        };

        assert.equal((await admin.put('/v1/telephony/config/callRecording', { enabled: false })).status, 204);
        assert.equal((await admin.get('/v1/telephony/config/callRecording')).body.enabled, false);
        const off = await answered();
        assert.equal(off.recordingState, undefined, 'not recorded while the organization records nobody');
        assert.equal((await admin.put('/v1/telephony/config/callRecording', { enabled: true })).status, 204);
        const on = await answered();
        assert.equal(on.recordingState, 'started');
      } finally {
        await server.close();
      }
    });
  });
}
