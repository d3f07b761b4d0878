import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { CallNotification } from '../../src/store/call-notifications-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { dialects, testDatabase, type TestDatabase } from '../support/dialects.ts';

// Call notify's outbox in the store, on every dialect: listed newest first, per organization and
// per owner, at most `max`; forgotten with the organization.

const email = (orgId: string, ownerId: string, created: string): CallNotification => ({
  id: randomUUID(),
  orgId,
  ownerKind: 'person',
  ownerId,
  emailAddress: 'someone@example.com',
  subject: 'Call from +14155550123',
  body: 'Someone received a call from +14155550123.',
  callerName: null,
  callerNumber: '+14155550123',
  sessionId: randomUUID(),
  created,
});

for (const dialect of dialects) {
  describe(`call notifications store (${dialect})`, () => {
    let database: TestDatabase;
    let store: Store;
    const orgId = randomUUID();
    const otherOrg = randomUUID();

    before(async () => {
      database = testDatabase(dialect);
      store = await openStore(database.config);
      for (const id of [orgId, otherOrg]) await store.organizations.insert({ id, displayName: 'Notify', created: new Date().toISOString(), defaultLocationId: null });
    });
    after(async () => {
      await store.close();
      await database.drop();
    });

    it('lists an organization’s emails newest first, one owner’s with ownerId, at most max; another organization’s never', async () => {
      const [alex, blair] = [randomUUID(), randomUUID()];
      const first = email(orgId, alex, '2026-01-07T15:00:00.000Z');
      const second = email(orgId, blair, '2026-01-07T15:01:00.000Z');
      const third = email(orgId, alex, '2026-01-07T15:02:00.000Z');
      for (const n of [second, first, third]) await store.callNotifications.insert(n);
      await store.callNotifications.insert(email(otherOrg, alex, '2026-01-07T15:03:00.000Z'));
      assert.deepEqual((await store.callNotifications.list(orgId, { max: 10 })).map((n) => n.id), [third.id, second.id, first.id]);
      assert.deepEqual(await store.callNotifications.list(orgId, { ownerId: alex, max: 10 }), [third, first]);
      assert.deepEqual((await store.callNotifications.list(orgId, { max: 1 })).map((n) => n.id), [third.id]);
      assert.equal((await store.callNotifications.list(otherOrg, { max: 10 })).length, 1);
    });

    it('an organization deleted takes its emails with it', async () => {
      const gone = randomUUID();
      await store.organizations.insert({ id: gone, displayName: 'Gone', created: new Date().toISOString(), defaultLocationId: null });
      await store.callNotifications.insert(email(gone, randomUUID(), '2026-01-07T15:00:00.000Z'));
      await store.snapshots.clear({ kind: 'organization', orgId: gone });
      assert.deepEqual(await store.callNotifications.list(gone, { max: 10 }), []);
    });
  });
}
