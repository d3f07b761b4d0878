import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Builds the console into console/dist when its sources are newer than the last build, so that
// `npm start` and `npm test` always serve the current console without rebuilding every time.
// `--force` builds anyway. Without Vite (an install without dev dependencies) it says so and
// leaves the server to answer /console with 503.

const consoleDir = fileURLToPath(new URL('..', import.meta.url));
const root = join(consoleDir, '..');
const builtIndex = join(consoleDir, 'dist', 'index.html');
const inputs = [
  join(consoleDir, 'index.html'),
  join(consoleDir, 'vite.config.ts'),
  join(consoleDir, 'src'),
  join(consoleDir, 'public'),
  join(root, 'package-lock.json'),
];

function newest(path: string): number {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

function builtAt(): number {
  try {
    return statSync(builtIndex).mtimeMs;
  } catch {
    return 0;
  }
}

const force = process.argv.includes('--force');
const sourcesAt = Math.max(...inputs.map(newest));
if (!force && builtAt() > sourcesAt) process.exit(0);

let vite: typeof import('vite');
try {
  vite = await import('vite');
} catch {
  process.stderr.write('console: Vite is not installed (npm install without dev dependencies?); /console will answer 503 until the console is built.\n');
  process.exit(0);
}

const started = Date.now();
process.stdout.write('console: building console/dist … ');
try {
  await vite.build({ configFile: join(consoleDir, 'vite.config.ts'), logLevel: 'warn' });
} catch (error) {
  process.stdout.write('failed\n');
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
process.stdout.write(`done in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
