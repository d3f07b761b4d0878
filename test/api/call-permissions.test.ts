import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createCallingUser, createOrganization } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// A person's permission, intercept, caller ID, anonymous rejection, privacy and barge-in documents:
// Webex's defaults, a change read back on the admin (and "me") paths, the rules of the
// descriptions, isolation per organization; and the outgoing permission lists.

const feature = (name: string) => (personId: string) => `/v1/people/${personId}/features/${name}`;
const config = (name: string) => (personId: string) => `/v1/telephony/config/people/${personId}/${name}`;
const me = (name: string) => `/v1/telephony/config/people/me/settings/${name}`;

const ALL_CALL_TYPES = ['INTERNAL_CALL', 'TOLL_FREE', 'INTERNATIONAL', 'OPERATOR_ASSISTED', 'CHARGEABLE_DIRECTORY_ASSISTED', 'SPECIAL_SERVICES_I', 'SPECIAL_SERVICES_II', 'PREMIUM_SERVICES_I', 'PREMIUM_SERVICES_II', 'NATIONAL'];
const BLOCKED = new Set(['INTERNATIONAL', 'PREMIUM_SERVICES_I', 'PREMIUM_SERVICES_II']);

type Row = {
  setting: string;
  path: (personId: string) => string;
  me?: string;
  defaults: (doc: any) => unknown;
  expectedDefaults: unknown;
  change: Record<string, unknown>;
  changed: (doc: any) => unknown;
  expected: unknown;
  invalid: Record<string, unknown>[];
  putStatus?: number;
};

const ROWS: Row[] = [
  {
    setting: 'incomingPermission',
    path: feature('incomingPermission'),
    defaults: (d) => d,
    expectedDefaults: { useCustomEnabled: false, externalTransfer: 'ALLOW_ALL_EXTERNAL', internalCallsEnabled: true, collectCallsEnabled: true },
    change: { useCustomEnabled: true, externalTransfer: 'BLOCK_ALL_EXTERNAL', internalCallsEnabled: true, collectCallsEnabled: false },
    changed: (d) => [d.useCustomEnabled, d.externalTransfer, d.collectCallsEnabled],
    expected: [true, 'BLOCK_ALL_EXTERNAL', false],
    invalid: [{ useCustomEnabled: true, externalTransfer: 'SOMETIMES', internalCallsEnabled: true, collectCallsEnabled: true }],
  },
  {
    setting: 'outgoingPermission',
    path: feature('outgoingPermission'),
    defaults: (d) => [d.useCustomEnabled, d.callingPermissions.map((p: any) => [p.callType, p.action, p.transferEnabled, p.isCallTypeRestrictionEnabled])],
    expectedDefaults: [false, ALL_CALL_TYPES.map((t) => [t, BLOCKED.has(t) ? 'BLOCK' : 'ALLOW', true, true])],
    change: { useCustomEnabled: true, callingPermissions: [{ callType: 'NATIONAL', action: 'BLOCK', transferEnabled: false }] },
    changed: (d) => [d.useCustomEnabled, d.useCustomPermissions, d.callingPermissions.find((p: any) => p.callType === 'NATIONAL'), d.callingPermissions.length],
    expected: [true, true, { callType: 'NATIONAL', action: 'BLOCK', transferEnabled: false, isCallTypeRestrictionEnabled: true }, 10],
    invalid: [
      { callingPermissions: [{ callType: 'NATIONAL', action: 'MAYBE', transferEnabled: true }] },
      { callingPermissions: [{ callType: 'NATIONAL', action: 'BLOCK', transferEnabled: true }, { callType: 'NATIONAL', action: 'ALLOW', transferEnabled: true }] },
    ],
  },
  {
    setting: 'autoTransferNumbers',
    path: config('outgoingPermission/autoTransferNumbers'),
    defaults: (d) => d,
    expectedDefaults: { useCustomTransferNumbers: false },
    change: { useCustomTransferNumbers: true, autoTransferNumber1: '+14155550150' },
    changed: (d) => d,
    expected: { useCustomTransferNumbers: true, autoTransferNumber1: '+14155550150' },
    invalid: [{ useCustomTransferNumbers: true, autoTransferNumber2: 'call-me' }],
  },
  {
    setting: 'intercept',
    path: feature('intercept'),
    defaults: (d) => [d.enabled, d.incoming.type, d.incoming.voicemailEnabled, d.outgoing],
    expectedDefaults: [false, 'INTERCEPT_ALL', false, { type: 'INTERCEPT_ALL', transferEnabled: false }],
    change: { enabled: true, incoming: { voicemailEnabled: true }, outgoing: { type: 'ALLOW_LOCAL_ONLY' } },
    changed: (d) => [d.enabled, d.incoming.voicemailEnabled, d.incoming.type, d.outgoing.type],
    expected: [true, true, 'INTERCEPT_ALL', 'ALLOW_LOCAL_ONLY'],
    invalid: [{ outgoing: { transferEnabled: true } }, { incoming: { announcements: { newNumber: { enabled: true, destination: '**' } } } }, { enabled: 'on' }],
  },
  {
    setting: 'callerId',
    path: feature('callerId'),
    defaults: (d) => [d.selected, d.types, d.blockInForwardCallsEnabled, d.externalCallerIdNamePolicy, typeof d.directNumber, typeof d.locationExternalCallerIdName],
    expectedDefaults: ['DIRECT_LINE', ['DIRECT_LINE', 'LOCATION_NUMBER', 'CUSTOM'], false, 'DIRECT_LINE', 'string', 'string'],
    change: { selected: 'DIRECT_LINE', externalCallerIdNamePolicy: 'OTHER', customExternalCallerIdName: 'Sales Desk' },
    changed: (d) => [d.selected, d.externalCallerIdNamePolicy, d.customExternalCallerIdName],
    expected: ['DIRECT_LINE', 'OTHER', 'Sales Desk'],
    invalid: [{ selected: 'CUSTOM', customNumber: '+19995550100' }, { selected: 'DIRECT_LINE', externalCallerIdNamePolicy: 'OTHER' }, { selected: 'NOBODY' }],
  },
  {
    setting: 'anonymousCallReject',
    path: config('anonymousCallReject'),
    me: me('anonymousCallReject'),
    defaults: (d) => d,
    expectedDefaults: { enabled: false },
    change: { enabled: true },
    changed: (d) => d,
    expected: { enabled: true },
    invalid: [{ enabled: 'yes' }],
  },
  {
    setting: 'privacy',
    path: feature('privacy'),
    defaults: (d) => d,
    expectedDefaults: { aaExtensionDialingEnabled: true, aaNamingDialingEnabled: true, enablePhoneStatusDirectoryPrivacy: false, enablePhoneStatusPickupBargeInPrivacy: false, monitoringAgents: [] },
    change: { enablePhoneStatusPickupBargeInPrivacy: true, aaNamingDialingEnabled: false },
    changed: (d) => [d.enablePhoneStatusPickupBargeInPrivacy, d.aaNamingDialingEnabled, d.aaExtensionDialingEnabled],
    expected: [true, false, true],
    invalid: [{ monitoringAgents: ['not-a-person'] }],
    putStatus: 200,
  },
  {
    setting: 'bargeIn',
    path: feature('bargeIn'),
    me: me('bargeIn'),
    defaults: (d) => d,
    expectedDefaults: { enabled: false, toneEnabled: true },
    change: { enabled: true, toneEnabled: false },
    changed: (d) => d,
    expected: { enabled: true, toneEnabled: false },
    invalid: [{ enabled: 3 }],
  },
];

