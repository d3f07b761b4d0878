import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { startCallplane, type Callplane } from '../../src/testing.ts';

// The README's shell blocks, from "Provisioning with curl" to the end of "Tokens and sandbox
// organizations", run in order in one bash against a live server started as the quick start
// says (--admin-token dev-admin-token-0123456789), with its address for 127.0.0.1:8080.

const exec = promisify(execFile);
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

function shellBlocks(from: string, to: string): string[] {
  const section = readme.slice(readme.indexOf(from), readme.indexOf(to));
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

describe('the README, followed literally', () => {
  let cp: Callplane;
  before(async () => {
    cp = await startCallplane({ adminToken: 'dev-admin-token-0123456789' });
  });
  after(() => cp.close());

  it('runs every curl block in order without an error answer', async () => {
    const blocks = shellBlocks('## Provisioning with curl', '## Testing your integration');
    assert.ok(blocks.length >= 10, `found ${blocks.length} blocks`);
    // Each block's commands, then a marker line, so the output of each block can be told apart.
    const script = blocks.map((b, i) => `${b}\necho "=== block ${i} done"`).join('\n').replaceAll('http://127.0.0.1:8080', cp.url);
    const { stdout, stderr } = await exec('bash', ['-c', `set -eo pipefail\n${script}`], { maxBuffer: 1 << 24 });
    assert.ok(stdout.includes(`=== block ${blocks.length - 1} done`), `${stdout}\n${stderr}`);
    // No Webex error body anywhere: every command did what the README says.
    assert.doesNotMatch(stdout, /"message":/, stdout);
    assert.match(stdout, /\{"extension":"1051","locationId":"[^"]+"\}/, 'the license PATCH gave John extension 1051');
    assert.match(stdout, /\{"personality":"clickToDial","state":"alerting"\}/);
    assert.match(stdout, /\{"state":"remoteHeld"\}/);
    assert.match(stdout, /"access_token":|"accessToken":/);
  });
});
