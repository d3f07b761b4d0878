import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { BUILT_INPUTS, currentBuild, type BuiltInputs } from '../bin/built-server.js';

// Builds what the npm package runs: Node strips no types under node_modules, so the package
// carries JavaScript. Our sources and our dependencies are bundled (esbuild) into dist/cli/, two
// folders deep like src/http/, so the paths the code makes from import.meta.url (console/dist)
// still resolve. Run by `npm pack` and `npm publish` (prepack), and by `npm start` (prestart,
// with --if-stale: only when a source or a dependency changed), since bin/callplane.js runs the
// bundle while it is current (bin/built-server.js): a start then loads a few files, not ~1,700
// modules each resolved and read (typebox alone is ~700 files).

// Optional modules that nothing installs (pg's native binding) stay out of the bundle, and so does
// pg (about twenty small modules): the benchmarks count the statements a server sends by patching
// the installed pg (bench/count-statements.ts), which a bundled copy would not see.
const EXTERNAL = ['pg-native', 'pg'];

/**
 * A bundled CommonJS module that finds files beside itself by __dirname (swagger-ui's page and
 * assets; pino's worker files) gets the folder it is installed in, found at run time, since the
 * bundle lives elsewhere (and an ES module has no __dirname). Kept on the module's first line, so
 * the source map's line numbers stay right.
 */
const dirnameOfInstalledModule: Plugin = {
  name: 'dirname-of-installed-module',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/].*\.c?js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!/\b__(dirname|filename)\b/.test(text)) return undefined;
      const at = args.path.lastIndexOf(`${sep}node_modules${sep}`) + `${sep}node_modules${sep}`.length;
      const specifier = args.path.slice(at).split(sep).join('/');
      const prologue =
        `var __filename, __dirname; try { __filename = require.resolve(${JSON.stringify(specifier)}); __dirname = require('node:path').dirname(__filename); } catch {}`;
      return { contents: `${prologue} ${text}`, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

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
  external: EXTERNAL,
  // Bundled CommonJS modules call require() (for Node's own modules, and in the prologue above),
  // which an ES module lacks.
  banner: { js: "import { createRequire as __callplaneRequire } from 'node:module'; const require = __callplaneRequire(import.meta.url);" },
  plugins: [dirnameOfInstalledModule],
  sourcemap: true,
  chunkNames: '[name]-[hash]',
  logLevel: 'warning',
  metafile: true,
});

// V8 keeps each module's source text for as long as the server runs (to compile functions lazily):
// one byte a character if every character is Latin-1, two otherwise. esbuild escapes non-ASCII
// characters in code (its default charset), but not in the comments it keeps, and a single dash
// in a comment made the 6 MB chunk two-byte: 12 MB of RSS in place of 6 (issue 17). Each
// remaining UTF-16 unit becomes one '?', so the source maps' columns still hold.
for (const path of Object.keys(result.metafile.outputs)) {
  if (!path.endsWith('.js')) continue;
  const text = readFileSync(new URL(path, root), 'utf8');
  if (/[^\x00-\x7f]/.test(text)) writeFileSync(new URL(path, root), text.replace(/[^\x00-\x7f]/g, '?'));
}

// What makes the bundle stale: each of our sources, and the package.json of each bundled
// dependency (an install that changes a dependency rewrites it), not its ~1,700 files, which
// every start would stat.
const inputs: BuiltInputs = {};
const record = (path: string) => {
  const stat = statSync(new URL(path, root));
  inputs[path] = [stat.mtimeMs, stat.size];
};
for (const path of Object.keys(result.metafile.inputs)) {
  const at = path.lastIndexOf('node_modules/');
  if (at === -1) {
    record(path);
    continue;
  }
  const [scope, name] = path.slice(at + 'node_modules/'.length).split('/');
  const packageJson = `${path.slice(0, at)}node_modules/${scope!.startsWith('@') ? `${scope}/${name}` : scope}/package.json`;
  if (!(packageJson in inputs)) record(packageJson);
}
writeFileSync(new URL(BUILT_INPUTS, root), JSON.stringify(inputs));
process.stdout.write('built dist/cli (callplane.js, server.js, testing.js)\n');
