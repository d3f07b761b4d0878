import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callAction, callsOf, onlyCall, pstnCall, session, type Caller } from '../support/calls.ts';
import { dialects } from '../support/dialects.ts';
import { clientWithScopes } from '../support/factories.ts';
import { callWorld, inWorld, officeSchedules, type CallWorld, WEDNESDAY_10AM_NEW_YORK } from '../support/worlds.ts';

// Calls that a person's ring settings change, end to end: simultaneous ring, single number reach,
// selective reject / accept / forward (by caller and by schedule) and call block, set through the
// Webex API (admin and For Me paths), the calls through the simulator and the Call Controls API.
// The clock stands still on a Wednesday at 10:00 in New York (the demo location's time zone).

const CALLER = '+14155550123';
const OTHER_CALLER = '+14155550124';
/** A PSTN number that rings and never answers (docs/simulator.md). */
const NEVER_ANSWERS = '+14155550187';

type World = CallWorld;

const config = (person: Caller, name: string) => `/v1/telephony/config/people/${person.id}/${name}`;

async function put(w: World, path: string, body: Record<string, unknown>) {
  const reply = await w.admin.put(path, body);
  assert.equal(reply.status, 204, reply.text);
}

async function post(w: World, path: string, body: Record<string, unknown>): Promise<string> {
  const reply = await w.admin.post(path, body);
  assert.ok([200, 201].includes(reply.status), reply.text);
  return reply.body.id;
}

const legsOf = async (w: World, callSessionId: string) => (await session(w.admin, callSessionId)).legs;
const ringing = async (w: World, callSessionId: string) =>
  (await legsOf(w, callSessionId)).filter((l) => l.state === 'alerting').map((l) => l.party.personId ?? l.party.number);
const personIdOf = (caller: Caller) => caller.id;

