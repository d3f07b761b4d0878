import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { DatabaseConfig } from '../../src/config.ts';
import { openStore } from '../../src/store/open-store.ts';
import { UniqueViolation, type License, type Location, type Person, type PhoneNumber, type Store } from '../../src/store/store.ts';
import { dialects, testDatabase, type TestDatabase } from '../support/dialects.ts';

// The same store tests on every dialect: one Kysely code path must behave the same on both.

const now = () => new Date().toISOString();

function location(orgId: string, overrides: Partial<Location> = {}): Location {
  return {
    id: randomUUID(),
    orgId,
    name: `Loc ${randomUUID().slice(0, 8)}`,
    timeZone: 'America/New_York',
    preferredLanguage: 'en_us',
    announcementLanguage: 'en_us',
    address: { address1: '1 Main', address2: null, city: 'Reston', state: 'VA', postalCode: '20190', country: 'US' },
    latitude: null,
    longitude: null,
    notes: null,
    callingEnabled: true,
    routingPrefix: null,
    created: now(),
    ...overrides,
  };
}

function person(orgId: string, overrides: Partial<Person> = {}): Person {
  const id = randomUUID();
  return {
    id,
    orgId,
    email: `${id}@example.com`,
    displayName: `Person ${id.slice(0, 8)}`,
    firstName: 'Person',
    lastName: id.slice(0, 8),
    nickName: null,
    avatar: null,
    department: null,
    manager: null,
    managerId: null,
    title: null,
    addresses: [],
    roles: [],
    siteUrls: [],
    timezone: null,
    loginEnabled: true,
    locationId: null,
    extension: null,
    routingPrefix: null,
    announcementLanguage: null,
    created: now(),
    lastModified: now(),
    ...overrides,
  };
}

const number = (orgId: string, locationId: string, phoneNumber: string, overrides: Partial<PhoneNumber> = {}): PhoneNumber => ({
  phoneNumber,
  orgId,
  locationId,
  state: 'ACTIVE',
  numberType: 'DID',
  isMainNumber: false,
  isServiceNumber: false,
  ownerId: null,
  created: now(),
  ...overrides,
});

const professionalLicense = (orgId: string): License => ({
  id: randomUUID(),
  orgId,
  code: 'BCSTD',
  name: 'Webex Calling - Professional',
  totalUnits: 5,
  subscriptionId: 'Sub-1',
  siteUrl: null,
  siteType: null,
  calling: 'professional',
});

