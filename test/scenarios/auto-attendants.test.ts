import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { callAction, callsOf, onlyCall, pstnCall, type Caller } from '../support/calls.ts';
import { dialects, type Dialect } from '../support/dialects.ts';
import { defaultLocation, freeNumbers } from '../support/factories.ts';
import { callWorld, inWorld } from '../support/worlds.ts';

// Auto attendants answering calls, end to end: the attendant and the location's schedules are
// set up through the API, callers come from the simulator (PSTN, pressing keys with the sandbox's
// DTMF operation) or a person's phone (Call Controls transmitDtmf), and a manual clock decides
// business hours (the attendant keeps UTC; Monday to Friday 09:00-17:00).

const CALLER = '+14155550123';
const MONDAY_10 = new Date('2026-12-07T10:00:00Z');
const MONDAY_20 = new Date('2026-12-07T20:00:00Z');

type Attendant = { name: string; menu: string; awaiting: string; digits: string };
type Session = { attendant?: Attendant; legs: { party: { kind: string; name?: string; personId?: string }; state: string }[] };

async function world(dialect: Dialect) {
  // Moved on with set, as before (set never moves a clock back); callWorld then uses it as it is.
  const start = new SandboxClock('manual');
  await start.set(MONDAY_10);
  const { server, clock, admin, ...people } = await callWorld(dialect, { clock: start });
  const hq = await defaultLocation(admin);
  const [number] = await freeNumbers(admin, hq.id);
  const schedules = `/v1/telephony/config/locations/${hq.id}/schedules`;
  const weekdays = { sunday: false, monday: true, tuesday: true, wednesday: true, thursday: true, friday: true, saturday: false };
  const open = { name: 'Open', startDate: '2026-01-05', endDate: '2026-01-05', startTime: '09:00', endTime: '17:00', allDayEnabled: false, recurrence: { recurForEver: true, recurWeekly: weekdays } };
  assert.equal((await admin.post(schedules, { type: 'businessHours', name: 'Office', events: [open] })).status, 201);
  assert.equal((await admin.post(schedules, { type: 'holidays', name: 'Holidays', events: [] })).status, 201);
  const base = `/v1/telephony/config/locations/${hq.id}/autoAttendants`;

  /** The attendant "Reception" (number, extension 5200): business-hours keys as given, after hours 0 to the operator (Blair). */
  const attendant = async (keys: Record<string, unknown>[], extra: Record<string, unknown> = {}) => {
    const reply = await admin.post(base, {
      name: 'Reception',
      phoneNumber: number,
      extension: '5200',
      timeZone: 'UTC',
      businessSchedule: 'Office',
      holidaySchedule: 'Holidays',
      businessHoursMenu: { greeting: 'DEFAULT', extensionEnabled: true, keyConfigurations: keys },
      afterHoursMenu: { greeting: 'DEFAULT', extensionEnabled: false, keyConfigurations: [{ key: '0', action: 'TRANSFER_TO_OPERATOR', value: people.blair.extension }] },
      ...extra,
    });
    assert.equal(reply.status, 201, reply.text);
    return `${base}/${reply.body.id}`;
  };
  const view = async (callSessionId: string): Promise<Session> => {
    const reply = await admin.get(`/sandbox/v1/calls/${callSessionId}`);
    assert.equal(reply.status, 200, reply.text);
    return reply.body;
  };
  const press = async (callSessionId: string, dtmf: string) => {
    const reply = await admin.post(`/sandbox/v1/calls/${callSessionId}/pstn/dtmf`, { dtmf });
    assert.equal(reply.status, 204, reply.text);
    return view(callSessionId);
  };
  /** Who of these is being offered a call now (alerting). */
  const ringing = async (...who: Caller[]) => {
    const out: string[] = [];
    for (const c of who) if ((await callsOf(c)).some((call) => call.state === 'alerting')) out.push(c.name);
    return out;
  };
  return { server, clock, admin, hq, number: number!, attendant, view, press, ringing, schedules, ...people };
}