for (const dialect of dialects) {
  describe(`calls by a person's ring settings (${dialect})`, () => {
    describe('simultaneous ring', () => {
      it('given simultaneous ring to a colleague and a PSTN number, when a caller calls, then all three ring; the colleague answers and the others stop', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          const { admin, alex, blair } = w;
          await put(w, config(alex, 'simultaneousRing'), {
            enabled: true,
            phoneNumbers: [
              { phoneNumber: blair.extension, answerConfirmationEnabled: false },
              { phoneNumber: NEVER_ANSWERS, answerConfirmationEnabled: false },
            ],
          });
          const inbound = await pstnCall(admin, CALLER, alex.extension);
          assert.deepEqual((await ringing(w, inbound.callSessionId)).sort(), [personIdOf(alex), personIdOf(blair), NEVER_ANSWERS].sort());
          const atBlair = await onlyCall(blair);
          assert.deepEqual([atBlair.remoteParty.number, (atBlair.redirections as any[])[0].reason], [CALLER, 'followMe']);
          await callAction(blair, 'answer', { callId: atBlair.id });
          assert.deepEqual(await callsOf(alex), [], 'the person’s phone stopped ringing');
          assert.deepEqual(
            (await legsOf(w, inbound.callSessionId)).filter((l) => l.state !== 'disconnected').map((l) => [l.party.personId ?? l.party.number, l.state]).sort(),
            [[CALLER, 'connected'], [personIdOf(blair), 'connected']].sort(),
          );
        }));

      it('given simultaneous ring, when the colleague declines, then the person’s phone rings on', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          const { admin, alex, blair } = w;
          await put(w, config(alex, 'simultaneousRing'), { enabled: true, phoneNumbers: [{ phoneNumber: blair.extension, answerConfirmationEnabled: false }] });
          await pstnCall(admin, CALLER, alex.extension);
          await callAction(blair, 'reject', { callId: (await onlyCall(blair)).id, action: 'busy' });
          assert.equal((await onlyCall(alex)).state, 'alerting');
          assert.deepEqual(await callsOf(blair), []);
        }));

      it('given "do not ring if on a call" (the default), when a second call comes in while the person talks, then only the person’s phone rings', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          const { admin, alex, blair } = w;
          await put(w, config(alex, 'simultaneousRing'), { enabled: true, phoneNumbers: [{ phoneNumber: blair.extension, answerConfirmationEnabled: false }] });
          const first = await pstnCall(admin, CALLER, alex.extension);
          await callAction(blair, 'reject', { callId: (await onlyCall(blair)).id, action: 'busy' });
          await callAction(alex, 'answer', { callId: (await onlyCall(alex)).id });
          const second = await pstnCall(admin, OTHER_CALLER, alex.extension);
          assert.deepEqual(await ringing(w, second.callSessionId), [personIdOf(alex)]);
          assert.deepEqual(await callsOf(blair), []);
          assert.deepEqual(await ringing(w, first.callSessionId), [], 'the first call is answered');
        }));

      it('given criteria on (ring for one caller only), then that caller’s calls ring the colleague too and another caller’s do not', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          const { admin, alex, blair } = w;
          await put(w, config(alex, 'simultaneousRing'), { enabled: true, criteriasEnabled: true, phoneNumbers: [{ phoneNumber: blair.extension, answerConfirmationEnabled: false }] });
          await post(w, config(alex, 'simultaneousRing/criteria'), { callsFrom: 'SELECT_PHONE_NUMBERS', phoneNumbers: [CALLER], ringEnabled: true });
          const other = await pstnCall(admin, OTHER_CALLER, alex.extension);
          assert.deepEqual(await ringing(w, other.callSessionId), [personIdOf(alex)]);
          await callAction(alex, 'reject', { callId: (await onlyCall(alex)).id, action: 'busy' });
          const chosen = await pstnCall(admin, CALLER, alex.extension);
          assert.deepEqual((await ringing(w, chosen.callSessionId)).sort(), [personIdOf(alex), personIdOf(blair)].sort());
        }));
    });

    describe('sequential ring', () => {
      const RING = 6000;

      it('given the person’s phone first, then a colleague, then a PSTN number, then voicemail, when nobody answers, then each rings for its rings in turn', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          const { admin, alex, blair, clock } = w;
          const own = await clientWithScopes(admin, alex.id, ['spark:calls_read', 'spark:calls_write']);
          const reply = await own.put('/v1/telephony/config/people/me/settings/sequentialRing', {
            enabled: true,
            ringBaseLocationFirstEnabled: true,
            baseLocationNumberOfRings: 2,
            callsToVoicemailEnabled: true,
            phoneNumbers: [
              { phoneNumber: blair.extension, answerConfirmationRequiredEnabled: false, numberOfRings: 3 },
              { phoneNumber: NEVER_ANSWERS, answerConfirmationRequiredEnabled: false, numberOfRings: 2 },
            ],
          });
          assert.equal(reply.status, 204, reply.text);
          const inbound = await pstnCall(admin, CALLER, alex.extension);
          assert.deepEqual(await ringing(w, inbound.callSessionId), [alex.id]);
          await clock.advance(2 * RING - 1);
          assert.deepEqual(await ringing(w, inbound.callSessionId), [alex.id], 'the person’s phone rings its 2 rings');
          await clock.advance(1);
          assert.deepEqual(await ringing(w, inbound.callSessionId), [blair.id]);
          const atBlair = await onlyCall(blair);
          assert.deepEqual([atBlair.remoteParty.number, (atBlair.redirections as any[])[0].reason], [CALLER, 'followMe']);
          await clock.advance(3 * RING);
          assert.deepEqual(await ringing(w, inbound.callSessionId), [NEVER_ANSWERS]);
          await clock.advance(2 * RING);
          const live = (await legsOf(w, inbound.callSessionId)).filter((l) => l.state !== 'disconnected');
          assert.deepEqual(live.map((l) => [l.party.kind, l.state]).sort(), [['pstn', 'connected'], ['voicemail', 'connected']].sort(), 'the caller reached voicemail');
        }));

      it('given the sequence answered by the colleague, then the call is theirs', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          const { admin, alex, blair, clock } = w;
          const own = await clientWithScopes(admin, alex.id, ['spark:calls_read', 'spark:calls_write']);
          const body = { enabled: true, ringBaseLocationFirstEnabled: false, phoneNumbers: [{ phoneNumber: blair.extension, answerConfirmationRequiredEnabled: false, numberOfRings: 2 }] };
          assert.equal((await own.put('/v1/telephony/config/people/me/settings/sequentialRing', body)).status, 204);
          await pstnCall(admin, CALLER, alex.extension);
          assert.deepEqual(await callsOf(alex), [], 'the person’s phone does not ring first');
          await callAction(blair, 'answer', { callId: (await onlyCall(blair)).id });
          await clock.advance(5 * RING);
          assert.equal((await onlyCall(blair)).state, 'connected');
        }));

      it('given a criterion for one caller, then another caller’s call rings the person as usual', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          const { admin, alex, blair } = w;
          const own = await clientWithScopes(admin, alex.id, ['spark:calls_read', 'spark:calls_write']);
          const body = { enabled: true, ringBaseLocationFirstEnabled: false, phoneNumbers: [{ phoneNumber: blair.extension, answerConfirmationRequiredEnabled: false, numberOfRings: 2 }] };
          assert.equal((await own.put('/v1/telephony/config/people/me/settings/sequentialRing', body)).status, 204);
          await officeSchedules(w, alex);
          const criterion = { callsFrom: 'SELECT_PHONE_NUMBERS', phoneNumbers: [CALLER], scheduleName: 'Office', scheduleType: 'businessHours', ringEnabled: true };
          assert.equal((await own.post('/v1/telephony/config/people/me/settings/sequentialRing/criteria', criterion)).status, 200);
          const other = await pstnCall(admin, OTHER_CALLER, alex.extension);
          assert.deepEqual(await ringing(w, other.callSessionId), [alex.id]);
          await callAction(alex, 'reject', { callId: (await onlyCall(alex)).id, action: 'busy' });
          const chosen = await pstnCall(admin, CALLER, alex.extension);
          assert.deepEqual(await ringing(w, chosen.callSessionId), [blair.id]);
        }));
    });

    describe('single number reach', () => {
      it('given an enabled single number reach number (added on the For Me path), when a caller calls, then it rings with the person’s phone; disabled, it does not', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          const { admin, alex } = w;
          const own = await clientWithScopes(admin, alex.id, ['spark:calls_read', 'spark:calls_write']);
          const added = await own.post('/v1/telephony/config/people/me/settings/singleNumberReach/numbers', { phoneNumber: NEVER_ANSWERS, name: 'Mobile', enabled: true });
          assert.equal(added.status, 201, added.text);
          const first = await pstnCall(admin, CALLER, alex.extension);
          assert.deepEqual((await ringing(w, first.callSessionId)).sort(), [personIdOf(alex), NEVER_ANSWERS].sort());
          await callAction(alex, 'answer', { callId: (await onlyCall(alex)).id });
          assert.deepEqual(await ringing(w, first.callSessionId), [], 'the mobile stopped ringing');
          await callAction(alex, 'hangup', { callId: (await onlyCall(alex)).id });

          const path = `/v1/telephony/config/people/${alex.id}/singleNumberReach/numbers/${added.body.id}`;
          assert.equal((await admin.put(path, { phoneNumber: NEVER_ANSWERS, name: 'Mobile', enabled: false })).status, 200);
          const second = await pstnCall(admin, CALLER, alex.extension);
          assert.deepEqual(await ringing(w, second.callSessionId), [personIdOf(alex)]);
        }));
    });

    describe('selective reject', () => {
      it('given a criterion rejecting one caller, then that caller’s call ends at once and another caller’s rings', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          const { admin, alex } = w;
          await put(w, config(alex, 'selectiveReject'), { enabled: true });
          await post(w, config(alex, 'selectiveReject/criteria'), { callsFrom: 'SELECT_PHONE_NUMBERS', phoneNumbers: [CALLER], rejectEnabled: true });
          const rejected = await pstnCall(admin, CALLER, alex.extension);
          assert.deepEqual(await legsOf(w, rejected.callSessionId), [], 'the caller’s call ended');
          assert.deepEqual(await callsOf(alex), []);
          await pstnCall(admin, OTHER_CALLER, alex.extension);
          assert.equal((await onlyCall(alex)).remoteParty.number, OTHER_CALLER);
        }));

      it('given a criterion rejecting every caller during a schedule, then calls are rejected while it is in force and ring while it is not', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          const { admin, alex } = w;
          await officeSchedules(w, alex);
          await put(w, config(alex, 'selectiveReject'), { enabled: true });
          const id = await post(w, config(alex, 'selectiveReject/criteria'), { callsFrom: 'ANY_PHONE_NUMBER', scheduleName: 'Office', scheduleType: 'businessHours', rejectEnabled: true });
          const during = await pstnCall(admin, CALLER, alex.extension);
          assert.deepEqual(await legsOf(w, during.callSessionId), [], 'rejected during office hours');
          await put(w, `${config(alex, 'selectiveReject/criteria')}/${id}`, { callsFrom: 'ANY_PHONE_NUMBER', scheduleName: 'Evenings', scheduleType: 'businessHours', rejectEnabled: true });
          await pstnCall(admin, CALLER, alex.extension);
          assert.equal((await onlyCall(alex)).state, 'alerting', 'rings outside the evening schedule');
        }));

      it('given selective reject turned off, then its criteria reject nothing', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          const { admin, alex } = w;
          await post(w, config(alex, 'selectiveReject/criteria'), { callsFrom: 'ANY_PHONE_NUMBER', rejectEnabled: true });
          await pstnCall(admin, CALLER, alex.extension);
          assert.equal((await onlyCall(alex)).state, 'alerting');
        }));
    });

    describe('selective accept', () => {
      it('given a criterion accepting one caller, then only that caller’s calls ring; a colleague’s call is refused too', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          const { admin, alex, blair } = w;
          await put(w, config(alex, 'selectiveAccept'), { enabled: true });
          await post(w, config(alex, 'selectiveAccept/criteria'), { callsFrom: 'SELECT_PHONE_NUMBERS', phoneNumbers: [CALLER], acceptEnabled: true });
          const other = await pstnCall(admin, OTHER_CALLER, alex.extension);
          assert.deepEqual(await legsOf(w, other.callSessionId), []);
          const dialled = await callAction(blair, 'dial', { destination: alex.extension }, 201);
          await callAction(blair, 'answer', { callId: dialled.callId });
          assert.deepEqual(await callsOf(blair), [], 'the colleague’s call is refused');
          await pstnCall(admin, CALLER, alex.extension);
          assert.equal((await onlyCall(alex)).remoteParty.number, CALLER);
        }));
    });

    describe('call block', () => {
      it('given the person blocks a number on the For Me path, then its calls never ring them; unblocked, they do', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          const { admin, alex } = w;
          const own = await clientWithScopes(admin, alex.id, ['spark:calls_read', 'spark:calls_write']);
          const blocked = await own.post('/v1/telephony/config/people/me/settings/callBlock/numbers', { phoneNumber: OTHER_CALLER });
          assert.equal(blocked.status, 201, blocked.text);
          const first = await pstnCall(admin, OTHER_CALLER, alex.extension);
          assert.deepEqual(await legsOf(w, first.callSessionId), []);
          assert.deepEqual(await callsOf(alex), []);
          assert.equal((await own.delete(`/v1/telephony/config/people/me/settings/callBlock/numbers/${blocked.body.id}`)).status, 204);
          await pstnCall(admin, OTHER_CALLER, alex.extension);
          assert.equal((await onlyCall(alex)).remoteParty.number, OTHER_CALLER);
        }));
    });

    describe('selective forward', () => {
      it('given external callers forwarded to a colleague, then a PSTN call goes to the colleague with the redirection and an internal call rings the person', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          const { admin, alex, blair, casey } = w;
          await put(w, config(alex, 'selectiveForward'), { enabled: true, defaultPhoneNumberToForward: blair.extension });
          await post(w, config(alex, 'selectiveForward/criteria'), { forwardToPhoneNumber: '', sendToVoicemailEnabled: false, callsFrom: 'ANY_EXTERNAL', forwardEnabled: true });
          await pstnCall(admin, CALLER, alex.extension);
          assert.deepEqual(await callsOf(alex), []);
          const atBlair = await onlyCall(blair);
          assert.deepEqual([atBlair.remoteParty.number, (atBlair.redirections as any[]).map((r) => [r.reason, r.redirectingParty.personId])], [CALLER, [['unconditional', alex.id]]]);
          const dialled = await callAction(casey, 'dial', { destination: alex.extension }, 201);
          await callAction(casey, 'answer', { callId: dialled.callId }).catch(() => undefined);
          assert.equal((await onlyCall(alex)).remoteParty.personId, casey.id);
        }));
    });
  });
}
