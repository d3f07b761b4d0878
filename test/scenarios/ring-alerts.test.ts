import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callAction, callsOf, onlyCall, pstnCall, session, type Caller } from '../support/calls.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createOrganization, defaultLocation, freeNumbers } from '../support/factories.ts';
import { callWorld, inWorld, officeSchedules, type CallWorld, WEDNESDAY_10AM_NEW_YORK } from '../support/worlds.ts';

// How a person's phone is alerted, end to end: priority alert (a PRIORITY ring for callers its
// criteria take, by number and by schedule), an alternate number's ring pattern, call notify
// (an email in the sandbox's outbox for matching calls), and Push to Talk (*50 + extension):
// settings through the Webex API, calls through the simulator and the Call Controls API.
// The clock stands still on a Wednesday at 10:00 in New York (the demo location's time zone).

const CALLER = '+14155550123';
const OTHER_CALLER = '+14155550124';

type World = CallWorld;

/** The person's own Call Settings (priority alert and call notify are set only there). */
const mine = (name: string) => `/v1/telephony/config/people/me/settings/${name}`;

async function put(api: Caller['api'], path: string, body: Record<string, unknown>) {
  const reply = await api.put(path, body);
  assert.equal(reply.status, 204, reply.text);
}

async function post(api: Caller['api'], path: string, body: Record<string, unknown>) {
  const reply = await api.post(path, body);
  assert.ok([200, 201].includes(reply.status), reply.text);
}

type SimulatedLeg = { callId: string; party: { kind: string; personId?: string; number?: string }; state: string; muted: boolean; ringPattern?: string; intercom?: string };

/** The person's leg in a call session, as the simulator shows it. */
async function legOf(w: World, callSessionId: string, person: Caller): Promise<SimulatedLeg | undefined> {
  return ((await session(w.admin, callSessionId)).legs as unknown as SimulatedLeg[]).find((l) => l.party.personId === person.id);
}

/** How the person's phone rings for a PSTN call from `from` to `to` (the call is hung up after). */
async function ringOf(w: World, from: string, to: string, person: Caller): Promise<string | undefined> {
  const call = await pstnCall(w.admin, from, to);
  const leg = await legOf(w, call.callSessionId, person);
  assert.equal(leg?.state, 'alerting', JSON.stringify(leg));
  const pstnLeg = call.legs.find((l) => l.party.kind === 'pstn')!;
  assert.equal((await w.admin.post(`/sandbox/v1/calls/${call.callSessionId}/pstn/hangup`, {})).status, 204);
  assert.ok(pstnLeg);
  return leg!.ringPattern;
}

async function notifications(api: Caller['api'], query: Record<string, string> = {}) {
  const reply = await api.get('/sandbox/v1/notifications', query);
  assert.equal(reply.status, 200, reply.text);
  return reply.body.items as { to: string; subject: string; body: string; personId?: string; caller: { name?: string; number?: string }; callSessionId: string; created: string }[];
}

/** A Push to Talk call: the caller's phone dials *50 and the extension (the simulator). */
async function intercom(w: World, from: Caller, to: Caller) {
  const reply = await w.admin.post('/sandbox/v1/calls', { from: from.id, to: `*50${to.extension}` });
  assert.equal(reply.status, 201, reply.text);
  return reply.body as { callSessionId: string; legs: SimulatedLeg[] };
}

const pushToTalk = (person: Caller) => `/v1/people/${person.id}/features/pushToTalk`;

