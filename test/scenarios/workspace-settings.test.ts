import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callsOf, onlyCall, pstnCall, session } from '../support/calls.ts';
import { dialects, type Dialect } from '../support/dialects.ts';
import { assertWebexError, defaultLocation, freeExtension, freeNumbers, unique } from '../support/factories.ts';
import { callWorld, inWorld, WEDNESDAY_10AM_NEW_YORK } from '../support/worlds.ts';

// A workspace's call settings change its calls as a person's change theirs: selective reject,
// accept and forward, simultaneous and sequential ring, intercept, incoming and outgoing
// permissions (with access codes and digit patterns) and voicemail, set on the workspace's Webex
// paths; calls through the simulator (PSTN callers, colleagues, the workspace's own phone). The
// clock stands still on a Wednesday at 10:00 in New York (the demo location's time zone), inside
// the location's "Office" business hours.

const CALLER = '+14155550123';
const OTHER_CALLER = '+14155550124';
/** A PSTN number that rings and never answers (docs/simulator.md). */
const NEVER_ANSWERS = '+14155550187';
const NATIONAL = '+14155550177';
const INTERNATIONAL = '+442071234567';
const TOLL_FREE = '+18005551234';

async function world(dialect: Dialect) {
  const { server, clock, admin, ...people } = await callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK });
  const hq = await defaultLocation(admin);
  const [number] = await freeNumbers(admin, hq.id);
  const extension = freeExtension();
  const name = unique('Lobby ');
  const reply = await admin.post('/v1/workspaces', { displayName: name, locationId: hq.id, supportedDevices: 'phones', calling: { type: 'webexCalling', webexCalling: { phoneNumber: number, extension } } });
  assert.equal(reply.status, 201, reply.text);
  const weekdays = { sunday: false, monday: true, tuesday: true, wednesday: true, thursday: true, friday: true, saturday: false };
  const event = { name: 'Weekdays', startDate: '2026-01-05', endDate: '2026-01-05', startTime: '09:00', endTime: '17:00', recurrence: { recurForEver: true, recurWeekly: weekdays } };
  const office = await admin.post(`/v1/telephony/config/locations/${hq.id}/schedules`, { type: 'businessHours', name: 'Office', events: [event] });
  assert.equal(office.status, 201, office.text);
  const lobby = { id: reply.body.id as string, name, number: number!, extension };
  const put = async (path: string, body: Record<string, unknown>) => {
    const r = await admin.put(path, body);
    assert.equal(r.status, 204, r.text);
  };
  const post = async (path: string, body: Record<string, unknown>) => {
    const r = await admin.post(path, body);
    assert.equal(r.status, 201, r.text);
    return r.body;
  };
  return { server, clock, admin, lobby, put, post, ...people };
}
type World = Awaited<ReturnType<typeof world>>;

const T = (w: World, name: string) => `/v1/telephony/config/workspaces/${w.lobby.id}/${name}`;
const F = (w: World, name: string) => `/v1/workspaces/${w.lobby.id}/features/${name}`;
/** A criterion's "when": the location's business hours, in force now. */
const OFFICE_HOURS = { scheduleName: 'Office', scheduleType: 'businessHours', scheduleLevel: 'GROUP' };

/** The workspace phone's calls (the simulator's view). */
async function phoneCalls(w: World): Promise<{ id: string; state: string; remoteParty: { number?: string } }[]> {
  const reply = await w.admin.get(`/sandbox/v1/workspaces/${w.lobby.id}/calls`);
  assert.equal(reply.status, 200, reply.text);
  return reply.body.items;
}

/** The workspace phone places a call: the session, or the error reply. */
const workspaceDials = (w: World, to: string) => w.admin.post('/sandbox/v1/calls', { from: w.lobby.id, to });

const legsOf = async (w: World, callSessionId: string) => (await session(w.admin, callSessionId)).legs;
const ringing = async (w: World, callSessionId: string) =>
  (await legsOf(w, callSessionId)).filter((l) => l.state === 'alerting').map((l) => (l.party.kind === 'workspace' ? 'workspace' : (l.party.personId ?? l.party.number)));

