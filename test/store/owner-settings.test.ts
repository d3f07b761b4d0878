import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { dialects, testDatabase, type TestDatabase } from '../support/dialects.ts';

// Settings documents in the store, on every dialect: one row per (organization, owner, setting),
// replaced whole by a put, forgotten with the owner and with the organization.

const now = () => new Date().toISOString();

for (const dialect of dialects) {
  describe(`owner settings store (${dialect})`, () => {
    let database: TestDatabase;
    let store: Store;
    const orgId = randomUUID();
    const otherOrg = randomUUID();

    before(async () => {
      database = testDatabase(dialect);
      store = await openStore(database.config);
      for (const id of [orgId, otherOrg]) await store.organizations.insert({ id, displayName: 'Settings', created: now(), defaultLocationId: null });
    });
    after(async () => {
      await store.close();
      await database.drop();
    });

    it('a put stores the document, a second put replaces it, and each owner and organization has its own', async () => {
      const owner = { orgId, kind: 'person' as const, id: randomUUID() };
      assert.equal(await store.ownerSettings.get(owner, 'callWaiting'), undefined);
      await store.ownerSettings.put(owner, 'callWaiting', '{"enabled":false}', now());
      await store.ownerSettings.put(owner, 'callWaiting', '{"enabled":true}', now());
      await store.ownerSettings.put(owner, 'doNotDisturb', '{"enabled":true}', now());
      assert.equal(await store.ownerSettings.get(owner, 'callWaiting'), '{"enabled":true}');
      assert.deepEqual([...(await store.ownerSettings.all(owner)).keys()].sort(), ['callWaiting', 'doNotDisturb']);
      assert.equal(await store.ownerSettings.get({ ...owner, orgId: otherOrg }, 'callWaiting'), undefined, 'another organization');
      assert.equal(await store.ownerSettings.get({ ...owner, id: randomUUID() }, 'callWaiting'), undefined, 'another owner');
    });

    it('deleting an owner forgets their documents only; a put in a transaction that fails leaves nothing', async () => {
      const a = { orgId, kind: 'person' as const, id: randomUUID() };
      const b = { orgId, kind: 'person' as const, id: randomUUID() };
      await store.ownerSettings.put(a, 'hoteling', '{"enabled":true}', now());
      await store.ownerSettings.put(b, 'hoteling', '{"enabled":true}', now());
      await store.ownerSettings.deleteOwner(a);
      assert.equal((await store.ownerSettings.all(a)).size, 0);
      assert.equal((await store.ownerSettings.all(b)).size, 1);
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.ownerSettings.put(a, 'hoteling', '{"enabled":false}', now());
          throw new Error('rolled back');
        }),
      );
      assert.equal(await store.ownerSettings.get(a, 'hoteling'), undefined);
    });

    it('a transaction reads several owners\' documents at once, each answered as its own, and its writes are read back at once', async () => {
      const person = { orgId, kind: 'person' as const, id: randomUUID() };
      const location = { orgId, kind: 'location' as const, id: randomUUID() };
      const organization = { orgId, kind: 'organization' as const, id: orgId };
      const empty = { orgId, kind: 'workspace' as const, id: randomUUID() };
      const elsewhere = { orgId: otherOrg, kind: 'person' as const, id: person.id };
      await store.ownerSettings.put(person, 'intercept', '{"person":true}', now());
      await store.ownerSettings.put(person, 'callWaiting', '{"enabled":true}', now());
      await store.ownerSettings.put(location, 'intercept', '{"location":true}', now());
      await store.ownerSettings.put(organization, 'intercept', '{"organization":true}', now());
      await store.ownerSettings.put(elsewhere, 'intercept', '{"elsewhere":true}', now());
      await store.transaction(async (tx) => {
        tx.ownerSettings.rememberInTransaction();
        await tx.ownerSettings.rememberOwners([person, location, organization, empty, elsewhere, person]);
        assert.equal(await tx.ownerSettings.get(person, 'intercept'), '{"person":true}');
        assert.deepEqual([...(await tx.ownerSettings.all(person)).keys()].sort(), ['callWaiting', 'intercept']);
        assert.equal(await tx.ownerSettings.get(location, 'intercept'), '{"location":true}');
        assert.equal(await tx.ownerSettings.get(organization, 'intercept'), '{"organization":true}');
        assert.equal((await tx.ownerSettings.all(empty)).size, 0);
        assert.equal(await tx.ownerSettings.get(elsewhere, 'intercept'), '{"elsewhere":true}', 'another organization, read apart');
        await tx.ownerSettings.put(location, 'intercept', '{"location":false}', now());
        await tx.ownerSettings.rememberOwners([location]);
        assert.equal(await tx.ownerSettings.get(location, 'intercept'), '{"location":false}', 'after a put');
        await tx.ownerSettings.put(empty, 'hoteling', '{"enabled":true}', now());
        assert.equal(await tx.ownerSettings.get(empty, 'hoteling'), '{"enabled":true}', 'after a put to an owner read empty');
      });
      // Nothing outlives the transaction; outside one, rememberOwners reads nothing ahead.
      await store.ownerSettings.put(person, 'intercept', '{"person":false}', now());
      await store.transaction(async (tx) => {
        tx.ownerSettings.rememberInTransaction();
        await tx.ownerSettings.rememberOwners([person]);
        assert.equal(await tx.ownerSettings.get(person, 'intercept'), '{"person":false}');
      });
      await store.ownerSettings.rememberOwners([person]);
      await store.ownerSettings.put(person, 'intercept', '{"person":"again"}', now());
      assert.equal(await store.ownerSettings.get(person, 'intercept'), '{"person":"again"}');
    });

    it('a transaction that remembers what it read answers from it, and its own writes are read back at once', async () => {
      const owner = { orgId, kind: 'person' as const, id: randomUUID() };
      await store.ownerSettings.put(owner, 'callWaiting', '{"enabled":true}', now());
      await store.transaction(async (tx) => {
        tx.ownerSettings.rememberInTransaction();
        assert.equal(await tx.ownerSettings.get(owner, 'callWaiting'), '{"enabled":true}');
        assert.equal(await tx.ownerSettings.get(owner, 'doNotDisturb'), undefined);
        const all = await tx.ownerSettings.all(owner);
        all.set('changed', 'by the caller');
        assert.equal(await tx.ownerSettings.get(owner, 'changed'), undefined, 'the map all() gave is a copy');
        await tx.ownerSettings.put(owner, 'doNotDisturb', '{"enabled":true}', now());
        assert.equal(await tx.ownerSettings.get(owner, 'doNotDisturb'), '{"enabled":true}', 'after a put');
        await tx.ownerSettings.deleteSetting(owner, 'callWaiting');
        assert.equal(await tx.ownerSettings.get(owner, 'callWaiting'), undefined, 'after a delete');
        await tx.ownerSettings.deleteOwner(owner);
        assert.equal((await tx.ownerSettings.all(owner)).size, 0, 'after the owner is forgotten');
      });
      // Outside a transaction nothing is remembered: each read is the store's.
      store.ownerSettings.rememberInTransaction();
      await store.ownerSettings.put(owner, 'hoteling', '{"enabled":true}', now());
      assert.equal(await store.ownerSettings.get(owner, 'hoteling'), '{"enabled":true}');
      await store.transaction((tx) => tx.ownerSettings.put(owner, 'hoteling', '{"enabled":false}', now()));
      assert.equal(await store.ownerSettings.get(owner, 'hoteling'), '{"enabled":false}');
    });
  });
}