for (const dialect of dialects) {
  describe(`how a person's phone is alerted (${dialect})`, () => {
    describe('priority alert', () => {
      it('given priority alert for one caller, then that caller’s call rings PRIORITY and another caller’s NORMAL', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          const { alex } = w;
          await put(alex.api, mine('priorityAlert'), { enabled: true });
          await post(alex.api, mine('priorityAlert/criteria'), { callsFrom: 'SELECT_PHONE_NUMBERS', phoneNumbers: [CALLER], notificationEnabled: true });
          assert.equal(await ringOf(w, CALLER, alex.extension, alex), 'PRIORITY');
          assert.equal(await ringOf(w, OTHER_CALLER, alex.extension, alex), 'NORMAL');
        }));

      it('given priority alert off, then even a caller its criteria name rings NORMAL', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          const { alex } = w;
          await post(alex.api, mine('priorityAlert/criteria'), { callsFrom: 'ANY_PHONE_NUMBER', notificationEnabled: true });
          assert.equal(await ringOf(w, CALLER, alex.extension, alex), 'NORMAL');
        }));

      it('given a criterion for any caller during a schedule, then it rings PRIORITY only while the schedule is in force', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          const { alex } = w;
          await officeSchedules(w, alex);
          await put(alex.api, mine('priorityAlert'), { enabled: true });
          await post(alex.api, mine('priorityAlert/criteria'), { callsFrom: 'ANY_PHONE_NUMBER', scheduleName: 'Evenings', scheduleType: 'businessHours', scheduleLevel: 'LOCATION', notificationEnabled: true });
          assert.equal(await ringOf(w, CALLER, alex.extension, alex), 'NORMAL', 'evenings are not now');
          await w.clock.set(new Date('2026-01-08T02:00:00Z')); // Wednesday 21:00 in New York
          assert.equal(await ringOf(w, CALLER, alex.extension, alex), 'PRIORITY');
        }));

      it('given a criterion that keeps a caller out (notificationEnabled false) beside one for any caller, then that caller rings NORMAL', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          const { alex } = w;
          await put(alex.api, mine('priorityAlert'), { enabled: true });
          await post(alex.api, mine('priorityAlert/criteria'), { callsFrom: 'ANY_PHONE_NUMBER', notificationEnabled: true });
          await post(alex.api, mine('priorityAlert/criteria'), { callsFrom: 'SELECT_PHONE_NUMBERS', phoneNumbers: [OTHER_CALLER], notificationEnabled: false });
          assert.equal(await ringOf(w, CALLER, alex.extension, alex), 'PRIORITY');
          assert.equal(await ringOf(w, OTHER_CALLER, alex.extension, alex), 'NORMAL');
        }));
    });

    describe('alternate number ring pattern', () => {
      it('given an alternate number with LONG_LONG and distinctive ring on, then a call to it rings LONG_LONG and one to the primary line NORMAL', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          const { admin, alex } = w;
          const [extra] = await freeNumbers(admin, (await defaultLocation(admin)).id, 1);
          const add = { distinctiveRingEnabled: true, phoneNumbers: [{ action: 'ADD', primary: false, directNumber: extra, ringPattern: 'LONG_LONG' }] };
          assert.equal((await admin.put(`/v1/telephony/config/people/${alex.id}/numbers`, add)).status, 204);
          assert.equal(await ringOf(w, CALLER, extra!, alex), 'LONG_LONG');
          assert.equal(await ringOf(w, CALLER, alex.extension, alex), 'NORMAL');
          // Priority alert outranks the number's pattern for the callers it takes.
          await put(alex.api, mine('priorityAlert'), { enabled: true });
          await post(alex.api, mine('priorityAlert/criteria'), { callsFrom: 'SELECT_PHONE_NUMBERS', phoneNumbers: [CALLER], notificationEnabled: true });
          assert.equal(await ringOf(w, CALLER, extra!, alex), 'PRIORITY');
          assert.equal(await ringOf(w, OTHER_CALLER, extra!, alex), 'LONG_LONG');
        }));

      it('given distinctive ring off, then a call to the alternate number rings NORMAL; forwarded on, the pattern stays behind', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          const { admin, alex, blair } = w;
          const [extra] = await freeNumbers(admin, (await defaultLocation(admin)).id, 1);
          const add = { distinctiveRingEnabled: false, phoneNumbers: [{ action: 'ADD', primary: false, directNumber: extra, ringPattern: 'SHORT_SHORT_LONG' }] };
          assert.equal((await admin.put(`/v1/telephony/config/people/${alex.id}/numbers`, add)).status, 204);
          assert.equal(await ringOf(w, CALLER, extra!, alex), 'NORMAL');
          assert.equal((await admin.put(`/v1/telephony/config/people/${alex.id}/numbers`, { distinctiveRingEnabled: true, phoneNumbers: [] })).status, 204);
          assert.equal(await ringOf(w, CALLER, extra!, alex), 'SHORT_SHORT_LONG');
          const forwarding = { callForwarding: { always: { enabled: true, destination: blair.extension } } };
          assert.equal((await admin.put(`/v1/people/${alex.id}/features/callForwarding`, forwarding)).status, 204);
          assert.equal(await ringOf(w, CALLER, extra!, blair), 'NORMAL');
        }));
    });

    describe('call notify', () => {
      it('given call notify for one caller, then that caller’s call (unanswered) writes an email to the outbox and another caller’s does not; another organization sees none', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          const { admin, alex, server } = w;
          await put(alex.api, mine('callNotify'), { enabled: true, emailAddress: 'alex.alerts@example.com' });
          await post(alex.api, mine('callNotify/criteria'), { callsFrom: 'SELECT_PHONE_NUMBERS', phoneNumbers: [CALLER], notificationEnabled: true });
          assert.deepEqual(await notifications(admin), []);
          const matching = await pstnCall(admin, CALLER, alex.extension);
          await callAction(alex, 'reject', { callId: (await onlyCall(alex)).id, action: 'busy' });
          await pstnCall(admin, OTHER_CALLER, alex.extension);

          const sent = await notifications(admin);
          assert.equal(sent.length, 1, JSON.stringify(sent));
          const [email] = sent;
          assert.deepEqual([email!.to, email!.personId, email!.caller.number, email!.callSessionId], ['alex.alerts@example.com', alex.id, CALLER, matching.callSessionId]);
          assert.match(email!.subject, new RegExp(`\\${CALLER}`));
          assert.match(email!.body, new RegExp(`${alex.name}.*\\${CALLER}.*2026-01-07T15:00:00`));
          assert.deepEqual(await notifications(admin, { personId: w.blair.id }), [], 'only Alex’s');

          const other = await createOrganization(server.anonymous);
          assert.deepEqual(await notifications(other.admin), [], 'another organization’s outbox is its own');
          assert.equal((await other.admin.get('/sandbox/v1/notifications', { personId: alex.id })).body.items.length, 0);
        }));

      it('given call notify for any caller, then emails list newest first; with call notify off, none is written', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          const { admin, alex } = w;
          await put(alex.api, mine('callNotify'), { enabled: true, emailAddress: 'alex.alerts@example.com' });
          await post(alex.api, mine('callNotify/criteria'), { callsFrom: 'ANY_PHONE_NUMBER', notificationEnabled: true });
          await pstnCall(admin, CALLER, alex.extension);
          await w.clock.advance(60_000);
          await pstnCall(admin, OTHER_CALLER, alex.extension);
          assert.deepEqual((await notifications(admin)).map((n) => n.caller.number), [OTHER_CALLER, CALLER]);
          await put(alex.api, mine('callNotify'), { enabled: false });
          await pstnCall(admin, '+14155550125', alex.extension);
          assert.equal((await notifications(admin)).length, 2);
        }));

      it('who may list the outbox: not a person’s own token', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          assert.equal((await w.alex.api.get('/sandbox/v1/notifications')).status, 403);
          assert.equal((await w.server.anonymous.get('/sandbox/v1/notifications')).status, 401);
          // Bad input is a 4xx with the Webex error body; an ID that is not a person's finds no one.
          assertWebexError(await w.admin.get('/sandbox/v1/notifications', { max: '0' }), 400);
          assertWebexError(await w.admin.get('/sandbox/v1/notifications', { personId: 'not-an-id' }), 404);
        }));
    });

    describe('push to talk', () => {
      it('given the defaults (anyone, auto-answer, one way), then *50 + extension is answered at once, the called person muted and unable to unmute', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          const { morgan, alex } = w;
          const call = await intercom(w, morgan, alex);
          const leg = await legOf(w, call.callSessionId, alex);
          assert.deepEqual([leg?.state, leg?.muted, leg?.intercom], ['connected', true, 'ONE_WAY']);
          assert.equal((await onlyCall(morgan)).state, 'connected');
          const atAlex = await onlyCall(alex);
          assert.equal(atAlex.muted, true);
          await callAction(alex, 'unmute', { callId: atAlex.id }, 409);
        }));

      it('given TWO_WAY and the caller among ALLOW_MEMBERS, then the call is answered with both talking', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          const { admin, morgan, alex } = w;
          assert.equal((await admin.put(pushToTalk(alex), { connectionType: 'TWO_WAY', accessType: 'ALLOW_MEMBERS', members: [morgan.id] })).status, 204);
          const call = await intercom(w, morgan, alex);
          const leg = await legOf(w, call.callSessionId, alex);
          assert.deepEqual([leg?.state, leg?.muted, leg?.intercom], ['connected', false, 'TWO_WAY']);
        }));

      it('given ALLOW_MEMBERS without the caller, or BLOCK_MEMBERS with them, then the call is refused and nothing rings', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          const { admin, morgan, alex, blair } = w;
          assert.equal((await admin.put(pushToTalk(alex), { accessType: 'ALLOW_MEMBERS', members: [blair.id] })).status, 204);
          const refused = await intercom(w, morgan, alex);
          assert.deepEqual(refused.legs, []);
          assert.deepEqual([await callsOf(alex), await callsOf(morgan)], [[], []]);
          const missed = (await morgan.api.get('/v1/telephony/calls/history', { type: 'placed' })).body.items;
          assert.equal(missed.length, 1, 'the refused call is in the caller’s history');

          assert.equal((await admin.put(pushToTalk(alex), { accessType: 'BLOCK_MEMBERS', members: [morgan.id] })).status, 204);
          assert.deepEqual((await intercom(w, morgan, alex)).legs, []);
          // Blair is not blocked.
          const allowed = await intercom(w, blair, alex);
          assert.equal((await legOf(w, allowed.callSessionId, alex))?.state, 'connected');
        }));

      it('given allowAutoAnswer false, then the intercom call rings like any other call', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          const { admin, morgan, alex } = w;
          assert.equal((await admin.put(pushToTalk(alex), { allowAutoAnswer: false })).status, 204);
          const call = await intercom(w, morgan, alex);
          const leg = await legOf(w, call.callSessionId, alex);
          assert.deepEqual([leg?.state, leg?.muted, leg?.intercom, leg?.ringPattern], ['alerting', false, undefined, 'NORMAL']);
          await callAction(alex, 'answer', { callId: (await onlyCall(alex)).id });
          await callAction(alex, 'mute', { callId: (await onlyCall(alex)).id });
          await callAction(alex, 'unmute', { callId: (await onlyCall(alex)).id });
        }));

      it('*50 before something that is not a person is not a destination', () =>
        inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async (w) => {
          const reply = await w.admin.post('/sandbox/v1/calls', { from: w.morgan.id, to: '*50+14155550123' });
          assert.equal(reply.status, 400, reply.text);
        }));
    });
  });
}
