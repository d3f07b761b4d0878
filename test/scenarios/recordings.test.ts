import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { callAction, CALL_SCOPES, demoCallers, onlyCall, pstnCall, type Caller } from '../support/calls.ts';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createOrganization } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// Recorded calls become Converged Recordings: the length actually recorded (pauses left out), the
// call's parties and actions in the metadata, MP3 audio of that length, and the recycle bin.

const RECORDINGS = ['spark:recordings_read', 'spark:recordings_write'];

for (const dialect of dialects) {
  describe(`recordings of calls (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let clock: SandboxClock;
    let alex: Caller;
    let blair: Caller;
    let casey: Caller;
    let alexRecordings: Client;
    let blairRecordings: Client;
    let always: string;
    let onDemand: string;

    const recordingOf = async (api: Client, query: Record<string, string> = {}) => {
      const reply = await api.get('/v1/convergedRecordings', query);
      assert.equal(reply.status, 200, reply.text);
      return reply.body.items as { id: string; durationSeconds: number; status: string; topic: string; ownerId: string; sizeBytes: number; ownerEmail: string }[];
    };

    before(async () => {
      clock = new SandboxClock('manual');
      server = await startServer(dialect, { clock });
      admin = server.admin;
      ({ alex, blair, casey } = await demoCallers(admin));
      alexRecordings = await clientWithScopes(admin, alex.id, [...CALL_SCOPES, ...RECORDINGS]);
      blairRecordings = await clientWithScopes(admin, blair.id, [...CALL_SCOPES, ...RECORDINGS]);
      assert.equal((await admin.put(`/v1/people/${alex.id}/features/callRecording`, { enabled: true, record: 'Always' })).status, 204);
      assert.equal((await admin.put(`/v1/people/${blair.id}/features/callRecording`, { enabled: true, record: 'On Demand with User Initiated Start' })).status, 204);

      // Alex records every call: a PSTN call answered and held for 45 s.
      await pstnCall(admin, '+14155550100', alex.number!);
      await callAction(alex, 'answer', { callId: (await onlyCall(alex)).id });
      await clock.advance(45_000);
      await callAction(alex, 'hangup', { callId: (await onlyCall(alex)).id });

      // Blair records on demand: 20 s recorded, 30 s paused, 10 s more.
      await pstnCall(admin, '+14155550122', blair.number!);
      const callId = (await onlyCall(blair)).id;
      await callAction(blair, 'answer', { callId });
      await clock.advance(10_000);
      await callAction(blair, 'startRecording', { callId });
      await clock.advance(20_000);
      await callAction(blair, 'pauseRecording', { callId });
      await clock.advance(30_000);
      await callAction(blair, 'resumeRecording', { callId });
      await clock.advance(10_000);
      await callAction(blair, 'hangup', { callId });

      [{ id: always }] = await recordingOf(alexRecordings);
      [{ id: onDemand }] = await recordingOf(blairRecordings);
    });
    after(() => server.close());

    it('an "Always" recording: the whole answered call, the person as owner, listed only for them', async () => {
      const [recording] = await recordingOf(alexRecordings);
      assert.equal(recording!.durationSeconds, 45);
      assert.equal(recording!.status, 'available');
      assert.equal(recording!.ownerId, alex.id);
      assert.equal(recording!.topic, 'Call with +14155550100');
      assert.ok(!(await recordingOf(blairRecordings)).some((r) => r.id === always));
      assertWebexError(await blairRecordings.get(`/v1/convergedRecordings/${always}`), 404);
    });

    it('an on-demand recording counts only what was recorded, and its metadata has the actions and parties', async () => {
      const details = (await blairRecordings.get(`/v1/convergedRecordings/${onDemand}`)).body;
      assert.equal(details.durationSeconds, 30);
      const metadata = await blairRecordings.get(`/v1/convergedRecordings/${onDemand}/metadata`);
      assert.equal(metadata.status, 200, metadata.text);
      const data = metadata.body.serviceData;
      assert.deepEqual(data.recordingActions.map((a: { action: string }) => a.action), ['START', 'PAUSE', 'RESUME', 'STOP']);
      assert.equal(data.personality, 'TERMINATOR');
      assert.equal(data.recordingType, 'On Demand with User Initiated Start');
      assert.equal(data.callingParty.number, '+14155550122');
      assert.equal(data.calledParty.actor.id, blair.id);
    });

    it('the audio link gives MP3 audio of the recorded length', async () => {
      const details = (await alexRecordings.get(`/v1/convergedRecordings/${always}`)).body;
      const link = new URL(details.temporaryDirectDownloadLinks.audioDownloadLink);
      const audio = await fetch(link, { headers: { authorization: `Bearer ${alexRecordings.token}` } });
      assert.equal(audio.status, 200);
      assert.equal(audio.headers.get('content-type'), 'audio/mpeg');
      const bytes = Buffer.from(await audio.arrayBuffer());
      assert.equal(bytes.length, details.sizeBytes);
      assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfb]);
      // 45 s at 1152 samples per 44.1 kHz frame.
      assert.equal(bytes.length / 417, Math.ceil((45 * 44100) / 1152));
    });

    it('an administrator lists the organization\'s recordings, by owner too; a person may not use the admin list', async () => {
      assert.deepEqual(await recordingOf(admin), [], 'the list without /admin is one\'s own, an administrator\'s too');
      const reply = await admin.get('/v1/admin/convergedRecordings');
      assert.equal(reply.status, 200, reply.text);
      assert.deepEqual(new Set(reply.body.items.map((r: { id: string }) => r.id)), new Set([always, onDemand]));
      const byOwner = await admin.get('/v1/admin/convergedRecordings', { ownerId: blair.id });
      assert.deepEqual(byOwner.body.items.map((r: { id: string }) => r.id), [onDemand]);
      assertWebexError(await alexRecordings.get('/v1/admin/convergedRecordings'), 403);
      assertWebexError(await admin.get('/v1/admin/convergedRecordings', { from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }), 400, /30 days/);
    });

    it('the recycle bin: delete, restore, purge (then only an administrator sees it), and delete for good', async () => {
      const trash = await blairRecordings.post('/v1/convergedRecordings/softDelete', { recordingIds: [onDemand] });
      assert.equal(trash.status, 204, trash.text);
      assert.deepEqual(await recordingOf(blairRecordings), []);
      assert.equal((await recordingOf(blairRecordings, { status: 'deleted' }))[0]!.id, onDemand);
      assert.equal((await blairRecordings.post('/v1/convergedRecordings/restore', { restoreAll: true })).status, 204);
      assert.equal((await recordingOf(blairRecordings))[0]!.id, onDemand);
      assert.equal((await blairRecordings.post('/v1/convergedRecordings/softDelete', { trashAll: true })).status, 204);
      assert.equal((await blairRecordings.post('/v1/convergedRecordings/purge', { purgeAll: true })).status, 204);
      assert.deepEqual(await recordingOf(blairRecordings, { status: 'deleted' }), []);
      assertWebexError(await blairRecordings.get(`/v1/convergedRecordings/${onDemand}`), 404);
      const purged = await admin.get('/v1/admin/convergedRecordings', { status: 'purged' });
      assert.deepEqual(purged.body.items.map((r: { id: string }) => r.id), [onDemand]);
      assertWebexError(await blairRecordings.delete(`/v1/convergedRecordings/${onDemand}`), 403);
      assert.equal((await admin.delete(`/v1/convergedRecordings/${onDemand}`)).status, 204);
      assert.deepEqual((await admin.get('/v1/admin/convergedRecordings', { status: 'purged' })).body.items, []);
      assertWebexError(await blairRecordings.post('/v1/convergedRecordings/softDelete', {}), 400, /recordingIds/);
    });

    it('reassigns a recording to another person of the organization, and refuses someone outside it', async () => {
      const caseyEmail = (await admin.get(`/v1/people/${casey.id}`)).body.emails[0];
      const reply = await admin.post('/v1/convergedRecordings/reassign', { recordingIds: [always], reassignOwnerEmail: caseyEmail });
      assert.equal(reply.status, 204, reply.text);
      const caseyRecordings = await clientWithScopes(admin, casey.id, RECORDINGS);
      assert.deepEqual((await recordingOf(caseyRecordings)).map((r) => r.id), [always]);
      assert.equal((await recordingOf(caseyRecordings))[0]!.ownerEmail, caseyEmail);
      assertWebexError(await admin.post('/v1/convergedRecordings/reassign', { recordingIds: [always], reassignOwnerEmail: 'nobody@example.com' }), 400, /not a person/);
      assertWebexError(await alexRecordings.post('/v1/convergedRecordings/reassign', { recordingIds: [always], reassignOwnerEmail: caseyEmail }), 403);
    });

    it('isolates organizations', async () => {
      const other = await createOrganization(server.anonymous);
      assertWebexError(await other.admin.get(`/v1/convergedRecordings/${always}`), 404);
      assert.deepEqual((await other.admin.get('/v1/admin/convergedRecordings')).body.items, []);
    });
  });
}
