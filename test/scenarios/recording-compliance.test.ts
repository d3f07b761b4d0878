import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readWav } from '../../src/domain/announcements/wav.ts';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { upload, wav } from '../support/announcements.ts';
import { callAction, CALL_SCOPES, demoCallers, onlyCall, pstnCall, type Caller } from '../support/calls.ts';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { clientWithScopes } from '../support/factories.ts';
import { startServer } from '../support/server.ts';
import { WebhookSink } from '../support/webhook-sink.ts';

// The compliance announcement of a location changes its people's PSTN calls: the PSTN party hears
// it first (an outbound call after the location's delay), and an "Always" recording is pending
// until it has played, then starts; the recording's length and WAV audio leave the announcement out.

const CALLER = '+14155550144';
const compliancePath = (locationId: string) => `/v1/telephony/config/locations/${locationId}/callRecording/complianceAnnouncement`;

type World = { admin: Client; alex: Caller; recordings: Client; clock: SandboxClock; locationId: string };

for (const dialect of dialects) {
  describe(`compliance announcement and recording (${dialect})`, () => {
    const inWorld = async (run: (w: World) => Promise<void>) => {
      const clock = new SandboxClock('manual');
      const server = await startServer(dialect, {
        clock,
        config: { webhooks: { maxFailures: 50, retryBaseMs: 1000, retryMaxMs: 4000, timeoutMs: 2000, egress: { allowLoopback: true, allowPrivate: false } } },
      });
      try {
        const admin = server.admin;
        const { alex } = await demoCallers(admin);
        const recordings = await clientWithScopes(admin, alex.id, [...CALL_SCOPES, 'spark:recordings_read']);
        assert.equal((await admin.put(`/v1/people/${alex.id}/features/callRecording`, { enabled: true, record: 'Always' })).status, 204);
        const locationId = (await admin.get(`/v1/people/${alex.id}`, { callingData: true })).body.locationId as string;
        await run({ admin, alex, recordings, clock, locationId });
      } finally {
        await server.close();
      }
    };
    const setCompliance = async (w: World, body: Record<string, unknown>) => {
      const reply = await w.admin.put(compliancePath(w.locationId), { useOrgSettingsEnabled: false, ...body });
      assert.equal(reply.status, 204, reply.text);
    };
    /** A PSTN call to Alex, answered: its callId. */
    const answeredCall = async (w: World) => {
      await pstnCall(w.admin, CALLER, w.alex.extension);
      const { id } = await onlyCall(w.alex);
      await callAction(w.alex, 'answer', { callId: id });
      return id;
    };
    const recordingState = async (w: World) => (await onlyCall(w.alex)).recordingState;

    it('given inbound compliance, the recording is pending while the announcement plays, then starts; events say so', () =>
      inWorld(async (w) => {
        const sink = await WebhookSink.start();
        try {
          const hook = await w.alex.api.post('/v1/webhooks', { name: 'calls', targetUrl: sink.url(), resource: 'telephony_calls', event: 'all' });
          assert.equal(hook.status, 200, hook.text);
          await setCompliance(w, { inboundPSTNCallsEnabled: true });
          const callId = await answeredCall(w);
          assert.equal(await recordingState(w), 'pending');
          await w.clock.advance(4_000);
          assert.equal(await recordingState(w), 'pending');
          await w.clock.advance(1_000);
          assert.equal(await recordingState(w), 'started');
          const states = () => sink.accepted().filter((r) => r.body.data?.callId === callId && r.body.data.eventType === 'recording').map((r) => r.body.data.recordingState);
          await sink.waitFor(() => states().length === 2, 'the recording events');
          assert.deepEqual(states(), ['pending', 'started']);

          await w.clock.advance(20_000);
          await callAction(w.alex, 'hangup', { callId });
          const [recording] = (await w.recordings.get('/v1/convergedRecordings')).body.items;
          assert.equal(recording.durationSeconds, 20);
          const details = (await w.recordings.get(`/v1/convergedRecordings/${recording.id}`)).body;
          const audio = await fetch(details.temporaryDirectDownloadLinks.audioDownloadLink, { headers: { authorization: `Bearer ${w.recordings.token}`, accept: 'audio/wav' } });
          assert.equal(audio.headers.get('content-type'), 'audio/wav');
          const read = readWav(new Uint8Array(await audio.arrayBuffer()));
          assert.ok(read.ok);
          assert.deepEqual([read.info.format, read.info.sampleRate, read.info.bitsPerSample, read.info.channels, read.info.seconds], [7, 8000, 8, 1, 20]);
        } finally {
          await sink.close();
        }
      }));

    it('given outbound compliance with a delay, the announcement plays after the delay and the recording waits for both', () =>
      inWorld(async (w) => {
        await setCompliance(w, { inboundPSTNCallsEnabled: false, outboundPSTNCallsEnabled: true, outboundPSTNCallsDelayEnabled: true, delayInSeconds: 3 });
        const dialled = await callAction(w.alex, 'dial', { destination: '+14155550199' }, 201);
        await callAction(w.alex, 'answer', { callId: dialled.callId });
        await w.clock.advance(2_000); // the PSTN party answers
        assert.equal(await recordingState(w), 'pending');
        await w.clock.advance(7_000);
        assert.equal(await recordingState(w), 'pending');
        await w.clock.advance(1_000);
        assert.equal(await recordingState(w), 'started');
        // Inbound calls play nothing at this location: recording starts on answer.
        await callAction(w.alex, 'hangup', { callId: dialled.callId });
        await answeredCall(w);
        assert.equal(await recordingState(w), 'started');
      }));

    it('given a custom compliance announcement, the recording waits as long as its file plays', () =>
      inWorld(async (w) => {
        const file = await upload(w.admin, 'POST', `/v1/telephony/config/locations/${w.locationId}/announcements`, { name: 'Compliance', fileName: 'c.wav', content: wav({ seconds: 8 }) });
        assert.equal(file.status, 201, file.text);
        await setCompliance(w, { inboundPSTNCallsEnabled: true, useOrgLevelAnnouncementEnabled: false, customComplianceAnnouncement: { type: 'CUSTOM', audioAnnouncementFileId: file.body.id } });
        await answeredCall(w);
        await w.clock.advance(7_000);
        assert.equal(await recordingState(w), 'pending');
        await w.clock.advance(1_000);
        assert.equal(await recordingState(w), 'started');
      }));

    it('given no compliance announcement (the default), an "Always" recording starts on answer', () =>
      inWorld(async (w) => {
        await answeredCall(w);
        assert.equal(await recordingState(w), 'started');
      }));
  });
}
