import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

// The package as a user gets it: `npm pack` (which builds dist/ in prepack), the tarball
// installed into an empty folder (dependencies from the npm cache, the registry at most), then
// `npx callplane` started there and asked for /healthz, and `callplane/testing` imported there.

const exec = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
// The Node running this test (the project's Node 24) first on PATH, as a user's would be.
const env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`, npm_config_update_notifier: 'false' };

describe('the packed package', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'callplane-pack-'));
  const app = join(dir, 'app');
  after(() => rmSync(dir, { recursive: true, force: true }));

  before(async () => {
    const started = Date.now();
    await exec('npm', ['pack', '--pack-destination', dir, '--silent'], { cwd: root, env, maxBuffer: 1 << 24 });
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    assert.ok(tarball, 'npm pack made a tarball');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'my-integration', private: true, type: 'module' }));
    await exec('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(dir, tarball)], { cwd: app, env, maxBuffer: 1 << 24 });
    process.stdout.write(`# packed and installed in ${Date.now() - started} ms\n`);
  });

  it('holds the build, the console and the bin, and no TypeScript sources', async () => {
    const installed = join(app, 'node_modules', 'callplane');
    const files = readdirSync(installed);
    assert.ok(files.includes('dist') && files.includes('bin') && !files.includes('src') && !files.includes('test'), files.join(' '));
    assert.ok(readdirSync(join(installed, 'console', 'dist')).includes('index.html'));
  });

  it('starts with npx callplane from an empty folder and answers /healthz', async () => {
    const started = Date.now();
    const child = spawn('npx', ['--no-install', 'callplane', '--port', '0', '--db', 'memory', '--log', 'json', '--log-level', 'warn'], {
      cwd: app,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: npx runs the server as a child, and both must stop.
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    try {
      const base = await new Promise<string>((resolve, reject) => {
        const timer = setInterval(() => {
          const match = /serving the Webex Calling API at (http:\/\/\S+)\/v1/.exec(output);
          if (match) {
            clearInterval(timer);
            resolve(match[1]!);
          } else if (child.exitCode !== null) {
            clearInterval(timer);
            reject(new Error(`exited ${child.exitCode}:\n${output}`));
          }
        }, 20);
      });
      const health = await fetch(`${base}/healthz`);
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), { status: 'ok', version: '0.1.0', store: 'sqlite', clock: 'real' });
      process.stdout.write(`# npx callplane answered /healthz ${Date.now() - started} ms after the command\n`);
      assert.equal((await fetch(`${base}/console/`)).status, 200, 'the console is served from the package');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
  });

  it('gives callplane/testing to a test of the folder', async () => {
    const script = join(app, 'harness.js');
    writeFileSync(
      script,
      `import { startCallplane } from 'callplane/testing';
const cp = await startCallplane();
const me = await fetch(cp.apiUrl + '/people/me', { headers: { authorization: 'Bearer ' + cp.adminToken } });
await cp.reset();
console.log(me.status, (await fetch(cp.url + '/healthz')).status);
await cp.close();`,
    );
    const { stdout } = await exec(process.execPath, [script], { cwd: app, env });
    assert.equal(stdout.trim(), '200 200');
  });
});
