import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TransactionMemo } from '../../src/store/repositories/context.ts';

// What a repository remembers for one transaction (locations, owner settings): the stores' own
// tests (store.test.ts, owner-settings.test.ts) check it on both dialects; here, the read under
// way when a write forgets, which a real store cannot hold back at will.

describe('TransactionMemo', () => {
  it('remembers a read once started, answers from it, and loads again after forget', async () => {
    const memo = new TransactionMemo<string | undefined>(true);
    let loads = 0;
    const load = async () => `v${++loads}`;
    assert.equal(await memo.read('a', load), 'v1');
    assert.equal(await memo.read('a', load), 'v2', 'not started: nothing remembered');
    memo.start();
    assert.equal(await memo.read('a', load), 'v3');
    assert.equal(await memo.read('a', load), 'v3');
    assert.equal(await memo.read('b', async () => undefined), undefined);
    assert.equal(await memo.read('b', load), undefined, 'an absent row is remembered too');
    memo.forget('a');
    assert.equal(await memo.read('a', load), 'v4');
    memo.forget();
    assert.equal(await memo.read('b', load), 'v5');
  });

  it('does not keep a read that was under way when a write forgot', async () => {
    const memo = new TransactionMemo<string>(true);
    memo.start();
    let release!: (value: string) => void;
    const reading = memo.read('a', () => new Promise<string>((resolve) => (release = resolve)));
    memo.forget('a');
    release('as it was before the write');
    assert.equal(await reading, 'as it was before the write');
    assert.equal(await memo.read('a', async () => 'after the write'), 'after the write');
  });

  it('reads the keys not yet remembered at once, and keeps none of them when a write forgot meanwhile', async () => {
    const memo = new TransactionMemo<string | undefined>(true);
    memo.start();
    await memo.read('a', async () => 'a1');
    const asked: string[][] = [];
    await memo.readAll(['a', 'b', 'c', 'b'], async (missing) => (asked.push(missing), new Map([['b', 'b1']])));
    assert.deepEqual(asked, [['b', 'c']]);
    assert.equal(await memo.read('b', async () => 'not read'), 'b1');
    assert.equal(await memo.read('c', async () => 'not read'), undefined, 'a key load left out is remembered as absent');
    let release!: (values: Map<string, string>) => void;
    const reading = memo.readAll(['d'], () => new Promise((resolve) => (release = resolve)));
    memo.forget('d');
    release(new Map([['d', 'before the write']]));
    await reading;
    assert.equal(await memo.read('d', async () => 'after the write'), 'after the write');
  });

  it('outside a transaction remembers nothing', async () => {
    const memo = new TransactionMemo<number>(false);
    memo.start();
    assert.equal(memo.active, false);
    let loads = 0;
    await memo.read('a', async () => ++loads);
    assert.equal(await memo.read('a', async () => ++loads), 2);
  });
});
