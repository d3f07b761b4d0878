import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createCallingUser, createOrganization, createPerson, freeExtension, licenses } from '../support/factories.ts';
import { clientIdOf } from '../../src/domain/devices/webex-clients.ts';
import { decodeIdValue } from '../../src/domain/webex-ids.ts';
import { startServer, type TestServer } from '../support/server.ts';

// Every configuration and ring setting of a person served through the one settings mechanism,
// one table row per setting: Webex's defaults on the admin and Call Settings For Me paths, a PUT
// that round-trips (For Me acting on the caller's own person only), the rules of the description
// (400, nothing changed), isolation per organization (404) and scopes (403).

type Person = Awaited<ReturnType<typeof createPerson>>;

/** A calling user with an extension only: the table creates many, and a location's numbers are few. */
async function createExtensionUser(api: Client) {
  const { professional } = await licenses(api);
  return createPerson(api, { extension: freeExtension(), licenses: [professional] }, { callingData: 'true' });
}

type Row = {
  setting: string;
  admin?: (personId: string) => string;
  /** The Call Settings For Me path; `meReadOnly` when Webex serves only its GET. */
  me?: string;
  meReadOnly?: boolean;
  defaults: Record<string, unknown> | ((p: Person) => Record<string, unknown>);
  /** What the For Me path shows when it differs from the admin path. */
  meDefaults?: Record<string, unknown>;
  change: Record<string, unknown>;
  /** The For Me PUT's body when its fields differ from the admin one. */
  meChange?: Record<string, unknown>;
  changed: (doc: any) => unknown;
  expected: unknown;
  invalid: Record<string, unknown>[];
};

const feature = (name: string) => (personId: string) => `/v1/people/${personId}/features/${name}`;
const config = (name: string) => (personId: string) => `/v1/telephony/config/people/${personId}/${name}`;
const me = (name: string) => `/v1/telephony/config/people/me/settings/${name}`;
const PSTN = '+14155550199';

