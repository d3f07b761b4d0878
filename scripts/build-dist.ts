import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// Builds what the npm package runs: Node strips no types under node_modules, so the package
// carries JavaScript. Our sources are bundled (esbuild) into dist/cli/, two folders deep like
// src/http/, so the paths the code makes from import.meta.url (console/dist) still resolve;
// dependencies stay in node_modules. Run by `npm pack` and `npm publish` (prepack).

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}dist`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { callplane: 'src/main.ts', testing: 'src/testing.ts' },
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
});
process.stdout.write('built dist/cli (callplane.js, testing.js)\n');