for (const dialect of dialects) {
  describe(`a person's permissions and caller ID settings (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(dialect);
    });
    after(() => server.close());

    for (const row of ROWS) {
      describe(row.setting, () => {
        it('given a new calling user, then it reads Webex’s defaults, and a change reads back on every path', async () => {
          const { admin } = server;
          const person = await createCallingUser(admin);
          const read = await admin.get(row.path(person.id));
          assert.equal(read.status, 200, read.text);
          assert.deepEqual(row.defaults(read.body), row.expectedDefaults);
          const put = await admin.put(row.path(person.id), row.change);
          assert.equal(put.status, row.putStatus ?? 204, put.text);
          assert.deepEqual(row.changed((await admin.get(row.path(person.id))).body), row.expected);
          if (!row.me) return;
          const own = await clientWithScopes(admin, person.id, ['spark:calls_read', 'spark:calls_write']);
          assert.deepEqual(row.changed((await own.get(row.me)).body), row.expected);
          assert.equal((await own.put(row.me, row.expectedDefaults as Record<string, unknown>)).status, 204);
          assert.deepEqual(row.defaults((await admin.get(row.path(person.id))).body), row.expectedDefaults);
        });

        it('when a body breaks the schema or the description’s rules, then it is a 400 and nothing changes', async () => {
          const person = await createCallingUser(server.admin);
          for (const body of row.invalid) assertWebexError(await server.admin.put(row.path(person.id), body), 400);
          assert.deepEqual(row.defaults((await server.admin.get(row.path(person.id))).body), row.expectedDefaults);
        });

        it('given another organization, when its admin names this person, then it is a 404', async () => {
          const person = await createCallingUser(server.admin);
          const other = await createOrganization(server.anonymous);
          assertWebexError(await other.admin.get(row.path(person.id)), 404);
          assertWebexError(await other.admin.put(row.path(person.id), row.change), 404);
        });
      });
    }

    it('the "me" caller ID switches (blocking on calls made and answered) are the person’s own document', async () => {
      const person = await createCallingUser(server.admin);
      const own = await clientWithScopes(server.admin, person.id, ['spark:calls_read', 'spark:calls_write']);
      assert.deepEqual((await own.get(me('callerId'))).body, { callingLineIdDeliveryBlockingEnabled: false, connectedLineIdentificationRestrictionEnabled: false });
      assert.equal((await own.put(me('callerId'), { callingLineIdDeliveryBlockingEnabled: true })).status, 204);
      assert.deepEqual((await own.get(me('callerId'))).body, { callingLineIdDeliveryBlockingEnabled: true, connectedLineIdentificationRestrictionEnabled: false });
      assertWebexError(await own.put(me('callerId'), { callingLineIdDeliveryBlockingEnabled: 'yes' }), 400);
    });

    it('privacy monitoring agents are stored as IDs and read back as people', async () => {
      const person = await createCallingUser(server.admin);
      const agent = await createCallingUser(server.admin);
      assert.equal((await server.admin.put(feature('privacy')(person.id), { monitoringAgents: [agent.id] })).status, 200);
      const read = (await server.admin.get(feature('privacy')(person.id))).body;
      assert.deepEqual(read.monitoringAgents.map((a: any) => [a.id, a.type]), [[agent.id, 'PEOPLE']]);
      assertWebexError(await server.admin.put(feature('privacy')(person.id), { monitoringAgents: [agent.id, agent.id] }), 400);
    });

    it('the numbers an intercept may use are the person’s location’s intercept candidates', async () => {
      const person = await createCallingUser(server.admin);
      const reply = await server.admin.get(config('callIntercept/availableNumbers')(person.id));
      assert.equal(reply.status, 200, reply.text);
      assert.ok(reply.body.phoneNumbers.some((n: any) => n.phoneNumber === person.phoneNumber), JSON.stringify(reply.body));
      const other = await createOrganization(server.anonymous);
      assertWebexError(await other.admin.get(config('callIntercept/availableNumbers')(person.id)), 404);
    });

    it('access codes: created one by one, listed, deleted by code or all; a duplicate or a non-numeric code is a 400', async () => {
      const person = await createCallingUser(server.admin);
      const path = config('outgoingPermission/accessCodes')(person.id);
      assert.deepEqual((await server.admin.get(path)).body, { accessCodes: [] });
      assert.equal((await server.admin.post(path, { code: '4321', description: 'Travel' })).status, 201);
      assert.equal((await server.admin.post(path, { code: '8765', description: 'Night' })).status, 201);
      assertWebexError(await server.admin.post(path, { code: '4321', description: 'Again' }), 400);
      assertWebexError(await server.admin.post(path, { code: 'abc', description: 'Letters' }), 400);
      assert.deepEqual((await server.admin.get(path)).body, { accessCodes: [{ code: '4321', description: 'Travel' }, { code: '8765', description: 'Night' }] });
      assert.equal((await server.admin.put(path, { deleteCodes: ['4321'] })).status, 204);
      assert.deepEqual((await server.admin.get(path)).body.accessCodes.map((c: any) => c.code), ['8765']);
      assert.equal((await server.admin.delete(path)).status, 204);
      assert.deepEqual((await server.admin.get(path)).body, { accessCodes: [] });
    });

    it('digit patterns: create, read, change, the category switch, delete one and all; unknown IDs are a 404', async () => {
      const person = await createCallingUser(server.admin);
      const path = config('outgoingPermission/digitPatterns')(person.id);
      assert.deepEqual((await server.admin.get(path)).body, { useCustomDigitPatterns: false, digitPatterns: [] });
      const created = await server.admin.post(path, { name: 'Block 1900', pattern: '1900!', action: 'BLOCK', transferEnabled: true });
      assert.equal(created.status, 201, created.text);
      const id = created.body.id;
      assert.deepEqual((await server.admin.get(`${path}/${id}`)).body, { id, name: 'Block 1900', pattern: '1900!', action: 'BLOCK', transferEnabled: true });
      assert.equal((await server.admin.put(`${path}/${id}`, { action: 'AUTH_CODE' })).status, 204);
      assert.equal((await server.admin.put(path, { useCustomDigitPatterns: true })).status, 204);
      const list = (await server.admin.get(path)).body;
      assert.deepEqual([list.useCustomDigitPatterns, list.digitPatterns.map((p: any) => p.action)], [true, ['AUTH_CODE']]);
      assertWebexError(await server.admin.post(path, { name: 'Bad', pattern: '19a0', action: 'BLOCK', transferEnabled: true }), 400);
      assertWebexError(await server.admin.post(path, { name: 'Block 1900', pattern: '1800', action: 'BLOCK', transferEnabled: true }), 400);
      assertWebexError(await server.admin.get(`${path}/nope`), 404);
      assert.equal((await server.admin.delete(`${path}/${id}`)).status, 204);
      assertWebexError(await server.admin.delete(`${path}/${id}`), 404);
      await server.admin.post(path, { name: 'Another', pattern: '1XXX', action: 'ALLOW', transferEnabled: false });
      assert.equal((await server.admin.delete(path)).status, 204);
      assert.deepEqual((await server.admin.get(path)).body.digitPatterns, []);
    });
  });
}
