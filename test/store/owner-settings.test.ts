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
