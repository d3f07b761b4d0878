import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeId } from '../../src/domain/webex-ids.ts';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createCallingUser, createOrganization, freeExtension } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// A person's settings documents through the one settings mechanism, one table row per setting:
// Webex's defaults, a PUT that validates and round-trips (on the admin and the "me" paths), the
// rules the descriptions state, isolation per organization, scopes, and deletion with the person.

type Row = {
  setting: string;
  admin: (personId: string) => string;
  /** The Call Settings For Me path, when Webex has one. */
  me?: string;
  defaults: Record<string, unknown>;
  /** A change and what the document then reads. */
  change: Record<string, unknown>;
  changed: (doc: any) => unknown;
  expected: unknown;
  /** A change back by the person, and what it then reads (when not simply the defaults). */
  reset?: Record<string, unknown>;
  resetExpected?: unknown;
  /** Bodies Webex refuses with a 400 (schema or the description's rules). */
  invalid: Record<string, unknown>[];
};

const feature = (name: string) => (personId: string) => `/v1/people/${personId}/features/${name}`;
const me = (name: string) => `/v1/telephony/config/people/me/settings/${name}`;
const forwardOff = { enabled: false, destinationVoicemailEnabled: false };

const ROWS: Row[] = [
  {
    setting: 'doNotDisturb',
    admin: feature('doNotDisturb'),
    me: me('doNotDisturb'),
    defaults: { enabled: false, ringSplashEnabled: false, webexGoOverrideEnabled: false },
    change: { enabled: true, webexGoOverrideEnabled: false },
    changed: (d) => [d.enabled, d.ringSplashEnabled],
    expected: [true, false],
    invalid: [{ enabled: 'yes', webexGoOverrideEnabled: false }, { enabled: true }],
  },
  {
    setting: 'callWaiting',
    admin: feature('callWaiting'),
    me: me('callWaiting'),
    defaults: { enabled: true },
    change: { enabled: false },
    changed: (d) => d.enabled,
    expected: false,
    invalid: [{ enabled: 1 }],
  },
  {
    setting: 'callForwarding',
    admin: feature('callForwarding'),
    me: me('callForwarding'),
    defaults: {
      callForwarding: {
        always: { ...forwardOff, ringReminderEnabled: false },
        busy: forwardOff,
        noAnswer: { ...forwardOff, numberOfRings: 3, systemMaxNumberOfRings: 20 },
      },
      businessContinuity: forwardOff,
    },
    change: { callForwarding: { noAnswer: { enabled: true, destination: '+14155550199', numberOfRings: 4 } } },
    changed: (d) => [d.callForwarding.noAnswer, d.callForwarding.always.enabled],
    expected: [{ enabled: true, destination: '+14155550199', numberOfRings: 4, systemMaxNumberOfRings: 20, destinationVoicemailEnabled: false }, false],
    // Turning a forwarding off keeps its destination, as Webex does.
    reset: { callForwarding: { noAnswer: { enabled: false, numberOfRings: 3 } } },
    resetExpected: [{ enabled: false, destination: '+14155550199', numberOfRings: 3, systemMaxNumberOfRings: 20, destinationVoicemailEnabled: false }, false],
    invalid: [
      { callForwarding: { noAnswer: { numberOfRings: 1 } } },
      { callForwarding: { noAnswer: { numberOfRings: 21 } } },
      { callForwarding: { always: { enabled: true } } },
      { callForwarding: { busy: { enabled: true, destination: '**' } } },
      { businessContinuity: { enabled: 'no' } },
    ],
  },
  {
    setting: 'hoteling',
    admin: feature('hoteling'),
    defaults: { enabled: false },
    change: { enabled: true },
    changed: (d) => d.enabled,
    expected: true,
    invalid: [{ enabled: 'true' }, {}],
  },
  {
    setting: 'callBridge',
    admin: (personId) => `/v1/telephony/config/people/${personId}/features/callBridge`,
    defaults: { warningToneEnabled: false },
    change: { warningToneEnabled: true },
    changed: (d) => d.warningToneEnabled,
    expected: true,
    invalid: [{ warningToneEnabled: 'on' }],
  },
  {
    setting: 'reception',
    admin: feature('reception'),
    defaults: { receptionEnabled: false },
    change: { receptionEnabled: true },
    changed: (d) => d.receptionEnabled,
    expected: true,
    invalid: [{ monitoredMembers: [] }, { receptionEnabled: true, monitoredMembers: ['not-a-person'] }],
  },
  {
    setting: 'callingBehavior',
    admin: feature('callingBehavior'),
    defaults: { effectiveBehaviorType: 'NATIVE_WEBEX_TEAMS_CALLING' },
    change: { behaviorType: 'CALL_WITH_APP_REGISTERED_FOR_WEBEXCALLTEL' },
    changed: (d) => [d.behaviorType, d.effectiveBehaviorType],
    expected: ['CALL_WITH_APP_REGISTERED_FOR_WEBEXCALLTEL', 'CALL_WITH_APP_REGISTERED_FOR_WEBEXCALLTEL'],
    reset: { behaviorType: 'NATIVE_WEBEX_TEAMS_CALLING', effectiveBehaviorType: 'CALL_WITH_APP_REGISTERED_FOR_TEL' },
    resetExpected: ['NATIVE_WEBEX_TEAMS_CALLING', 'NATIVE_WEBEX_TEAMS_CALLING'],
    invalid: [{ behaviorType: 'SKYPE' }, { profileId: 'no-such-profile' }],
  },
  {
    setting: 'timeZoneAndLanguage',
    admin: (personId) => `/v1/telephony/config/people/${personId}`,
    // The location's until set: new people are in the organization's Headquarters (New York, en_us).
    defaults: { timeZone: 'America/New_York', announcementLanguage: 'en_us' },
    change: { timeZone: 'Europe/Paris' },
    changed: (d) => [d.timeZone, d.announcementLanguage],
    expected: ['Europe/Paris', 'en_us'],
    invalid: [{ timeZone: 'Mars/Olympus' }, { announcementLanguage: 'english' }, { timeZone: 5 }],
  },
];