for (const dialect of dialects) {
  describe(`Auto attendant calls (${dialect})`, () => {
    it('answers at once with the business-hours menu; a transfer key sends the caller on, and the person sees the attendant', () =>
      inWorld(() => world(dialect), async ({ admin, number, attendant, view, press, ringing, alex, blair }) => {
        await attendant([{ key: '1', action: 'TRANSFER_WITHOUT_PROMPT', value: alex.extension }]);
        const call = await pstnCall(admin, CALLER, number);
        const s = await view(call.callSessionId);
        assert.deepEqual(s.attendant, { name: 'Reception', menu: 'businessHours', awaiting: 'key', digits: '' });
        assert.deepEqual(s.legs.map((l) => [l.party.kind, l.state]), [['pstn', 'connected'], ['autoAttendant', 'connected']]);
        const after = await press(call.callSessionId, '1');
        assert.equal(after.attendant, undefined, 'the caller has left the attendant');
        assert.deepEqual(await ringing(alex, blair), [alex.name]);
        const offered = await onlyCall(alex);
        assert.equal(offered.remoteParty.number, CALLER);
        assert.equal((offered.redirections![0] as { redirectingParty: { name: string } }).redirectingParty.name, 'Reception');
        await callAction(alex, 'answer', { callId: offered.id });
        assert.equal((await onlyCall(alex)).state, 'connected');
        assert.deepEqual((await view(call.callSessionId)).legs.map((l) => [l.party.kind, l.state]), [['pstn', 'connected'], ['person', 'connected']]);
      }));

    it('after hours (outside the business schedule, or on a holiday) the after-hours menu answers', () =>
      inWorld(() => world(dialect), async ({ admin, clock, number, attendant, view, press, ringing, alex, blair, schedules }) => {
        await attendant([{ key: '0', action: 'TRANSFER_TO_OPERATOR', value: alex.extension }]);
        await clock.set(MONDAY_20);
        const evening = await pstnCall(admin, CALLER, number);
        assert.equal((await view(evening.callSessionId)).attendant?.menu, 'afterHours');
        await press(evening.callSessionId, '0');
        assert.deepEqual(await ringing(alex, blair), [blair.name], 'the after-hours operator');
        await callAction(blair, 'reject', { callId: (await onlyCall(blair)).id });
        // Tuesday 10:00 is business hours, unless it is a holiday.
        await clock.set(new Date('2026-12-08T10:00:00Z'));
        const tuesday = await pstnCall(admin, '+14155550124', number);
        assert.equal((await view(tuesday.callSessionId)).attendant?.menu, 'businessHours');
        await admin.post(`/sandbox/v1/calls/${tuesday.callSessionId}/pstn/hangup`, {});
        const holiday = { name: 'Closed', startDate: '2026-12-08', endDate: '2026-12-08', allDayEnabled: true };
        const list = await admin.get(schedules, { type: 'holidays' });
        const id = list.body.schedules.find((x: { name: string }) => x.name === 'Holidays').id;
        assert.equal((await admin.post(`${schedules}/holidays/${id}/events`, holiday)).status, 201);
        const closed = await pstnCall(admin, '+14155550125', number);
        assert.equal((await view(closed.callSessionId)).attendant?.menu, 'afterHours');
      }));

    it('extension dialing: a key, then the extension and #; * returns to the menu; with extensionEnabled, digits that are no key start an extension', () =>
      inWorld(() => world(dialect), async ({ admin, number, attendant, view, press, ringing, casey, devon }) => {
        await attendant([{ key: '2', action: 'EXTENSION_DIALING' }]);
        const call = await pstnCall(admin, CALLER, number);
        assert.deepEqual((await press(call.callSessionId, '2')).attendant, { name: 'Reception', menu: 'businessHours', awaiting: 'extension', digits: '' });
        assert.deepEqual((await press(call.callSessionId, '10')).attendant?.digits, '10');
        assert.deepEqual((await press(call.callSessionId, '*')).attendant?.awaiting, 'key', 'back to the previous menu');
        await press(call.callSessionId, '2');
        await press(call.callSessionId, `${casey.extension}#`);
        assert.deepEqual(await ringing(casey, devon), [casey.name]);
        const direct = await pstnCall(admin, '+14155550124', number);
        assert.equal((await press(direct.callSessionId, '9999#')).attendant?.awaiting, 'key', 'nobody at 9999: back to the menu');
        await press(direct.callSessionId, `${devon.extension}#`);
        assert.deepEqual(await ringing(devon), [devon.name]);
        await view(direct.callSessionId);
      }));

    it('name dialing: the name spelled on the keypad (last name first) and # reaches the person', () =>
      inWorld(() => world(dialect), async ({ admin, number, attendant, press, ringing, alex, devon }) => {
        await attendant([{ key: '3', action: 'NAME_DIALING' }]);
        const call = await pstnCall(admin, CALLER, number);
        assert.equal((await press(call.callSessionId, '3')).attendant?.awaiting, 'name');
        // P-A-T-E-L: 7 2 8 3 5
        await press(call.callSessionId, '72835#');
        assert.deepEqual(await ringing(alex, devon), [devon.name]);
      }));

    it('transfer to mailbox: the key\'s mailbox, or one the caller dials by extension, answers', () =>
      inWorld(() => world(dialect), async ({ admin, number, attendant, view, press, alex }) => {
        await attendant([
          { key: '4', action: 'TRANSFER_TO_MAILBOX' },
          { key: '5', action: 'TRANSFER_TO_MAILBOX', value: alex.extension },
        ]);
        const dialled = await pstnCall(admin, CALLER, number);
        assert.equal((await press(dialled.callSessionId, '4')).attendant?.awaiting, 'mailbox');
        const s = await press(dialled.callSessionId, `${alex.extension}#`);
        assert.deepEqual(s.legs.map((l) => [l.party.kind, l.state]), [['pstn', 'connected'], ['voicemail', 'connected']]);
        assert.equal(s.legs[1]!.party.personId, alex.id);
        const keyed = await pstnCall(admin, '+14155550124', number);
        const k = await press(keyed.callSessionId, '5');
        assert.deepEqual(k.legs.map((l) => l.party.kind), ['pstn', 'voicemail']);
        await view(keyed.callSessionId);
      }));

    it('repeat menu keeps the caller in the menu; exit ends the call', () =>
      inWorld(() => world(dialect), async ({ admin, number, attendant, press }) => {
        await attendant([
          { key: '9', action: 'REPEAT_MENU' },
          { key: '#', action: 'EXIT' },
        ]);
        const call = await pstnCall(admin, CALLER, number);
        assert.equal((await press(call.callSessionId, '9')).attendant?.awaiting, 'key');
        const ended = await press(call.callSessionId, '#');
        assert.deepEqual(ended.legs, []);
        assert.equal(ended.attendant, undefined);
      }));

    it('no input: the menu plays again as many times as the call treatment says, then its action applies', () =>
      inWorld(() => world(dialect), async ({ admin, clock, number, attendant, view, ringing, blair }) => {
        const url = await attendant([{ key: '1', action: 'EXIT' }]);
        const call = await pstnCall(admin, CALLER, number);
        await clock.advance(10_000);
        assert.deepEqual((await view(call.callSessionId)).legs, [], 'by default: no repeat, then disconnect');
        const treatment = { retryAttemptForNoInput: 'ONE_TIME', noInputTimer: '5', actionToBePerformed: { action: 'TRANSFER_TO_OPERATOR', greeting: 'DEFAULT', transferCallTo: blair.extension } };
        assert.equal((await admin.put(url, { businessHoursMenu: { greeting: 'DEFAULT', extensionEnabled: false, keyConfigurations: [{ key: '1', action: 'EXIT' }], callTreatment: treatment } })).status, 204);
        const patient = await pstnCall(admin, '+14155550124', number);
        await clock.advance(5_000);
        assert.equal((await view(patient.callSessionId)).attendant?.awaiting, 'key', 'the menu plays once more');
        assert.deepEqual(await ringing(blair), []);
        await clock.advance(5_000);
        assert.deepEqual(await ringing(blair), [blair.name]);
      }));

    it('a person calls the attendant\'s extension and presses keys with Call Controls transmitDtmf', () =>
      inWorld(() => world(dialect), async ({ attendant, ringing, morgan, alex }) => {
        await attendant([{ key: '1', action: 'TRANSFER_WITH_PROMPT', value: alex.extension }]);
        // Dial is click-to-dial: Morgan's phone rings first, answering it places the call.
        await callAction(morgan, 'dial', { destination: '5200' }, 201);
        await callAction(morgan, 'answer', { callId: (await onlyCall(morgan)).id });
        const mine = await onlyCall(morgan);
        assert.equal(mine.state, 'connected');
        assert.equal(mine.remoteParty.name, 'Reception');
        await callAction(morgan, 'transmitDtmf', { callId: mine.id, dtmf: '1' });
        assert.deepEqual(await ringing(alex), [alex.name]);
      }));

    it('a person\'s forwarding and a hunt group\'s forwarding can send callers to the attendant', () =>
      inWorld(() => world(dialect), async ({ admin, hq, number, attendant, view, alex, casey }) => {
        await attendant([{ key: '1', action: 'EXIT' }]);
        assert.equal((await admin.put(`/v1/people/${alex.id}/features/callForwarding`, { callForwarding: { always: { enabled: true, destination: '5200' } } })).status, 204);
        const forwarded = await pstnCall(admin, CALLER, alex.number!);
        assert.equal((await view(forwarded.callSessionId)).attendant?.name, 'Reception');
        const noAnswer = { nextAgentEnabled: false, nextAgentRings: 2, forwardEnabled: false, numberOfRings: 15, destinationVoicemailEnabled: false };
        const group = await admin.post(`/v1/telephony/config/locations/${hq.id}/huntGroups`, { name: 'Overflow', extension: '5300', enabled: true, callPolicies: { policy: 'REGULAR', noAnswer }, agents: [{ id: casey.id }] });
        assert.equal(group.status, 200, group.text);
        assert.equal((await admin.put(`/v1/telephony/config/locations/${hq.id}/huntGroups/${group.body.id}/callForwarding`, { callForwarding: { always: { enabled: true, destination: '5200' } } })).status, 204);
        const viaGroup = await pstnCall(admin, '+14155550124', '5300');
        assert.equal((await view(viaGroup.callSessionId)).attendant?.name, 'Reception');
        void number;
      }));

    it('call forwarding always skips the menu; a disabled attendant takes no calls', () =>
      inWorld(() => world(dialect), async ({ admin, number, attendant, view, ringing, devon }) => {
        const url = await attendant([{ key: '1', action: 'EXIT' }]);
        assert.equal((await admin.put(`${url}/callForwarding`, { callForwarding: { always: { enabled: true, destination: devon.extension } } })).status, 204);
        const call = await pstnCall(admin, CALLER, number);
        assert.equal((await view(call.callSessionId)).attendant, undefined);
        assert.deepEqual(await ringing(devon), [devon.name]);
        assert.equal(((await onlyCall(devon)).redirections![0] as { reason: string }).reason, 'unconditional');
      }));

    it('operating modes decide the forwarding: the mode in force by schedule, a manager\'s switch, back to normal operation', () =>
      inWorld(() => world(dialect), async ({ admin, clock, hq, number, attendant, view, ringing, morgan, blair, devon }) => {
        const url = await attendant([{ key: '1', action: 'EXIT' }]);
        const hours = (startTime: string, endTime: string) => ({ mondayToFriday: { enabled: true, allDayEnabled: false, startTime, endTime }, saturdayToSunday: { enabled: false, allDayEnabled: false, startTime: '00:00', endTime: '00:00' } });
        const mode = async (body: Record<string, unknown>) => {
          const reply = await admin.post('/v1/telephony/config/operatingModes/', { level: 'LOCATION', locationId: hq.id, ...body });
          assert.equal(reply.status, 201, reply.text);
          return reply.body.id as string;
        };
        const day = await mode({ name: 'Day', type: 'SAME_HOURS_DAILY', sameHoursDaily: hours('09:00', '17:00') });
        const evening = await mode({ name: 'Evening', type: 'SAME_HOURS_DAILY', sameHoursDaily: hours('17:00', '23:00'), callForwarding: { enabled: true, destination: blair.extension, destinationVoicemailEnabled: false } });
        const emergency = await mode({ name: 'Emergency', type: 'NONE' });
        const forwarding = `${url}/callForwarding`;
        const modes = [
          { id: day, normalOperationEnabled: true, forwardTo: { selection: 'DO_NOT_FORWARD' } },
          { id: evening, normalOperationEnabled: true, forwardTo: { selection: 'FORWARD_TO_DEFAULT_NUMBER' } },
          { id: emergency, normalOperationEnabled: false, forwardTo: { selection: 'FORWARD_TO_SPECIFIED_NUMBER', destination: devon.extension } },
        ];
        assert.equal((await admin.put(forwarding, { callForwarding: { operatingModes: { enabled: true, modes } } })).status, 204);
        const shown = (await admin.get(forwarding)).body.callForwarding.operatingModes;
        assert.equal(shown.currentOperatingModeId, day);
        assert.deepEqual(shown.modes.map((m: { name: string }) => m.name), ['Day', 'Evening', 'Emergency']);
        // Monday 10:00, Day: no forwarding, the menu answers.
        const morning = await pstnCall(admin, CALLER, number);
        assert.equal((await view(morning.callSessionId)).attendant?.menu, 'businessHours');
        await admin.post(`/sandbox/v1/calls/${morning.callSessionId}/pstn/hangup`, {});
        // Monday 20:00, Evening: its own forwarding (Blair).
        await clock.set(MONDAY_20);
        await pstnCall(admin, CALLER, number);
        assert.deepEqual(await ringing(blair, devon), [blair.name]);
        assert.equal(((await onlyCall(blair)).redirections![0] as { reason: string }).reason, 'timeOfDay');
        await callAction(blair, 'reject', { callId: (await onlyCall(blair)).id });

        // Morgan manages the attendant's modes.
        const feature = url.split('/').at(-1)!;
        const available = await admin.get(`/v1/telephony/config/people/${morgan.id}/modeManagement/availableFeatures`);
        assert.equal(available.status, 200, available.text);
        assert.ok(available.body.features.some((f: { id: string }) => f.id === feature));
        assert.equal((await admin.put(`/v1/telephony/config/people/${morgan.id}/modeManagement/features`, { featureIds: [feature] })).status, 200);
        const mine = `/v1/telephony/config/people/me/settings/modeManagement/features`;
        const list = await morgan.api.get(mine);
        assert.equal(list.status, 200, list.text);
        assert.deepEqual(list.body.features.map((f: { id: string; currentOperatingModeName: string }) => [f.id, f.currentOperatingModeName]), [[feature, 'Evening']]);
        assert.equal((await morgan.api.get(`${mine}/${feature}/normalOperationMode`)).body.operatingModeId, evening);
        assert.deepEqual((await morgan.api.get(`${mine}/commonModes`, { featureIds: feature })).body.commonModeNames, ['Day', 'Evening', 'Emergency']);
        assert.equal((await morgan.api.get(`${mine}/${feature}/modes/${emergency}`)).body.name, 'Emergency');
        assert.equal((await morgan.api.post(`${mine}/${feature}/actions/switchMode/invoke`, { operatingModeId: emergency, isManualSwitchbackEnabled: true })).status, 204);
        const switched = (await morgan.api.get(`${mine}/${feature}`)).body;
        assert.equal(switched.currentOperatingModeId, emergency);
        assert.equal(switched.exceptionType, 'MANUAL_SWITCH_BACK');
        await pstnCall(admin, '+14155550124', number);
        assert.deepEqual(await ringing(blair, devon), [devon.name], 'the switched mode forwards to its number');
        await callAction(devon, 'reject', { callId: (await onlyCall(devon)).id });
        assert.equal((await morgan.api.post(`${mine}/${feature}/actions/switchToNormalOperation/invoke`, {})).status, 204);
        assert.equal((await morgan.api.get(`${mine}/${feature}`)).body.currentOperatingModeId, evening);
        // Evening ends at 23:00; extended by an hour it lasts until midnight, then normal operation resumes.
        assert.equal((await morgan.api.post(`${mine}/${feature}/actions/extendMode/invoke`, { operatingModeId: evening, extensionTime: 60 })).status, 204);
        const extended = (await morgan.api.get(`${mine}/${feature}`)).body;
        assert.equal(extended.exceptionType, 'AUTOMATIC_SWITCH_BACK_EXTENSION');
        assert.equal(extended.currentOperatingModeEndTime, '2026-12-08T00:00:00.000Z');
        await clock.set(new Date('2026-12-07T23:30:00Z'));
        assert.equal((await morgan.api.get(`${mine}/${feature}`)).body.currentOperatingModeId, evening);
        await clock.set(new Date('2026-12-08T00:00:00Z'));
        assert.equal((await morgan.api.get(`${mine}/${feature}`)).body.currentOperatingModeId, '');
        // A feature Morgan does not manage is not theirs to see; a mode in use cannot be deleted.
        assert.equal((await blair.api.get(`${mine}/${feature}`)).status, 404);
        assert.equal((await admin.delete(`/v1/telephony/config/operatingModes/${day}`)).status, 409);
      }));
  });
}
