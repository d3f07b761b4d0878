import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { callAction, callsOf, demoCallers, history, onlyCall, pstnCall, session } from '../support/calls.ts';
import { dialects, testDatabase } from '../support/dialects.ts';
import { assertWebexError } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { callWorld, inWorld } from '../support/worlds.ts';

// Call flows end to end, through real HTTP: the Call Controls for the people's side, the
// simulator for the PSTN side, and a manual clock for timeouts.

const CALLER = '+14155550123';

for (const dialect of dialects) {
  describe(`call flows (${dialect})`, () => {
    it('given two people, when one clicks to dial the other, holds and resumes, then both see each step and history records the call', () =>
      inWorld(() => callWorld(dialect), async ({ alex, blair }) => {
        const dialled = await callAction(alex, 'dial', { destination: blair.extension }, 201);
        let mine = await onlyCall(alex);
        assert.equal(mine.id, dialled.callId);
        assert.deepEqual([mine.personality, mine.state], ['clickToDial', 'alerting']);
        assert.deepEqual([mine.remoteParty.name, mine.remoteParty.number, mine.remoteParty.callType], [blair.name, blair.extension, 'location']);
        assert.deepEqual(await callsOf(blair), [], 'the other side rings only once the caller answers');

        await callAction(alex, 'answer', { callId: dialled.callId });
        mine = await onlyCall(alex);
        assert.deepEqual([mine.personality, mine.state], ['originator', 'connecting']);
        let theirs = await onlyCall(blair);
        assert.deepEqual([theirs.personality, theirs.state, theirs.remoteParty.name], ['terminator', 'alerting', alex.name]);
        assert.equal(theirs.callSessionId, mine.callSessionId);

        await callAction(blair, 'answer', { callId: theirs.id });
        mine = await onlyCall(alex);
        theirs = await onlyCall(blair);
        assert.deepEqual([mine.state, theirs.state], ['connected', 'connected']);
        assert.ok(mine.answered && theirs.answered);
        assert.equal(mine.muteCapable, true);

        await callAction(alex, 'hold', { callId: mine.id });
        assert.deepEqual([(await onlyCall(alex)).state, (await onlyCall(blair)).state], ['held', 'remoteHeld']);
        await callAction(alex, 'resume', { callId: mine.id });
        assert.deepEqual([(await onlyCall(alex)).state, (await onlyCall(blair)).state], ['connected', 'connected']);

        await callAction(blair, 'hangup', { callId: theirs.id });
        assert.deepEqual(await callsOf(alex), []);
        assert.deepEqual(await callsOf(blair), []);
        assert.deepEqual((await history(alex, 'placed')).map((h) => [h.name, h.number]), [[blair.name, blair.extension]]);
        assert.deepEqual((await history(blair, 'received')).map((h) => h.name), [alex.name]);
        assertWebexError(await alex.api.get(`/v1/telephony/calls/${mine.id}`), 404);
      }));

    it('given an inbound PSTN call answered, when the person holds it, consults a colleague and transfers giving only callId2, then the caller and the colleague talk', () =>
      inWorld(() => callWorld(dialect), async ({ admin, alex, blair }) => {
        const inbound = await pstnCall(admin, CALLER, alex.extension);
        let first = await onlyCall(alex);
        assert.deepEqual([first.personality, first.state, first.remoteParty.number, first.remoteParty.callType], ['terminator', 'alerting', CALLER, 'external']);
        await callAction(alex, 'answer', { callId: first.id });
        await callAction(alex, 'hold', { callId: first.id });

        const consult = await callAction(alex, 'dial', { destination: blair.extension }, 201);
        await callAction(alex, 'answer', { callId: consult.callId });
        await callAction(blair, 'answer', { callId: (await onlyCall(blair)).id });
        const calls = await callsOf(alex);
        assert.deepEqual(calls.map((c) => c.state).sort(), ['connected', 'held']);
        assert.deepEqual(calls.map((c) => c.appearance).sort(), [1, 2]);

        // callId2 alone: the other call is callId1.
        await callAction(alex, 'transfer', { callId2: consult.callId });
        assert.deepEqual(await callsOf(alex), []);
        const joined = await onlyCall(blair);
        assert.equal(joined.state, 'connected');
        assert.equal(joined.remoteParty.number, CALLER, 'the colleague now talks to the caller');
        const legs = (await session(admin, inbound.callSessionId)).legs;
        assert.deepEqual(legs.map((l) => l.party.kind).sort(), ['person', 'pstn']);

        const reply = await admin.post(`/sandbox/v1/calls/${inbound.callSessionId}/pstn/hangup`);
        assert.equal(reply.status, 204, reply.text);
        assert.deepEqual(await callsOf(blair), []);
        first = (await history(alex, 'received'))[0] as never;
        assert.ok(first);
      }));

    it('given an inbound call answered, when the person dials a colleague, then the first call goes on hold, and a transfer with no body joins the caller and the colleague', () =>
      inWorld(() => callWorld(dialect), async ({ admin, alex, blair }) => {
        const inbound = await pstnCall(admin, CALLER, alex.extension);
        const first = await onlyCall(alex);
        await callAction(alex, 'answer', { callId: first.id });
        const consult = await callAction(alex, 'dial', { destination: blair.extension }, 201);
        assert.equal((await alex.api.get(`/v1/telephony/calls/${first.id}`)).body.state, 'connected', 'a click-to-dial still alerting takes nothing yet');
        await callAction(alex, 'answer', { callId: consult.callId });
        assert.equal((await alex.api.get(`/v1/telephony/calls/${first.id}`)).body.state, 'held', 'placing the second call held the first');
        const caller = (await session(admin, inbound.callSessionId)).legs.find((l) => l.party.kind === 'pstn')!;
        assert.equal(caller.state, 'remoteHeld');
        await callAction(blair, 'answer', { callId: (await onlyCall(blair)).id });

        const reply = await alex.api.request('POST', '/v1/telephony/calls/transfer', {});
        assert.equal(reply.status, 204, reply.text);
        assert.deepEqual(await callsOf(alex), []);
        const joined = await onlyCall(blair);
        assert.deepEqual([joined.state, joined.remoteParty.number], ['connected', CALLER]);
        assert.deepEqual(
          (await history(alex, 'placed')).map((h) => [h.name, h.number]),
          [[blair.name, blair.extension]],
          "the transferor's consultation call names who it went to",
        );
        assert.deepEqual((await history(alex, 'received')).map((h) => h.number), [CALLER]);
      }));

    it('given a connected call, when the person answers a second call or places one, then the other call goes on hold', () =>
      inWorld(() => callWorld(dialect), async ({ admin, alex, blair }) => {
        await pstnCall(admin, CALLER, alex.extension);
        const first = await onlyCall(alex);
        await callAction(alex, 'answer', { callId: first.id });
        await pstnCall(admin, '+14155550199', alex.extension);
        const second = (await callsOf(alex)).find((c) => c.id !== first.id)!;
        assert.equal(second.state, 'alerting');
        assert.equal((await alex.api.get(`/v1/telephony/calls/${first.id}`)).body.state, 'connected', 'a second call ringing holds nothing');
        await callAction(alex, 'answer', { callId: second.id });
        const states = new Map((await callsOf(alex)).map((c) => [c.id, c.state]));
        assert.deepEqual([states.get(first.id), states.get(second.id)], ['held', 'connected']);
        // The simulated phone placing a call directly holds the call it was on, too.
        const placed = await admin.post(`/sandbox/v1/calls`, { from: alex.id, to: blair.extension });
        assert.equal(placed.status, 201, placed.text);
        const after = (await callsOf(alex)).filter((c) => c.state !== 'held');
        assert.deepEqual(after.map((c) => c.state), ['connecting']);
      }));

    it('given an inbound call, when the person diverts it to voicemail, then the caller reaches the voicemail box until it hangs up', () =>
      inWorld(() => callWorld(dialect), async ({ admin, clock, alex }) => {
        const inbound = await pstnCall(admin, CALLER, alex.extension);
        await callAction(alex, 'divert', { callId: (await onlyCall(alex)).id, toVoicemail: true });
        assert.deepEqual(await callsOf(alex), []);
        let legs = (await session(admin, inbound.callSessionId)).legs;
        assert.deepEqual(legs.map((l) => [l.party.kind, l.state]), [
          ['pstn', 'connected'],
          ['voicemail', 'connected'],
        ]);
        assert.equal(legs[1]!.party.personId, alex.id);
        await clock.advance(20_000);
        legs = (await session(admin, inbound.callSessionId)).legs;
        assert.deepEqual(legs, [], 'the voicemail box hangs up after listening');
        assert.deepEqual(await history(alex, 'missed'), [], 'a diverted call is not missed');
      }));

    it('given an incoming call, when the person diverts it to a colleague, then the colleague rings with the redirection and the caller is forwarded', () =>
      inWorld(() => callWorld(dialect), async ({ admin, alex, blair }) => {
        const inbound = await pstnCall(admin, CALLER, alex.extension);
        await callAction(alex, 'divert', { callId: (await onlyCall(alex)).id, destination: blair.extension });
        assert.deepEqual(await callsOf(alex), []);
        const ringing = await onlyCall(blair);
        assert.deepEqual([ringing.state, ringing.remoteParty.number], ['alerting', CALLER]);
        assert.deepEqual(ringing.redirections, [
          { reason: 'divert', redirectingParty: { name: alex.name, number: alex.extension, personId: alex.id, privacyEnabled: false, callType: 'location' } },
        ]);
        await callAction(blair, 'answer', { callId: ringing.id });
        const answered = await onlyCall(blair);
        assert.equal(answered.redirections, undefined, 'redirections show only while alerting');
        assert.deepEqual((await session(admin, inbound.callSessionId)).legs.map((l) => l.state), ['connected', 'connected']);
      }));

    it('given a connected call, when the person transfers it to a destination, then a consultation call starts (201) and completes when the destination answers', () =>
      inWorld(() => callWorld(dialect), async ({ admin, alex, blair }) => {
        await pstnCall(admin, CALLER, alex.extension);
        const first = await onlyCall(alex);
        await callAction(alex, 'answer', { callId: first.id });
        const consultation = await callAction(alex, 'transfer', { callId1: first.id, destination: blair.extension }, 201);
        const mine = await callsOf(alex);
        assert.deepEqual(mine.map((c) => [c.id === consultation.callId ? 'consultation' : 'first', c.state]).sort(), [
          ['consultation', 'connecting'],
          ['first', 'held'],
        ]);
        const ringing = await onlyCall(blair);
        assert.equal(ringing.remoteParty.name, alex.name, 'the destination sees the transferring person while it rings');
        await callAction(blair, 'answer', { callId: ringing.id });
        assert.deepEqual(await callsOf(alex), [], 'the transfer completes: both of the person’s calls end');
        const joined = await onlyCall(blair);
        assert.deepEqual([joined.state, joined.remoteParty.number], ['connected', CALLER]);
      }));

    it('given a transfer to a destination that does not answer, then nothing is transferred and the person can resume', () =>
      inWorld(() => callWorld(dialect), async ({ admin, clock, alex, blair }) => {
        await pstnCall(admin, CALLER, alex.extension);
        const first = await onlyCall(alex);
        await callAction(alex, 'answer', { callId: first.id });
        await callAction(alex, 'transfer', { callId1: first.id, destination: blair.extension }, 201);
        await callAction(blair, 'reject', { callId: (await onlyCall(blair)).id });
        const left = await onlyCall(alex);
        assert.deepEqual([left.id, left.state], [first.id, 'held']);
        await callAction(alex, 'resume', { callId: first.id });
        assert.equal((await onlyCall(alex)).state, 'connected');
        await clock.advance(60_000);
        assert.equal((await onlyCall(alex)).state, 'connected');
      }));

    it('given a connected call, when the person parks it, then another person retrieves it with their own token', () =>
      inWorld(() => callWorld(dialect), async ({ admin, alex, blair }) => {
        const inbound = await pstnCall(admin, CALLER, alex.extension);
        const call = await onlyCall(alex);
        await callAction(alex, 'answer', { callId: call.id });
        const parked = await callAction(alex, 'park', { callId: call.id }, 200);
        assert.deepEqual(parked.parkedAgainst, { name: alex.name, number: alex.extension, personId: alex.id, privacyEnabled: false, callType: 'location' });
        assert.deepEqual(await callsOf(alex), []);

        const retrieved = await callAction(blair, 'retrieve', { destination: parked.parkedAgainst.number }, 201);
        const ringing = await onlyCall(blair);
        assert.equal(ringing.id, retrieved.callId);
        assert.deepEqual([ringing.personality, ringing.state], ['clickToDial', 'alerting']);
        await callAction(blair, 'answer', { callId: retrieved.callId });
        const talking = await onlyCall(blair);
        assert.deepEqual([talking.state, talking.remoteParty.number], ['connected', CALLER]);
        assert.equal((await session(admin, inbound.callSessionId)).legs.find((l) => l.party.kind === 'pstn')!.state, 'connected');
        assertWebexError(await blair.api.post('/v1/telephony/calls/retrieve', { destination: alex.extension }), 404, /parked/);
        await callAction(blair, 'hangup', { callId: retrieved.callId });
        assert.deepEqual(
          (await history(blair, 'placed')).map((h) => h.number),
          [CALLER],
          'the retrieved call leaves a placed record naming the parked party',
        );
      }));

    it('given a parked call nobody retrieves, when the recall time passes, then it rings back the person who parked it', () =>
      inWorld(() => callWorld(dialect), async ({ admin, clock, alex }) => {
        await pstnCall(admin, CALLER, alex.extension);
        const call = await onlyCall(alex);
        await callAction(alex, 'answer', { callId: call.id });
        await callAction(alex, 'park', { callId: call.id }, 200);
        await clock.advance(45_000);
        const recall = await onlyCall(alex);
        assert.deepEqual([recall.state, recall.recall?.type], ['alerting', 'park']);
        await callAction(alex, 'answer', { callId: recall.id });
        assert.deepEqual([(await onlyCall(alex)).state, (await onlyCall(alex)).remoteParty.number], ['connected', CALLER]);
      }));

    it('given a person recording on demand, when they start, pause, resume and stop recording, then the call shows each state', () =>
      inWorld(() => callWorld(dialect), async ({ admin, alex }) => {
        await pstnCall(admin, CALLER, alex.extension);
        const call = await onlyCall(alex);
        assertWebexError(await alex.api.post('/v1/telephony/calls/startRecording', { callId: call.id }), 409, /alerting/);
        await callAction(alex, 'answer', { callId: call.id });
        assert.equal((await onlyCall(alex)).recordingState, undefined);
        for (const [action, state] of [
          ['startRecording', 'started'],
          ['pauseRecording', 'paused'],
          ['resumeRecording', 'started'],
          ['stopRecording', 'stopped'],
        ] as const) {
          await callAction(alex, action, { callId: call.id });
          assert.equal((await onlyCall(alex)).recordingState, state, action);
        }
        assertWebexError(await alex.api.post('/v1/telephony/calls/pauseRecording', {}), 409, /not being recorded/);
        await callAction(alex, 'startRecording', {}, 204);
        assert.equal((await onlyCall(alex)).recordingState, 'started', 'without a callId, the only call');

        const settings = await admin.put(`/v1/people/${alex.id}/features/callRecording`, { record: 'Always with Pause/Resume' });
        assert.equal(settings.status, 204, settings.text);
        assertWebexError(await alex.api.post('/v1/telephony/calls/stopRecording', { callId: call.id }), 409, /Always with Pause\/Resume/);
        await callAction(alex, 'pauseRecording', { callId: call.id });
      }));

    it('given a call nobody answers, when the ring timeout passes, then it ends and the person has a missed call', () =>
      inWorld(() => callWorld(dialect), async ({ admin, clock, blair }) => {
        const inbound = await pstnCall(admin, CALLER, blair.extension);
        await clock.advance(29_000);
        assert.equal((await onlyCall(blair)).state, 'alerting');
        await clock.advance(1_000);
        assert.deepEqual(await callsOf(blair), []);
        assert.deepEqual((await session(admin, inbound.callSessionId)).legs, []);
        const missed = await history(blair, 'missed');
        assert.deepEqual(missed.map((h) => [h.type, h.number, h.privacyEnabled]), [['missed', CALLER, false]]);
        assert.equal(missed[0]!.time, clock.now().toISOString(), 'a missed call is timed when it ended');
      }));

    for (const action of ['busy', 'temporarilyUnavailable', 'ignore'] as const) {
      it(`given an incoming call, when the person rejects it with ${action}, then ${action === 'ignore' ? 'the caller rings on until the timeout' : 'the call ends'}`, () =>
        inWorld(() => callWorld(dialect), async ({ admin, clock, blair }) => {
          const inbound = await pstnCall(admin, CALLER, blair.extension);
          await callAction(blair, 'reject', { callId: (await onlyCall(blair)).id, action });
          assert.deepEqual(await callsOf(blair), []);
          const legs = (await session(admin, inbound.callSessionId)).legs;
          if (action === 'ignore') {
            assert.deepEqual(legs.map((l) => [l.party.kind, l.state]), [['pstn', 'connecting']]);
            await clock.advance(30_000);
            assert.deepEqual((await session(admin, inbound.callSessionId)).legs, []);
          } else {
            assert.deepEqual(legs, []);
          }
          assert.equal((await history(blair, 'missed')).length, 1);
        }));
    }

    it('given calls to the documented magic numbers, then the PSTN parties behave as documented', () =>
      inWorld(() => callWorld(dialect), async ({ clock, alex }) => {
        const dialAndAnswer = async (number: string) => {
          const { callId } = await callAction(alex, 'dial', { destination: number }, 201);
          await callAction(alex, 'answer', { callId });
          return callId as string;
        };
        // busy
        await dialAndAnswer('+12025550186');
        await clock.advance(0);
        assert.deepEqual(await callsOf(alex), [], 'busy: the call ends at once');
        // answers after the configured delay, like any external number
        const normal = await dialAndAnswer('+12025550150');
        await clock.advance(2000);
        assert.equal((await onlyCall(alex)).state, 'connected');
        await callAction(alex, 'hangup', { callId: normal });
        // answers, then hangs up after 10 s
        await dialAndAnswer('+12025550189');
        await clock.advance(1000);
        assert.equal((await onlyCall(alex)).state, 'connected');
        await clock.advance(10_000);
        assert.deepEqual(await callsOf(alex), []);
        // never answers: rings out
        await dialAndAnswer('+12025550187');
        await clock.advance(29_000);
        assert.equal((await onlyCall(alex)).state, 'connecting');
        await clock.advance(1_000);
        assert.deepEqual(await callsOf(alex), []);
        assert.equal((await history(alex, 'placed')).length, 4);
      }));
  });
}

