import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { Client } from '../support/client.ts';
import { dialects, testDatabase } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createPerson } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// The answers of the hottest reads are kept while the store has not changed (src/http/read-cache.ts,
// SQLite only): every change must show on the very next read, whoever made it, and a token only
// ever gets its own answers.

for (const dialect of dialects) {
  describe(`Reads kept while the store is unchanged (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(dialect);
    });
    after(() => server.close());

    it('given a person read twice, when the person changes, then the next read shows the change, with its own TrackingID', async () => {
      const person = await createPerson(server.admin);
      const first = await server.admin.get(`/v1/people/${person.id}`);
      const second = await server.admin.get(`/v1/people/${person.id}`);
      assert.equal(second.status, 200);
      assert.deepEqual(second.body, first.body);
      assert.notEqual(second.headers.get('trackingid'), first.headers.get('trackingid'));
      const changed = await server.admin.put(`/v1/people/${person.id}`, { ...first.body, displayName: 'Renamed Person' });
      assert.equal(changed.status, 200, changed.text);
      assert.equal((await server.admin.get(`/v1/people/${person.id}`)).body.displayName, 'Renamed Person');
    });

    it('given the list read by an administrator, a person with a user token gets their own answer, not the administrator’s', async () => {
      const person = await createPerson(server.admin);
      const user = await clientWithScopes(server.admin, person.id, ['spark:people_read']);
      const path = `/v1/people/${person.id}`;
      const asAdmin = await server.admin.get(path);
      const asUser = await user.get(path);
      assert.equal(asUser.status, 200);
      // Licenses are an administrator's view only.
      assert.ok(asAdmin.body.licenses);
      assert.equal(asUser.body.licenses, undefined);
      assert.ok((await server.admin.get(path)).body.licenses);
    });

    it('given a page with a Link header, the kept answer keeps it, and a deleted person leaves the list at once', async () => {
      const a = await createPerson(server.admin);
      await createPerson(server.admin);
      const page = await server.admin.get('/v1/people', { max: 1 });
      const again = await server.admin.get('/v1/people', { max: 1 });
      assert.ok(page.headers.get('link'));
      assert.equal(again.headers.get('link'), page.headers.get('link'));
      const all = async () => (await server.admin.get('/v1/people', { max: 1000 })).body.items.map((p: { id: string }) => p.id);
      assert.ok((await all()).includes(a.id));
      assert.equal((await server.admin.delete(`/v1/people/${a.id}`)).status, 204);
      assert.ok(!(await all()).includes(a.id));
      assertWebexError(await server.admin.get(`/v1/people/${a.id}`), 404);
    });

    it('given a location’s calling details read twice, when they change, then the next read shows the change', async () => {
      const location = (await server.admin.get('/v1/locations')).body.items[0];
      const path = `/v1/telephony/config/locations/${location.id}`;
      const first = await server.admin.get(path);
      assert.equal(first.status, 200, first.text);
      assert.deepEqual((await server.admin.get(path)).body, first.body);
      const changed = await server.admin.put(path, { callingLineId: { name: 'Front Desk Line' } });
      assert.equal(changed.status, 204, changed.text);
      assert.equal((await server.admin.get(path)).body.callingLineId.name, 'Front Desk Line');
    });
  });
}

describe('What counts as a change of the SQLite store', () => {
  it('given an idle server whose webhook worker looks for work every 100 ms, its read-only passes are not counted as writes, so kept answers stay kept', async () => {
    const server = await startServer('sqlite');
    try {
      // A webhook makes the worker's passes real ones (fan-out under its lock row, then a claim).
      const created = await server.admin.post('/v1/webhooks', { name: 'idle', targetUrl: 'http://127.0.0.1:9/hook', resource: 'telephony_calls', event: 'all' });
      assert.equal(created.status, 200, created.text);
      const before = await server.app.store.changeMark();
      assert.equal(typeof before, 'number');
      await new Promise((ok) => setTimeout(ok, 450));
      assert.equal(await server.app.store.changeMark(), before);
      // A write still counts.
      await createPerson(server.admin);
      assert.ok((await server.app.store.changeMark())! > before!);
    } finally {
      await server.close();
    }
  });
});

for (const dialect of dialects) {
  describe(`Reads kept while the store is unchanged, with two servers on one store (${dialect})`, () => {
    const database = testDatabase(dialect, { file: true });
    const apps: Awaited<ReturnType<typeof buildApp>>[] = [];
    after(async () => {
      for (const app of apps) await app.close();
      await database.drop();
    });

    it('given a location read twice through one server, when another server on the same store renames it, then the first shows the new name at once', async () => {
      const adminToken = 'read-cache-operator-token-0123456789';
      const config = { ...loadConfig({ PORT: '0', CALLPLANE_ADMIN_TOKEN: adminToken, LOG_LEVEL: 'silent' }), database: database.config };
      apps.push(await buildApp(config));
      apps.push(await buildApp(config));
      const [one, two] = await Promise.all(apps.map(async (app) => new Client(await app.listen()).withToken(adminToken)));
      const location = (await one!.get('/v1/locations')).body.items[0];
      assert.ok(location, 'the demo organization has a location');
      assert.equal((await one!.get(`/v1/locations/${location.id}`)).body.name, location.name);
      assert.equal((await one!.get(`/v1/locations/${location.id}`)).body.name, location.name);
      const renamed = await two!.put(`/v1/locations/${location.id}`, { name: 'Renamed elsewhere' });
      assert.ok(renamed.status === 200 || renamed.status === 204, renamed.text);
      assert.equal((await one!.get(`/v1/locations/${location.id}`)).body.name, 'Renamed elsewhere');
    });
  });
}
