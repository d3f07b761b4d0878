import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callAction, callsOf, onlyCall, pstnCall, session, type Caller } from '../support/calls.ts';
import { dialects, type Dialect } from '../support/dialects.ts';
import { assertWebexError, defaultLocation } from '../support/factories.ts';
import { callWorld, inWorld } from '../support/worlds.ts';

// Who may call whom, end to end: permissions, access codes, transfer numbers, digit patterns and
// intercept set through the Webex API (person and location), calls placed through the Call
// Controls and the simulator.

const CALLER = '+14155550123';
const OTHER_CALLER = '+14155550124';
const NATIONAL = '+14155550177';
const INTERNATIONAL = '+442071234567';
const TOLL_FREE = '+18005551234';
const PREMIUM = '+19005551234';

async function world(dialect: Dialect) {
  const { server, clock, admin, ...people } = await callWorld(dialect);
  const location = await defaultLocation(server.admin);
  const put = async (path: string, body: Record<string, unknown>, status = 204) => {
    const reply = await admin.put(path, body);
    assert.equal(reply.status, status, reply.text);
  };
  const post = async (path: string, body: Record<string, unknown>) => {
    const reply = await admin.post(path, body);
    assert.equal(reply.status, 201, reply.text);
    return reply.body;
  };
  const at = (path: string) => `/v1/telephony/config/locations/${location.id}/${path}`;
  return { server, admin, ...people, put, post, at, person: (p: Caller, path: string) => `/v1/people/${p.id}/features/${path}` };
}

/** The person's phone places a call (the simulator): the session, or the error reply. */
async function phoneCall(w: { admin: any }, from: Caller, to: string) {
  return w.admin.post('/sandbox/v1/calls', { from: from.id, to });
}

