import { execFile, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadAverage, printTable, spread, writeResults } from './support.ts';

// Start-up of the package as a user runs it: `npm pack`, the tarball installed into an empty
// folder, then `npx callplane --db memory` started there, timed from the command to the first
// 200 on /healthz. Also `node node_modules/callplane/bin/callplane.js` directly, to show what npx
// itself costs, `node bin/callplane.js` of the clone (the TypeScript sources) and `node -e 0` for
// scale, all in the same run, so that a busy machine inflates them alike. The first start after
// the install has no compile cache yet (Node compiles every module); the next ones reuse it, as a
// developer's second run does.

const exec = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`, npm_config_update_notifier: 'false' };

/** Milliseconds from spawning `command` to the first 200 on /healthz; then stops it. */
async function timeStart(command: string, args: string[], cwd: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(command, [...args, '--port', '0', '--db', 'memory', '--log', 'json', '--log-level', 'warn'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  try {
    for (;;) {
      const match = /serving the Webex Calling API at (http:\/\/\S+)\/v1/.exec(output);
      if (match) {
        const health = await fetch(`${match[1]}/healthz`);
        if (health.status === 200) return performance.now() - t0;
      }
      if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
}

export async function runPacked(options: { runs: number }): Promise<object> {
  process.stdout.write(`\n== packed: npm pack, install into an empty folder, ${options.runs} starts of npx callplane ==\n`);
  const dir = mkdtempSync(join(tmpdir(), 'callplane-bench-pack-'));
  try {
    let t0 = performance.now();
    await exec('npm', ['pack', '--pack-destination', dir, '--silent'], { cwd: root, env, maxBuffer: 1 << 24 });
    const packMs = performance.now() - t0;
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    const app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'bench-app', private: true, type: 'module' }));
    t0 = performance.now();
    await exec('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(dir, tarball)], { cwd: app, env, maxBuffer: 1 << 24 });
    const installMs = performance.now() - t0;

    const first = await timeStart('npx', ['--no-install', 'callplane'], app);
    const npx: number[] = [];
    const direct: number[] = [];
    const clone: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      npx.push(await timeStart('npx', ['--no-install', 'callplane'], app));
      direct.push(await timeStart(process.execPath, [join(app, 'node_modules', 'callplane', 'bin', 'callplane.js')], app));
      clone.push(await timeStart(process.execPath, [join(root, 'bin', 'callplane.js')], root));
      const t = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      baseline.push(performance.now() - t);
    }
    const result = {
      packMs,
      installMs,
      firstStartMs: first,
      npx: spread(npx),
      direct: spread(direct),
      clone: spread(clone),
      baseline: spread(baseline),
      loadAverage: loadAverage(),
      samples: { npx, direct, clone, baseline },
    };
    const row = (name: string, s: { runs: number; min: number; median: number; max: number }) => [name, s.runs, s.min, s.median, s.max];
    printTable('start-up of the packed package (ms, to the first 200 on /healthz)', ['case', 'runs', 'min', 'median', 'max'], [
      ['npx callplane, first start after install', 1, first, first, first],
      row('npx callplane', result.npx),
      row('node node_modules/callplane/bin/callplane.js', result.direct),
      row('node bin/callplane.js (the clone, TypeScript sources)', result.clone),
      row('node -e 0 (baseline)', result.baseline),
    ]);
    process.stdout.write(`npm pack ${Math.round(packMs)} ms, npm install ${Math.round(installMs)} ms; load average ${result.loadAverage.join(' ')}\n`);
    writeResults('packed', result);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
