import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { nextLink, type Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import {
  assertWebexError,
  clientWithScopes,
  createCallingUser,
  freeNumbers,
  createLocation,
  createOrganization,
  createPerson,
  defaultLocation,
  freeExtension,
  licenses,
  usNational,
  type Licenses,
} from '../support/factories.ts';
import { addNumbers, callingLocation, callingUserIn, newNumber, type CallingUser } from '../support/location-numbers.ts';
import { startServer, type TestServer } from '../support/server.ts';

const CONFIG = '/v1/telephony/config';
const ecbnOf = (locationId: string) => `${CONFIG}/locations/${locationId}/features/emergencyCallbackNumber`;
const validateInOrg = `${CONFIG}/actions/validateExtensions/invoke`;
const validateIn = (locationId: string) => `${CONFIG}/locations/${locationId}/actions/validateExtensions/invoke`;
const numbersOf = (locationId: string) => `${CONFIG}/locations/${locationId}/numbers`;

/** The six available-number lists, by the path segment before /availableNumbers. */
const LISTS = {
  externalCallerId: (id: string) => `${CONFIG}/locations/${id}/externalCallerId/availableNumbers`,
  location: (id: string) => `${CONFIG}/locations/${id}/availableNumbers`,
  webexGo: (id: string) => `${CONFIG}/locations/${id}/webexGo/availableNumbers`,
  emergencyCallbackNumber: (id: string) => `${CONFIG}/locations/${id}/emergencyCallbackNumber/availableNumbers`,
  callIntercept: (id: string) => `${CONFIG}/locations/${id}/callIntercept/availableNumbers`,
  chargeNumber: (id: string) => `${CONFIG}/locations/${id}/chargeNumber/availableNumbers`,
};
type ListName = keyof typeof LISTS;
const LIST_NAMES = Object.keys(LISTS) as ListName[];

/** The demo location's main number and users (src/sandbox/demo-organization.ts). */
const MAIN = '+15715550100';
const ALEX = { extension: '1001', email: 'alex.rivera@callplane-demo.example' };
const CASEY = { extension: '1003', email: 'casey.okafor@callplane-demo.example' };
const ADMIN_EXTENSION = '1000';

const ghostLocation = Buffer.from('ciscospark://us/LOCATION/00000000-0000-4000-8000-000000000000').toString('base64url');
const ghostPerson = Buffer.from('ciscospark://us/PEOPLE/00000000-0000-4000-8000-000000000000').toString('base64url');

type Item = Record<string, any> & { phoneNumber: string };

for (const dialect of dialects) {
  describe(`Location numbers API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };
    let lic: Licenses;
    let orgId: string;
    let adminPersonId: string;
    let caseyId: string;

    const personId = async (email: string) => {
      const reply = await admin.get('/v1/people', { email });
      assert.equal(reply.status, 200, reply.text);
      return reply.body.items[0].id as string;
    };
    /** A new calling user of the demo headquarters holding a free number. */
    const hqUser = async () => callingUserIn(admin, hq.id, lic.professional, (await freeNumbers(admin, hq.id))[0]);
    const getEcbn = async (locationId: string, client: Client = admin) => {
      const reply = await client.get(ecbnOf(locationId));
      assert.equal(reply.status, 200, reply.text);
      return reply.body;
    };
    const putEcbn = async (locationId: string, body: Record<string, unknown>) => {
      const reply = await admin.put(ecbnOf(locationId), body);
      assert.equal(reply.status, 204, reply.text);
      assert.equal(reply.text, '');
    };
    /** Every item of a list, following Link rel="next" verbatim. */
    const listAll = async (list: ListName, locationId: string, query: Record<string, string | number> = {}, client: Client = admin) => {
      const items: Item[] = [];
      let reply = await client.get(LISTS[list](locationId), query);
      for (;;) {
        assert.equal(reply.status, 200, reply.text);
        assert.deepEqual(Object.keys(reply.body), ['phoneNumbers']);
        items.push(...reply.body.phoneNumbers);
        const next = nextLink(reply.headers);
        if (!next) return items;
        reply = await client.follow(next);
      }
    };
    const numbersIn = async (list: ListName, locationId: string, query: Record<string, string | number> = {}) =>
      (await listAll(list, locationId, query)).map((n) => n.phoneNumber);

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      const location = await defaultLocation(admin);
      hq = { id: location.id, name: location.name };
      lic = await licenses(admin);
      const me = (await admin.get('/v1/people/me')).body;
      orgId = me.orgId;
      adminPersonId = me.id;
      caseyId = await personId(CASEY.email);
    });
    after(() => server.close());

    describe('location emergency callback number', () => {
      it('given a location never configured, answers the main number as LOCATION_NUMBER, 60 minutes and no member (its fallback only)', async () => {
        const other = await createOrganization(server.anonymous);
        const theirHq = await defaultLocation(other.admin);
        const main = (await other.admin.get(`${CONFIG}/numbers`, { locationId: theirHq.id })).body.phoneNumbers.find((n: Item) => n.mainNumber);
        assert.ok(main, 'a new organization has a main number');
        const reply = await other.admin.get(ecbnOf(theirHq.id));
        assert.equal(reply.status, 200, reply.text);
        // Regression (issue 12): locationMemberInfo is required by the document, member or not.
        assert.deepEqual(reply.body, {
          locationInfo: { phoneNumber: main.phoneNumber, name: theirHq.name, effectiveLevel: 'LOCATION_NUMBER', effectiveValue: main.phoneNumber, quality: 'RECOMMENDED' },
          locationMemberInfo: { effectiveLevel: 'LOCATION_NUMBER', effectiveValue: main.phoneNumber, quality: 'INVALID' },
          selected: 'LOCATION_NUMBER',
          elinExpiryTimeMinutes: 60,
        });
      });

      it('given LOCATION_MEMBER_NUMBER with a member holding an active number, answers 204 and GET shows the member as the effective number', async () => {
        const user = await hqUser();
        await putEcbn(hq.id, { selected: 'LOCATION_MEMBER_NUMBER', locationMemberId: user.id, elinExpiryTimeMinutes: 120 });
        assert.deepEqual(await getEcbn(hq.id), {
          locationInfo: { phoneNumber: MAIN, name: 'Headquarters', effectiveLevel: 'LOCATION_NUMBER', effectiveValue: MAIN, quality: 'RECOMMENDED' },
          locationMemberInfo: {
            phoneNumber: user.phoneNumber,
            firstName: user.firstName,
            lastName: user.lastName,
            memberId: user.id,
            memberType: 'PEOPLE',
            effectiveLevel: 'LOCATION_MEMBER_NUMBER',
            effectiveValue: user.phoneNumber,
            quality: 'RECOMMENDED',
          },
          selected: 'LOCATION_MEMBER_NUMBER',
          elinExpiryTimeMinutes: 120,
        });
      });

      it('given LOCATION_NUMBER without elinExpiryTimeMinutes, drops the member and keeps the expiry time', async () => {
        const user = await hqUser();
        await putEcbn(hq.id, { selected: 'LOCATION_MEMBER_NUMBER', locationMemberId: user.id, elinExpiryTimeMinutes: 300 });
        // The generated SDK sends locationMemberId even when it has none.
        await putEcbn(hq.id, { selected: 'LOCATION_NUMBER', locationMemberId: null });
        const ecbn = await getEcbn(hq.id);
        assert.equal(ecbn.selected, 'LOCATION_NUMBER');
        assert.deepEqual(ecbn.locationMemberInfo, { effectiveLevel: 'LOCATION_NUMBER', effectiveValue: MAIN, quality: 'INVALID' }, 'no member: its fallback only');
        assert.equal(ecbn.elinExpiryTimeMinutes, 300);
        await putEcbn(hq.id, { selected: 'LOCATION_NUMBER', elinExpiryTimeMinutes: 10 });
        assert.equal((await getEcbn(hq.id)).elinExpiryTimeMinutes, 10);
        await putEcbn(hq.id, { selected: 'LOCATION_NUMBER', elinExpiryTimeMinutes: 1440 });
        assert.equal((await getEcbn(hq.id)).elinExpiryTimeMinutes, 1440);
      });

      it('when the selected member is deleted, then the member reads INVALID and the effective number falls back to the main number', async () => {
        const user = await hqUser();
        await putEcbn(hq.id, { selected: 'LOCATION_MEMBER_NUMBER', locationMemberId: user.id });
        const deleted = await admin.delete(`/v1/people/${user.id}`);
        assert.equal(deleted.status, 204, deleted.text);
        const ecbn = await getEcbn(hq.id);
        assert.equal(ecbn.selected, 'LOCATION_MEMBER_NUMBER');
        assert.deepEqual(ecbn.locationMemberInfo, {
          memberId: user.id,
          memberType: 'PEOPLE',
          effectiveLevel: 'LOCATION_NUMBER',
          effectiveValue: MAIN,
          quality: 'INVALID',
        });
        assert.equal(ecbn.locationInfo.quality, 'RECOMMENDED');
      });

      it('when the member’s number is released and then removed from the inventory, then the member reads INVALID without a number', async () => {
        const user = await hqUser();
        await putEcbn(hq.id, { selected: 'LOCATION_MEMBER_NUMBER', locationMemberId: user.id });
        assert.equal((await getEcbn(hq.id)).locationMemberInfo.quality, 'RECOMMENDED');
        const current = (await admin.get(`/v1/people/${user.id}`, { callingData: true })).body;
        const released = await admin.put(`/v1/people/${user.id}`, {
          ...current,
          phoneNumbers: current.phoneNumbers.filter((p: { type: string }) => p.type !== 'work'),
        });
        assert.equal(released.status, 200, released.text);
        const afterRelease = (await getEcbn(hq.id)).locationMemberInfo;
        assert.equal(afterRelease.phoneNumber, undefined);
        assert.equal(afterRelease.quality, 'INVALID');
        assert.equal(afterRelease.effectiveLevel, 'LOCATION_NUMBER');
        const removed = await admin.delete(numbersOf(hq.id), { phoneNumbers: [user.phoneNumber] });
        assert.equal(removed.status, 204, removed.text);
        assert.deepEqual((await getEcbn(hq.id)).locationMemberInfo, {
          firstName: user.firstName,
          lastName: user.lastName,
          memberId: user.id,
          memberType: 'PEOPLE',
          effectiveLevel: 'LOCATION_NUMBER',
          effectiveValue: MAIN,
          quality: 'INVALID',
        });
      });

      it('when the member’s number is inactive, then INVALID; when it is activated, then RECOMMENDED again', async () => {
        const number = newNumber();
        await addNumbers(admin, hq.id, [number], { state: 'INACTIVE' });
        const user = await callingUserIn(admin, hq.id, lic.professional, number);
        await putEcbn(hq.id, { selected: 'LOCATION_MEMBER_NUMBER', locationMemberId: user.id });
        const inactive = (await getEcbn(hq.id)).locationMemberInfo;
        assert.deepEqual(
          [inactive.phoneNumber, inactive.quality, inactive.effectiveLevel, inactive.effectiveValue],
          [number, 'INVALID', 'LOCATION_NUMBER', MAIN],
        );
        const activated = await admin.put(numbersOf(hq.id), { phoneNumbers: [number], action: 'ACTIVATE' });
        assert.equal(activated.status, 204, activated.text);
        const active = (await getEcbn(hq.id)).locationMemberInfo;
        assert.deepEqual(
          [active.phoneNumber, active.quality, active.effectiveLevel, active.effectiveValue],
          [number, 'RECOMMENDED', 'LOCATION_MEMBER_NUMBER', number],
        );
      });

      it('given a location without a main number, answers NONE; a member falls back to NONE once deleted', async () => {
        const branch = await callingLocation(admin);
        const none = await admin.get(ecbnOf(branch.id));
        assert.deepEqual(none.body, {
          locationInfo: { name: branch.name, effectiveLevel: 'NONE', effectiveValue: '', quality: 'INVALID' },
          locationMemberInfo: { effectiveLevel: 'NONE', effectiveValue: '', quality: 'INVALID' },
          selected: 'LOCATION_NUMBER',
          elinExpiryTimeMinutes: 60,
        });
        const number = newNumber('US', '512');
        await addNumbers(admin, branch.id, [number]);
        const user = await callingUserIn(admin, branch.id, lic.professional, number);
        await putEcbn(branch.id, { selected: 'LOCATION_MEMBER_NUMBER', locationMemberId: user.id });
        const selected = (await getEcbn(branch.id)).locationMemberInfo;
        assert.deepEqual([selected.quality, selected.effectiveLevel, selected.effectiveValue], ['RECOMMENDED', 'LOCATION_MEMBER_NUMBER', number]);
        assert.equal((await admin.delete(`/v1/people/${user.id}`)).status, 204);
        assert.deepEqual((await getEcbn(branch.id)).locationMemberInfo, {
          memberId: user.id,
          memberType: 'PEOPLE',
          effectiveLevel: 'NONE',
          effectiveValue: '',
          quality: 'INVALID',
        });
      });

      it('given bad bodies, answers 400 and changes nothing', async () => {
        const user = await hqUser();
        await putEcbn(hq.id, { selected: 'LOCATION_MEMBER_NUMBER', locationMemberId: user.id, elinExpiryTimeMinutes: 45 });
        const before = await getEcbn(hq.id);
        const branch = await callingLocation(admin);
        const branchNumber = newNumber('US', '512');
        await addNumbers(admin, branch.id, [branchNumber]);
        const elsewhere = await callingUserIn(admin, branch.id, lic.professional, branchNumber);
        const noCalling = await createPerson(admin);
        const cases: [Record<string, unknown>, RegExp][] = [
          [{}, /selected/],
          [{ selected: 'DIRECT_LINE' }, /selected/],
          [{ selected: 'LOCATION_MEMBER_NUMBER' }, /locationMemberId is required/],
          [{ selected: 'LOCATION_MEMBER_NUMBER', locationMemberId: null }, /locationMemberId is required/],
          [{ selected: 'LOCATION_MEMBER_NUMBER', locationMemberId: 'not-an-id' }, /not a member of this location/],
          [{ selected: 'LOCATION_MEMBER_NUMBER', locationMemberId: ghostPerson }, /not a member of this location/],
          [{ selected: 'LOCATION_MEMBER_NUMBER', locationMemberId: hq.id }, /not a member of this location/],
          [{ selected: 'LOCATION_MEMBER_NUMBER', locationMemberId: elsewhere.id }, /not a member of this location/],
          [{ selected: 'LOCATION_MEMBER_NUMBER', locationMemberId: noCalling.id }, /not a member of this location/],
          [{ selected: 'LOCATION_MEMBER_NUMBER', locationMemberId: caseyId }, /no phone number/],
          [{ selected: 'LOCATION_NUMBER', elinExpiryTimeMinutes: 9 }, /elinExpiryTimeMinutes/],
          [{ selected: 'LOCATION_NUMBER', elinExpiryTimeMinutes: 1441 }, /elinExpiryTimeMinutes/],
          [{ selected: 'LOCATION_NUMBER', elinExpiryTimeMinutes: 60.5 }, /elinExpiryTimeMinutes/],
          [{ selected: 'LOCATION_NUMBER', elinExpiryTimeMinutes: '60' }, /elinExpiryTimeMinutes/],
          [{ selected: 'LOCATION_NUMBER', locationMemberId: 7 }, /locationMemberId/],
        ];
        for (const [body, pattern] of cases) assertWebexError(await admin.put(ecbnOf(hq.id), body), 400, pattern);
        assert.deepEqual(await getEcbn(hq.id), before);
      });

      it('given an unknown location or one not enabled for calling, answers 404 and 400', async () => {
        assertWebexError(await admin.get(ecbnOf(ghostLocation)), 404, /Location not found/);
        assertWebexError(await admin.put(ecbnOf(ghostLocation), { selected: 'LOCATION_NUMBER' }), 404, /Location not found/);
        assertWebexError(await admin.get(ecbnOf('not-a-location-id')), 404);
        const plain = await createLocation(admin);
        assertWebexError(await admin.get(ecbnOf(plain.id)), 400, /not enabled for Webex Calling/);
        assertWebexError(await admin.put(ecbnOf(plain.id), { selected: 'LOCATION_NUMBER' }), 400, /not enabled for Webex Calling/);
      });

      it('given another organization’s location or member, answers 404 and 400 and leaves theirs alone', async () => {
        const other = await createOrganization(server.anonymous);
        const theirHq = await defaultLocation(other.admin);
        const theirs = await getEcbn(theirHq.id, other.admin);
        assertWebexError(await admin.get(ecbnOf(theirHq.id)), 404);
        assertWebexError(await admin.put(ecbnOf(theirHq.id), { selected: 'LOCATION_NUMBER', elinExpiryTimeMinutes: 99 }), 404);
        const theirUser = await createCallingUser(other.admin);
        assertWebexError(await admin.put(ecbnOf(hq.id), { selected: 'LOCATION_MEMBER_NUMBER', locationMemberId: theirUser.id }), 400, /not a member/);
        assert.deepEqual(await getEcbn(theirHq.id, other.admin), theirs);
      });

      it('given tokens with one telephony scope, reads with _read and writes with _write only', async () => {
        const reader = await clientWithScopes(admin, adminPersonId, ['spark-admin:telephony_config_read']);
        const writer = await clientWithScopes(admin, adminPersonId, ['spark-admin:telephony_config_write']);
        const neither = await clientWithScopes(admin, adminPersonId, ['spark-admin:locations_read', 'spark-admin:people_read']);
        const before = await getEcbn(hq.id);
        assert.deepEqual(await getEcbn(hq.id, reader), before);
        assertWebexError(await reader.put(ecbnOf(hq.id), { selected: 'LOCATION_NUMBER', elinExpiryTimeMinutes: 77 }), 403);
        assertWebexError(await neither.get(ecbnOf(hq.id)), 403);
        assertWebexError(await writer.get(ecbnOf(hq.id)), 403);
        assert.deepEqual(await getEcbn(hq.id), before);
        const written = await writer.put(ecbnOf(hq.id), { selected: 'LOCATION_NUMBER', elinExpiryTimeMinutes: 77 });
        assert.equal(written.status, 204, written.text);
        assert.equal((await getEcbn(hq.id)).elinExpiryTimeMinutes, 77);
      });

      it('given orgId of another organization, answers 403; given its own, answers as without it', async () => {
        const other = await createOrganization(server.anonymous);
        assertWebexError(await admin.get(ecbnOf(hq.id), { orgId: other.orgId }), 403);
        assertWebexError(await admin.put(ecbnOf(hq.id), { selected: 'LOCATION_NUMBER' }, { orgId: other.orgId }), 403);
        const own = await admin.get(ecbnOf(hq.id), { orgId });
        assert.equal(own.status, 200, own.text);
        assert.deepEqual(own.body, await getEcbn(hq.id));
      });
    });

    describe('validating extensions', () => {
      it('given the organization-level check, flags bad lengths and repeats but not extensions of location members', async () => {
        const reply = await admin.post(validateInOrg, { extensions: [ALEX.extension, '55', '1', 'abc', '12345678901', '7777', '7777', '1234567890'] });
        assert.equal(reply.status, 200, reply.text);
        assert.equal(reply.body.status, 'ERRORS');
        assert.deepEqual(
          reply.body.extensionStatus.map((s: { extension: string; state: string }) => [s.extension, s.state]),
          [
            [ALEX.extension, 'VALID'],
            ['55', 'VALID'],
            ['1', 'INVALID'],
            ['abc', 'INVALID'],
            ['12345678901', 'INVALID'],
            ['7777', 'VALID'],
            ['7777', 'DUPLICATE_IN_LIST'],
            ['1234567890', 'VALID'],
          ],
        );
        for (const s of reply.body.extensionStatus) {
          if (s.state === 'VALID') assert.deepEqual(Object.keys(s), ['extension', 'state']);
          else assert.equal(typeof s.message, 'string');
        }
      });

      it('given only valid extensions, or none, answers OK', async () => {
        const valid = await admin.post(validateInOrg, { extensions: ['42', freeExtension()] });
        assert.equal(valid.status, 200, valid.text);
        assert.equal(valid.body.status, 'OK');
        assert.ok(valid.body.extensionStatus.every((s: { state: string }) => s.state === 'VALID'));
        for (const body of [{}, { extensions: [] }]) {
          const empty = await admin.post(validateInOrg, body);
          assert.equal(empty.status, 200, empty.text);
          assert.deepEqual(empty.body, { status: 'OK', extensionStatus: [] });
        }
      });

      it('given the location-level check, flags extensions held by members of that location as DUPLICATE', async () => {
        const free = freeExtension();
        const reply = await admin.post(validateIn(hq.id), { extensions: [ALEX.extension, ADMIN_EXTENSION, CASEY.extension, free, ALEX.extension, 'x1'] });
        assert.equal(reply.status, 200, reply.text);
        assert.equal(reply.body.status, 'ERRORS');
        assert.deepEqual(
          reply.body.extensionStatus.map((s: { extension: string; state: string }) => [s.extension, s.state]),
          [
            [ALEX.extension, 'DUPLICATE'],
            [ADMIN_EXTENSION, 'DUPLICATE'],
            [CASEY.extension, 'DUPLICATE'],
            [free, 'VALID'],
            [ALEX.extension, 'DUPLICATE_IN_LIST'],
            ['x1', 'INVALID'],
          ],
        );
        assert.match(reply.body.extensionStatus[0].message, /already assigned/);
      });

      it('given an extension of another location, is VALID here and DUPLICATE there until its member is deleted', async () => {
        const branch = await callingLocation(admin);
        const user = await callingUserIn(admin, branch.id, lic.basic);
        const states = async (locationId: string) =>
          (await admin.post(validateIn(locationId), { extensions: [user.extension] })).body.extensionStatus.map((s: { state: string }) => s.state);
        assert.deepEqual(await states(hq.id), ['VALID']);
        assert.deepEqual(await states(branch.id), ['DUPLICATE']);
        assert.equal((await admin.delete(`/v1/people/${user.id}`)).status, 204);
        assert.deepEqual(await states(branch.id), ['VALID']);
        const ok = await admin.post(validateIn(branch.id), { extensions: [user.extension] });
        assert.deepEqual(ok.body, { status: 'OK', extensionStatus: [{ extension: user.extension, state: 'VALID' }] });
      });

      it('given bad bodies, answers 400', async () => {
        for (const path of [validateInOrg, validateIn(hq.id)]) {
          assertWebexError(await admin.post(path, { extensions: '1001' }), 400, /extensions/);
          assertWebexError(await admin.post(path, { extensions: [1001] }), 400, /extensions/);
          assertWebexError(await admin.post(path, { extensions: Array.from({ length: 1001 }, (_, i) => String(1000 + i)) }), 400, /extensions/);
        }
        assertWebexError(await admin.post(validateIn(hq.id), {}), 400, /extensions/);
      });

      it('given an unknown location, one not enabled for calling or another organization’s, answers 404, 400 and 404', async () => {
        assertWebexError(await admin.post(validateIn(ghostLocation), { extensions: ['1001'] }), 404, /Location not found/);
        const plain = await createLocation(admin);
        assertWebexError(await admin.post(validateIn(plain.id), { extensions: ['1001'] }), 400, /not enabled for Webex Calling/);
        const other = await createOrganization(server.anonymous);
        const theirHq = await defaultLocation(other.admin);
        assertWebexError(await admin.post(validateIn(theirHq.id), { extensions: ['1000'] }), 404);
        assertWebexError(await admin.post(validateInOrg, { extensions: ['1000'] }, { orgId: other.orgId }), 403);
        assertWebexError(await admin.post(validateIn(hq.id), { extensions: ['1000'] }, { orgId: other.orgId }), 403);
      });

      it('given the documented scopes, checks the organization with _read and a location with _write', async () => {
        const reader = await clientWithScopes(admin, adminPersonId, ['spark-admin:telephony_config_read']);
        const writer = await clientWithScopes(admin, adminPersonId, ['spark-admin:telephony_config_write']);
        assert.equal((await reader.post(validateInOrg, { extensions: ['1001'] })).status, 200);
        assertWebexError(await writer.post(validateInOrg, { extensions: ['1001'] }), 403);
        assertWebexError(await reader.post(validateIn(hq.id), { extensions: ['1001'] }), 403);
        const located = await writer.post(validateIn(hq.id), { extensions: ['1001'] });
        assert.equal(located.status, 200, located.text);
        assert.equal(located.body.extensionStatus[0].state, 'DUPLICATE');
        assertWebexError(await server.anonymous.post(validateInOrg, { extensions: ['1001'] }), 401);
      });
    });

    describe('available numbers', () => {
      /** A US calling location with one number of each kind, three of them held by members. */
      let branch: { id: string; name: string };
      let n: { free: string; inactive: string; tollFree: string; mobile: string; service: string; held: string; heldTollFree: string; heldService: string };
      let p1: CallingUser;
      let p2: CallingUser;
      let p3: CallingUser;

      before(async () => {
        branch = await callingLocation(admin);
        const fresh = () => newNumber('US', '512');
        n = { free: fresh(), inactive: fresh(), tollFree: fresh(), mobile: fresh(), service: fresh(), held: fresh(), heldTollFree: fresh(), heldService: fresh() };
        await addNumbers(admin, branch.id, [n.free, n.held]);
        await addNumbers(admin, branch.id, [n.inactive], { state: 'INACTIVE' });
        await addNumbers(admin, branch.id, [n.tollFree, n.heldTollFree], { numberType: 'TOLLFREE' });
        await addNumbers(admin, branch.id, [n.mobile], { numberType: 'MOBILE' });
        await addNumbers(admin, branch.id, [n.service, n.heldService], { numberUsageType: 'SERVICE' });
        p1 = await callingUserIn(admin, branch.id, lic.professional, n.held);
        p2 = await callingUserIn(admin, branch.id, lic.professional, n.heldTollFree);
        p3 = await callingUserIn(admin, branch.id, lic.professional, n.heldService);
      });

      const sorted = (numbers: string[]) => [...numbers].sort();
      const owner = (user: CallingUser) => ({ id: user.id, type: 'PEOPLE', firstName: user.firstName, lastName: user.lastName, displayName: user.displayName });

      it('given the location list, answers its PSTN numbers (no mobile), assigned or not, with Webex’s fields', async () => {
        const items = await listAll('location', branch.id);
        assert.deepEqual(
          items.map((i) => i.phoneNumber),
          sorted([n.free, n.inactive, n.tollFree, n.service, n.held, n.heldTollFree, n.heldService]),
        );
        assert.deepEqual(
          items.find((i) => i.phoneNumber === n.held),
          { phoneNumber: n.held, state: 'ACTIVE', isMainNumber: false, tollFreeNumber: false, telephonyType: 'PSTN_NUMBER', isServiceNumber: false, owner: owner(p1) },
        );
        assert.deepEqual(
          items.find((i) => i.phoneNumber === n.inactive),
          { phoneNumber: n.inactive, state: 'INACTIVE', isMainNumber: false, tollFreeNumber: false, telephonyType: 'PSTN_NUMBER', isServiceNumber: false },
        );
        assert.equal(items.find((i) => i.phoneNumber === n.tollFree)!.tollFreeNumber, true);
        assert.equal(items.find((i) => i.phoneNumber === n.service)!.isServiceNumber, true);
        const main = (await listAll('location', hq.id, { phoneNumber: MAIN }))[0];
        assert.deepEqual(main, { phoneNumber: MAIN, state: 'ACTIVE', isMainNumber: true, tollFreeNumber: false, telephonyType: 'PSTN_NUMBER', isServiceNumber: false });
      });

      it('given the single number reach list, answers the service and standard numbers nobody holds, as the hunt group primary list', async () => {
        const reply = await admin.get(`${CONFIG}/locations/${branch.id}/singleNumberReach/availableNumbers`, { max: 100 });
        assert.equal(reply.status, 200, reply.text);
        const numbers = reply.body.phoneNumbers.map((i: Item) => i.phoneNumber);
        assert.deepEqual(sorted(numbers), sorted([n.free, n.inactive, n.tollFree, n.service]));
        const huntGroup = await admin.get(`${CONFIG}/locations/${branch.id}/huntGroups/availableNumbers`, { max: 100 });
        assert.deepEqual(reply.body, huntGroup.body);
        assertWebexError(await admin.get(`${CONFIG}/locations/${ghostLocation}/singleNumberReach/availableNumbers`), 404);
      });

      it('given the Webex Go list, answers the standard numbers nobody holds, active or inactive', async () => {
        const items = await listAll('webexGo', branch.id);
        assert.deepEqual(
          items.map((i) => i.phoneNumber),
          sorted([n.free, n.inactive]),
        );
        assert.deepEqual(items.find((i) => i.phoneNumber === n.free), {
          phoneNumber: n.free,
          state: 'ACTIVE',
          isMainNumber: false,
          telephonyType: 'PSTN_NUMBER',
          isServiceNumber: false,
        });
        assert.ok(!(await numbersIn('webexGo', hq.id)).includes(MAIN), 'the main number is the location’s');
      });

      it('given the ECBN list, answers the standard numbers held by members, with their owner', async () => {
        const items = await listAll('emergencyCallbackNumber', branch.id);
        assert.deepEqual(
          items.map((i) => i.phoneNumber),
          sorted([n.held, n.heldTollFree]),
        );
        assert.deepEqual(items.find((i) => i.phoneNumber === n.heldTollFree), {
          phoneNumber: n.heldTollFree,
          state: 'ACTIVE',
          isMainNumber: false,
          tollFreeNumber: true,
          telephonyType: 'PSTN_NUMBER',
          isServiceNumber: false,
          owner: owner(p2),
        });
      });

      it('given the call intercept list, answers the service and standard numbers held by members, with their extension', async () => {
        const items = await listAll('callIntercept', branch.id);
        assert.deepEqual(
          items.map((i) => i.phoneNumber),
          sorted([n.held, n.heldTollFree, n.heldService]),
        );
        assert.deepEqual(items.find((i) => i.phoneNumber === n.heldService), {
          phoneNumber: n.heldService,
          extension: p3.extension,
          state: 'ACTIVE',
          isMainNumber: false,
          tollFreeNumber: false,
          telephonyType: 'PSTN_NUMBER',
          isServiceNumber: true,
          owner: owner(p3),
        });
        assert.deepEqual(await numbersIn('callIntercept', branch.id, { extension: p2.extension }), [n.heldTollFree]);
        assert.deepEqual(await numbersIn('callIntercept', branch.id, { extension: '99999' }), []);
      });

      it('given the charge number list, answers every number that is neither toll-free nor mobile', async () => {
        const items = await listAll('chargeNumber', branch.id);
        assert.deepEqual(
          items.map((i) => i.phoneNumber),
          sorted([n.free, n.inactive, n.service, n.held, n.heldService]),
        );
        assert.deepEqual(items.find((i) => i.phoneNumber === n.held), {
          phoneNumber: n.held,
          state: 'ACTIVE',
          isMainNumber: false,
          tollFreeNumber: false,
          isServiceNumber: false,
          owner: owner(p1),
        });
        assert.ok((await numbersIn('chargeNumber', hq.id, { phoneNumber: MAIN })).includes(MAIN));
      });

      it('given the external caller ID list, answers numbers of every calling location in the same country, with their location', async () => {
        const paris = await callingLocation(admin, 'FR');
        const french = newNumber('FR');
        await addNumbers(admin, paris.id, [french]);
        const wanted = [MAIN, n.mobile, n.held, french].join(',');
        const fromBranch = await listAll('externalCallerId', branch.id, { phoneNumber: wanted });
        assert.deepEqual(
          fromBranch.map((i) => i.phoneNumber),
          sorted([MAIN, n.mobile, n.held]),
        );
        assert.deepEqual(fromBranch.find((i) => i.phoneNumber === MAIN), {
          phoneNumber: MAIN,
          state: 'ACTIVE',
          isMainNumber: true,
          tollFreeNumber: false,
          isServiceNumber: false,
          location: { id: hq.id, name: 'Headquarters' },
        });
        assert.deepEqual(fromBranch.find((i) => i.phoneNumber === n.held)!.location, { id: branch.id, name: branch.name });
        assert.deepEqual(fromBranch.find((i) => i.phoneNumber === n.held)!.owner, owner(p1));
        assert.deepEqual(await numbersIn('externalCallerId', paris.id), [french]);
        const all = await numbersIn('externalCallerId', hq.id);
        assert.ok(all.includes(n.free) && all.includes(MAIN) && !all.includes(french));
      });

      it('given phoneNumber as a comma-separated list in any spelling, keeps exactly those numbers', async () => {
        assert.deepEqual(await numbersIn('location', branch.id, { phoneNumber: `${n.free}, ${usNational(n.inactive)},${n.mobile}` }), sorted([n.free, n.inactive]));
        assert.deepEqual(await numbersIn('location', branch.id, { phoneNumber: MAIN }), [], 'another location’s number');
        for (const list of LIST_NAMES) assertWebexError(await admin.get(LISTS[list](branch.id), { phoneNumber: `${n.free},abc` }), 400, /phoneNumber "abc"/);
      });

      it('given ownerName, keeps the numbers of owners whose name contains it, regardless of case', async () => {
        assert.deepEqual(await numbersIn('location', branch.id, { ownerName: p1.lastName.toUpperCase() }), [n.held]);
        assert.deepEqual(await numbersIn('emergencyCallbackNumber', branch.id, { ownerName: p2.displayName }), [n.heldTollFree]);
        assert.deepEqual(await numbersIn('chargeNumber', branch.id, { ownerName: 'nobody-has-this-name' }), []);
      });

      it('given personId for external caller ID, accepts a person of the organization and refuses others with 400', async () => {
        assert.ok((await numbersIn('externalCallerId', branch.id, { personId: p1.id, phoneNumber: n.held })).includes(n.held));
        const other = await createOrganization(server.anonymous);
        assertWebexError(await admin.get(LISTS.externalCallerId(branch.id), { personId: other.personId }), 400, /personId/);
        assertWebexError(await admin.get(LISTS.externalCallerId(branch.id), { personId: ghostPerson }), 400, /personId/);
        assertWebexError(await admin.get(LISTS.externalCallerId(branch.id), { personId: branch.id }), 400, /personId/);
      });

      it('when a member is deleted, a number deactivated and another removed, then every list follows', async () => {
        const room = await callingLocation(admin);
        const [held, spare, gone] = [newNumber('US', '512'), newNumber('US', '512'), newNumber('US', '512')];
        await addNumbers(admin, room.id, [held, spare, gone]);
        const user = await callingUserIn(admin, room.id, lic.professional, held);
        assert.deepEqual(await numbersIn('emergencyCallbackNumber', room.id), [held]);
        assert.deepEqual(await numbersIn('webexGo', room.id), sorted([spare, gone]));
        assert.equal((await admin.delete(`/v1/people/${user.id}`)).status, 204);
        assert.deepEqual(await numbersIn('emergencyCallbackNumber', room.id), []);
        assert.deepEqual(await numbersIn('callIntercept', room.id), []);
        assert.deepEqual(await numbersIn('webexGo', room.id), sorted([held, spare, gone]));
        assert.equal((await listAll('location', room.id, { phoneNumber: held }))[0]!.owner, undefined);
        assert.equal((await admin.put(numbersOf(room.id), { phoneNumbers: [spare], action: 'DEACTIVATE' })).status, 204);
        assert.equal((await admin.delete(numbersOf(room.id), { phoneNumbers: [gone] })).status, 204);
        const states = (await listAll('chargeNumber', room.id)).map((i) => [i.phoneNumber, i.state]);
        assert.deepEqual(states, sorted([held, spare]).map((p) => [p, p === spare ? 'INACTIVE' : 'ACTIVE']));
      });

      for (const list of LIST_NAMES) {
        it(`given max on the ${list} list, when following Link rel="next" verbatim, then sees every number once in order and ends without a Link`, async () => {
          const all = await numbersIn(list, branch.id);
          assert.ok(all.length >= 2, `the ${list} list has several numbers`);
          const seen: string[] = [];
          let reply = await admin.get(LISTS[list](branch.id), { max: 1 });
          let pages = 0;
          for (;;) {
            assert.equal(reply.status, 200, reply.text);
            assert.ok(reply.body.phoneNumbers.length <= 1);
            seen.push(...reply.body.phoneNumbers.map((i: Item) => i.phoneNumber));
            pages++;
            const next = nextLink(reply.headers);
            if (!next) break;
            assert.match(next, /^https?:\/\/.*[?&]start=\d+/);
            reply = await admin.follow(next);
          }
          assert.deepEqual(seen, all);
          assert.equal(pages, all.length);
        });

        it(`given start and max on the ${list} list, answers that slice; past the end, an empty page without Link`, async () => {
          const all = await numbersIn(list, branch.id);
          const slice = await admin.get(LISTS[list](branch.id), { start: 1, max: 1 });
          assert.equal(slice.status, 200, slice.text);
          assert.deepEqual(
            slice.body.phoneNumbers.map((i: Item) => i.phoneNumber),
            all.slice(1, 2),
          );
          const beyond = await admin.get(LISTS[list](branch.id), { start: all.length + 5 });
          assert.equal(beyond.status, 200, beyond.text);
          assert.deepEqual(beyond.body, { phoneNumbers: [] });
          assert.equal(beyond.headers.get('link'), null);
          const clamped = await admin.get(LISTS[list](branch.id), { max: 100000 });
          assert.equal(clamped.status, 200, clamped.text);
          assert.deepEqual(
            clamped.body.phoneNumbers.map((i: Item) => i.phoneNumber),
            all,
          );
        });

        it(`given bad query values, an unknown location or one without calling, the ${list} list answers 400, 404 and 400`, async () => {
          assertWebexError(await admin.get(LISTS[list](branch.id), { max: 'many' }), 400, /max/);
          assertWebexError(await admin.get(LISTS[list](branch.id), { start: -1 }), 400, /start/);
          assertWebexError(await admin.get(LISTS[list](ghostLocation)), 404, /Location not found/);
          const plain = await createLocation(admin);
          assertWebexError(await admin.get(LISTS[list](plain.id)), 400, /not enabled for Webex Calling/);
        });

        it(`given another organization’s location, its orgId, or a token without the read scope, the ${list} list answers 404, 403 and 403`, async () => {
          const other = await createOrganization(server.anonymous);
          const theirHq = await defaultLocation(other.admin);
          assert.equal((await other.admin.get(LISTS[list](theirHq.id))).status, 200, 'they read their own');
          assertWebexError(await admin.get(LISTS[list](theirHq.id)), 404);
          assertWebexError(await admin.get(LISTS[list](branch.id), { orgId: other.orgId }), 403);
          const writer = await clientWithScopes(admin, adminPersonId, ['spark-admin:telephony_config_write', 'spark-admin:locations_read']);
          assertWebexError(await writer.get(LISTS[list](branch.id)), 403);
          assertWebexError(await server.anonymous.get(LISTS[list](branch.id)), 401);
          const reader = await clientWithScopes(admin, adminPersonId, ['spark-admin:telephony_config_read']);
          assert.deepEqual(await listAll(list, branch.id, {}, reader), await listAll(list, branch.id));
        });
      }
    });
  });
}