for (const dialect of dialects) {
  describe(`calls by a workspace's settings (${dialect})`, () => {
    it('given selective reject of one caller in office hours, then that caller is refused and the phone never rings; another caller rings it', () =>
      inWorld(() => world(dialect), async (w) => {
        await w.post(`${T(w, 'selectiveReject')}/criteria`, { ...OFFICE_HOURS, callsFrom: 'SELECT_PHONE_NUMBERS', phoneNumbers: [CALLER], rejectEnabled: true });
        await w.put(T(w, 'selectiveReject'), { enabled: true });
        const refused = await pstnCall(w.admin, CALLER, w.lobby.number);
        assert.deepEqual(await legsOf(w, refused.callSessionId), []);
        assert.deepEqual(await phoneCalls(w), []);
        await pstnCall(w.admin, OTHER_CALLER, w.lobby.number);
        assert.deepEqual((await phoneCalls(w)).map((c) => [c.state, c.remoteParty.number]), [['alerting', OTHER_CALLER]]);
      }));

    it('given selective accept of one caller, then only that caller rings the workspace', () =>
      inWorld(() => world(dialect), async (w) => {
        await w.post(`${T(w, 'selectiveAccept')}/criteria`, { ...OFFICE_HOURS, callsFrom: 'SELECT_PHONE_NUMBERS', phoneNumbers: [CALLER], acceptEnabled: true });
        await w.put(T(w, 'selectiveAccept'), { enabled: true });
        await pstnCall(w.admin, OTHER_CALLER, w.lobby.number);
        assert.deepEqual(await phoneCalls(w), []);
        await pstnCall(w.admin, CALLER, w.lobby.number);
        assert.deepEqual((await phoneCalls(w)).map((c) => c.remoteParty.number), [CALLER]);
      }));

    it('given selective forward of one caller to a colleague, then that caller rings the colleague instead; others ring the workspace', () =>
      inWorld(() => world(dialect), async (w) => {
        await w.post(`${T(w, 'selectiveForward')}/criteria`, { ...OFFICE_HOURS, callsFrom: 'SELECT_PHONE_NUMBERS', numbers: [CALLER], forwardToPhoneNumber: w.alex.extension, forwardEnabled: true });
        await w.put(T(w, 'selectiveForward'), { enabled: true, defaultPhoneNumberToForward: w.blair.extension });
        await pstnCall(w.admin, CALLER, w.lobby.number);
        assert.deepEqual(await phoneCalls(w), []);
        assert.deepEqual([(await onlyCall(w.alex)).state, (await onlyCall(w.alex)).remoteParty.number], ['alerting', CALLER]);
        await pstnCall(w.admin, OTHER_CALLER, w.lobby.number);
        assert.deepEqual((await phoneCalls(w)).map((c) => c.remoteParty.number), [OTHER_CALLER]);
        assert.deepEqual(await callsOf(w.blair), []);
      }));

    it('given simultaneous ring to a colleague and a PSTN number, then all three ring; the colleague answers and the others stop', () =>
      inWorld(() => world(dialect), async (w) => {
        await w.put(T(w, 'simultaneousRing'), {
          enabled: true,
          criteriasEnabled: false,
          phoneNumbers: [
            { phoneNumber: w.blair.extension, answerConfirmationRequiredEnabled: false },
            { phoneNumber: NEVER_ANSWERS, answerConfirmationRequiredEnabled: false },
          ],
        });
        const inbound = await pstnCall(w.admin, CALLER, w.lobby.number);
        assert.deepEqual((await ringing(w, inbound.callSessionId)).sort(), ['workspace', w.blair.id, NEVER_ANSWERS].sort());
        const atBlair = await onlyCall(w.blair);
        const answered = await w.blair.api.post('/v1/telephony/calls/answer', { callId: atBlair.id });
        assert.equal(answered.status, 204, answered.text);
        assert.deepEqual(await phoneCalls(w), []);
        assert.deepEqual((await legsOf(w, inbound.callSessionId)).map((l) => [l.party.kind, l.state]).sort(), [['person', 'connected'], ['pstn', 'connected']]);
      }));

    it('given sequential ring after the workspace rang 2 times, then a colleague rings next, on the server clock', () =>
      inWorld(() => world(dialect), async (w) => {
        await w.put(T(w, 'sequentialRing'), { enabled: true, ringBaseLocationFirstEnabled: true, baseLocationNumberOfRings: 2, phoneNumbers: [{ phoneNumber: w.alex.extension, numberOfRings: 3 }] });
        const inbound = await pstnCall(w.admin, CALLER, w.lobby.number);
        assert.deepEqual(await ringing(w, inbound.callSessionId), ['workspace']);
        await w.clock.advance(12_000);
        assert.deepEqual(await ringing(w, inbound.callSessionId), [w.alex.id]);
        assert.deepEqual(await phoneCalls(w), []);
      }));

    it('given incoming calls intercepted, then callers are refused, or sent to the new number; the phone never rings', () =>
      inWorld(() => world(dialect), async (w) => {
        await w.put(F(w, 'intercept'), { enabled: true, incoming: { type: 'INTERCEPT_ALL', voicemailEnabled: false } });
        const refused = await pstnCall(w.admin, CALLER, w.lobby.number);
        assert.deepEqual(await legsOf(w, refused.callSessionId), [], 'the caller heard the announcement and the call ended');
        await w.put(F(w, 'intercept'), { incoming: { announcements: { newNumber: { enabled: true, destination: w.blair.extension } } } });
        await pstnCall(w.admin, CALLER, w.lobby.number);
        assert.deepEqual([(await onlyCall(w.blair)).remoteParty.number], [CALLER]);
        assert.deepEqual(await phoneCalls(w), []);
      }));

    it('given outgoing calls intercepted, then the workspace phone may not call out until intercept is off', () =>
      inWorld(() => world(dialect), async (w) => {
        await w.put(F(w, 'intercept'), { enabled: true, outgoing: { type: 'INTERCEPT_ALL', transferEnabled: false } });
        assertWebexError(await workspaceDials(w, NATIONAL), 403, /intercepted/);
        await w.put(F(w, 'intercept'), { enabled: false });
        assert.equal((await workspaceDials(w, NATIONAL)).status, 201);
      }));

    it('given the workspace blocks external calls, then PSTN callers are refused and colleagues still ring it', () =>
      inWorld(() => world(dialect), async (w) => {
        await w.put(F(w, 'incomingPermission'), { useCustomEnabled: true, externalTransfer: 'BLOCK_ALL_EXTERNAL', internalCallsEnabled: true, collectCallsEnabled: true });
        const external = await pstnCall(w.admin, CALLER, w.lobby.number);
        assert.deepEqual(await legsOf(w, external.callSessionId), []);
        assert.deepEqual(await phoneCalls(w), []);
        assert.equal((await w.admin.post('/sandbox/v1/calls', { from: w.alex.id, to: w.lobby.extension })).status, 201);
        assert.deepEqual((await phoneCalls(w)).map((c) => c.state), ['alerting']);
      }));

    it("given the workspace's own outgoing permissions, digit patterns and access codes, then its phone's calls follow them, not the location's", () =>
      inWorld(() => world(dialect), async (w) => {
        // Webex's defaults (the location's): abroad is refused, national calls go out.
        assertWebexError(await workspaceDials(w, INTERNATIONAL), 403, /INTERNATIONAL/);
        assert.equal((await workspaceDials(w, NATIONAL)).status, 201);
        await w.put(F(w, 'outgoingPermission'), {
          useCustomEnabled: true,
          callingPermissions: [
            { callType: 'INTERNATIONAL', action: 'ALLOW', transferEnabled: true },
            { callType: 'TOLL_FREE', action: 'AUTH_CODE', transferEnabled: true },
          ],
        });
        assert.equal((await workspaceDials(w, INTERNATIONAL)).status, 201);
        // Toll-free needs one of the workspace's access codes.
        await w.post(F(w, 'outgoingPermission/accessCodes'), { code: '2468', description: 'Lobby' });
        assertWebexError(await workspaceDials(w, TOLL_FREE), 403, /access code/);
        assert.equal((await workspaceDials(w, `2468#${TOLL_FREE}`)).status, 201);
        // A digit pattern of its own decides before the call type.
        await w.post(T(w, 'outgoingPermission/digitPatterns'), { name: 'No UK', pattern: '+44XXXXXXXXXX', action: 'BLOCK', transferEnabled: false });
        await w.put(T(w, 'outgoingPermission/digitPatterns'), { useCustomDigitPatterns: true });
        assertWebexError(await workspaceDials(w, INTERNATIONAL), 403, /No UK/);
        // A person of the same location still follows the location's permissions.
        assertWebexError(await w.admin.post('/sandbox/v1/calls', { from: w.alex.id, to: INTERNATIONAL }), 403, /INTERNATIONAL/);
      }));

    it('given voicemail on for busy and unanswered calls, then a busy workspace sends the next caller to its box, and an unanswered call goes there after the rings', () =>
      inWorld(() => world(dialect), async (w) => {
        await w.put(T(w, 'voicemail'), { enabled: true, sendBusyCalls: { enabled: true }, sendUnansweredCalls: { enabled: true, numberOfRings: 2 } });
        await w.put(F(w, 'callWaiting'), { enabled: false });
        const first = await pstnCall(w.admin, CALLER, w.lobby.number);
        const [call] = await phoneCalls(w);
        assert.equal((await w.admin.post(`/sandbox/v1/workspaces/${w.lobby.id}/calls/answer`, { callId: call!.id })).status, 204);
        const busy = await pstnCall(w.admin, OTHER_CALLER, w.lobby.number);
        assert.deepEqual((await legsOf(w, busy.callSessionId)).map((l) => l.party.kind).sort(), ['pstn', 'voicemail']);
        assert.equal((await w.admin.post(`/sandbox/v1/workspaces/${w.lobby.id}/calls/hangup`, { callId: call!.id })).status, 204);
        assert.deepEqual(await legsOf(w, first.callSessionId), []);

        const unanswered = await pstnCall(w.admin, CALLER, w.lobby.number);
        await w.clock.advance(11_999);
        assert.deepEqual(await ringing(w, unanswered.callSessionId), ['workspace']);
        await w.clock.advance(1);
        assert.deepEqual((await legsOf(w, unanswered.callSessionId)).map((l) => l.party.kind).sort(), ['pstn', 'voicemail']);
        // The caller leaves a message in the workspace's box, and the call ends.
        const left = await w.admin.post(`/sandbox/v1/calls/${unanswered.callSessionId}/voicemail/message`, { durationSeconds: 9 });
        assert.equal(left.status, 201, left.text);
        assert.deepEqual(await legsOf(w, unanswered.callSessionId), []);
      }));

    it("given the box's transferToNumber, then a caller who presses 0 in the workspace's box is sent there", () =>
      inWorld(() => world(dialect), async (w) => {
        await w.put(T(w, 'voicemail'), { enabled: true, sendAllCalls: { enabled: true } });
        const first = await pstnCall(w.admin, CALLER, w.lobby.number);
        assert.deepEqual((await legsOf(w, first.callSessionId)).map((l) => l.party.kind).sort(), ['pstn', 'voicemail']);
        assert.equal((await w.admin.post(`/sandbox/v1/calls/${first.callSessionId}/voicemail/pressZero`, {})).status, 409);
        await w.put(T(w, 'voicemail'), { transferToNumber: { enabled: true, destination: w.alex.extension } });
        assert.equal((await w.admin.post(`/sandbox/v1/calls/${first.callSessionId}/voicemail/pressZero`, {})).status, 204);
        assert.deepEqual([(await onlyCall(w.alex)).state, (await onlyCall(w.alex)).remoteParty.number], ['alerting', CALLER]);
      }));
  });
}