for (const dialect of dialects) {
  describe(`store (${dialect})`, () => {
    let database: TestDatabase;
    let config: DatabaseConfig;
    let store: Store;
    let orgId: string;
    let hq: Location;

    before(async () => {
      // A file, not memory: one test opens a second connection to the same store.
      database = testDatabase(dialect, { file: true });
      config = database.config;
      store = await openStore(config);
      orgId = randomUUID();
      await store.organizations.insert({ id: orgId, displayName: 'Store Test', created: now(), defaultLocationId: null });
      hq = location(orgId);
      await store.locations.insert(hq);
    });
    after(async () => {
      await store.close();
      await database.drop();
    });

    it('migrating an up-to-date store again changes nothing and keeps the data', async () => {
      const again = await openStore(config);
      try {
        assert.equal((await again.organizations.get(orgId))?.displayName, 'Store Test');
        await again.ping();
      } finally {
        await again.close();
      }
    });

    it('a failed transaction leaves nothing behind', async () => {
      const p = person(orgId);
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.people.insert(p);
          await tx.settings.set('half', 'written');
          throw new Error('stop');
        }),
        /stop/,
      );
      assert.equal(await store.people.get(orgId, p.id), undefined);
      assert.equal(await store.settings.get('half'), undefined);
    });

    it('a transaction inside a transaction joins it', async () => {
      const p = person(orgId);
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.transaction(async (inner) => inner.people.insert(p));
          throw new Error('outer fails');
        }),
      );
      assert.equal(await store.people.get(orgId, p.id), undefined);
    });

    it('a transaction that remembers locations reads each once, and its own writes are read back at once', async () => {
      const kept = location(orgId);
      const added = location(orgId);
      await store.locations.insert(kept);
      await store.transaction(async (tx) => {
        tx.locations.rememberInTransaction();
        const first = (await tx.locations.get(orgId, kept.id))!;
        first.name = 'changed by the caller';
        first.address.city = 'changed by the caller';
        assert.deepEqual(await tx.locations.get(orgId, kept.id), kept, 'each get gives its own copy');
        assert.equal(await tx.locations.get(orgId, added.id), undefined);
        assert.equal(await tx.locations.get(randomUUID(), kept.id), undefined, 'another organization');
        await tx.locations.insert(added);
        assert.deepEqual(await tx.locations.get(orgId, added.id), added, 'after an insert');
        await tx.locations.update({ ...kept, name: `${kept.name} renamed` });
        assert.equal((await tx.locations.get(orgId, kept.id))?.name, `${kept.name} renamed`, 'after an update');
        // A write sent while a read is under way (transaction-memo.test.ts holds the read back).
        const reading = tx.locations.get(orgId, kept.id);
        const writing = tx.locations.update({ ...kept, name: `${kept.name} again` });
        await Promise.all([reading, writing]);
        assert.equal((await tx.locations.get(orgId, kept.id))?.name, `${kept.name} again`, 'after a write during a read');
        await tx.locations.delete(orgId, added.id);
        assert.equal(await tx.locations.get(orgId, added.id), undefined, 'after a delete');
      });
      // Nothing outlives the transaction: a later one reads the store again.
      await store.locations.update({ ...kept, name: `${kept.name} outside` });
      await store.transaction(async (tx) => {
        tx.locations.rememberInTransaction();
        assert.equal((await tx.locations.get(orgId, kept.id))?.name, `${kept.name} outside`);
      });
      // Outside a transaction nothing is remembered.
      store.locations.rememberInTransaction();
      assert.equal((await store.locations.get(orgId, kept.id))?.name, `${kept.name} outside`);
      await store.transaction((tx) => tx.locations.update({ ...kept, name: `${kept.name} last` }));
      assert.equal((await store.locations.get(orgId, kept.id))?.name, `${kept.name} last`);
    });

    it('a transaction that remembers active legs reads each person\'s once, and storing a session reads them again', async () => {
      const p = person(orgId);
      await store.people.insert(p);
      const leg = (id: string, active: boolean, appearance: number | null) => ({ id, personId: p.id, active, appearance, created: now() });
      const session = (id: string, version: number, legs: ReturnType<typeof leg>[]) => ({
        id,
        orgId,
        data: '{}',
        version,
        active: legs.some((l) => l.active),
        parkedAgainst: null,
        created: now(),
        timerDue: null,
        legs,
      });
      const [first, second] = [randomUUID(), randomUUID()];
      await store.calls.insertSession(session(first, 1, [leg(`${first}-a`, true, 1)]), now());
      assert.equal((await store.calls.get(first))?.eventSeq, 0, 'no events: seq 0');
      const ids = async (s: Store) => (await s.calls.activeLegsOf(p.id)).map((l) => `${l.legId}@${l.appearance}`);
      await store.transaction(async (tx) => {
        tx.calls.rememberInTransaction();
        assert.deepEqual(await ids(tx), [`${first}-a@1`]);
        const given = await tx.calls.activeLegsOf(p.id);
        given.pop();
        assert.deepEqual(await ids(tx), [`${first}-a@1`], 'each answer is its own list');
        await tx.calls.insertSession(session(second, 1, [leg(`${second}-a`, true, 2)]), now(), 3);
        assert.equal((await tx.calls.get(second))?.eventSeq, 3, 'stored with the seq of its events');
        assert.deepEqual(await ids(tx), [`${first}-a@1`, `${second}-a@2`], 'after a session is inserted');
        assert.equal(await tx.calls.saveSession(session(first, 2, [leg(`${first}-a`, false, 1)]), 1, 0, now()), true);
        assert.deepEqual(await ids(tx), [`${second}-a@2`], 'after a session is saved');
      });
      // Nothing outlives the transaction: a later one reads the store again.
      assert.equal(await store.calls.saveSession(session(second, 2, [leg(`${second}-a`, false, 2)]), 1, 0, now()), true);
      await store.transaction(async (tx) => {
        tx.calls.rememberInTransaction();
        assert.deepEqual(await ids(tx), []);
      });
      // Outside a transaction nothing is remembered.
      store.calls.rememberInTransaction();
      assert.deepEqual(await ids(store), []);
      await store.calls.insertSession(session(randomUUID(), 1, [leg(`${first}-b`, true, 1)]), now());
      assert.deepEqual(await ids(store), [`${first}-b@1`]);
    });

    it('reads a person\'s phone and recording settings in one answer, either missing', async () => {
      const [both, phoneOnly, recordingOnly, neither] = [person(orgId), person(orgId), person(orgId), person(orgId)];
      for (const p of [both, phoneOnly, recordingOnly, neither]) await store.people.insert(p);
      const phone = (p: Person, busy: boolean) => ({ personId: p.id, orgId, autoAnswer: true, autoAnswerDelayMs: 1500, busy, offline: !busy });
      await store.calls.savePhone(phone(both, true));
      await store.calls.savePhone(phone(phoneOnly, false));
      await store.calls.saveRecordingSettings(both.id, orgId, '{"record":"Always"}');
      await store.calls.saveRecordingSettings(recordingOnly.id, orgId, '{"record":"Never"}');
      assert.deepEqual(await store.calls.phoneAndRecording(both.id), { phone: phone(both, true), recording: '{"record":"Always"}' });
      assert.deepEqual(await store.calls.phoneAndRecording(phoneOnly.id), { phone: phone(phoneOnly, false), recording: undefined });
      assert.deepEqual(await store.calls.phoneAndRecording(recordingOnly.id), { phone: undefined, recording: '{"record":"Never"}' });
      assert.deepEqual(await store.calls.phoneAndRecording(neither.id), { phone: undefined, recording: undefined });
      assert.deepEqual((await store.calls.phoneAndRecording(both.id)).phone, await store.calls.phone(both.id));
    });

    it('a duplicate email, extension in a location or number owner is a UniqueViolation', async () => {
      const a = person(orgId, { locationId: hq.id, extension: '5001' });
      await store.people.insert(a);
      await assert.rejects(store.people.insert(person(orgId, { email: a.email })), UniqueViolation);
      await assert.rejects(store.people.insert(person(orgId, { locationId: hq.id, extension: '5001' })), UniqueViolation);
      // The same extension in another location is fine.
      const branch = location(orgId);
      await store.locations.insert(branch);
      await store.people.insert(person(orgId, { locationId: branch.id, extension: '5001' }));
      await store.numbers.insertMany([number(orgId, hq.id, '+15005550001'), number(orgId, hq.id, '+15005550002')]);
      assert.equal(await store.numbers.claim('+15005550001', a.id), true);
      await assert.rejects(store.numbers.claim('+15005550002', a.id), UniqueViolation);
      await assert.rejects(store.numbers.insertMany([number(orgId, hq.id, '+15005550001')]), UniqueViolation);
      await assert.rejects(store.locations.insert(location(orgId, { name: hq.name.toUpperCase() })), UniqueViolation);
    });

    it('claiming a number succeeds only while it is free', async () => {
      const a = person(orgId);
      const b = person(orgId);
      await store.people.insert(a);
      await store.people.insert(b);
      await store.numbers.insertMany([number(orgId, hq.id, '+15005550010')]);
      assert.equal(await store.numbers.claim('+15005550010', a.id), true);
      assert.equal(await store.numbers.claim('+15005550010', b.id), false);
      assert.equal((await store.numbers.get('+15005550010'))?.ownerId, a.id);
    });

    it('deleting a person frees their number and drops their licenses and tokens', async () => {
      const p = person(orgId);
      await store.people.insert(p);
      const licenseId = randomUUID();
      await store.licenses.insert({ ...professionalLicense(orgId), id: licenseId });
      await store.licenses.assign(orgId, p.id, licenseId);
      await store.licenses.assign(orgId, p.id, licenseId);
      assert.equal((await store.licenses.consumedUnits([licenseId])).get(licenseId), 1, 'assigning twice holds one unit');
      await store.tokens.insert({ tokenHash: randomUUID(), orgId, personId: p.id, scopes: ['spark:people_read'], expiresAt: null, created: now() });
      await store.numbers.insertMany([number(orgId, hq.id, '+15005550020')]);
      await store.numbers.claim('+15005550020', p.id);
      await store.people.delete(orgId, p.id);
      assert.equal((await store.numbers.get('+15005550020'))?.ownerId, null);
      assert.equal((await store.licenses.consumedUnits([licenseId])).get(licenseId), 0);
    });

    it('statements compiled once answer each call with its own values, in each shape of its arguments', async () => {
      // Another organization, with a default location, a running job there and two licenses.
      const otherOrg = randomUUID();
      await store.organizations.insert({ id: otherOrg, displayName: 'Other', created: now(), defaultLocationId: null });
      const otherHq = location(otherOrg);
      await store.locations.insert(otherHq);
      await store.organizations.setDefaultLocation(otherOrg, otherHq.id);
      const [mine, theirs, theirsToo] = [professionalLicense(orgId), professionalLicense(otherOrg), { ...professionalLicense(otherOrg), name: 'Second' }];
      for (const l of [mine, theirs, theirsToo]) await store.licenses.insert(l);

      // Lists of one and of two ids; another organization's license is never found.
      assert.deepEqual((await store.licenses.getMany(orgId, [mine.id])).map((l) => l.id), [mine.id]);
      assert.deepEqual((await store.licenses.getMany(orgId, [theirs.id])).map((l) => l.id), []);
      assert.deepEqual((await store.licenses.getMany(otherOrg, [theirs.id, mine.id])).map((l) => l.id), [theirs.id]);
      assert.deepEqual((await store.licenses.getMany(otherOrg, [theirsToo.id, theirs.id])).map((l) => l.id).sort(), [theirs.id, theirsToo.id].sort());

      // A location given, then the organization's default (no id): each its own.
      assert.equal((await store.locations.getWithRunningJob(orgId, hq.id, 'x'))?.location.id, hq.id);
      assert.equal((await store.locations.getWithRunningJob(otherOrg, undefined, 'x'))?.location.id, otherHq.id);
      assert.equal(await store.locations.getWithRunningJob(orgId, undefined, 'x'), undefined);
      assert.equal(await store.locations.getWithRunningJob(orgId, otherHq.id, 'x'), undefined);

      // Two people one after the other: each found by their own email.
      const [a, b] = [person(orgId), person(otherOrg)];
      await store.people.insert(a);
      await store.people.insert(b);
      assert.equal((await store.people.findByEmail(a.email))?.id, a.id);
      assert.equal((await store.people.findByEmail(b.email))?.orgId, otherOrg);
    });

    it('a license gives out at most its units, even to concurrent assignments, and takes them back', async () => {
      const licenseId = randomUUID();
      await store.licenses.insert({ ...professionalLicense(orgId), id: licenseId, totalUnits: 3 });
      const people = Array.from({ length: 8 }, () => person(orgId));
      for (const p of people) await store.people.insert(p);
      // Each in its own transaction, all at once (on PostgreSQL, on separate connections).
      const results = await Promise.all(people.map((p) => store.transaction((tx) => tx.licenses.assign(orgId, p.id, licenseId))));
      assert.equal(results.filter(Boolean).length, 3);
      const holders = people.filter((_, i) => results[i]);
      const refused = people.find((_, i) => !results[i])!;
      assert.deepEqual((await store.licenses.heldBy([refused.id])).get(refused.id), undefined, 'a refused assignment writes nothing');
      assert.equal((await store.licenses.consumedUnits([licenseId])).get(licenseId), 3);

      await store.licenses.unassign(holders[0]!.id, licenseId);
      await store.licenses.unassign(holders[0]!.id, licenseId);
      assert.equal((await store.licenses.consumedUnits([licenseId])).get(licenseId), 2, 'removing twice gives back one unit');
      // Another organization's delete of the same person id gives nothing back.
      await store.transaction((tx) => tx.people.delete(randomUUID(), holders[1]!.id));
      assert.equal((await store.licenses.consumedUnits([licenseId])).get(licenseId), 2);
      await store.transaction((tx) => tx.people.delete(orgId, holders[1]!.id));
      assert.equal((await store.licenses.consumedUnits([licenseId])).get(licenseId), 1);
      assert.equal(await store.licenses.assign(orgId, refused.id, licenseId), true, 'a unit given back can be taken again');
    });

    it('lists people page by page in a stable order, each once', async () => {
      const listOrg = randomUUID();
      await store.organizations.insert({ id: listOrg, displayName: 'List', created: now(), defaultLocationId: null });
      const created = '2026-01-01T00:00:00.000Z';
      // Equal timestamps: the id breaks the tie.
      const inserted = Array.from({ length: 7 }, () => person(listOrg, { created }));
      for (const p of inserted) await store.people.insert(p);
      const seen: string[] = [];
      let page = await store.people.list(listOrg, {}, undefined, 3);
      for (;;) {
        seen.push(...page.items.map((p) => p.id));
        if (!page.next) break;
        page = await store.people.list(listOrg, {}, page.next, 3);
      }
      assert.deepEqual(seen, inserted.map((p) => p.id).sort());
    });

    it('finds people by case-insensitive name prefix, treating % and _ literally', async () => {
      const p = person(orgId, { displayName: 'Zoë_Percent%Name' });
      await store.people.insert(p);
      const hit = await store.people.list(orgId, { displayName: 'zoë_percent%' }, undefined, 10);
      assert.deepEqual(hit.items.map((x) => x.id), [p.id]);
      const wildcard = await store.people.list(orgId, { displayName: 'z%' }, undefined, 10);
      assert.deepEqual(wildcard.items, []);
    });

    it('lists the number inventory with owners and extension-only members, and counts it', async () => {
      const invOrg = randomUUID();
      await store.organizations.insert({ id: invOrg, displayName: 'Inventory', created: now(), defaultLocationId: null });
      const loc = location(invOrg);
      await store.locations.insert(loc);
      const withNumber = person(invOrg, { locationId: loc.id, extension: '100', lastName: 'Alpha' });
      const extensionOnly = person(invOrg, { locationId: loc.id, extension: '200', lastName: 'Beta' });
      await store.people.insert(withNumber);
      await store.people.insert(extensionOnly);
      await store.numbers.insertMany([
        number(invOrg, loc.id, '+15005550100', { isMainNumber: true }),
        number(invOrg, loc.id, '+15005550101'),
        number(invOrg, loc.id, '+15005550102', { state: 'INACTIVE', numberType: 'TOLLFREE' }),
      ]);
      await store.numbers.claim('+15005550101', withNumber.id);
      const all = await store.numbers.search(invOrg, {}, 0, 10);
      assert.deepEqual(
        all.items.map((n) => [n.phoneNumber, n.extension, n.owner?.id ?? null]),
        [
          ['+15005550100', null, null],
          ['+15005550101', '100', withNumber.id],
          ['+15005550102', null, null],
          [null, '200', extensionOnly.id],
        ],
      );
      assert.deepEqual((await store.numbers.search(invOrg, { available: true }, 0, 10)).items.map((n) => n.phoneNumber), ['+15005550102']);
      assert.deepEqual((await store.numbers.search(invOrg, { numberType: 'EXTENSION' }, 0, 10)).items.map((n) => n.extension), ['200']);
      assert.deepEqual((await store.numbers.search(invOrg, { ownerName: 'alph' }, 0, 10)).items.map((n) => n.phoneNumber), ['+15005550101']);
      const firstPage = await store.numbers.search(invOrg, {}, 0, 2);
      assert.equal(firstPage.next, 2);
      assert.equal((await store.numbers.search(invOrg, {}, 2, 2)).next, undefined);
      assert.deepEqual(await store.numbers.counts(invOrg, {}), {
        assigned: 1,
        unAssigned: 2,
        inActive: 1,
        extensionOnly: 1,
        tollFreeNumbers: 1,
        total: 4,
        mobileNumber: 0,
        serviceNumber: 0,
      });
    });

    it('settings overwrite', async () => {
      await store.settings.set('k', 'one');
      await store.settings.set('k', 'two');
      assert.equal(await store.settings.get('k'), 'two');
    });
  });
}
