import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { nextLink, type Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import {
  assertWebexError,
  clientWithScopes,
  createCallingUser,
  createLocation,
  createOrganization,
  createPerson,
  defaultLocation,
  freeExtension,
  licenses,
  unique,
  usNational,
  type Licenses,
} from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const NUMBERS = '/v1/telephony/config/numbers';
const numbersOf = (locationId: string) => `/v1/telephony/config/locations/${locationId}/numbers`;

/** The demo location's main number and a few of its numbers (src/sandbox/demo-organization.ts). */
const MAIN = '+15715550100';
const ALEX = { number: '+15715550101', extension: '1001', firstName: 'Alex', lastName: 'Rivera', email: 'alex.rivera@callplane-demo.example' };
const CASEY = { extension: '1003', firstName: 'Casey', lastName: 'Okafor', email: 'casey.okafor@callplane-demo.example' };

/** A location ID that no organization holds. */
const ghostLocation = Buffer.from('ciscospark://us/LOCATION/00000000-0000-4000-8000-000000000000').toString('base64url');

type NumberItem = {
  phoneNumber?: string;
  extension?: string;
  esn?: string;
  state: string;
  phoneNumberType: string;
  mainNumber: boolean;
  includedTelephonyTypes: string;
  tollFreeNumber: boolean;
  isServiceNumber: boolean;
  isReservedNumber: boolean;
  location: { id: string; name: string };
  owner?: { id: string; type: string; firstName?: string; lastName?: string };
};

/** Numbers in the demo's area code but another exchange, never the same twice in this file. */
const issued = new Set<string>();
function newNumber(): string {
  for (;;) {
    const number = `+1571666${String(Math.floor(Math.random() * 10000)).padStart(4, '0')}`;
    if (!issued.has(number)) {
      issued.add(number);
      return number;
    }
  }
}
const newNumbers = (count: number) => Array.from({ length: count }, newNumber);

for (const dialect of dialects) {
  describe(`Numbers API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };
    let lic: Licenses;
    let orgId: string;
    let adminPersonId: string;
    let alexId: string;
    let caseyId: string;

    const list = async (query: Record<string, string | number | boolean> = {}) => {
      const reply = await admin.get(NUMBERS, query);
      assert.equal(reply.status, 200, reply.text);
      return reply.body.phoneNumbers as NumberItem[];
    };
    /** Every entry of the inventory, following the Link header. */
    const listAll = async (query: Record<string, string | number | boolean> = {}, client: Client = admin) => {
      const items: NumberItem[] = [];
      let reply = await client.get(NUMBERS, query);
      for (;;) {
        assert.equal(reply.status, 200, reply.text);
        items.push(...reply.body.phoneNumbers);
        const next = nextLink(reply.headers);
        if (!next) return items;
        reply = await client.follow(next);
      }
    };
    const find = async (phoneNumber: string) => (await list({ phoneNumber })).filter((n) => n.phoneNumber === phoneNumber);
    const counts = async (query: Record<string, string | number | boolean> = {}) => {
      const reply = await admin.get(NUMBERS, { ...query, details: true, max: 1 });
      assert.equal(reply.status, 200, reply.text);
      return reply.body.count as Record<string, number>;
    };
    const add = async (phoneNumbers: string[], extra: Record<string, unknown> = {}) => {
      const reply = await admin.post(numbersOf(hq.id), { phoneNumbers, ...extra });
      assert.equal(reply.status, 201, reply.text);
    };
    const personId = async (email: string) => {
      const reply = await admin.get('/v1/people', { email });
      assert.equal(reply.status, 200, reply.text);
      return reply.body.items[0].id as string;
    };
    const key = (n: NumberItem) => n.phoneNumber ?? `ext:${n.extension}@${n.location.id}`;

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
      lic = await licenses(admin);
      const me = (await admin.get('/v1/people/me')).body;
      orgId = me.orgId;
      adminPersonId = me.id;
      alexId = await personId(ALEX.email);
      caseyId = await personId(CASEY.email);
    });
    after(() => server.close());

    describe('listing numbers', () => {
      it('given no filter, answers {phoneNumbers} with the main number marked mainNumber and no owner', async () => {
        const reply = await admin.get(NUMBERS);
        assert.equal(reply.status, 200, reply.text);
        // Regression (issue 12): isReservedNumber, required by the document, on every item.
        assert.ok(reply.body.phoneNumbers.every((n: NumberItem) => n.isReservedNumber === false));
        assert.deepEqual(Object.keys(reply.body), ['phoneNumbers']);
        const main = reply.body.phoneNumbers.filter((n: NumberItem) => n.phoneNumber === MAIN);
        assert.deepEqual(main, [
          {
            phoneNumber: MAIN,
            state: 'ACTIVE',
            phoneNumberType: 'PRIMARY',
            mainNumber: true,
            includedTelephonyTypes: 'PSTN_NUMBER',
            tollFreeNumber: false,
            isServiceNumber: false,
            isReservedNumber: false,
            location: { id: hq.id, name: 'Headquarters' },
          },
        ]);
        const mains = reply.body.phoneNumbers.filter((n: NumberItem) => n.mainNumber);
        assert.deepEqual(
          mains.map((n: NumberItem) => n.phoneNumber),
          [MAIN],
          'one main number',
        );
        assert.doesNotMatch(reply.text, /null/, 'absent fields are omitted, not null');
      });

      it('given an assigned number, shows its extension, esn and owner of type PEOPLE', async () => {
        assert.deepEqual(await find(ALEX.number), [
          {
            phoneNumber: ALEX.number,
            extension: ALEX.extension,
            esn: ALEX.extension,
            state: 'ACTIVE',
            phoneNumberType: 'PRIMARY',
            mainNumber: false,
            includedTelephonyTypes: 'PSTN_NUMBER',
            tollFreeNumber: false,
            isServiceNumber: false,
            isReservedNumber: false,
            location: { id: hq.id, name: 'Headquarters' },
            owner: { id: alexId, type: 'PEOPLE', firstName: ALEX.firstName, lastName: ALEX.lastName },
          },
        ]);
      });

      it('given a free number, shows it without extension or owner', async () => {
        const [free] = await list({ available: true, max: 1 });
        assert.ok(free);
        assert.equal(free.owner, undefined);
        assert.equal(free.extension, undefined);
        assert.equal(free.esn, undefined);
        assert.equal(free.mainNumber, false);
        assert.equal(free.phoneNumberType, 'PRIMARY');
        assert.equal(free.includedTelephonyTypes, 'PSTN_NUMBER');
      });

      it('given locationId, answers only numbers of that location, and none for a location without calling', async () => {
        const items = await list({ locationId: hq.id });
        assert.ok(items.length >= 100, 'the demo block and the extension-only users');
        assert.ok(items.every((n) => n.location.id === hq.id && n.location.name === 'Headquarters'));
        assert.ok(items.some((n) => n.phoneNumber === MAIN));
        const branch = await createLocation(admin);
        assert.deepEqual(await list({ locationId: branch.id }), []);
      });

      it('given phoneNumber, answers the numbers containing it', async () => {
        const items = await list({ phoneNumber: '571555010' });
        assert.deepEqual(
          items.map((n) => n.phoneNumber).sort(),
          Array.from({ length: 10 }, (_, i) => `+1571555010${i}`).sort(),
        );
        const middle = await list({ phoneNumber: '5550150' });
        assert.deepEqual(
          middle.map((n) => n.phoneNumber),
          ['+15715550150'],
        );
        assert.deepEqual(await list({ phoneNumber: '9999999999' }), []);
      });

      it('given available=true, answers unassigned numbers other than the main number; given false, the others', async () => {
        const free = await list({ available: true });
        assert.ok(free.length > 0);
        assert.ok(free.every((n) => n.phoneNumber && !n.owner && !n.mainNumber), 'only free numbers');
        assert.ok(!free.some((n) => n.phoneNumber === MAIN || n.phoneNumber === ALEX.number));
        const taken = await list({ available: false });
        assert.ok(taken.every((n) => n.phoneNumber && (n.owner || n.mainNumber)), 'only assigned or main numbers');
        assert.ok(taken.some((n) => n.phoneNumber === MAIN));
        assert.ok(taken.some((n) => n.phoneNumber === ALEX.number));
        const numbers = (await listAll()).filter((n) => n.phoneNumber);
        assert.equal(free.length + taken.length, numbers.length, 'the two halves make up every number');
      });

      it('given ownerName, answers the entries of owners with that name', async () => {
        const items = await list({ ownerName: ALEX.lastName });
        assert.ok(items.length >= 1);
        assert.ok(items.every((n) => n.owner && [n.owner.firstName, n.owner.lastName].join(' ').includes(ALEX.lastName)));
        assert.ok(items.some((n) => n.phoneNumber === ALEX.number));
        const casey = await list({ ownerName: CASEY.lastName });
        assert.ok(casey.some((n) => n.extension === CASEY.extension && n.phoneNumber === undefined));
      });

      it('given ownerName with LIKE wildcards, matches them literally', async () => {
        const lastName = unique('O_Neil%');
        const person = await createPerson(admin, { lastName, extension: freeExtension(), licenses: [lic.professional] }, { callingData: 'true' });
        assert.deepEqual(
          (await list({ ownerName: lastName })).map((n) => n.owner?.id),
          [person.id],
        );
        assert.deepEqual(await list({ ownerName: lastName.replace('_', 'x') }), []);
        assert.deepEqual(await list({ ownerName: lastName.replace('%', '') }), []);
      });

      it('given ownerId, answers that owner’s number, or its extension when it has no number', async () => {
        const alex = await list({ ownerId: alexId });
        assert.deepEqual(
          alex.map((n) => [n.phoneNumber, n.extension, n.owner?.id]),
          [[ALEX.number, ALEX.extension, alexId]],
        );
        const casey = await list({ ownerId: caseyId });
        assert.deepEqual(
          casey.map((n) => [n.phoneNumber, n.extension, n.owner?.id]),
          [[undefined, CASEY.extension, caseyId]],
        );
      });

      it('given extension, answers the entry with that extension', async () => {
        const alex = await list({ extension: ALEX.extension });
        assert.deepEqual(
          alex.map((n) => n.phoneNumber),
          [ALEX.number],
        );
        const casey = await list({ extension: CASEY.extension });
        assert.equal(casey.length, 1);
        assert.equal(casey[0]!.phoneNumber, undefined);
        assert.equal(casey[0]!.extension, CASEY.extension);
        assert.equal(casey[0]!.esn, CASEY.extension);
        assert.deepEqual(casey[0]!.owner, { id: caseyId, type: 'PEOPLE', firstName: CASEY.firstName, lastName: CASEY.lastName });
        assert.deepEqual(casey[0]!.location, { id: hq.id, name: 'Headquarters' });
        assert.deepEqual(await list({ extension: '98765' }), []);
      });

      it('given an extension-only calling user, lists it under numberType=EXTENSION only', async () => {
        const extension = freeExtension();
        const person = await createPerson(admin, { extension, licenses: [lic.professional] }, { callingData: 'true' });
        const extensions = await list({ numberType: 'EXTENSION' });
        assert.ok(extensions.length >= 2);
        assert.ok(extensions.every((n) => n.phoneNumber === undefined && n.extension !== undefined), 'extensions without a number only');
        assert.ok(extensions.some((n) => n.extension === CASEY.extension));
        assert.ok(extensions.some((n) => n.extension === extension && n.owner?.id === person.id));
        assert.ok(!extensions.some((n) => n.extension === ALEX.extension), 'an extension with a number is not extension-only');
        const numbers = await list({ numberType: 'NUMBER' });
        assert.ok(numbers.every((n) => n.phoneNumber !== undefined), 'numbers only');
        assert.ok(!numbers.some((n) => n.extension === CASEY.extension || n.extension === extension));
        assert.ok(numbers.some((n) => n.extension === ALEX.extension));
      });

      it('given state, answers only numbers in that state', async () => {
        const [inactive] = newNumbers(1);
        await add([inactive!], { state: 'INACTIVE' });
        const inactives = await list({ state: 'INACTIVE' });
        assert.ok(inactives.length >= 1);
        assert.ok(inactives.every((n) => n.state === 'INACTIVE' && n.phoneNumber !== undefined));
        assert.ok(inactives.some((n) => n.phoneNumber === inactive));
        const actives = await list({ state: 'ACTIVE' });
        assert.ok(actives.every((n) => n.state === 'ACTIVE' && n.phoneNumber !== undefined));
        assert.ok(!actives.some((n) => n.phoneNumber === inactive));
        assert.ok(actives.some((n) => n.phoneNumber === MAIN));
      });

      it('given reservedNumber, true finds none (Callplane reserves no numbers) and false finds them all', async () => {
        const all = (await admin.get(NUMBERS)).body.phoneNumbers;
        const reserved = await admin.get(NUMBERS, { reservedNumber: true });
        assert.equal(reserved.status, 200, reserved.text);
        assert.deepEqual(reserved.body.phoneNumbers, []);
        assert.deepEqual((await admin.get(NUMBERS, { reservedNumber: false })).body.phoneNumbers, all);
      });

      it('given details=true, adds counts that agree with the listing', async () => {
        await add(newNumbers(1), { state: 'INACTIVE' });
        await add(newNumbers(1), { numberType: 'TOLLFREE' });
        const reply = await admin.get(NUMBERS, { details: true });
        assert.equal(reply.status, 200, reply.text);
        const count = reply.body.count;
        assert.deepEqual(Object.keys(count).sort(), [
          'assigned',
          'extensionOnly',
          'inActive',
          'mobileNumber',
          'reservedNumber',
          'serviceNumber',
          'tollFreeNumbers',
          'total',
          'unAssigned',
        ]);
        for (const value of Object.values(count)) assert.ok(Number.isInteger(value) && (value as number) >= 0);
        const all = await listAll();
        const numbers = all.filter((n) => n.phoneNumber !== undefined);
        assert.equal(count.total, all.length, 'total counts every entry');
        assert.equal(count.total, count.assigned + count.unAssigned + count.extensionOnly);
        assert.equal(count.assigned, numbers.filter((n) => n.owner).length);
        assert.equal(count.extensionOnly, all.length - numbers.length);
        assert.equal(count.inActive, numbers.filter((n) => n.state === 'INACTIVE').length);
        assert.ok(count.inActive >= 1);
        assert.equal(count.tollFreeNumbers, numbers.filter((n) => n.tollFreeNumber).length);
        assert.ok(count.tollFreeNumbers >= 1);
        assert.equal(count.serviceNumber, numbers.filter((n) => n.isServiceNumber).length);
        assert.equal(count.reservedNumber, 0, 'Callplane reserves no numbers');
        assert.equal(count.mobileNumber, 0);
        assert.equal((await admin.get(NUMBERS)).body.count, undefined, 'no counts without details');
      });

      it('given details=true, when a number is added and another assigned, then the counts move accordingly', async () => {
        const before = await counts({ locationId: hq.id });
        await add(newNumbers(1));
        await createCallingUser(admin);
        const after = await counts({ locationId: hq.id });
        assert.equal(after.total, before.total + 1);
        assert.equal(after.assigned, before.assigned + 1);
        assert.equal(after.unAssigned, before.unAssigned);
        assert.equal(after.extensionOnly, before.extensionOnly);
      });

      it('given max, when following Link rel="next" verbatim, then sees every entry once and ends without a Link', async () => {
        const all = await listAll();
        const seen = new Set<string>();
        let reply = await admin.get(NUMBERS, { max: 7 });
        let pages = 0;
        for (;;) {
          assert.equal(reply.status, 200, reply.text);
          assert.ok(reply.body.phoneNumbers.length <= 7, 'no page is larger than max');
          for (const n of reply.body.phoneNumbers) {
            assert.ok(!seen.has(key(n)), `${key(n)} seen twice`);
            seen.add(key(n));
          }
          pages++;
          const next = nextLink(reply.headers);
          if (!next) break;
          assert.match(next, /^https?:\/\/.*[?&]start=\d+/);
          reply = await admin.follow(next);
        }
        assert.equal(pages, Math.ceil(all.length / 7));
        assert.deepEqual([...seen].sort(), all.map(key).sort());
      });

      it('given a filter and max, when following the Link, then the filter is kept on every page', async () => {
        const items = await listAll({ phoneNumber: '571555010', max: 3 });
        assert.equal(items.length, 10);
        assert.ok(items.every((n) => n.phoneNumber!.includes('571555010')));
        assert.equal(new Set(items.map(key)).size, 10);
      });

      it('given start and max, answers that slice of the list', async () => {
        const all = await list();
        const slice = await list({ start: 5, max: 3 });
        assert.deepEqual(slice, all.slice(5, 8));
        const beyond = await admin.get(NUMBERS, { start: all.length + 10 });
        assert.equal(beyond.status, 200, beyond.text);
        assert.deepEqual(beyond.body.phoneNumbers, []);
        assert.equal(beyond.headers.get('link'), null);
      });

      it('given max above the limit, clamps it instead of refusing', async () => {
        const reply = await admin.get(NUMBERS, { max: 100000 });
        assert.equal(reply.status, 200, reply.text);
        assert.equal(reply.body.phoneNumbers.length, (await listAll()).length);
      });

      it('given numberType=EXTENSION with available or state, answers 400', async () => {
        assertWebexError(await admin.get(NUMBERS, { numberType: 'EXTENSION', available: true }), 400, /available/);
        assertWebexError(await admin.get(NUMBERS, { numberType: 'EXTENSION', available: false }), 400, /available/);
        assertWebexError(await admin.get(NUMBERS, { numberType: 'EXTENSION', state: 'ACTIVE' }), 400, /state/);
      });

      it('given invalid query values, answers 400', async () => {
        assertWebexError(await admin.get(NUMBERS, { numberType: 'MOBILE_ONLY' }), 400, /numberType/);
        assertWebexError(await admin.get(NUMBERS, { state: 'DORMANT' }), 400, /state/);
        assertWebexError(await admin.get(NUMBERS, { available: 'maybe' }), 400, /available/);
        assertWebexError(await admin.get(NUMBERS, { start: -1 }), 400, /start/);
        assertWebexError(await admin.get(NUMBERS, { max: 'many' }), 400, /max/);
      });
    });

    describe('adding numbers to a location', () => {
      it('given E.164 and 10-digit US national numbers, answers 201 and stores both as E.164, active and free', async () => {
        const [a, b] = newNumbers(2);
        const reply = await admin.post(numbersOf(hq.id), { phoneNumbers: [a, usNational(b!)] });
        assert.equal(reply.status, 201, reply.text);
        for (const number of [a!, b!]) {
          assert.deepEqual(await find(number), [
            {
              phoneNumber: number,
              state: 'ACTIVE',
              phoneNumberType: 'PRIMARY',
              mainNumber: false,
              includedTelephonyTypes: 'PSTN_NUMBER',
              tollFreeNumber: false,
              isServiceNumber: false,
              isReservedNumber: false,
              location: { id: hq.id, name: 'Headquarters' },
            },
          ]);
        }
        assert.ok((await list({ available: true, phoneNumber: a! })).some((n) => n.phoneNumber === a));
      });

      it('given numbers already in the location, ignores them and adds the rest (still 201)', async () => {
        const [a, b] = newNumbers(2);
        await add([a!]);
        await add([a!, usNational(a!), b!, '+15715550150', MAIN]);
        assert.equal((await find(a!)).length, 1);
        assert.equal((await find(b!)).length, 1);
        assert.equal((await find('+15715550150')).length, 1);
        assert.deepEqual(
          (await find(MAIN)).map((n) => n.mainNumber),
          [true],
        );
      });

      for (const malformed of ['12345', 'not-a-number', '', '1571666123', '+4420794600000', '+1571666', '+157166612345', '+11234567890']) {
        it(`given the malformed number "${malformed}" among good ones, answers 400 and adds nothing`, async () => {
          const [good] = newNumbers(1);
          const reply = await admin.post(numbersOf(hq.id), { phoneNumbers: [good, malformed] });
          assertWebexError(reply, 400, /number/i);
          assert.deepEqual(await find(good!), []);
        });
      }

      it('given a number of another organization, answers 409 and adds nothing', async () => {
        const other = await createOrganization(server.anonymous);
        const theirHq = await defaultLocation(other.admin);
        const theirs = (await other.admin.get(NUMBERS, { locationId: theirHq.id, available: true, max: 1 })).body.phoneNumbers[0].phoneNumber;
        const [good] = newNumbers(1);
        assertWebexError(await admin.post(numbersOf(hq.id), { phoneNumbers: [good, theirs] }), 409, /another location or organization/);
        assert.deepEqual(await find(good!), []);
        assert.deepEqual(await find(theirs), []);
        const still = (await other.admin.get(NUMBERS, { phoneNumber: theirs })).body.phoneNumbers;
        assert.deepEqual(
          still.map((n: NumberItem) => n.location.id),
          [theirHq.id],
        );
      });

      it('given the same numbers in concurrent requests, answers 201 to each and adds every number once', async () => {
        const numbers = newNumbers(2);
        const replies = await Promise.all(Array.from({ length: 6 }, () => admin.post(numbersOf(hq.id), { phoneNumbers: numbers })));
        assert.deepEqual(
          replies.map((r) => r.status),
          replies.map(() => 201),
          replies.map((r) => r.text).join('\n'),
        );
        for (const number of numbers) assert.equal((await find(number)).length, 1);
      });

      it('given numberType TOLLFREE, lists the number with tollFreeNumber true', async () => {
        const [number] = newNumbers(1);
        await add([number!], { numberType: 'TOLLFREE' });
        const [item] = await find(number!);
        assert.equal(item!.tollFreeNumber, true);
        assert.equal(item!.state, 'ACTIVE');
        assert.ok((await list({ tollFreeNumbers: true })).some((n) => n.phoneNumber === number));
      });

      it('given state INACTIVE, lists the number as INACTIVE', async () => {
        const [number] = newNumbers(1);
        await add([number!], { state: 'INACTIVE' });
        assert.deepEqual(
          (await find(number!)).map((n) => n.state),
          ['INACTIVE'],
        );
      });

      it('given the same number twice in one request, adds it once', async () => {
        const [number] = newNumbers(1);
        await add([number!, usNational(number!)]);
        assert.equal((await find(number!)).length, 1);
      });

      it('given a location not enabled for calling, answers 400 and adds nothing', async () => {
        const branch = await createLocation(admin);
        const [number] = newNumbers(1);
        assertWebexError(await admin.post(numbersOf(branch.id), { phoneNumbers: [number] }), 400, /not enabled for Webex Calling/);
        assert.deepEqual(await find(number!), []);
      });

      it('given an unknown location, answers 404', async () => {
        assertWebexError(await admin.post(numbersOf(ghostLocation), { phoneNumbers: newNumbers(1) }), 404, /Location not found/);
      });

      it('given a body without numbers or of the wrong shape, answers 400', async () => {
        assertWebexError(await admin.post(numbersOf(hq.id), {}), 400, /phoneNumbers/);
        assertWebexError(await admin.post(numbersOf(hq.id), { phoneNumbers: [] }), 400, /phoneNumbers/);
        const [number] = newNumbers(1);
        assertWebexError(await admin.post(numbersOf(hq.id), { phoneNumbers: number }), 400, /phoneNumbers/);
        assertWebexError(await admin.post(numbersOf(hq.id), { phoneNumbers: [15716660000] }), 400, /phoneNumbers/);
        assertWebexError(await admin.post(numbersOf(hq.id), { phoneNumbers: [number], numberType: 'PREMIUM' }), 400, /numberType/);
        assertWebexError(await admin.post(numbersOf(hq.id), { phoneNumbers: [number], state: 'DORMANT' }), 400, /state/);
        assert.deepEqual(await find(number!), []);
      });
    });

    describe('activating and deactivating numbers', () => {
      it('given DEACTIVATE then ACTIVATE, answers 204 each time and the state follows', async () => {
        const numbers = newNumbers(2);
        await add(numbers);
        const off = await admin.put(numbersOf(hq.id), { phoneNumbers: [numbers[0], usNational(numbers[1]!)], action: 'DEACTIVATE' });
        assert.equal(off.status, 204, off.text);
        assert.equal(off.text, '');
        for (const number of numbers) assert.deepEqual((await find(number)).map((n) => n.state), ['INACTIVE']);
        const on = await admin.put(numbersOf(hq.id), { phoneNumbers: numbers, action: 'ACTIVATE' });
        assert.equal(on.status, 204, on.text);
        for (const number of numbers) assert.deepEqual((await find(number)).map((n) => n.state), ['ACTIVE']);
      });

      it('given an assigned number to deactivate, answers 409 and changes nothing', async () => {
        const [free] = newNumbers(1);
        await add([free!]);
        assertWebexError(await admin.put(numbersOf(hq.id), { phoneNumbers: [free, ALEX.number], action: 'DEACTIVATE' }), 409, /assigned/);
        assert.deepEqual((await find(ALEX.number)).map((n) => n.state), ['ACTIVE']);
        assert.deepEqual((await find(free!)).map((n) => n.state), ['ACTIVE']);
      });

      it('given an unknown action, answers 400', async () => {
        const [number] = newNumbers(1);
        await add([number!]);
        assertWebexError(await admin.put(numbersOf(hq.id), { phoneNumbers: [number], action: 'SUSPEND' }), 400, /action/);
        assert.deepEqual((await find(number!)).map((n) => n.state), ['ACTIVE']);
      });

      it('given an unknown location, answers 404', async () => {
        assertWebexError(await admin.put(numbersOf(ghostLocation), { phoneNumbers: newNumbers(1), action: 'DEACTIVATE' }), 404, /Location not found/);
      });
    });

    describe('removing numbers from a location', () => {
      it('given free numbers in a body, answers 204 and the numbers are gone', async () => {
        const numbers = newNumbers(2);
        await add(numbers);
        const reply = await admin.delete(numbersOf(hq.id), { phoneNumbers: [numbers[0], usNational(numbers[1]!)] });
        assert.equal(reply.status, 204, reply.text);
        assert.equal(reply.text, '');
        for (const number of numbers) assert.deepEqual(await find(number), []);
      });

      it('given an inactive free number, removes it', async () => {
        const [number] = newNumbers(1);
        await add([number!], { state: 'INACTIVE' });
        const reply = await admin.delete(numbersOf(hq.id), { phoneNumbers: [number] });
        assert.equal(reply.status, 204, reply.text);
        assert.deepEqual(await find(number!), []);
      });

      it('given the main number, answers 400 and keeps it', async () => {
        const [free] = newNumbers(1);
        await add([free!]);
        assertWebexError(await admin.delete(numbersOf(hq.id), { phoneNumbers: [free, MAIN] }), 400, /main number/);
        assert.deepEqual((await find(MAIN)).map((n) => n.mainNumber), [true]);
        assert.equal((await find(free!)).length, 1, 'nothing removed');
      });

      it('given an assigned number, answers 409 and keeps it', async () => {
        const [free] = newNumbers(1);
        await add([free!]);
        assertWebexError(await admin.delete(numbersOf(hq.id), { phoneNumbers: [free, ALEX.number] }), 409, /assigned/);
        assert.deepEqual((await find(ALEX.number)).map((n) => n.owner?.id), [alexId]);
        assert.equal((await find(free!)).length, 1, 'nothing removed');
      });

      it('given a number not in the location, answers 400 and removes nothing', async () => {
        const [free, absent] = newNumbers(2);
        await add([free!]);
        assertWebexError(await admin.delete(numbersOf(hq.id), { phoneNumbers: [free, absent] }), 400, /not in this location/);
        assert.equal((await find(free!)).length, 1, 'nothing removed');
      });

      it('given a malformed number or no numbers, answers 400', async () => {
        assertWebexError(await admin.delete(numbersOf(hq.id), { phoneNumbers: ['12345'] }), 400, /number/i);
        assertWebexError(await admin.delete(numbersOf(hq.id), { phoneNumbers: [] }), 400, /phoneNumbers/);
      });

      it('given an unknown location, answers 404', async () => {
        assertWebexError(await admin.delete(numbersOf(ghostLocation), { phoneNumbers: newNumbers(1) }), 404, /Location not found/);
      });
    });

    describe('isolation and scopes', () => {
      it('given another organization’s location, answers 404 on POST, PUT and DELETE and leaves its numbers alone', async () => {
        const other = await createOrganization(server.anonymous);
        const theirHq = await defaultLocation(other.admin);
        const [theirFree] = (await other.admin.get(NUMBERS, { locationId: theirHq.id, available: true, max: 1 })).body.phoneNumbers;
        const [number] = newNumbers(1);
        assertWebexError(await admin.post(numbersOf(theirHq.id), { phoneNumbers: [number] }), 404);
        assertWebexError(await admin.put(numbersOf(theirHq.id), { phoneNumbers: [theirFree.phoneNumber], action: 'DEACTIVATE' }), 404);
        assertWebexError(await admin.delete(numbersOf(theirHq.id), { phoneNumbers: [theirFree.phoneNumber] }), 404);
        assert.deepEqual(await find(number!), []);
        assert.deepEqual((await other.admin.get(NUMBERS, { phoneNumber: number })).body.phoneNumbers, []);
        const theirs = (await other.admin.get(NUMBERS, { phoneNumber: theirFree.phoneNumber })).body.phoneNumbers;
        assert.deepEqual(theirs, [theirFree]);
      });

      it('given another organization, neither lists the other’s numbers', async () => {
        const other = await createOrganization(server.anonymous);
        const theirs = await listAll({}, other.admin);
        const ours = await listAll();
        assert.ok(theirs.length > 0);
        const ourKeys = new Set(ours.map((n) => n.phoneNumber).filter(Boolean));
        assert.ok(!theirs.some((n) => n.phoneNumber && ourKeys.has(n.phoneNumber)));
        assert.ok(!theirs.some((n) => n.location.id === hq.id));
        assert.deepEqual((await other.admin.get(NUMBERS, { phoneNumber: MAIN })).body.phoneNumbers, []);
      });

      it('given orgId of another organization, answers 403 on every operation', async () => {
        const other = await createOrganization(server.anonymous);
        const query = { orgId: other.orgId };
        const [number] = newNumbers(1);
        assertWebexError(await admin.get(NUMBERS, query), 403);
        assertWebexError(await admin.post(numbersOf(hq.id), { phoneNumbers: [number] }, query), 403);
        assertWebexError(await admin.put(numbersOf(hq.id), { phoneNumbers: [number], action: 'DEACTIVATE' }, query), 403);
        assertWebexError(await admin.delete(numbersOf(hq.id), { phoneNumbers: [number] }, query), 403);
        assert.deepEqual(await find(number!), []);
      });

      it('given orgId of its own organization, answers as without it', async () => {
        const reply = await admin.get(NUMBERS, { orgId, locationId: hq.id });
        assert.equal(reply.status, 200, reply.text);
        assert.deepEqual(reply.body, (await admin.get(NUMBERS, { locationId: hq.id })).body);
      });

      it('given a token with only spark-admin:telephony_config_read, reads but cannot write', async () => {
        const reader = await clientWithScopes(admin, adminPersonId, ['spark-admin:telephony_config_read']);
        const reply = await reader.get(NUMBERS, { phoneNumber: MAIN });
        assert.equal(reply.status, 200, reply.text);
        assert.equal(reply.body.phoneNumbers[0].phoneNumber, MAIN);
        const [number] = newNumbers(1);
        assertWebexError(await reader.post(numbersOf(hq.id), { phoneNumbers: [number] }), 403);
        const [existing] = newNumbers(1);
        await add([existing!]);
        assertWebexError(await reader.put(numbersOf(hq.id), { phoneNumbers: [existing], action: 'DEACTIVATE' }), 403);
        assertWebexError(await reader.delete(numbersOf(hq.id), { phoneNumbers: [existing] }), 403);
        assert.deepEqual(await find(number!), []);
        assert.deepEqual((await find(existing!)).map((n) => n.state), ['ACTIVE']);
      });

      it('given a token without spark-admin:telephony_config_read, cannot list numbers', async () => {
        const other = await clientWithScopes(admin, adminPersonId, ['spark-admin:locations_read', 'spark-admin:people_read']);
        assertWebexError(await other.get(NUMBERS), 403);
      });

      it('given a token with spark-admin:telephony_config_write, adds, deactivates and removes numbers', async () => {
        const writer = await clientWithScopes(admin, adminPersonId, ['spark-admin:telephony_config_write']);
        const [number] = newNumbers(1);
        const added = await writer.post(numbersOf(hq.id), { phoneNumbers: [number] });
        assert.equal(added.status, 201, added.text);
        const off = await writer.put(numbersOf(hq.id), { phoneNumbers: [number], action: 'DEACTIVATE' });
        assert.equal(off.status, 204, off.text);
        const removed = await writer.delete(numbersOf(hq.id), { phoneNumbers: [number] });
        assert.equal(removed.status, 204, removed.text);
        assert.deepEqual(await find(number!), []);
      });

      it('given no token or an unknown token, answers 401', async () => {
        for (const client of [server.anonymous, server.anonymous.withToken('not-a-real-token')]) {
          const [number] = newNumbers(1);
          assertWebexError(await client.get(NUMBERS), 401);
          assertWebexError(await client.post(numbersOf(hq.id), { phoneNumbers: [number] }), 401);
          assertWebexError(await client.put(numbersOf(hq.id), { phoneNumbers: [number], action: 'ACTIVATE' }), 401);
          assertWebexError(await client.delete(numbersOf(hq.id), { phoneNumbers: [number] }), 401);
          assert.deepEqual(await find(number!), []);
        }
      });
    });
  });
}