const ROWS: Row[] = [
  {
    setting: 'applicationServices',
    admin: feature('applications'),
    // Each enabled client shows its ID (the desktop one is the app of shared line appearances).
    defaults: (person) => ({
      ringDevicesForClickToDialCallsEnabled: true,
      ringDevicesForGroupPageEnabled: true,
      ringDevicesForCallParkEnabled: true,
      browserClientEnabled: true,
      desktopClientEnabled: true,
      tabletClientEnabled: true,
      mobileClientEnabled: true,
      ...Object.fromEntries((['browser', 'desktop', 'tablet', 'mobile'] as const).map((c) => [`${c}ClientId`, clientIdOf(decodeIdValue(person.id, 'PEOPLE')!, c)])),
      availableLineCount: 35,
    }),
    change: { mobileClientEnabled: false, availableLineCount: 3 },
    changed: (d) => [d.mobileClientEnabled, d.desktopClientEnabled, d.availableLineCount],
    expected: [false, true, 35],
    invalid: [{ mobileClientEnabled: 'no' }],
  },
  {
    setting: 'pushToTalk',
    admin: feature('pushToTalk'),
    defaults: { allowAutoAnswer: true, connectionType: 'ONE_WAY', accessType: 'BLOCK_MEMBERS' },
    change: { connectionType: 'TWO_WAY', accessType: 'ALLOW_MEMBERS' },
    changed: (d) => [d.connectionType, d.accessType, d.allowAutoAnswer],
    expected: ['TWO_WAY', 'ALLOW_MEMBERS', true],
    invalid: [{ connectionType: 'THREE_WAY' }, { members: ['not-a-person'] }],
  },
  {
    setting: 'monitoring',
    admin: feature('monitoring'),
    me: me('monitoring'),
    meReadOnly: true,
    defaults: { callParkNotificationEnabled: false, availableEntriesCount: 50, monitoredElements: [] },
    meDefaults: { callParkNotificationEnabled: false, monitoredElements: [] },
    change: { enableCallParkNotification: true },
    changed: (d) => d.callParkNotificationEnabled,
    expected: true,
    invalid: [{ monitoredElements: ['not-a-person'] }, { enableCallParkNotification: 'yes' }],
  },
  {
    setting: 'executiveAssistant',
    admin: feature('executiveAssistant'),
    defaults: { type: 'UNASSIGNED' },
    change: { type: 'EXECUTIVE' },
    changed: (d) => d.type,
    expected: 'EXECUTIVE',
    invalid: [{ type: 'BOSS' }],
  },
  {
    setting: 'executiveAlert',
    admin: config('executive/alert'),
    me: me('executive/alert'),
    defaults: {
      alertingMode: 'SEQUENTIAL',
      nextAssistantNumberOfRings: 3,
      rolloverEnabled: false,
      rolloverAction: 'VOICE_MESSAGING',
      rolloverWaitTimeInSecs: 20,
      clidNameMode: 'EXECUTIVE_ORIGINATOR',
      clidPhoneNumberMode: 'EXECUTIVE',
    },
    change: { alertingMode: 'SIMULTANEOUS', rolloverEnabled: true, rolloverAction: 'FORWARD', rolloverForwardToPhoneNumber: PSTN },
    changed: (d) => [d.alertingMode, d.rolloverAction, d.rolloverForwardToPhoneNumber],
    expected: ['SIMULTANEOUS', 'FORWARD', PSTN],
    invalid: [{ nextAssistantNumberOfRings: 1 }, { clidNameMode: 'CUSTOM' }, { rolloverEnabled: true, rolloverAction: 'FORWARD' }, { alertingMode: 'RANDOM' }],
  },
  {
    setting: 'executiveScreening',
    admin: config('executive/screening'),
    me: me('executive/screening'),
    defaults: { enabled: false, alertType: 'SILENT', alertAnywhereLocationEnabled: false, alertMobilityLocationEnabled: false, alertSharedCallAppearanceLocationEnabled: false },
    change: { enabled: true, alertType: 'RING_SPLASH' },
    changed: (d) => [d.enabled, d.alertType],
    expected: [true, 'RING_SPLASH'],
    invalid: [{ alertType: 'LOUD' }],
  },
  {
    setting: 'executiveAssignedAssistants',
    admin: config('executive/assignedAssistants'),
    me: me('executive/assignedAssistants'),
    defaults: {},
    change: { assistantIds: [] },
    changed: (d) => d.assistants,
    expected: undefined,
    invalid: [{ assistantIds: ['not-a-person'] }, { assistantIds: 'x' }],
  },
  {
    setting: 'executiveAssistantSettings',
    admin: config('executive/assistant'),
    me: me('executive/assistant'),
    defaults: { forwardFilteredCallsEnabled: false },
    change: { forwardFilteredCallsEnabled: true, forwardToPhoneNumber: PSTN },
    changed: (d) => [d.forwardFilteredCallsEnabled, d.forwardToPhoneNumber],
    expected: [true, PSTN],
    invalid: [{ forwardFilteredCallsEnabled: true }, { executives: [{ personId: 'not-a-person', optInEnabled: true }] }],
  },
  {
    setting: 'executiveCallFiltering',
    admin: config('executive/callFiltering'),
    me: me('executive/callFiltering'),
    defaults: { enabled: false, filterType: 'ALL_CALLS', criteria: [] },
    change: { enabled: true, filterType: 'ALL_INTERNAL_CALLS' },
    changed: (d) => [d.enabled, d.filterType],
    expected: [true, 'ALL_INTERNAL_CALLS'],
    invalid: [{ filterType: 'SOME_CALLS' }, { criteriaActivation: [{ id: 'not-a-criterion', activationEnabled: true }] }],
  },
  {
    setting: 'callCaptions',
    admin: config('callCaptions'),
    me: me('callCaptions'),
    meReadOnly: true,
    defaults: { userClosedCaptionsEnabled: false, userTranscriptsEnabled: false, useLocationSettingsEnabled: true, locationClosedCaptionsEnabled: false, locationTranscriptsEnabled: false },
    change: { useLocationSettingsEnabled: false, userClosedCaptionsEnabled: true, locationTranscriptsEnabled: true },
    changed: (d) => [d.useLocationSettingsEnabled, d.userClosedCaptionsEnabled, d.locationTranscriptsEnabled],
    expected: [false, true, false],
    invalid: [{ userClosedCaptionsEnabled: 'on' }],
  },
  {
    setting: 'musicOnHold',
    admin: config('musicOnHold'),
    defaults: { mohEnabled: true, greeting: 'DEFAULT', mohLocationEnabled: true },
    change: { mohEnabled: false },
    changed: (d) => [d.mohEnabled, d.greeting],
    expected: [false, 'DEFAULT'],
    invalid: [{ greeting: 'CUSTOM' }, { greeting: 'JAZZ' }],
  },
  {
    setting: 'outboundBillingPlan',
    admin: config('outboundBillingPlan'),
    defaults: { enabled: false },
    change: { enabled: true },
    changed: (d) => d.enabled,
    expected: true,
    invalid: [{ enabled: 'yes' }, {}],
  },
  {
    setting: 'personalAssistant',
    admin: config('features/personalAssistant'),
    me: me('personalAssistant'),
    defaults: { enabled: false, presence: 'NONE', transferEnabled: false, alerting: 'ALERT_ME_FIRST', alertMeFirstNumberOfRings: 2 },
    // Webex's For Me document has no NONE presence: it is left out.
    meDefaults: { enabled: false, transferEnabled: false, alerting: 'ALERT_ME_FIRST', alertMeFirstNumberOfRings: 2 },
    change: { enabled: true, presence: 'LUNCH', transferEnabled: true, transferNumber: PSTN },
    changed: (d) => [d.enabled, d.presence, d.transferNumber],
    expected: [true, 'LUNCH', PSTN],
    invalid: [{ alertMeFirstNumberOfRings: 1 }, { transferEnabled: true }, { presence: 'NAP' }, { untilDateTime: 'someday' }],
  },
  {
    setting: 'msTeams',
    admin: config('settings/msTeams'),
    defaults: (p) => ({
      personId: p.id,
      orgId: (p as any).orgId,
      settings: [
        { settingName: 'HIDE_WEBEX_APP', level: 'GLOBAL', value: true, lastModified: p.created },
        { settingName: 'PRESENCE_SYNC', level: 'GLOBAL', value: true, lastModified: p.created },
      ],
    }),
    change: { settingName: 'HIDE_WEBEX_APP', value: false },
    changed: (d) => [d.settings[0].settingName, d.settings[0].level, d.settings[0].value, d.settings.length],
    expected: ['HIDE_WEBEX_APP', 'PEOPLE', false, 2],
    invalid: [{ settingName: 'PRESENCE_SYNC', value: true }, { settingName: 'HIDE_WEBEX_APP' }],
  },
  {
    setting: 'simultaneousRing',
    admin: config('simultaneousRing'),
    me: me('simultaneousRing'),
    defaults: { enabled: false, doNotRingIfOnCallEnabled: true, criteriasEnabled: false, phoneNumbers: [], criteria: [] },
    change: { enabled: true, phoneNumbers: [{ phoneNumber: PSTN, answerConfirmationEnabled: true }] },
    changed: (d) => [d.enabled, d.phoneNumbers.length, d.phoneNumbers[0].phoneNumber],
    expected: [true, 1, PSTN],
    invalid: [
      { enabled: true },
      { phoneNumbers: [{ phoneNumber: '**', answerConfirmationEnabled: false }] },
      { phoneNumbers: Array.from({ length: 11 }, (_, i) => ({ phoneNumber: `+1415555${String(1000 + i)}`, answerConfirmationEnabled: false })) },
    ],
  },
  {
    setting: 'selectiveAccept',
    admin: config('selectiveAccept'),
    me: me('selectiveAccept'),
    defaults: { enabled: false, criteria: [] },
    change: { enabled: true },
    changed: (d) => d.enabled,
    expected: true,
    invalid: [{ enabled: 'yes' }, {}],
  },
  {
    setting: 'selectiveReject',
    admin: config('selectiveReject'),
    me: me('selectiveReject'),
    defaults: { enabled: false, criteria: [] },
    change: { enabled: true },
    changed: (d) => d.enabled,
    expected: true,
    invalid: [{ enabled: 'yes' }, {}],
  },
  {
    setting: 'selectiveForward',
    admin: config('selectiveForward'),
    me: me('selectiveForward'),
    defaults: { enabled: false, defaultPhoneNumberToForward: '', ringReminderEnabled: false, destinationVoicemailEnabled: false, criteria: [] },
    change: { enabled: true, defaultPhoneNumberToForward: PSTN },
    changed: (d) => [d.enabled, d.defaultPhoneNumberToForward],
    expected: [true, PSTN],
    invalid: [{ enabled: true }, { defaultPhoneNumberToForward: '**' }],
  },
  {
    setting: 'singleNumberReach',
    admin: config('singleNumberReach'),
    me: me('singleNumberReach'),
    defaults: { alertAllNumbersForClickToDialCallsEnabled: false, numbers: [], enabled: false },
    change: { alertAllNumbersForClickToDialCallsEnabled: true },
    meChange: { alertAllLocationsForClickToDialCallsEnabled: true },
    changed: (d) => d.alertAllNumbersForClickToDialCallsEnabled,
    expected: true,
    invalid: [{ alertAllNumbersForClickToDialCallsEnabled: 'on', alertAllLocationsForClickToDialCallsEnabled: 'on' }],
  },
  {
    setting: 'callPolicies',
    me: me('callPolicies'),
    defaults: { connectedLineIdPrivacyOnRedirectedCalls: 'NO_PRIVACY' },
    change: { connectedLineIdPrivacyOnRedirectedCalls: 'PRIVACY_FOR_ALL_CALLS' },
    changed: (d) => d.connectedLineIdPrivacyOnRedirectedCalls,
    expected: 'PRIVACY_FOR_ALL_CALLS',
    invalid: [{ connectedLineIdPrivacyOnRedirectedCalls: 'SOME_PRIVACY' }],
  },
  {
    setting: 'speedDials',
    me: me('speedDials'),
    defaults: { speedDials: [], availableEntriesCount: 100 },
    change: { speedDials: [{ phoneNumber: PSTN, lineKeyLabel: 'Home' }] },
    changed: (d) => [d.speedDials, d.availableEntriesCount],
    expected: [[{ phoneNumber: PSTN, lineKeyLabel: 'Home' }], 99],
    invalid: [{ speedDials: [{ phoneNumber: '**' }] }, { speedDials: [{ id: 'not-a-person' }] }, {}],
  },
  {
    setting: 'callNotify',
    me: me('callNotify'),
    defaults: { enabled: false, criteria: [] },
    change: { enabled: true, emailAddress: 'me@example.com' },
    changed: (d) => [d.enabled, d.emailAddress],
    expected: [true, 'me@example.com'],
    invalid: [{ enabled: true }, { enabled: false, emailAddress: 'nobody' }],
  },
  {
    setting: 'priorityAlert',
    me: me('priorityAlert'),
    defaults: { enabled: false, criteria: [] },
    change: { enabled: true },
    changed: (d) => d.enabled,
    expected: true,
    invalid: [{}, { enabled: 'y' }],
  },
  {
    setting: 'sequentialRing',
    me: me('sequentialRing'),
    defaults: {
      enabled: false,
      ringBaseLocationFirstEnabled: true,
      baseLocationNumberOfRings: 2,
      continueIfBaseLocationIsBusyEnabled: true,
      callsToVoicemailEnabled: false,
      phoneNumbers: [],
      criteria: [],
    },
    change: { enabled: true, phoneNumbers: [{ phoneNumber: PSTN, answerConfirmationRequiredEnabled: false, numberOfRings: 3 }] },
    changed: (d) => [d.enabled, d.phoneNumbers],
    expected: [true, [{ phoneNumber: PSTN, answerConfirmationRequiredEnabled: false, numberOfRings: 3 }]],
    invalid: [{ enabled: true }, { enabled: false, baseLocationNumberOfRings: 1 }, { enabled: false, phoneNumbers: [{ phoneNumber: PSTN, answerConfirmationRequiredEnabled: false, numberOfRings: 30 }] }],
  },
  {
    setting: 'hotelingGuest',
    me: me('hoteling/guest'),
    defaults: { enabled: false, associationLimitEnabled: true, associationLimitHours: 24 },
    change: { enabled: true, associationLimitHours: 12 },
    changed: (d) => [d.enabled, d.associationLimitHours],
    expected: [true, 12],
    invalid: [{ enabled: true, associationLimitHours: 0 }, { enabled: true, hostId: 'not-a-person' }, {}],
  },
  {
    setting: 'callBlock',
    me: me('callBlock'),
    meReadOnly: true,
    defaults: { numbers: [] },
    change: {},
    changed: () => undefined,
    expected: undefined,
    invalid: [],
  },
];

