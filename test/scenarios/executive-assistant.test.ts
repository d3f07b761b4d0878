import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callAction, callsOf, onlyCall, pstnCall, session, type Caller } from '../support/calls.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError } from '../support/factories.ts';
import { callWorld, inWorld, officeSchedules, type CallWorld, WEDNESDAY_10AM_NEW_YORK } from '../support/worlds.ts';

// Executive call filtering end to end: Alex is an executive, Blair and Casey their assistants.
// The settings are made through the Webex API (the person's executive type, assigned assistants,
// each assistant's opt-in, the filter, alert and screening settings), the calls through the
// simulator, answered and pushed through the Call Controls API, time through the manual clock.

const CALLER = '+14155550123';
/** A PSTN number that rings and never answers (docs/simulator.md). */
const NEVER_ANSWERS = '+14155550187';
const RING = 6000;

/** The manual clock starts on a Wednesday at 10:00 in New York (the demo location's time zone). */
type World = CallWorld;

async function put(w: World, path: string, body: Record<string, unknown>) {
  const reply = await w.admin.put(path, body);
  assert.equal(reply.status, 204, `${path}: ${reply.text}`);
}

const executive = (person: Caller, name: string) => `/v1/telephony/config/people/${person.id}/executive/${name}`;

type Setup = { filterType?: string; alert?: Record<string, unknown>; screening?: boolean; alertType?: string; optedOut?: Caller[] };

/** Alex the executive, Blair and Casey the assistants (opted in unless said), filtering on. */
async function executiveWithAssistants(w: World, setup: Setup = {}) {
  const { alex, blair, casey } = w;
  await put(w, `/v1/people/${alex.id}/features/executiveAssistant`, { type: 'EXECUTIVE' });
  for (const assistant of [blair, casey]) await put(w, `/v1/people/${assistant.id}/features/executiveAssistant`, { type: 'EXECUTIVE_ASSISTANT' });
  await put(w, executive(alex, 'assignedAssistants'), { assistantIds: [blair.id, casey.id] });
  for (const assistant of [blair, casey]) {
    const optInEnabled = !(setup.optedOut ?? []).some((o) => o.id === assistant.id);
    await put(w, executive(assistant, 'assistant'), { forwardFilteredCallsEnabled: false, executives: [{ personId: alex.id, optInEnabled }] });
  }
  await put(w, executive(alex, 'alert'), { alertingMode: 'SIMULTANEOUS', rolloverEnabled: false, ...setup.alert });
  await put(w, executive(alex, 'screening'), { enabled: setup.screening ?? false, alertType: setup.alertType ?? 'SILENT' });
  await put(w, executive(alex, 'callFiltering'), { enabled: true, filterType: setup.filterType ?? 'ALL_CALLS' });
}

const liveLegs = async (w: World, callSessionId: string) => (await session(w.admin, callSessionId)).legs.filter((l) => l.state !== 'disconnected');
const ringing = async (w: World, callSessionId: string) =>
  (await liveLegs(w, callSessionId))
    .filter((l) => l.state === 'alerting')
    .map((l) => l.party.personId ?? l.party.number)
    .sort();
const ids = (...people: Caller[]) => people.map((p) => p.id).sort();
/** How each ringing phone of the session rings (the simulator's ringPattern), by person. */
const patterns = async (w: World, callSessionId: string) =>
  Object.fromEntries(
    ((await liveLegs(w, callSessionId)) as { party: { personId?: string }; state: string; ringPattern?: string }[])
      .filter((l) => l.state === 'alerting' && l.party.personId)
      .map((l) => [l.party.personId!, l.ringPattern]),
  );
/** The person's call of that session (Call Controls' List Calls). */
const callIn = async (person: Caller, callSessionId: string) => {
  const call = (await callsOf(person)).find((c) => c.callSessionId === callSessionId);
  assert.ok(call, `${person.name} has a call of ${callSessionId}`);
  return call;
};

