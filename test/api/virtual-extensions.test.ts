import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingUser, defaultLocation, freeExtension, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const BASE = '/v1/telephony/config/virtualExtensions';
const RANGES = '/v1/telephony/config/virtualExtensionRanges';

for (const dialect of dialects) {
  describe(`Features: Virtual Extensions API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };

    const create = async (body: Record<string, unknown>) => {
      const reply = await admin.post(BASE, { displayName: unique('Field tech '), phoneNumber: '+14085550100', extension: freeExtension(), ...body });
      assert.equal(reply.status, 201, reply.text);
      return reply.body.id as string;
    };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
    });
    after(() => server.close());

    it('creates virtual extensions at the location and the organization level, and shows them', async () => {
      const extension = freeExtension();
      const id = await create({ extension, firstName: 'Pat', lastName: 'Field', displayName: 'Pat Field', phoneNumber: '+14085550101', locationId: hq.id });
      assert.match(Buffer.from(id, 'base64url').toString(), /VIRTUAL_EXTENSION\//);
      const v = (await admin.get(`${BASE}/${id}`)).body;
      assert.equal(v.extension, extension);
      assert.equal(v.phoneNumber, '+14085550101');
      assert.equal(v.level, 'LOCATION');
      assert.equal(v.locationId, hq.id);
      assert.equal(v.locationName, hq.name);
      assert.equal(v.esn, `${v.routingPrefix ?? ''}${extension}`);
      const org = await create({ displayName: 'Org wide' });
      const o = (await admin.get(`${BASE}/${org}`)).body;
      assert.equal(o.level, 'ORGANIZATION');
      assert.equal(o.locationId, undefined);
      const list = await admin.get(BASE, { locationId: hq.id });
      assert.ok(list.body.virtualExtensions.some((x: { id: string }) => x.id === id));
      assert.ok(!list.body.virtualExtensions.some((x: { id: string }) => x.id === org));
      const orgOnly = await admin.get(BASE, { orgLevelOnly: true });
      assert.deepEqual(orgOnly.body.virtualExtensions.filter((x: { id: string }) => x.id === id || x.id === org).map((x: { id: string }) => x.id), [org]);
    });

    it('updates (204) and deletes (204, then 404)', async () => {
      const id = await create({ locationId: hq.id });
      assert.equal((await admin.put(`${BASE}/${id}`, { displayName: 'Renamed', phoneNumber: '4085550199' })).status, 204);
      const v = (await admin.get(`${BASE}/${id}`)).body;
      assert.equal(v.displayName, 'Renamed');
      assert.equal(v.phoneNumber, '+14085550199');
      assert.equal((await admin.delete(`${BASE}/${id}`)).status, 204);
      assertWebexError(await admin.get(`${BASE}/${id}`), 404);
      assertWebexError(await admin.delete(`${BASE}/${id}`), 404);
    });

    it('refuses bad numbers and extensions (400) and extensions in use (409)', async () => {
      assertWebexError(await admin.post(BASE, { displayName: 'X', phoneNumber: 'nope', extension: freeExtension() }), 400, /phoneNumber/);
      assertWebexError(await admin.post(BASE, { displayName: 'X', phoneNumber: '+14085550100', extension: '1' }), 400, /extension/);
      assertWebexError(await admin.post(BASE, { displayName: '', phoneNumber: '+14085550100', extension: freeExtension() }), 400, /displayName/);
      const extension = freeExtension();
      await create({ extension, locationId: hq.id });
      assertWebexError(await admin.post(BASE, { displayName: 'X', phoneNumber: '+14085550100', extension, locationId: hq.id }), 409);
      // A person of the location may not take it either, nor may the virtual extension take a person's.
      const person = await createCallingUser(admin);
      assertWebexError(await admin.put(`/v1/people/${person.id}`, { ...(await admin.get(`/v1/people/${person.id}`)).body, extension }, { callingData: true }), 409);
      const personExtension = (await admin.get(`/v1/people/${person.id}`, { callingData: true })).body.extension;
      assertWebexError(await admin.post(BASE, { displayName: 'X', phoneNumber: '+14085550100', extension: personExtension, locationId: hq.id }), 409);
    });

    it('validates external numbers: OK for external E.164 numbers, ERRORS otherwise', async () => {
      const ok = await admin.post(`${BASE}/actions/validateNumbers/invoke`, { phoneNumbers: ['+14085550100', '4085550101'] });
      assert.equal(ok.status, 200, ok.text);
      assert.deepEqual(ok.body, { status: 'OK' });
      assert.deepEqual((await admin.post(`${BASE}/actions/validateNumbers/invoke`, { phoneNumbers: ['12'] })).body, { status: 'ERRORS' });
      assertWebexError(await admin.post(`${BASE}/actions/validateNumbers/invoke`, { phoneNumbers: [] }), 400);
    });

    it('reads and sets the organization\'s mode (STANDARD)', async () => {
      assert.deepEqual((await admin.get(`${BASE}/settings`)).body, { mode: 'STANDARD' });
      assert.equal((await admin.put(`${BASE}/settings`, { mode: 'STANDARD' })).status, 204);
      assertWebexError(await admin.put(`${BASE}/settings`, { mode: 'HYBRID' }), 400);
    });

    it('keeps ranges: create, read, add/remove/replace patterns, list, validate, delete', async () => {
      const name = unique('Branch ');
      const created = await admin.post(RANGES, { name, prefix: '+1214555', patterns: ['2XXX'], locationId: hq.id });
      assert.equal(created.status, 201, created.text);
      const url = `${RANGES}/${created.body.id}`;
      assert.deepEqual((await admin.get(url)).body, { id: created.body.id, name, prefix: '+1214555', patterns: ['2XXX'], locationName: hq.name });
      assert.equal((await admin.put(url, { patterns: ['3XXX'], action: 'ADD' })).status, 204);
      assert.deepEqual((await admin.get(url)).body.patterns, ['2XXX', '3XXX']);
      assert.equal((await admin.put(url, { patterns: ['2XXX'], action: 'REMOVE' })).status, 204);
      assert.deepEqual((await admin.get(url)).body.patterns, ['3XXX']);
      assert.equal((await admin.put(url, { patterns: ['4XXX'] })).status, 204);
      assert.deepEqual((await admin.get(url)).body.patterns, ['4XXX']);
      const list = await admin.get(RANGES, { locationId: hq.id, name });
      assert.deepEqual(list.body.virtualExtensionRanges.map((r: { id: string; level: string }) => [r.id, r.level]), [[created.body.id, 'LOCATION']]);
      assertWebexError(await admin.post(RANGES, { name, prefix: '+1214555', patterns: ['5XXX'], locationId: hq.id }), 409);
      assertWebexError(await admin.post(RANGES, { name: 'Bad', prefix: '1214', patterns: [] }), 400, /Prefix/);
      assertWebexError(await admin.post(RANGES, { name: 'Bad', prefix: '+1214', patterns: ['X1'] }), 400, /Pattern/);
      const valid = await admin.post(`${RANGES}/actions/validate/invoke`, { name: unique('New '), prefix: '+1214', patterns: ['2XXX'] });
      assert.equal(valid.status, 200, valid.text);
      assert.deepEqual(valid.body, { status: 'OK' });
      const invalid = await admin.post(`${RANGES}/actions/validate/invoke`, { locationId: hq.id, name, prefix: 'x', patterns: ['2XXX', '2XXX', 'no'] });
      assert.equal(invalid.body.status, 'ERRORS');
      assert.deepEqual(invalid.body.virtualExtensionRangeValidationStatus.map((p: { status: string }) => p.status).sort(), ['DUPLICATE', 'DUPLICATE_IN_LIST', 'INVALID', 'INVALID']);
      assert.equal((await admin.delete(url)).status, 204);
      assertWebexError(await admin.get(url), 404);
    });
  });
}
