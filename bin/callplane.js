#!/usr/bin/env node
// The `callplane` command (and `npm start`). In a clone Node runs the TypeScript sources as they
// are (type stripping), or their bundle while it is current (built-server.js); installed as a
// package (under node_modules, where Node strips no types) it runs the build in dist/, made by
// `npm pack` (prepack).
import module from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { currentBuild } from './built-server.js';
import { limitOldGenerationGrowth } from './old-generation.js';
import { capYoungGeneration } from './young-generation.js';

// Node keeps compiled (and type-stripped) modules in a cache on disk; turned on here, before
// anything of the server is loaded, so that src/main.ts itself is cached too.
module.enableCompileCache();
const started = capYoungGeneration();
limitOldGenerationGrowth();
const root = new URL('..', import.meta.url);
const sources = new URL('src/main.ts', root);
const clone = existsSync(fileURLToPath(sources)) && !fileURLToPath(sources).includes('/node_modules/');
const build = clone ? currentBuild(root) : undefined;
if (build) {
  const { main } = await import(build.href);
  await main(process.argv.slice(2));
} else if (clone) {
  await import(sources.href);
} else {
  await import('../dist/cli/callplane.js');
}
// Listening (or a command done): the young generation may grow to its cap from here.
started();
