import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { openStore } from '../../src/store/open-store.ts';
import type { OutboxListener, Store } from '../../src/store/store.ts';
import { dialects, testDatabase, type TestDatabase } from '../support/dialects.ts';

// Outbox signals (Store.signalOutbox, Store.listenOutbox): on PostgreSQL a commit that wrote
// webhook events wakes the other processes on its schema, and only them, and only once committed.

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const dialect of dialects) {
  describe(`Outbox signals (${dialect})`, () => {
    const databases: TestDatabase[] = [];
    const stores: Store[] = [];
    const listeners: OutboxListener[] = [];
    let here: Store;
    let neighbour: Store;
    let elsewhere: Store;
    before(async () => {
      const shared = testDatabase(dialect, { file: true });
      const other = testDatabase(dialect, { file: true });
      databases.push(shared, other);
      here = await openStore(shared.config);
      stores.push(here);
      neighbour = await openStore(shared.config);
      stores.push(neighbour);
      elsewhere = await openStore(other.config);
      stores.push(elsewhere);
    });
    after(async () => {
      for (const listener of listeners) await listener.close();
      for (const store of stores) await store.close();
      for (const database of databases) await database.drop();
    });

    it('given a listener, it hears the other stores (processes) on its schema once they commit, not its own nor another schema’s', async () => {
      const heard: string[] = [];
      const errors: unknown[] = [];
      const listener = await here.listenOutbox(
        () => heard.push('signal'),
        (error) => errors.push(error),
      );
      if (dialect === 'sqlite') {
        // One process: nothing to hear, nothing sent.
        assert.equal(listener, undefined);
        await here.transaction((tx) => tx.signalOutbox());
        return;
      }
      assert.ok(listener);
      listeners.push(listener);
      await elsewhere.transaction((tx) => tx.signalOutbox());
      await here.transaction((tx) => tx.signalOutbox());
      await pause(100);
      assert.deepEqual(heard, [], 'neither another schema nor this process');
      let commit!: () => void;
      const committing = neighbour.transaction(async (tx) => {
        await tx.signalOutbox();
        await new Promise<void>((resolve) => (commit = resolve));
      });
      await pause(100);
      assert.deepEqual(heard, [], 'nothing before the commit');
      const at = Date.now();
      commit();
      await committing;
      while (heard.length === 0 && Date.now() - at < 2000) await pause(2);
      assert.deepEqual(heard, ['signal']);
      // Rolled back: never heard.
      await neighbour.transaction(async (tx) => {
        await tx.signalOutbox();
        throw new Error('rolled back');
      }).catch(() => {});
      await pause(100);
      assert.deepEqual(heard, ['signal']);
      assert.deepEqual(errors, []);
    });

    if (dialect === 'postgres') {
      it('given a listener whose connection dies, its owner hears the error once, and closing it does not wait', async () => {
        const errors: unknown[] = [];
        const listener = await here.listenOutbox(
          () => {},
          (error) => errors.push(error),
        );
        assert.ok(listener);
        const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
        await admin.connect();
        try {
          // This schema's listening connections only (the other tests' are theirs).
          const schema = databases[0]!.config.kind === 'postgres' ? databases[0]!.config.schema : undefined;
          const { rows } = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [`callplane outbox ${schema}`]);
          assert.ok(rows.length >= 1);
        } finally {
          await admin.end();
        }
        const at = Date.now();
        while (errors.length === 0 && Date.now() - at < 2000) await pause(5);
        assert.equal(errors.length, 1);
        const closing = Date.now();
        await listener.close();
        assert.ok(Date.now() - closing < 1500);
      });
    }
  });
}