for (const dialect of dialects) {
  describe(`executive call filtering (${dialect})`, () => {
    it('given filtering of all calls, when a caller calls the executive, then both assistants ring and the executive does not; the first to answer takes the call', () =>
      inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
        const { admin, alex, blair, casey } = w;
        await executiveWithAssistants(w);
        const inbound = await pstnCall(admin, CALLER, alex.extension);
        assert.deepEqual(await ringing(w, inbound.callSessionId), ids(blair, casey));
        assert.deepEqual(await callsOf(alex), [], 'screening is off: the executive is not alerted');
        const atBlair = await onlyCall(blair);
        assert.deepEqual(
          [atBlair.remoteParty.name, atBlair.remoteParty.number],
          [`${alex.name} - ${CALLER}`, alex.extension],
          'by default the assistant sees the executive’s name then the caller’s, and the executive’s number',
        );
        const redirection = (atBlair.redirections as { reason: string; redirectingParty: { personId?: string } }[])[0]!;
        assert.deepEqual([redirection.reason, redirection.redirectingParty.personId], ['unknown', alex.id], 'the assistant sees the call is the executive’s');
        await callAction(blair, 'answer', { callId: atBlair.id });
        assert.equal((await onlyCall(blair)).remoteParty.number, CALLER, 'answered, the assistant is connected to the caller');
        assert.deepEqual(await callsOf(casey), [], 'the other assistant stopped ringing');
        assert.deepEqual(
          (await liveLegs(w, inbound.callSessionId)).map((l) => [l.party.personId ?? l.party.number, l.state]).sort(),
          [[CALLER, 'connected'], [blair.id, 'connected']].sort(),
        );
      }));

    it('given executive screening on, then the executive’s phone rings along with the assistants; the executive answering ends the assistants’ ringing', () =>
      inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
        const { admin, alex, blair, casey } = w;
        await executiveWithAssistants(w, { screening: true });
        const inbound = await pstnCall(admin, CALLER, alex.extension);
        assert.deepEqual(await ringing(w, inbound.callSessionId), ids(alex, blair, casey));
        assert.deepEqual(await patterns(w, inbound.callSessionId), { [alex.id]: 'SILENT', [blair.id]: 'NORMAL', [casey.id]: 'NORMAL' }, 'alertType SILENT');
        await callAction(alex, 'answer', { callId: (await onlyCall(alex)).id });
        assert.deepEqual(await ringing(w, inbound.callSessionId), []);
        assert.deepEqual([await callsOf(blair), await callsOf(casey)], [[], []]);
      }));

    it('given filtering of internal calls only, then an external call rings the executive as before and an internal one alerts the assistants', () =>
      inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
        const { admin, alex, blair, casey, morgan } = w;
        await executiveWithAssistants(w, { filterType: 'ALL_INTERNAL_CALLS' });
        const external = await pstnCall(admin, CALLER, alex.extension);
        assert.deepEqual(await ringing(w, external.callSessionId), ids(alex));
        await callAction(alex, 'reject', { callId: (await onlyCall(alex)).id, action: 'busy' });
        const internal = await admin.post('/sandbox/v1/calls', { from: morgan.id, to: alex.extension });
        assert.equal(internal.status, 201, internal.text);
        assert.deepEqual(await ringing(w, internal.body.callSessionId), ids(blair, casey));
      }));

    it('given a custom filter for one caller, then that caller’s calls alert the assistants and another caller’s ring the executive', () =>
      inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
        const { admin, alex, blair, casey } = w;
        await executiveWithAssistants(w, { filterType: 'CUSTOM_CALL_FILTERS' });
        const created = await admin.post(executive(alex, 'callFiltering/criteria'), { filterName: 'VIP', callsFrom: 'SELECT_PHONE_NUMBERS', phoneNumbers: [CALLER], filterEnabled: true });
        assert.ok([200, 201].includes(created.status), created.text);
        const other = await pstnCall(admin, '+14155550124', alex.extension);
        assert.deepEqual(await ringing(w, other.callSessionId), ids(alex));
        await callAction(alex, 'reject', { callId: (await onlyCall(alex)).id, action: 'busy' });
        const chosen = await pstnCall(admin, CALLER, alex.extension);
        assert.deepEqual(await ringing(w, chosen.callSessionId), ids(blair, casey));
      }));

    it('given custom filters by schedule, then only a filter whose schedule is in force filters; deactivated, it filters nothing', () =>
      inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
        const { admin, alex, blair, casey } = w;
        await executiveWithAssistants(w, { filterType: 'CUSTOM_CALL_FILTERS' });
        await officeSchedules(w, alex);
        const evenings = { filterName: 'Evenings', callsFrom: 'ANY_PHONE_NUMBER', scheduleName: 'Evenings', scheduleType: 'businessHours', scheduleLevel: 'GROUP', filterEnabled: true };
        const created = await admin.post(executive(alex, 'callFiltering/criteria'), evenings);
        assert.ok([200, 201].includes(created.status), created.text);
        const evening = await pstnCall(admin, CALLER, alex.extension);
        assert.deepEqual(await ringing(w, evening.callSessionId), ids(alex), 'the evening filter is not in force at 10:00');
        await callAction(alex, 'reject', { callId: (await onlyCall(alex)).id, action: 'busy' });
        const office = await admin.post(executive(alex, 'callFiltering/criteria'), { ...evenings, filterName: 'Office', scheduleName: 'Office' });
        assert.ok([200, 201].includes(office.status), office.text);
        const inOffice = await pstnCall(admin, CALLER, alex.extension);
        assert.deepEqual(await ringing(w, inOffice.callSessionId), ids(blair, casey));
        await callAction(blair, 'answer', { callId: (await onlyCall(blair)).id });
        await put(w, executive(alex, 'callFiltering'), { enabled: true, filterType: 'CUSTOM_CALL_FILTERS', criteriaActivation: [{ id: office.body.id, activationEnabled: false }] });
        const deactivated = await pstnCall(admin, '+14155550124', alex.extension);
        assert.deepEqual(await ringing(w, deactivated.callSessionId), ids(alex));
      }));

    it('given sequential alerting after 2 rings, then the assistants ring one after another on the clock, and after the last the call rolls over to the executive’s voicemail', () =>
      inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
        const { admin, alex, blair, casey, clock } = w;
        await put(w, `/v1/people/${alex.id}/features/voicemail`, { enabled: true });
        await executiveWithAssistants(w, { alert: { alertingMode: 'SEQUENTIAL', nextAssistantNumberOfRings: 2, rolloverAction: 'VOICE_MESSAGING' } });
        const inbound = await pstnCall(admin, CALLER, alex.extension);
        assert.deepEqual(await ringing(w, inbound.callSessionId), ids(blair));
        await clock.advance(2 * RING - 1);
        assert.deepEqual(await ringing(w, inbound.callSessionId), ids(blair), 'the first assistant rings their 2 rings');
        await clock.advance(1);
        assert.deepEqual(await ringing(w, inbound.callSessionId), ids(casey));
        assert.deepEqual(await callsOf(blair), []);
        await clock.advance(2 * RING);
        assert.deepEqual(
          (await liveLegs(w, inbound.callSessionId)).map((l) => [l.party.kind, l.state]).sort(),
          [['pstn', 'connected'], ['voicemail', 'connected']].sort(),
          'no assistant remains: the call rolled over',
        );
      }));

    it('given sequential alerting, when the first assistant declines, then the next one rings at once', () =>
      inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
        const { admin, alex, blair, casey } = w;
        await executiveWithAssistants(w, { alert: { alertingMode: 'SEQUENTIAL', nextAssistantNumberOfRings: 5 } });
        const inbound = await pstnCall(admin, CALLER, alex.extension);
        await callAction(blair, 'reject', { callId: (await onlyCall(blair)).id, action: 'busy' });
        assert.deepEqual(await ringing(w, inbound.callSessionId), ids(casey));
      }));

    it('given an assistant opted out, then only the opted-in assistant rings; with nobody opted in, the executive rings as before', () =>
      inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
        const { admin, alex, blair, casey } = w;
        await executiveWithAssistants(w, { optedOut: [casey] });
        const assigned = await admin.get(executive(alex, 'assignedAssistants'));
        assert.deepEqual(
          (assigned.body.assistants as { id: string; optInEnabled: boolean }[]).map((a) => [a.id, a.optInEnabled]),
          [[blair.id, true], [casey.id, false]],
          'the executive sees who opted in',
        );
        const first = await pstnCall(admin, CALLER, alex.extension);
        assert.deepEqual(await ringing(w, first.callSessionId), ids(blair));
        await callAction(blair, 'answer', { callId: (await onlyCall(blair)).id });
        await put(w, executive(blair, 'assistant'), { forwardFilteredCallsEnabled: false, executives: [{ personId: alex.id, optInEnabled: false }] });
        const second = await pstnCall(admin, '+14155550124', alex.extension);
        assert.deepEqual(await ringing(w, second.callSessionId), ids(alex));
      }));

    it('given the rollover timer to voicemail, when nobody answers in time, then the assistants stop and the caller reaches the executive’s voicemail', () =>
      inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
        const { admin, alex, blair, casey, clock } = w;
        await put(w, `/v1/people/${alex.id}/features/voicemail`, { enabled: true });
        await executiveWithAssistants(w, { screening: true, alert: { rolloverEnabled: true, rolloverAction: 'VOICE_MESSAGING', rolloverWaitTimeInSecs: 10 } });
        const inbound = await pstnCall(admin, CALLER, alex.extension);
        await clock.advance(10_000 - 1);
        assert.deepEqual(await ringing(w, inbound.callSessionId), ids(alex, blair, casey));
        await clock.advance(1);
        assert.deepEqual(await ringing(w, inbound.callSessionId), []);
        const live = await liveLegs(w, inbound.callSessionId);
        assert.deepEqual(live.map((l) => [l.party.kind, l.state]).sort(), [['pstn', 'connected'], ['voicemail', 'connected']].sort());
        assert.equal(live.find((l) => l.party.kind === 'voicemail')?.party.personId, alex.id);
      }));

    it('given the rollover timer to a number, when nobody answers in time, then the number rings', () =>
      inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
        const { admin, alex, clock } = w;
        await executiveWithAssistants(w, { alert: { rolloverEnabled: true, rolloverAction: 'FORWARD', rolloverForwardToPhoneNumber: NEVER_ANSWERS, rolloverWaitTimeInSecs: 15 } });
        const inbound = await pstnCall(admin, CALLER, alex.extension);
        await clock.advance(15_000);
        assert.deepEqual(await ringing(w, inbound.callSessionId), [NEVER_ANSWERS]);
      }));

    it('given rollover to no-answer processing, when nobody answers in time, then the executive’s forwarding when not answered takes the call', () =>
      inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
        const { admin, alex, devon, clock } = w;
        await put(w, `/v1/people/${alex.id}/features/callForwarding`, {
          callForwarding: { always: { enabled: false }, busy: { enabled: false }, noAnswer: { enabled: true, destination: devon.extension, numberOfRings: 3 } },
        });
        await executiveWithAssistants(w, { alert: { rolloverEnabled: true, rolloverAction: 'NO_ANSWER_PROCESSING', rolloverWaitTimeInSecs: 5 } });
        const inbound = await pstnCall(admin, CALLER, alex.extension);
        await clock.advance(5_000);
        assert.deepEqual(await ringing(w, inbound.callSessionId), ids(devon));
      }));

    it('given an assistant answered a filtered call, when they push it, then the executive’s phone alerts with the call (no rollover since it was answered) and the assistant’s call ends', () =>
      inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
        const { admin, alex, blair, clock } = w;
        await executiveWithAssistants(w, { alert: { rolloverEnabled: true, rolloverAction: 'FORWARD', rolloverForwardToPhoneNumber: NEVER_ANSWERS, rolloverWaitTimeInSecs: 10 } });
        const inbound = await pstnCall(admin, CALLER, alex.extension);
        const call = await onlyCall(blair);
        await callAction(blair, 'answer', { callId: call.id });
        await callAction(blair, 'push', { callId: call.id });
        assert.deepEqual(await callsOf(blair), []);
        const atAlex = await onlyCall(alex);
        assert.equal(atAlex.state, 'alerting');
        assert.equal(atAlex.remoteParty.number, CALLER);
        const redirection = (atAlex.redirections as { reason: string; redirectingParty: { personId?: string } }[])[0]!;
        assert.deepEqual([redirection.reason, redirection.redirectingParty.personId], ['divert', blair.id]);
        await clock.advance(15_000);
        assert.deepEqual(await ringing(w, inbound.callSessionId), ids(alex), 'the rollover timer of the filtered call does nothing any more');
        await callAction(alex, 'answer', { callId: atAlex.id });
        assert.deepEqual(
          (await liveLegs(w, inbound.callSessionId)).map((l) => [l.party.personId ?? l.party.number, l.state]).sort(),
          [[CALLER, 'connected'], [alex.id, 'connected']].sort(),
        );
      }));

    it('given screening with alertType RING_SPLASH, then the executive’s phone rings with a splash while the assistants ring normally', () =>
      inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
        const { admin, alex, blair, casey } = w;
        await executiveWithAssistants(w, { screening: true, alertType: 'RING_SPLASH' });
        const inbound = await pstnCall(admin, CALLER, alex.extension);
        assert.deepEqual(await patterns(w, inbound.callSessionId), { [alex.id]: 'RING_SPLASH', [blair.id]: 'NORMAL', [casey.id]: 'NORMAL' });
      }));

    it('given the executive’s caller ID modes, then the alerting assistant sees the caller, the executive, both or a custom name and number as set', () =>
      inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
        const { admin, alex, blair, morgan } = w;
        await executiveWithAssistants(w, { alert: { clidNameMode: 'ORIGINATOR_EXECUTIVE', clidPhoneNumberMode: 'ORIGINATOR' } });
        const seen = async (callSessionId: string) => {
          const { name, number } = (await callIn(blair, callSessionId)).remoteParty;
          return [name, number];
        };
        const first = await pstnCall(admin, CALLER, alex.extension);
        assert.deepEqual(await seen(first.callSessionId), [`${CALLER} - ${alex.name}`, CALLER]);
        const alert = { alertingMode: 'SIMULTANEOUS', rolloverEnabled: false };
        await put(w, executive(alex, 'alert'), { ...alert, clidNameMode: 'CUSTOM', customCLIDName: 'Front desk', clidPhoneNumberMode: 'CUSTOM', customCLIDPhoneNumber: '+14155550999' });
        const second = await pstnCall(admin, '+14155550124', alex.extension);
        assert.deepEqual(await seen(second.callSessionId), ['Front desk', '+14155550999']);
        await put(w, executive(alex, 'alert'), { ...alert, clidNameMode: 'EXECUTIVE', clidPhoneNumberMode: 'EXECUTIVE' });
        const third = await admin.post('/sandbox/v1/calls', { from: morgan.id, to: alex.extension });
        assert.equal(third.status, 201, third.text);
        assert.deepEqual(await seen(third.body.callSessionId), [alex.name, alex.extension]);
        await put(w, executive(alex, 'alert'), { ...alert, clidNameMode: 'ORIGINATOR', clidPhoneNumberMode: 'ORIGINATOR' });
        const fourth = await admin.post('/sandbox/v1/calls', { from: morgan.id, to: alex.extension });
        assert.equal(fourth.status, 201, fourth.text);
        assert.deepEqual(await seen(fourth.body.callSessionId), [morgan.name, morgan.extension]);
      }));

    it('given an assistant forwards filtered calls, then their filtered calls ring the forward number instead of their phone, and their direct calls still ring them', () =>
      inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
        const { admin, alex, blair, casey } = w;
        await executiveWithAssistants(w);
        await put(w, executive(blair, 'assistant'), { forwardFilteredCallsEnabled: true, forwardToPhoneNumber: NEVER_ANSWERS, executives: [{ personId: alex.id, optInEnabled: true }] });
        const filtered = await pstnCall(admin, CALLER, alex.extension);
        assert.deepEqual(await ringing(w, filtered.callSessionId), [NEVER_ANSWERS, casey.id].sort());
        assert.deepEqual(await callsOf(blair), []);
        await callAction(casey, 'answer', { callId: (await onlyCall(casey)).id });
        assert.deepEqual(await ringing(w, filtered.callSessionId), [], 'the forward number stopped ringing: answered elsewhere');
        const direct = await pstnCall(admin, '+14155550124', blair.extension);
        assert.deepEqual(await ringing(w, direct.callSessionId), ids(blair));
      }));

    it('given calls not filtered from an executive, then push is a 400 (the executive’s own call, and an assistant’s direct call); someone else’s call is a 404', () =>
      inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
        const { admin, alex, blair, casey } = w;
        await executiveWithAssistants(w, { filterType: 'ALL_INTERNAL_CALLS' });
        await pstnCall(admin, CALLER, alex.extension);
        const own = await onlyCall(alex);
        await callAction(alex, 'answer', { callId: own.id });
        assertWebexError(await alex.api.post('/v1/telephony/calls/push', { callId: own.id }), 400, /not associated with an executive/);
        await pstnCall(admin, '+14155550124', blair.extension);
        const direct = await onlyCall(blair);
        await callAction(blair, 'answer', { callId: direct.id });
        assertWebexError(await blair.api.post('/v1/telephony/calls/push', { callId: direct.id }), 400, /not associated with an executive/);
        assertWebexError(await casey.api.post('/v1/telephony/calls/push', { callId: direct.id }), 404);
      }));
  });
}
