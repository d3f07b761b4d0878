import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { promisify } from 'node:util';

// The node:test example of docs/testing.md and the one of the README, run as a user's own test
// files (with `callplane/testing` resolved to this clone's sources).

const exec = promisify(execFile);
const testing = new URL('../../src/testing.ts', import.meta.url).href;
const dir = mkdtempSync(join(tmpdir(), 'callplane-docs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function jsBlock(file: string): string {
  const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
  const block = /```js\n([\s\S]*?)```/.exec(text)?.[1];
  assert.ok(block, `${file} has a js block`);
  return block.replace("from 'callplane/testing'", `from '${testing}'`);
}

for (const file of ['docs/testing.md', 'README.md']) {
  it(`the example of ${file} passes as a test file of its own`, async () => {
    const path = join(dir, `${file.replace(/\W/g, '-')}.test.mjs`);
    writeFileSync(path, jsBlock(file));
    // Without NODE_TEST_CONTEXT, which would make the inner run report to this one instead of printing.
    const { NODE_TEST_CONTEXT: _, ...env } = process.env;
    const { stdout } = await exec(process.execPath, ['--test', '--test-reporter=tap', path], { cwd: dir, env }).catch((error: { stdout: string; stderr: string }) => {
      throw new Error(`${error.stdout}\n${error.stderr}`);
    });
    assert.match(stdout, /# fail 0/);
    assert.match(stdout, /# pass [1-9]/);
  });
}
