import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, beforeEach, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { startCallplane, type Callplane } from '../../src/testing.ts';

// The feature pages' curl examples, run as written: each page's ```sh blocks in order in one bash
// (set -eo pipefail) against a live server started as the README's quick start says
// (--admin-token dev-admin-token-0123456789, the demo organization), its address for
// 127.0.0.1:8080, the server reset between pages. A line `# <JSON>` right after a command is the
// output the page promises: the command's output must hold that line (IDs and times aside, which
// the pages do not print).

const PAGES = [
  'ai-receptionists',
  'announcements',
  'auto-attendants',
  'call-handling',
  'call-park-pickup',
  'call-queues',
  'conference',
  'devices',
  'hunt-groups',
  'operating-modes',
  'paging',
  'schedules',
  'shared-lines',
  'virtual-extensions',
  'voicemail',
];

const exec = promisify(execFile);
const TOKEN = 'dev-admin-token-0123456789';

function shellBlocks(page: string): string[] {
  const text = readFileSync(new URL(`../../docs/${page}.md`, import.meta.url), 'utf8');
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/** The JSON lines a block promises (`# {…}` or `# […]` comments), in order. */
function promised(block: string): string[] {
  return block
    .split('\n')
    .map((line) => /^# ([[{].*)$/.exec(line)?.[1])
    .filter((json): json is string => json !== undefined && isJson(json));
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('the feature pages of docs/, followed literally', () => {
  let cp: Callplane;
  before(async () => {
    cp = await startCallplane({ adminToken: TOKEN });
  });
  beforeEach(() => cp.reset());
  after(() => cp.close());

  for (const page of PAGES) {
    it(`docs/${page}.md: every curl block runs and prints what the page says`, async () => {
      const blocks = shellBlocks(page);
      assert.ok(blocks.length >= 1, `docs/${page}.md has no sh block`);
      const text = blocks.join('\n');
      assert.match(text, new RegExp(`TOKEN=${TOKEN}`), `docs/${page}.md sets the quick start's admin token`);
      const script = blocks.map((b, i) => `${b}\necho "=== block ${i} done"`).join('\n').replaceAll('http://127.0.0.1:8080', cp.url);
      const { stdout, stderr } = await exec('bash', ['-c', `set -eo pipefail\n${script}`], { maxBuffer: 1 << 24 }).catch((error: { stdout: string; stderr: string }) => {
        throw new Error(`docs/${page}.md failed:\n${error.stdout}\n${error.stderr}`);
      });
      assert.ok(stdout.includes(`=== block ${blocks.length - 1} done`), `${stdout}\n${stderr}`);
      // No Webex error body unless the page shows one on purpose (it prints `.message` then).
      assert.doesNotMatch(stdout, /"message":/, stdout);
      // Nor a failing status where a command prints its status (-w '%{http_code}').
      assert.doesNotMatch(stdout, /^[45]\d\d$/m, stdout);
      const lines = new Set(stdout.split('\n'));
      for (const json of blocks.flatMap(promised)) assert.ok(lines.has(json), `docs/${page}.md promises ${json}; the output was:\n${stdout}`);
    });
  }
});
