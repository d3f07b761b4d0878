import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { nextLink, type Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createLocation, createOrganization, defaultLocation, locationBody, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

/** A location ID that no organization holds. */
const ghostLocation = Buffer.from('ciscospark://us/LOCATION/00000000-0000-4000-8000-000000000000').toString('base64url');

for (const dialect of dialects) {
  describe(`Locations API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };
    let orgId: string;
    let adminPersonId: string;

    const read = async (id: string) => {
      const reply = await admin.get(`/v1/locations/${id}`);
      assert.equal(reply.status, 200, reply.text);
      return reply.body;
    };
    const namesMatching = async (name: string) =>
      ((await admin.get('/v1/locations', { name })).body.items as { name: string }[]).map((l) => l.name);

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
      const me = (await admin.get('/v1/people/me')).body;
      orgId = me.orgId;
      adminPersonId = me.id;
    });
    after(() => server.close());

    describe('listing locations', () => {
      it('given no filter, answers {items} with the default location Headquarters first', async () => {
        const reply = await admin.get('/v1/locations');
        assert.equal(reply.status, 200, reply.text);
        assert.deepEqual(Object.keys(reply.body), ['items']);
        assert.ok(Array.isArray(reply.body.items));
        assert.equal(reply.body.items[0].name, 'Headquarters');
        assert.equal(reply.body.items[0].id, hq.id);
        assert.equal(reply.headers.get('link'), null, 'a single page has no Link header');
      });

      it('given name, when it matches part of a name in another case, then answers that location (case-insensitive contains)', async () => {
        const tag = unique('Zeta');
        const name = `North ${tag} Office`;
        const { id } = await createLocation(admin, { name });
        await createLocation(admin);
        const byMiddle = await admin.get('/v1/locations', { name: tag.toUpperCase() });
        assert.equal(byMiddle.status, 200, byMiddle.text);
        assert.deepEqual(
          byMiddle.body.items.map((l: { id: string }) => l.id),
          [id],
        );
        assert.deepEqual(await namesMatching(`${tag.toLowerCase()} OFFICE`), [name]);
        assert.ok((await namesMatching('headq')).includes('Headquarters'));
        assert.deepEqual(await namesMatching(unique('nowhere')), []);
      });

      it('given a name with LIKE wildcards, when listing, then matches them literally', async () => {
        const tag = unique('Pct');
        const literal = `${tag} 100% _done`;
        await createLocation(admin, { name: literal });
        await createLocation(admin, { name: `${tag} 100 done` });
        assert.deepEqual(await namesMatching(`${tag} 100%`), [literal]);
        assert.deepEqual(await namesMatching(`${tag} 100% _`), [literal]);
        assert.deepEqual(await namesMatching(`${tag}%done`), []);
      });

      it('given id, when listing, then answers only that location, and nothing for an unknown id', async () => {
        const { id } = await createLocation(admin);
        const reply = await admin.get('/v1/locations', { id });
        assert.equal(reply.status, 200, reply.text);
        assert.deepEqual(
          reply.body.items.map((l: { id: string }) => l.id),
          [id],
        );
        assert.deepEqual(reply.body.items[0], await read(id));
        const ghost = await admin.get('/v1/locations', { id: ghostLocation });
        assert.equal(ghost.status, 200, ghost.text);
        assert.deepEqual(ghost.body.items, []);
      });

      it('given max, when following Link rel="next" verbatim, then sees every location exactly once and ends without a Link', async () => {
        for (let i = 0; i < 3; i++) await createLocation(admin);
        const all = await admin.get('/v1/locations');
        assert.equal(all.status, 200, all.text);
        const seen = new Set<string>();
        let reply = await admin.get('/v1/locations', { max: 2 });
        let pages = 0;
        for (;;) {
          assert.equal(reply.status, 200, reply.text);
          assert.ok(reply.body.items.length <= 2, 'no page is larger than max');
          assert.ok(reply.body.items.length > 0, 'no empty page');
          for (const l of reply.body.items) {
            assert.ok(!seen.has(l.id), `location ${l.name} seen twice`);
            seen.add(l.id);
          }
          pages++;
          const next = nextLink(reply.headers);
          if (!next) break;
          assert.match(next, /^https?:\/\//, 'the next link is an absolute URL');
          reply = await admin.follow(next);
        }
        assert.equal(pages, Math.ceil(all.body.items.length / 2));
        assert.deepEqual(
          [...seen].sort(),
          all.body.items.map((l: { id: string }) => l.id).sort(),
        );
      });

      it('given a name filter and max, when following the Link, then the filter is kept on every page', async () => {
        const tag = unique('Paged');
        const ids = [];
        for (let i = 0; i < 3; i++) ids.push((await createLocation(admin, { name: `${tag} ${i}` })).id);
        const seen: string[] = [];
        let reply = await admin.get('/v1/locations', { name: tag, max: 1 });
        for (;;) {
          assert.equal(reply.status, 200, reply.text);
          seen.push(...reply.body.items.map((l: { id: string }) => l.id));
          const next = nextLink(reply.headers);
          if (!next) break;
          reply = await admin.follow(next);
        }
        assert.deepEqual(seen.sort(), ids.sort());
      });

      it('given max above the limit, when listing, then clamps it instead of refusing', async () => {
        const all = await admin.get('/v1/locations');
        const reply = await admin.get('/v1/locations', { max: 100000 });
        assert.equal(reply.status, 200, reply.text);
        assert.equal(reply.body.items.length, all.body.items.length);
        assert.equal(reply.headers.get('link'), null);
      });
    });

    describe('reading a location', () => {
      it('given the default location, answers its fields and omits the absent optional ones', async () => {
        const reply = await admin.get(`/v1/locations/${hq.id}`);
        assert.equal(reply.status, 200, reply.text);
        assert.deepEqual(reply.body, {
          id: hq.id,
          name: 'Headquarters',
          orgId,
          address: { address1: '100 Main Street', city: 'Reston', state: 'VA', postalCode: '20190', country: 'US' },
          timeZone: 'America/New_York',
          preferredLanguage: 'en_us',
          announcementLanguage: 'en_us',
        });
        assert.doesNotMatch(reply.text, /null/, 'absent fields are omitted, not null');
      });

      it('given its id with base64 padding or in the standard base64 alphabet, answers the same location', async () => {
        const uri = Buffer.from(hq.id, 'base64url').toString();
        for (const id of [`${hq.id}==`, Buffer.from(uri).toString('base64')]) {
          const reply = await admin.get(`/v1/locations/${encodeURIComponent(id)}`);
          assert.equal(reply.status, 200, reply.text);
          assert.equal(reply.body.id, hq.id, 'answers the unpadded URL-safe form');
        }
      });

      it('given an unknown or malformed id, answers 404', async () => {
        assertWebexError(await admin.get(`/v1/locations/${ghostLocation}`), 404, /Location not found/);
        assertWebexError(await admin.get('/v1/locations/not-a-location-id'), 404);
        const personId = adminPersonId;
        assertWebexError(await admin.get(`/v1/locations/${personId}`), 404, /Location not found/);
      });
    });

    describe('creating a location', () => {
      it('given every field, answers 201 {id} and the location reads back exactly, coordinates as strings', async () => {
        const body = locationBody({
          timeZone: 'Europe/Paris',
          preferredLanguage: 'fr_fr',
          announcementLanguage: 'fr_fr',
          address: { address1: '1 Rue de Rivoli', address2: 'Bâtiment B', city: 'Paris', state: 'IDF', postalCode: '75001', country: 'FR' },
          latitude: 48.8566,
          longitude: -2.3522,
          notes: 'Second floor',
        });
        const reply = await admin.post('/v1/locations', body);
        assert.equal(reply.status, 201, reply.text);
        assert.deepEqual(Object.keys(reply.body), ['id']);
        assert.equal(typeof reply.body.id, 'string');
        const location = await read(reply.body.id);
        assert.deepEqual(location, {
          id: reply.body.id,
          name: body.name,
          orgId,
          address: body.address,
          timeZone: 'Europe/Paris',
          preferredLanguage: 'fr_fr',
          announcementLanguage: 'fr_fr',
          latitude: '48.8566',
          longitude: '-2.3522',
          notes: 'Second floor',
        });
        const listed = await admin.get('/v1/locations', { id: reply.body.id });
        assert.deepEqual(listed.body.items, [location]);
      });

      it('given coordinates as strings, keeps them as given', async () => {
        const reply = await admin.post('/v1/locations', locationBody({ latitude: '30.2672', longitude: '-97.7431' }));
        assert.equal(reply.status, 201, reply.text);
        const location = await read(reply.body.id);
        assert.equal(location.latitude, '30.2672');
        assert.equal(location.longitude, '-97.7431');
      });

      it('given only the required fields, reads back without address2, latitude, longitude or notes', async () => {
        const body = locationBody();
        const { id } = await createLocation(admin, body);
        const location = await read(id);
        assert.deepEqual(location, { id, orgId, ...body });
        for (const absent of ['latitude', 'longitude', 'notes']) assert.ok(!(absent in location), `${absent} is omitted`);
        assert.ok(!('address2' in location.address), 'address2 is omitted');
      });

      for (const field of ['name', 'timeZone', 'preferredLanguage', 'announcementLanguage', 'address']) {
        it(`given no ${field}, answers 400 and creates nothing`, async () => {
          const body: Record<string, unknown> = locationBody();
          delete body[field];
          assertWebexError(await admin.post('/v1/locations', body), 400, new RegExp(field));
          if (field !== 'name') assert.deepEqual(await namesMatching(body.name as string), []);
        });
      }

      for (const field of ['address1', 'city', 'state', 'postalCode', 'country']) {
        it(`given an address without ${field}, answers 400 and creates nothing`, async () => {
          const body = locationBody();
          const address: Record<string, unknown> = { ...body.address };
          delete address[field];
          assertWebexError(await admin.post('/v1/locations', { ...body, address }), 400, new RegExp(field));
          assert.deepEqual(await namesMatching(body.name), []);
        });
      }

      it('given an unknown timeZone, answers 400', async () => {
        const body = locationBody({ timeZone: 'Mars/Olympus_Mons' });
        assertWebexError(await admin.post('/v1/locations', body), 400, /timeZone/);
        assert.deepEqual(await namesMatching(body.name), []);
      });

      it('given a bad preferredLanguage or announcementLanguage code, answers 400', async () => {
        assertWebexError(await admin.post('/v1/locations', locationBody({ preferredLanguage: 'english' })), 400, /preferredLanguage/);
        assertWebexError(await admin.post('/v1/locations', locationBody({ announcementLanguage: 'en-us-x' })), 400, /announcementLanguage/);
        assertWebexError(await admin.post('/v1/locations', locationBody({ announcementLanguage: 'e1_us' })), 400, /announcementLanguage/);
      });

      for (const country of ['USA', 'ZZ', 'U', '12']) {
        it(`given country "${country}", which is not ISO-3166 alpha-2, answers 400`, async () => {
          const body = locationBody();
          const reply = await admin.post('/v1/locations', { ...body, address: { ...body.address, country } });
          assertWebexError(reply, 400, /country/);
          assert.deepEqual(await namesMatching(body.name), []);
        });
      }

      it('given a name of 256 characters, creates it; given 257, answers 400', async () => {
        const prefix = unique('Long');
        const ok = await admin.post('/v1/locations', locationBody({ name: prefix.padEnd(256, 'x') }));
        assert.equal(ok.status, 201, ok.text);
        assert.equal((await read(ok.body.id)).name, prefix.padEnd(256, 'x'));
        const other = unique('Long');
        assertWebexError(await admin.post('/v1/locations', locationBody({ name: other.padEnd(257, 'x') })), 400, /name/);
        assert.deepEqual(await namesMatching(other), []);
      });

      it('given a blank name, answers 400', async () => {
        assertWebexError(await admin.post('/v1/locations', locationBody({ name: '   ' })), 400, /name/);
        assertWebexError(await admin.post('/v1/locations', locationBody({ name: '' })), 400, /name/);
      });

      it('given a blank required address field, answers 400', async () => {
        const body = locationBody();
        assertWebexError(await admin.post('/v1/locations', { ...body, address: { ...body.address, city: '  ' } }), 400, /city/);
        assert.deepEqual(await namesMatching(body.name), []);
      });

      it('given fields of the wrong JSON type, answers 400', async () => {
        assertWebexError(await admin.post('/v1/locations', locationBody({ name: 5 })), 400, /name/);
        assertWebexError(await admin.post('/v1/locations', locationBody({ timeZone: ['America/Chicago'] })), 400, /timeZone/);
        assertWebexError(await admin.post('/v1/locations', locationBody({ address: 'Austin' })), 400, /address/);
        const body = locationBody();
        assertWebexError(await admin.post('/v1/locations', { ...body, address: { ...body.address, postalCode: 78701 } }), 400, /postalCode/);
        assertWebexError(await admin.post('/v1/locations', locationBody({ latitude: true })), 400, /latitude/);
        assertWebexError(await admin.post('/v1/locations', locationBody({ notes: { text: 'x' } })), 400, /notes/);
      });

      it('given a body that is not JSON, answers 400', async () => {
        const reply = await admin.request('POST', '/v1/locations', { rawBody: '{"name": ', headers: { 'content-type': 'application/json' } });
        assertWebexError(reply, 400, /JSON/);
      });

      it('given concurrent creates with the same name, creates exactly one and answers 409 to the others', async () => {
        const name = unique('Race ');
        const replies = await Promise.all(
          Array.from({ length: 6 }, (_, i) => admin.post('/v1/locations', locationBody({ name: i % 2 ? name.toUpperCase() : name }))),
        );
        assert.equal(replies.filter((r) => r.status === 201).length, 1, replies.map((r) => r.text).join('\n'));
        for (const reply of replies.filter((r) => r.status !== 201)) assertWebexError(reply, 409);
        assert.equal((await namesMatching(name)).length, 1);
      });

      it('given the name of an existing location in another case, answers 409 and creates nothing', async () => {
        const name = unique('Dup ');
        await createLocation(admin, { name });
        assertWebexError(await admin.post('/v1/locations', locationBody({ name: name.toUpperCase() })), 409, /already exists/);
        assertWebexError(await admin.post('/v1/locations', locationBody({ name: 'headquarters' })), 409, /already exists/);
        assert.deepEqual(await namesMatching(name), [name]);
      });
    });

    describe('updating a location', () => {
      it('given only a name, answers 204 and changes nothing else', async () => {
        const { id } = await createLocation(admin, { latitude: '1.5', notes: 'keep me' });
        const before = await read(id);
        const name = unique('Renamed ');
        const reply = await admin.put(`/v1/locations/${id}`, { name });
        assert.equal(reply.status, 204, reply.text);
        assert.equal(reply.text, '');
        assert.deepEqual(await read(id), { ...before, name });
      });

      it('given only address.city, answers 204 and keeps the other address fields', async () => {
        const { id } = await createLocation(admin, {
          address: { address1: '1 Test Way', address2: 'Suite 9', city: 'Austin', state: 'TX', postalCode: '78701', country: 'US' },
        });
        const before = await read(id);
        const reply = await admin.put(`/v1/locations/${id}`, { address: { city: 'Dallas' } });
        assert.equal(reply.status, 204, reply.text);
        assert.deepEqual(await read(id), { ...before, address: { ...before.address, city: 'Dallas' } });
      });

      it('given timeZone and preferredLanguage, changes them', async () => {
        const { id } = await createLocation(admin);
        const before = await read(id);
        const reply = await admin.put(`/v1/locations/${id}`, { timeZone: 'America/Denver', preferredLanguage: 'es_es' });
        assert.equal(reply.status, 204, reply.text);
        assert.deepEqual(await read(id), { ...before, timeZone: 'America/Denver', preferredLanguage: 'es_es' });
      });

      it('given the body of its own GET with a new name, answers 204 and changes only the name', async () => {
        const { id } = await createLocation(admin);
        const before = await read(id);
        const name = unique('Roundtrip ');
        const { id: _id, orgId: _orgId, announcementLanguage: _al, ...writable } = before;
        const reply = await admin.put(`/v1/locations/${id}`, { ...writable, name });
        assert.equal(reply.status, 204, reply.text);
        assert.deepEqual(await read(id), { ...before, name });
      });

      it('given a name of exactly 80 characters, when the location is enabled for calling, renames it', async () => {
        const eighty = unique('Eighty').padEnd(80, 'z');
        const reply = await admin.put(`/v1/locations/${hq.id}`, { name: eighty });
        assert.equal(reply.status, 204, reply.text);
        assert.equal((await read(hq.id)).name, eighty);
        assert.equal((await admin.put(`/v1/locations/${hq.id}`, { name: 'Headquarters' })).status, 204);
        assert.equal((await read(hq.id)).name, 'Headquarters');
      });

      it('given a name over 80 characters, when the location is enabled for calling, answers 400; when it is not, renames it', async () => {
        const long = unique('Eighty').padEnd(81, 'y');
        assertWebexError(await admin.put(`/v1/locations/${hq.id}`, { name: long }), 400, /80/);
        assert.equal((await read(hq.id)).name, 'Headquarters');
        const { id } = await createLocation(admin);
        const reply = await admin.put(`/v1/locations/${id}`, { name: long });
        assert.equal(reply.status, 204, reply.text);
        assert.equal((await read(id)).name, long);
      });

      it('given a new country, when the location is enabled for calling, answers 400 and keeps the country', async () => {
        const before = await read(hq.id);
        assertWebexError(await admin.put(`/v1/locations/${hq.id}`, { address: { country: 'CA' } }), 400, /country/);
        assert.deepEqual(await read(hq.id), before);
      });

      it('given a new country, when the location is not enabled for calling, changes it', async () => {
        const { id } = await createLocation(admin);
        const reply = await admin.put(`/v1/locations/${id}`, { address: { country: 'CA', state: 'ON', city: 'Toronto' } });
        assert.equal(reply.status, 204, reply.text);
        const after = await read(id);
        assert.equal(after.address.country, 'CA');
        assert.equal(after.address.city, 'Toronto');
      });

      it('given invalid values, answers 400 and changes nothing', async () => {
        const { id } = await createLocation(admin);
        const before = await read(id);
        assertWebexError(await admin.put(`/v1/locations/${id}`, { name: '  ' }), 400, /name/);
        assertWebexError(await admin.put(`/v1/locations/${id}`, { name: 5 }), 400, /name/);
        assertWebexError(await admin.put(`/v1/locations/${id}`, { name: 'x'.repeat(257) }), 400, /name/);
        assertWebexError(await admin.put(`/v1/locations/${id}`, { timeZone: 'Nowhere/Land' }), 400, /timeZone/);
        assertWebexError(await admin.put(`/v1/locations/${id}`, { preferredLanguage: 'english' }), 400, /preferredLanguage/);
        assertWebexError(await admin.put(`/v1/locations/${id}`, { address: { country: 'XX' } }), 400, /country/);
        assertWebexError(await admin.put(`/v1/locations/${id}`, { address: { city: '' } }), 400, /city/);
        assert.deepEqual(await read(id), before);
      });

      it('given the name of another location in another case, answers 409 and keeps the name', async () => {
        const taken = unique('Taken ');
        await createLocation(admin, { name: taken });
        const { id } = await createLocation(admin);
        const before = await read(id);
        assertWebexError(await admin.put(`/v1/locations/${id}`, { name: taken.toLowerCase() }), 409, /already exists/);
        assert.deepEqual(await read(id), before);
      });

      it('given an unknown location, answers 404', async () => {
        assertWebexError(await admin.put(`/v1/locations/${ghostLocation}`, { name: unique('Ghost ') }), 404, /Location not found/);
      });
    });

    describe('deleting a location', () => {
      it('given a fresh location, answers 204 and the location is gone', async () => {
        const { id } = await createLocation(admin);
        const reply = await admin.delete(`/v1/locations/${id}`);
        assert.equal(reply.status, 204, reply.text);
        assert.equal(reply.text, '');
        assertWebexError(await admin.get(`/v1/locations/${id}`), 404);
        assert.deepEqual((await admin.get('/v1/locations', { id })).body.items, []);
        assertWebexError(await admin.delete(`/v1/locations/${id}`), 404);
      });

      it('given a deleted location’s name, when creating a new location with it, then succeeds', async () => {
        const name = unique('Reused ');
        const { id } = await createLocation(admin, { name });
        assert.equal((await admin.delete(`/v1/locations/${id}`)).status, 204);
        const again = await admin.post('/v1/locations', locationBody({ name }));
        assert.equal(again.status, 201, again.text);
      });

      it('given the default location, answers 409 and keeps it', async () => {
        assertWebexError(await admin.delete(`/v1/locations/${hq.id}`), 409, /cannot be deleted/);
        assert.equal((await read(hq.id)).name, 'Headquarters');
      });

      it('given an unknown location, answers 404', async () => {
        assertWebexError(await admin.delete(`/v1/locations/${ghostLocation}`), 404, /Location not found/);
      });
    });

    describe('isolation and scopes', () => {
      it('given another organization’s location, answers 404 on GET, PUT and DELETE and leaves it alone', async () => {
        const other = await createOrganization(server.anonymous);
        const theirs = await createLocation(other.admin);
        const theirsBefore = (await other.admin.get(`/v1/locations/${theirs.id}`)).body;
        assertWebexError(await admin.get(`/v1/locations/${theirs.id}`), 404);
        assertWebexError(await admin.put(`/v1/locations/${theirs.id}`, { name: unique('Hijack ') }), 404);
        assertWebexError(await admin.delete(`/v1/locations/${theirs.id}`), 404);
        assert.deepEqual((await admin.get('/v1/locations', { id: theirs.id })).body.items, []);
        const after = await other.admin.get(`/v1/locations/${theirs.id}`);
        assert.equal(after.status, 200, after.text);
        assert.deepEqual(after.body, theirsBefore);
        assert.ok(!(await namesMatching(theirsBefore.name)).includes(theirsBefore.name));
      });

      it('given another organization, its default location is also named Headquarters without clashing with ours', async () => {
        const other = await createOrganization(server.anonymous);
        const theirHq = await defaultLocation(other.admin);
        assert.equal(theirHq.name, 'Headquarters');
        assert.notEqual(theirHq.id, hq.id);
        assert.deepEqual(await namesMatching('Headquarters'), ['Headquarters']);
      });

      it('given orgId of another organization, answers 403 on every operation', async () => {
        const other = await createOrganization(server.anonymous);
        const ours = await createLocation(admin);
        const query = { orgId: other.orgId };
        assertWebexError(await admin.get('/v1/locations', query), 403);
        assertWebexError(await admin.get(`/v1/locations/${ours.id}`, query), 403);
        assertWebexError(await admin.post('/v1/locations', locationBody(), query), 403);
        assertWebexError(await admin.put(`/v1/locations/${ours.id}`, { name: unique('X ') }, query), 403);
        assertWebexError(await admin.delete(`/v1/locations/${ours.id}`, undefined, query), 403);
        assert.equal((await admin.get(`/v1/locations/${ours.id}`)).status, 200);
      });

      it('given orgId of its own organization, answers as without it', async () => {
        const reply = await admin.get('/v1/locations', { orgId });
        assert.equal(reply.status, 200, reply.text);
        assert.deepEqual(reply.body, (await admin.get('/v1/locations')).body);
      });

      for (const scope of ['spark-admin:locations_read', 'spark-admin:people_read', 'spark-admin:device_read']) {
        it(`given a token with only ${scope}, reads locations but cannot write them`, async () => {
          const reader = await clientWithScopes(admin, adminPersonId, [scope]);
          const list = await reader.get('/v1/locations');
          assert.equal(list.status, 200, list.text);
          assert.ok(list.body.items.some((l: { id: string }) => l.id === hq.id));
          const one = await reader.get(`/v1/locations/${hq.id}`);
          assert.equal(one.status, 200, one.text);
          const body = locationBody();
          assertWebexError(await reader.post('/v1/locations', body), 403);
          assert.deepEqual(await namesMatching(body.name), []);
          const ours = await createLocation(admin);
          assertWebexError(await reader.put(`/v1/locations/${ours.id}`, { name: unique('X ') }), 403);
          assertWebexError(await reader.delete(`/v1/locations/${ours.id}`), 403);
          assert.equal((await admin.get(`/v1/locations/${ours.id}`)).status, 200);
        });
      }

      it('given a token without any locations read scope, answers 403 on reads', async () => {
        const other = await clientWithScopes(admin, adminPersonId, ['spark-admin:telephony_config_read', 'spark-admin:licenses_read']);
        assertWebexError(await other.get('/v1/locations'), 403);
        assertWebexError(await other.get(`/v1/locations/${hq.id}`), 403);
      });

      it('given a token with spark-admin:locations_write, creates, updates and deletes', async () => {
        const writer = await clientWithScopes(admin, adminPersonId, ['spark-admin:locations_write', 'spark-admin:locations_read']);
        const created = await writer.post('/v1/locations', locationBody());
        assert.equal(created.status, 201, created.text);
        const updated = await writer.put(`/v1/locations/${created.body.id}`, { name: unique('Writer ') });
        assert.equal(updated.status, 204, updated.text);
        const deleted = await writer.delete(`/v1/locations/${created.body.id}`);
        assert.equal(deleted.status, 204, deleted.text);
      });

      it('given no token or an unknown token, answers 401', async () => {
        for (const client of [server.anonymous, server.anonymous.withToken('not-a-real-token')]) {
          assertWebexError(await client.get('/v1/locations'), 401);
          assertWebexError(await client.get(`/v1/locations/${hq.id}`), 401);
          assertWebexError(await client.post('/v1/locations', locationBody()), 401);
          assertWebexError(await client.put(`/v1/locations/${hq.id}`, { name: 'X' }), 401);
          assertWebexError(await client.delete(`/v1/locations/${hq.id}`), 401);
        }
      });
    });
  });
}
