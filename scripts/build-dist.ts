import { rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUILT_INPUTS, currentBuild, type BuiltInputs } from '../bin/built-server.js';

// Builds what the npm package runs: Node strips no types under node_modules, so the package
// carries JavaScript. Our sources are bundled (esbuild) into dist/cli/, two folders deep like
// src/http/, so the paths the code makes from import.meta.url (console/dist) still resolve;
// dependencies stay in node_modules. Run by `npm pack` and `npm publish` (prepack), and by
// `npm start` (prestart, with --if-stale: only when a source changed), since bin/callplane.js runs
// the bundle while it is current (bin/built-server.js): a start then loads a few files, not hundreds.

const root = new URL('..', import.meta.url);
const ifStale = process.argv.includes('--if-stale');
if (ifStale && currentBuild(root)) process.exit(0);
// esbuild is a development dependency: without it `npm start` runs the sources.
const esbuild = await import('esbuild').catch(() => undefined);
if (!esbuild && ifStale) {
  process.stdout.write('esbuild is not installed: the server runs from its sources\n');
  process.exit(0);
}
if (!esbuild) throw new Error('esbuild is not installed (npm install)');
rmSync(fileURLToPath(new URL('dist', root)), { recursive: true, force: true });
const result = await esbuild.build({
  absWorkingDir: fileURLToPath(root),
  // server.js is src/cli/main.ts, which bin/callplane.js runs in place of the sources.
  entryPoints: { callplane: 'src/main.ts', testing: 'src/testing.ts', server: 'src/cli/main.ts' },
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  packages: 'external',
  sourcemap: true,
  chunkNames: '[name]-[hash]',
  logLevel: 'warning',
  metafile: true,
});
const inputs: BuiltInputs = {};
for (const path of Object.keys(result.metafile.inputs)) {
  const stat = statSync(new URL(path, root));
  inputs[path] = [stat.mtimeMs, stat.size];
}
writeFileSync(new URL(BUILT_INPUTS, root), JSON.stringify(inputs));
process.stdout.write('built dist/cli (callplane.js, server.js, testing.js)\n');