for (const dialect of dialects) {
  describe(`who may call whom (${dialect})`, () => {
    describe('outgoing permissions', () => {
      it('given Webex’s defaults, when a person dials abroad, then the call is refused with a 403; a national call goes out', () =>
        inWorld(() => world(dialect), async (w) => {
          assertWebexError(await w.alex.api.post('/v1/telephony/calls/dial', { destination: INTERNATIONAL }), 403, /INTERNATIONAL/);
          assertWebexError(await phoneCall(w, w.alex, PREMIUM), 403, /PREMIUM_SERVICES_I/);
          assert.deepEqual(await callsOf(w.alex), []);
          const placed = await phoneCall(w, w.alex, NATIONAL);
          assert.equal(placed.status, 201, placed.text);
          assert.deepEqual(placed.body.legs.map((l: any) => [l.party.kind, l.state]), [['person', 'connecting'], ['pstn', 'alerting']]);
        }));

      it('given the location blocks national calls, then its people may not dial them, unless a person has permissions of their own', () =>
        inWorld(() => world(dialect), async (w) => {
          await w.put(w.at('outgoingPermission'), { callingPermissions: [{ callType: 'NATIONAL', action: 'BLOCK', transferEnabled: true }] });
          assertWebexError(await phoneCall(w, w.alex, NATIONAL), 403, /NATIONAL/);
          assertWebexError(await phoneCall(w, w.blair, NATIONAL), 403);
          await w.put(w.person(w.alex, 'outgoingPermission'), { useCustomEnabled: true, callingPermissions: [{ callType: 'NATIONAL', action: 'ALLOW', transferEnabled: true }] });
          assert.equal((await phoneCall(w, w.alex, NATIONAL)).status, 201);
          assertWebexError(await phoneCall(w, w.blair, NATIONAL), 403);
          // Internal calls stay allowed.
          assert.equal((await phoneCall(w, w.blair, w.casey.extension)).status, 201);
        }));

      it('given toll-free calls need an access code, then the call goes through only after a valid code (the person’s or the location’s)', () =>
        inWorld(() => world(dialect), async (w) => {
          await w.put(w.at('outgoingPermission'), { callingPermissions: [{ callType: 'TOLL_FREE', action: 'AUTH_CODE', transferEnabled: true }] });
          await w.post(w.at('outgoingPermission/accessCodes'), { accessCodes: [{ code: '1357', description: 'Front desk' }] });
          await w.post(`/v1/telephony/config/people/${w.alex.id}/outgoingPermission/accessCodes`, { code: '8642', description: 'Alex travel' });
          assertWebexError(await phoneCall(w, w.alex, TOLL_FREE), 403, /access code/);
          assertWebexError(await phoneCall(w, w.alex, `9999#${TOLL_FREE}`), 403, /access code/);
          const withLocationCode = await phoneCall(w, w.alex, `1357#${TOLL_FREE}`);
          assert.equal(withLocationCode.status, 201, withLocationCode.text);
          assert.deepEqual(withLocationCode.body.legs.map((l: any) => [l.party.kind, l.party.number ?? null]).at(-1), ['pstn', TOLL_FREE]);
          assert.equal((await phoneCall(w, w.blair, `1357#${TOLL_FREE}`)).status, 201);
          assert.equal((await w.alex.api.post('/v1/telephony/calls/dial', { destination: `8642#${TOLL_FREE}` })).status, 201);
          assertWebexError(await phoneCall(w, w.blair, `8642#${TOLL_FREE}`), 403, /access code/);
        }));

      it('given premium calls are sent to auto transfer number 1, then a premium number dialled rings that colleague instead', () =>
        inWorld(() => world(dialect), async (w) => {
          await w.put(w.at('outgoingPermission'), { callingPermissions: [{ callType: 'PREMIUM_SERVICES_I', action: 'TRANSFER_NUMBER_1', transferEnabled: true }] });
          assertWebexError(await phoneCall(w, w.alex, PREMIUM), 403, /autoTransferNumber1/);
          await w.put(w.at('outgoingPermission/autoTransferNumbers'), { autoTransferNumber1: w.blair.extension });
          const placed = await phoneCall(w, w.alex, PREMIUM);
          assert.equal(placed.status, 201, placed.text);
          const ringing = await onlyCall(w.blair);
          assert.deepEqual([ringing.state, ringing.remoteParty.name], ['alerting', w.alex.name]);
          // A person's own transfer numbers replace the location's.
          await w.put(`/v1/telephony/config/people/${w.devon.id}/outgoingPermission/autoTransferNumbers`, { useCustomTransferNumbers: true, autoTransferNumber1: w.casey.extension });
          assert.equal((await phoneCall(w, w.devon, PREMIUM)).status, 201);
          assert.equal((await onlyCall(w.casey)).state, 'alerting');
        }));

      it('given a digit pattern, then it decides before the call type; a person with custom patterns (none) is not held by the location’s', () =>
        inWorld(() => world(dialect), async (w) => {
          await w.post(w.at('outgoingPermission/digitPatterns'), { name: 'No 415', pattern: '1415!', action: 'BLOCK', transferEnabled: true });
          assertWebexError(await phoneCall(w, w.alex, NATIONAL), 403, /No 415/);
          assert.equal((await phoneCall(w, w.alex, '+12125550177')).status, 201, 'another area code is a national call');
          await w.put(`/v1/telephony/config/people/${w.alex.id}/outgoingPermission/digitPatterns`, { useCustomDigitPatterns: true });
          assert.equal((await phoneCall(w, w.alex, NATIONAL)).status, 201);
          // A pattern can also allow what the call type blocks.
          await w.post(w.at('outgoingPermission/digitPatterns'), { name: 'UK office', pattern: '442071234567', action: 'ALLOW', transferEnabled: true });
          assert.equal((await phoneCall(w, w.blair, INTERNATIONAL)).status, 201);
        }));

      it('directory assistance, operator and service codes are call types of their own; emergency calls are never restricted', () =>
        inWorld(() => world(dialect), async (w) => {
          await w.put(w.at('outgoingPermission'), {
            callingPermissions: ['CHARGEABLE_DIRECTORY_ASSISTED', 'OPERATOR_ASSISTED', 'SPECIAL_SERVICES_I', 'NATIONAL'].map((callType) => ({ callType, action: 'BLOCK', transferEnabled: true })),
          });
          assertWebexError(await phoneCall(w, w.alex, '411'), 403, /CHARGEABLE_DIRECTORY_ASSISTED/);
          assertWebexError(await phoneCall(w, w.alex, '+14155551212'), 403, /CHARGEABLE_DIRECTORY_ASSISTED/);
          assertWebexError(await phoneCall(w, w.alex, '0'), 403, /OPERATOR_ASSISTED/);
          assertWebexError(await phoneCall(w, w.alex, '311'), 403, /SPECIAL_SERVICES_I/);
          assert.equal((await phoneCall(w, w.alex, '911')).status, 201);
        }));

      it('given a call being transferred abroad, then transferEnabled decides, whatever the action for calls placed', () =>
        inWorld(() => world(dialect), async (w) => {
          await pstnCall(w.admin, CALLER, w.alex.extension);
          await callAction(w.alex, 'answer', { callId: (await onlyCall(w.alex)).id });
          const callId1 = (await onlyCall(w.alex)).id;
          await w.put(w.at('outgoingPermission'), { callingPermissions: [{ callType: 'INTERNATIONAL', action: 'BLOCK', transferEnabled: false }] });
          assertWebexError(await w.alex.api.post('/v1/telephony/calls/transfer', { callId1, destination: INTERNATIONAL }), 403, /transferred or forwarded/);
          // Webex's default: international calls blocked, but transfer and forwarding to them allowed.
          await w.put(w.at('outgoingPermission'), { callingPermissions: [{ callType: 'INTERNATIONAL', action: 'BLOCK', transferEnabled: true }] });
          assert.equal((await w.alex.api.post('/v1/telephony/calls/transfer', { callId1, destination: INTERNATIONAL })).status, 201);
          assertWebexError(await phoneCall(w, w.blair, INTERNATIONAL), 403, /INTERNATIONAL/);
        }));

      it('given forwarding abroad, then calls are forwarded only while the call type allows forwarding; otherwise the phone rings', () =>
        inWorld(() => world(dialect), async (w) => {
          await w.put(w.person(w.alex, 'callForwarding'), { callForwarding: { always: { enabled: true, destination: INTERNATIONAL } } });
          const forwarded = await pstnCall(w.admin, CALLER, w.alex.extension);
          assert.deepEqual((await session(w.admin, forwarded.callSessionId)).legs.map((l) => l.party.number), [CALLER, INTERNATIONAL]);
          assert.deepEqual(await callsOf(w.alex), []);
          await w.put(w.at('outgoingPermission'), { callingPermissions: [{ callType: 'INTERNATIONAL', action: 'BLOCK', transferEnabled: false }] });
          await pstnCall(w.admin, OTHER_CALLER, w.alex.extension);
          const ringing = await onlyCall(w.alex);
          assert.deepEqual([ringing.state, ringing.remoteParty.number], ['alerting', OTHER_CALLER]);
        }));
    });

    describe('intercept', () => {
      it('given a person’s outgoing calls are intercepted to local only, then internal calls go out and external ones are refused or sent to the destination', () =>
        inWorld(() => world(dialect), async (w) => {
          await w.put(w.person(w.alex, 'intercept'), { enabled: true, outgoing: { type: 'ALLOW_LOCAL_ONLY', transferEnabled: false } });
          assertWebexError(await phoneCall(w, w.alex, NATIONAL), 403, /intercepted/);
          assert.equal((await phoneCall(w, w.alex, w.blair.extension)).status, 201);
          await w.put(w.person(w.alex, 'intercept'), { outgoing: { type: 'INTERCEPT_ALL', transferEnabled: true, destination: w.casey.extension } });
          assert.equal((await phoneCall(w, w.alex, NATIONAL)).status, 201);
          assert.deepEqual([(await onlyCall(w.casey)).state, (await onlyCall(w.casey)).remoteParty.name], ['alerting', w.alex.name]);
        }));

      it('given a person’s incoming calls are intercepted, then callers are refused, or sent to voicemail, or to the new number', () =>
        inWorld(() => world(dialect), async (w) => {
          await w.put(w.person(w.alex, 'intercept'), { enabled: true, incoming: { type: 'INTERCEPT_ALL', voicemailEnabled: false } });
          const refused = await pstnCall(w.admin, CALLER, w.alex.extension);
          assert.deepEqual((await session(w.admin, refused.callSessionId)).legs, [], 'the caller heard the announcement and the call ended');
          assert.deepEqual(await callsOf(w.alex), []);

          await w.put(w.person(w.alex, 'intercept'), { incoming: { voicemailEnabled: true } });
          const toVoicemail = await pstnCall(w.admin, CALLER, w.alex.extension);
          assert.deepEqual((await session(w.admin, toVoicemail.callSessionId)).legs.map((l) => l.party.kind).sort(), ['pstn', 'voicemail']);
          assert.deepEqual(await callsOf(w.alex), []);

          await w.put(w.person(w.alex, 'intercept'), { incoming: { voicemailEnabled: false, announcements: { newNumber: { enabled: true, destination: w.blair.extension } } } });
          await pstnCall(w.admin, CALLER, w.alex.extension);
          const atBlair = await onlyCall(w.blair);
          assert.deepEqual([atBlair.state, atBlair.remoteParty.number], ['alerting', CALLER]);
        }));

      it('given the location intercepts incoming calls, then every person of it is intercepted until it is turned off', () =>
        inWorld(() => world(dialect), async (w) => {
          await w.put(w.at('intercept'), { enabled: true, incoming: { type: 'INTERCEPT_ALL', voicemailEnabled: false } });
          const first = await pstnCall(w.admin, CALLER, w.blair.extension);
          assert.deepEqual((await session(w.admin, first.callSessionId)).legs, []);
          // Its outgoing calls are intercepted too (outgoing INTERCEPT_ALL, no transfer).
          assertWebexError(await phoneCall(w, w.alex, w.devon.extension), 403, /intercepted/);
          await w.put(w.at('intercept'), { enabled: false });
          await pstnCall(w.admin, CALLER, w.blair.extension);
          assert.equal((await onlyCall(w.blair)).state, 'alerting');
        }));
    });

    describe('internal dialing', () => {
      it('given unknown extensions are routed to a trunk, then an extension nobody has goes out through it; without the policy the dial is refused', () =>
        inWorld(() => world(dialect), async (w) => {
          const unknown = '4999';
          assertWebexError(await phoneCall(w, w.alex, unknown), 400);
          const location = await defaultLocation(w.admin);
          const trunk = await w.post('/v1/telephony/config/premisePstn/trunks', { name: 'Legacy PBX', locationId: location.id, password: 'Trunk-pass-1234', trunkType: 'REGISTERING' });
          await w.put(w.at('internalDialing'), { enableUnknownExtensionRoutePolicy: true, unknownExtensionRouteIdentity: { id: trunk.id, type: 'TRUNK' } });
          const placed = await phoneCall(w, w.alex, unknown);
          assert.equal(placed.status, 201, placed.text);
          assert.deepEqual(placed.body.legs.at(-1).party, { kind: 'pstn', number: unknown, name: 'Legacy PBX' });
          // Known extensions still ring their owner.
          assert.equal((await phoneCall(w, w.alex, w.blair.extension)).status, 201);
          assert.equal((await onlyCall(w.blair)).state, 'alerting');
          await w.put(w.at('internalDialing'), { enableUnknownExtensionRoutePolicy: false });
          assertWebexError(await phoneCall(w, w.devon, unknown), 400);
        }));
    });

    describe('barge-in', () => {
      it('given barge-in enabled, when a colleague barges in on an answered call, then their phone alerts, answering joins the call, and leaving keeps it going', () =>
        inWorld(() => world(dialect), async (w) => {
          const inbound = await pstnCall(w.admin, CALLER, w.blair.extension);
          assertWebexError(await w.alex.api.post('/v1/telephony/calls/bargeIn', { target: w.blair.extension }), 403, /not enabled/);
          await w.put(w.person(w.alex, 'bargeIn'), { enabled: true, toneEnabled: true });
          assertWebexError(await w.alex.api.post('/v1/telephony/calls/bargeIn', { target: w.blair.extension }), 409, /no answered call/);
          await callAction(w.blair, 'answer', { callId: (await onlyCall(w.blair)).id });
          const barged = await callAction(w.alex, 'bargeIn', { target: w.blair.extension }, 201);
          assert.equal(barged.callSessionId, inbound.callSessionId, 'the barge-in joins the call’s session');
          const ringing = await onlyCall(w.alex);
          assert.deepEqual([ringing.id, ringing.state, ringing.personality], [barged.callId, 'alerting', 'clickToDial']);
          await callAction(w.alex, 'answer', { callId: barged.callId });
          assert.equal((await onlyCall(w.alex)).state, 'connected');
          assert.deepEqual((await session(w.admin, inbound.callSessionId)).legs.map((l) => [l.party.kind, l.state]), [['pstn', 'connected'], ['person', 'connected'], ['person', 'connected']]);
          await callAction(w.alex, 'hangup', { callId: barged.callId });
          assert.deepEqual(await callsOf(w.alex), []);
          assert.equal((await onlyCall(w.blair)).state, 'connected', 'the call goes on without whoever barged in');
        }));

      it('given the target’s pickup and barge-in privacy, then only their monitoring agents may barge in', () =>
        inWorld(() => world(dialect), async (w) => {
          await pstnCall(w.admin, CALLER, w.blair.extension);
          await callAction(w.blair, 'answer', { callId: (await onlyCall(w.blair)).id });
          for (const who of [w.alex, w.devon]) await w.put(w.person(who, 'bargeIn'), { enabled: true, toneEnabled: false });
          await w.put(w.person(w.blair, 'privacy'), { enablePhoneStatusPickupBargeInPrivacy: true, monitoringAgents: [w.devon.id] }, 200);
          assertWebexError(await w.alex.api.post('/v1/telephony/calls/bargeIn', { target: w.blair.extension }), 403, /monitoring agents/);
          assert.equal((await w.devon.api.post('/v1/telephony/calls/bargeIn', { target: w.blair.extension })).status, 201);
          assertWebexError(await w.devon.api.post('/v1/telephony/calls/bargeIn', { target: 'nobody@nowhere.example' }), 400);
        }));
    });

    describe('incoming permissions', () => {
      it('given a person blocks external calls, then PSTN callers are refused and colleagues still ring them', () =>
        inWorld(() => world(dialect), async (w) => {
          await w.put(w.person(w.alex, 'incomingPermission'), { useCustomEnabled: true, externalTransfer: 'BLOCK_ALL_EXTERNAL', internalCallsEnabled: true, collectCallsEnabled: true });
          const external = await pstnCall(w.admin, CALLER, w.alex.extension);
          assert.deepEqual((await session(w.admin, external.callSessionId)).legs, []);
          assert.deepEqual(await callsOf(w.alex), []);
          await phoneCall(w, w.blair, w.alex.extension);
          assert.equal((await onlyCall(w.alex)).state, 'alerting');
        }));

      it('given internal calls are off, then colleagues are refused; with useCustomEnabled off the person accepts everyone again', () =>
        inWorld(() => world(dialect), async (w) => {
          await w.put(w.person(w.alex, 'incomingPermission'), { useCustomEnabled: true, externalTransfer: 'ALLOW_ALL_EXTERNAL', internalCallsEnabled: false, collectCallsEnabled: true });
          const internal = await phoneCall(w, w.blair, w.alex.extension);
          assert.equal(internal.status, 201);
          assert.deepEqual(await callsOf(w.alex), []);
          assert.deepEqual(await callsOf(w.blair), [], 'the colleague’s call ended');
          await pstnCall(w.admin, CALLER, w.alex.extension);
          assert.equal((await onlyCall(w.alex)).state, 'alerting');
          await callAction(w.alex, 'hangup', { callId: (await onlyCall(w.alex)).id });
          await w.put(w.person(w.alex, 'incomingPermission'), { useCustomEnabled: false, externalTransfer: 'ALLOW_ALL_EXTERNAL', internalCallsEnabled: false, collectCallsEnabled: true });
          await phoneCall(w, w.blair, w.alex.extension);
          assert.equal((await onlyCall(w.alex)).state, 'alerting');
        }));

      it('given only transferred external calls are allowed, then a direct PSTN call is refused but one forwarded by a colleague rings', () =>
        inWorld(() => world(dialect), async (w) => {
          await w.put(w.person(w.alex, 'incomingPermission'), { useCustomEnabled: true, externalTransfer: 'ALLOW_ONLY_TRANSFERRED_EXTERNAL', internalCallsEnabled: true, collectCallsEnabled: true });
          const direct = await pstnCall(w.admin, CALLER, w.alex.extension);
          assert.deepEqual((await session(w.admin, direct.callSessionId)).legs, []);
          await w.put(w.person(w.blair, 'callForwarding'), { callForwarding: { always: { enabled: true, destination: w.alex.extension } } });
          await pstnCall(w.admin, CALLER, w.blair.extension);
          const ringing = await onlyCall(w.alex);
          assert.deepEqual([ringing.state, ringing.remoteParty.number], ['alerting', CALLER]);
        }));
    });
  });
}
