#!/usr/bin/env node
// The `callplane` command. In a clone Node runs the TypeScript sources as they are (type
// stripping); installed as a package (under node_modules, where Node strips no types) it runs
// the build in dist/, made by `npm pack` (prepack).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const sources = new URL('../src/main.ts', import.meta.url);
if (existsSync(fileURLToPath(sources)) && !fileURLToPath(sources).includes('/node_modules/')) {
  await import(sources.href);
} else {
  await import('../dist/cli/callplane.js');
}