describe('active calls across a restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'callplane-calls-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('given a connected and a ringing call, when the server restarts, then both are there with the same IDs and states, and timers still run', async () => {
    const config = { database: { kind: 'sqlite' as const, path: join(dir, 'store.sqlite') }, adminToken: 'restart-calls-admin-token-1234' };
    const first = await startServer('sqlite', { clock: new SandboxClock('manual'), config });
    let before: Record<string, unknown>[];
    let blairToken: string;
    {
      const { alex, blair } = await demoCallers(first.admin);
      blairToken = blair.api.token!;
      await pstnCall(first.admin, CALLER, alex.extension);
      await callAction(alex, 'answer', { callId: (await onlyCall(alex)).id });
      await pstnCall(first.admin, '+14155550199', blair.extension);
      before = [...(await callsOf(alex)), ...(await callsOf(blair))];
    }
    await first.app.close();

    const clock = new SandboxClock('manual');
    const second: TestServer = await startServer('sqlite', { clock, config });
    try {
      const blairApi = second.admin.withToken(blairToken);
      const alexCalls = (await demoCallers(second.admin)).alex;
      const after = [...(await callsOf(alexCalls)), ...((await blairApi.get('/v1/telephony/calls')).body.items as Record<string, unknown>[])];
      assert.deepEqual(after, before);
      await clock.advance(30_000);
      assert.deepEqual((await blairApi.get('/v1/telephony/calls')).body.items, [], 'the ring timeout still fires after the restart');
      assert.equal((await onlyCall(alexCalls)).state, 'connected');
    } finally {
      await second.close();
    }
  });
});

