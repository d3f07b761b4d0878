import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

// The test run of `npm test`: node --test over every test file, then, when it failed, the reason
// a newcomer most often meets said last, where it is read (node's summary can say "fail 0" when
// a whole file failed before its first test, as the console's browser tests do without Chromium).

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = process.argv.slice(2);
const files = args.length > 0 ? args : ['src/**/*.test.ts', 'test/**/*.test.ts'];
// Two files at a time: node's default (cores − 1) runs one at a time on a two-core machine, where
// most of a file's time is spent waiting on HTTP, timers and the store. Every file has its own
// server on port 0 and its own database (a PostgreSQL schema of its own), so files never meet.
const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const child = spawn(process.execPath, ['--test', `--test-concurrency=${concurrency}`, ...files], { stdio: 'inherit' });
child.on('exit', (code, signal) => {
  if (code !== 0) {
    const lines = ['', `npm test failed (${signal ?? `exit code ${code}`}).`];
    if (!existsSync(CHROMIUM_PATH)) {
      lines.push(
        `Chromium is not installed at ${CHROMIUM_PATH}: the console's browser tests (test/browser/console.test.ts) need it.`,
        'Install it with "sudo apt-get install -y chromium" (or set CHROMIUM_PATH to a Chromium binary), then run npm test again.',
      );
    } else {
      lines.push('Look for ✖ above: a test file that failed before its first test shows in the summary as a failed file, not a failed test.');
    }
    process.stderr.write(`${lines.join('\n')}\n`);
  }
  process.exit(code ?? 1);
});