const defaultsOf = (row: Row, person: Person) => (typeof row.defaults === 'function' ? row.defaults(person) : row.defaults);

for (const dialect of dialects) {
  describe(`Person configuration and ring settings (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    // Licenses and numbers are few, so the table shares three people: each row has a setting of
    // its own, `untouched` is never changed, `byAdmin` is changed on the admin paths (or, for a
    // For Me only setting, by themselves) and `byThemselves` on the For Me paths.
    let untouched: Person;
    let byAdmin: Person;
    let byThemselves: Person;

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      const withOrg = async (p: Person) => ({ ...p, orgId: (await admin.get(`/v1/people/${p.id}`)).body.orgId as string });
      [untouched, byAdmin, byThemselves] = [await withOrg(await createExtensionUser(admin)), await withOrg(await createExtensionUser(admin)), await withOrg(await createExtensionUser(admin))];
    });
    after(() => server.close());

    const own = (person: { id: string }) => clientWithScopes(admin, person.id, ['spark:calls_read', 'spark:calls_write']);

    for (const row of ROWS) {
      const writable = row.admin !== undefined || (row.me !== undefined && !row.meReadOnly);
      /** Reads through the admin path when there is one, else as the person. */
      const read = async (person: Person) => (row.admin ? admin.get(row.admin(person.id)) : (await own(person)).get(row.me!));
      const write = async (person: Person, body: Record<string, unknown>) =>
        row.admin ? admin.put(row.admin(person.id), body) : (await own(person)).put(row.me!, body);

      describe(row.setting, () => {
        it('given a new calling user, when the admin and the person read the setting, then both see Webex’s defaults', async () => {
          const defaults = defaultsOf(row, untouched);
          if (row.admin) {
            const reply = await admin.get(row.admin(untouched.id));
            assert.equal(reply.status, 200, reply.text);
            assert.deepEqual(reply.body, defaults);
          }
          if (!row.me) return;
          const reply = await (await clientWithScopes(admin, untouched.id, ['spark:calls_read'])).get(row.me);
          assert.equal(reply.status, 200, reply.text);
          assert.deepEqual(reply.body, row.meDefaults ?? defaults);
        });

        if (!writable) return;

        it('when it is changed, then it reads back changed (other fields kept) on every path; a colleague’s stays as it was', async () => {
          const reply = await write(byAdmin, row.change);
          assert.equal(reply.status, 204, reply.text);
          assert.deepEqual(row.changed((await read(byAdmin)).body), row.expected);
          if (row.me) assert.deepEqual(row.changed((await (await own(byAdmin)).get(row.me)).body), row.expected);
          assert.deepEqual((await read(untouched)).body, defaultsOf(row, untouched));
        });

        if (row.me && !row.meReadOnly) {
          it('when the person changes it on the For Me path, then their own document changes, nobody else’s', async () => {
            const reply = await (await own(byThemselves)).put(row.me!, row.meChange ?? row.change);
            assert.equal(reply.status, 204, reply.text);
            assert.deepEqual(row.changed((await read(byThemselves)).body), row.expected);
            assert.deepEqual((await read(untouched)).body, defaultsOf(row, untouched));
          });
        }

        it('when a body breaks the schema or the rules of the description, then it is a 400 and nothing changes', async () => {
          for (const body of row.invalid) assertWebexError(await write(untouched, body), 400);
          if (row.me && !row.meReadOnly) for (const body of row.invalid) assertWebexError(await (await own(untouched)).put(row.me, body), 400);
          assert.deepEqual((await read(untouched)).body, defaultsOf(row, untouched));
        });

        if (row.admin) {
          it('given another organization, when its admin names this person, then it is a 404; an unknown ID too', async () => {
            const other = await createOrganization(server.anonymous);
            assertWebexError(await other.admin.get(row.admin!(untouched.id)), 404);
            assertWebexError(await other.admin.put(row.admin!(untouched.id), row.change), 404);
            assertWebexError(await admin.get(row.admin!('not-a-person')), 404);
          });
        }

        it('when a token lacks the scope, then it is a 403; a person may not read or change a colleague’s on the admin path', async () => {
          const readOnly = await clientWithScopes(admin, byThemselves.id, ['spark:calls_read', 'spark:people_read']);
          if (row.me && !row.meReadOnly) assertWebexError(await readOnly.put(row.me, row.meChange ?? row.change), 403);
          if (row.admin) {
            assertWebexError(await readOnly.put(row.admin(untouched.id), row.change), 403);
            assertWebexError(await readOnly.get(row.admin(untouched.id)), 403);
          }
          if (row.me) assertWebexError(await (await clientWithScopes(admin, byThemselves.id, ['spark:people_read'])).get(row.me), 403);
        });
      });
    }

    describe('lists of people', () => {
      let person: Awaited<ReturnType<typeof createCallingUser>>;
      let colleague: Awaited<ReturnType<typeof createCallingUser>>;
      before(async () => {
        person = await createCallingUser(admin);
        colleague = await createCallingUser(admin);
      });

      it('an executive’s assistants are stored as IDs and read back as people with their location', async () => {
        const path = config('executive/assignedAssistants')(person.id);
        assert.equal((await admin.put(path, { assistantIds: [colleague.id] })).status, 204);
        const [shown] = (await admin.get(path)).body.assistants;
        assert.deepEqual([shown.id, shown.directNumber, shown.extension, shown.location.id], [colleague.id, colleague.phoneNumber, (colleague as any).extension, colleague.locationId]);
        assertWebexError(await admin.put(path, { assistantIds: [person.id] }), 400, /themselves/);
        const other = await createOrganization(server.anonymous);
        assertWebexError(await admin.put(path, { assistantIds: [other.personId] }), 400);
      });

      it('monitored lines and push-to-talk members are people of the organization, shown with their numbers', async () => {
        const put = await admin.put(feature('monitoring')(person.id), { monitoredElements: [colleague.id] });
        assert.equal(put.status, 204, put.text);
        const monitoring = (await admin.get(feature('monitoring')(person.id))).body;
        assert.equal(monitoring.availableEntriesCount, 49);
        assert.deepEqual([monitoring.monitoredElements[0].member.id, monitoring.monitoredElements[0].member.numbers[0].external], [colleague.id, colleague.phoneNumber]);
        const mine = (await (await own(person)).get(me('monitoring'))).body;
        assert.equal(mine.monitoredElements[0].member.id, colleague.id);
        assert.equal((await admin.put(feature('pushToTalk')(person.id), { accessType: 'ALLOW_MEMBERS', members: [colleague.id] })).status, 204);
        assert.deepEqual((await admin.get(feature('pushToTalk')(person.id))).body.members.map((m: any) => m.id), [colleague.id]);
      });

      it('a hoteling guest’s host is a person of the organization, shown with their number and location', async () => {
        const client = await own(person);
        assert.equal((await client.put(me('hoteling/guest'), { enabled: true, hostId: colleague.id })).status, 204);
        const doc = (await client.get(me('hoteling/guest'))).body;
        assert.deepEqual([doc.hostId, doc.hostPhoneNumber, doc.hostExtension, doc.hostLocation.id], [colleague.id, colleague.phoneNumber, (colleague as any).extension, colleague.locationId]);
      });

      it('a speed dial to a colleague reads back as the colleague', async () => {
        const client = await own(person);
        assert.equal((await client.put(me('speedDials'), { speedDials: [{ id: colleague.id, lineKeyLabel: 'Boss' }] })).status, 204);
        const [dial] = (await client.get(me('speedDials'))).body.speedDials;
        assert.deepEqual([dial.id, dial.phoneNumber, dial.lineKeyLabel, dial.type], [colleague.id, colleague.phoneNumber, 'Boss', 'PEOPLE']);
      });
    });
  });
}