for (const dialect of dialects) {
  describe(`Person settings documents (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
    });
    after(() => server.close());

    for (const row of ROWS) {
      describe(row.setting, () => {
        it('given a new calling user, when the admin and the person read the setting, then both see Webex’s defaults', async () => {
          const person = await createCallingUser(admin);
          const reply = await admin.get(row.admin(person.id));
          assert.equal(reply.status, 200, reply.text);
          assert.deepEqual(reply.body, row.defaults);
          if (!row.me) return;
          const own = await clientWithScopes(admin, person.id, ['spark:calls_read']);
          const mine = await own.get(row.me);
          assert.equal(mine.status, 200, mine.text);
          assert.deepEqual(mine.body, row.defaults);
        });

        it('when the admin changes it, then it reads back changed (other fields kept) on both paths, and the person can change it back', async () => {
          const person = await createCallingUser(admin);
          assert.equal((await admin.put(row.admin(person.id), row.change)).status, 204);
          assert.deepEqual(row.changed((await admin.get(row.admin(person.id))).body), row.expected);
          const own = await clientWithScopes(admin, person.id, ['spark:calls_read', 'spark:calls_write']);
          if (row.me) assert.deepEqual(row.changed((await own.get(row.me)).body), row.expected);
          const reset = row.me ? await own.put(row.me, row.reset ?? row.defaults) : await admin.put(row.admin(person.id), row.reset ?? row.defaults);
          assert.equal(reset.status, 204, reset.text);
          const back = (await admin.get(row.admin(person.id))).body;
          if (row.reset) assert.deepEqual(row.changed(back), row.resetExpected);
          else assert.deepEqual(back, row.defaults);
        });

        it('when a body breaks the schema or the rules of the description, then it is a 400 and nothing changes', async () => {
          const person = await createCallingUser(admin);
          for (const body of row.invalid) assertWebexError(await admin.put(row.admin(person.id), body), 400);
          assert.deepEqual((await admin.get(row.admin(person.id))).body, row.defaults);
        });

        it('given another organization, when its admin names this person, then it is a 404; an unknown ID too', async () => {
          const person = await createCallingUser(admin);
          const other = await createOrganization(server.anonymous);
          assertWebexError(await other.admin.get(row.admin(person.id)), 404);
          assertWebexError(await other.admin.put(row.admin(person.id), row.change), 404);
          assertWebexError(await admin.get(row.admin('not-a-person')), 404);
        });

        it('when a token lacks the scope, then it is a 403; a person without admin scopes may not read a colleague', async () => {
          const person = await createCallingUser(admin);
          const colleague = await createCallingUser(admin);
          const readOnly = await clientWithScopes(admin, person.id, ['spark:calls_read', 'spark:people_read']);
          assertWebexError(await readOnly.put(row.me ?? row.admin(person.id), row.change), 403);
          assertWebexError(await readOnly.put(row.admin(colleague.id), row.change), 403);
          assertWebexError(await readOnly.get(row.admin(colleague.id)), 403);
          if (!row.me) return;
          const noCalling = await clientWithScopes(admin, person.id, ['spark:people_read']);
          assertWebexError(await noCalling.get(row.me), 403);
        });
      });
    }

    it('given a person with stored settings, when the person is deleted, then their settings documents go too', async () => {
      const person = await createCallingUser(admin);
      for (const row of ROWS) assert.equal((await admin.put(row.admin(person.id), row.change)).status, 204);
      const owner = { orgId: server.demo.orgId, kind: 'person' as const, id: decodeId(person.id, 'PEOPLE')! };
      assert.equal((await server.app.store.ownerSettings.all(owner)).size, ROWS.length);
      assert.equal((await admin.delete(`/v1/people/${person.id}`)).status, 204);
      assert.equal((await server.app.store.ownerSettings.all(owner)).size, 0);
    });

    it('the "me" webexGoOverride setting is the DND document’s webexGoOverrideEnabled', async () => {
      const person = await createCallingUser(admin);
      const own = await clientWithScopes(admin, person.id, ['spark:calls_read', 'spark:calls_write']);
      const path = me('webexGoOverride');
      assert.deepEqual((await own.get(path)).body, { enabled: false });
      assert.equal((await own.put(path, { enabled: true })).status, 204);
      assert.deepEqual((await admin.get(feature('doNotDisturb')(person.id))).body, { enabled: false, ringSplashEnabled: false, webexGoOverrideEnabled: true });
      assert.equal((await admin.put(feature('doNotDisturb')(person.id), { webexGoOverrideEnabled: false })).status, 204);
      assert.deepEqual((await own.get(path)).body, { enabled: false });
      assertWebexError(await own.put(path, { enabled: 'yes' }), 400);
      const readOnly = await clientWithScopes(admin, person.id, ['spark:calls_read']);
      assertWebexError(await readOnly.put(path, { enabled: true }), 403);
    });

    it('a receptionist’s monitored members are stored as IDs and read back as people; another organization’s person is refused', async () => {
      const receptionist = await createCallingUser(admin);
      const member = await createCallingUser(admin);
      const path = feature('reception')(receptionist.id);
      assert.equal((await admin.put(path, { receptionEnabled: true, monitoredMembers: [member.id] })).status, 204);
      const read = (await admin.get(path)).body;
      assert.deepEqual(
        read.monitoredMembers.map((m: any) => [m.id, m.displayName, m.type, m.numbers[0].external]),
        [[member.id, member.displayName, 'PEOPLE', member.phoneNumber]],
      );
      const other = await createOrganization(server.anonymous);
      assertWebexError(await admin.put(path, { receptionEnabled: true, monitoredMembers: [other.personId] }), 400);
      assertWebexError(await admin.put(path, { receptionEnabled: true, monitoredMembers: [member.id, member.id] }), 400);
    });

    it('a forwarding destination may be an extension of the organization but not the person’s own', async () => {
      const [mine, theirs] = [freeExtension(), freeExtension()];
      const person = await createCallingUser(admin, { extension: mine });
      await createCallingUser(admin, { extension: theirs });
      const path = feature('callForwarding')(person.id);
      assert.equal((await admin.put(path, { callForwarding: { busy: { enabled: true, destination: theirs } } })).status, 204);
      assertWebexError(await admin.put(path, { callForwarding: { always: { enabled: true, destination: mine } } }), 400, /own/);
      assertWebexError(await admin.put(path, { callForwarding: { always: { enabled: true, destination: freeExtension() } } }), 400);
    });
  });
}