for (const dialect of dialects) {
  describe(`call timers across processes (${dialect})`, () => {
    it('given a ringing call created by one process, when that process stops before its timers fire, then another process on the same store times it out', async () => {
      const database = testDatabase(dialect, { file: true });
      const config = { database: database.config, adminToken: `timers-admin-token-${dialect}-1234` };
      const a = await startServer(dialect, { clock: new SandboxClock('manual'), config });
      const clockB = new SandboxClock('manual');
      const b = await startServer(dialect, { clock: clockB, config });
      let aOpen = true;
      try {
        const { alex } = await demoCallers(a.admin);
        const { callSessionId } = await pstnCall(a.admin, CALLER, alex.extension);
        assert.equal((await onlyCall(alex)).state, 'alerting');
        // A stops; its clock never reached the ring timeout.
        await a.app.close();
        aOpen = false;
        const alexOnB = { ...alex, api: b.admin.withToken(alex.api.token!) };
        await clockB.advance(30_000);
        let calls = await callsOf(alexOnB);
        for (let i = 0; i < 50 && calls.length > 0; i++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          await clockB.advance(0);
          calls = await callsOf(alexOnB);
        }
        assert.deepEqual(calls, [], 'the ring timeout fired on the other process');
        assert.deepEqual((await session(b.admin, callSessionId)).legs, []);
        assert.equal((await history(alexOnB, 'missed')).length, 1);
      } finally {
        if (aOpen) await a.app.close();
        await b.app.close();
        await database.drop();
      }
    });
  });
}
