import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generate } from './webex-codegen.ts';
import { overrides } from './webex-overrides.ts';

// Writes src/generated/webex/* from Cisco's documents (vendor/webex-openapi) and the overrides,
// then docs/coverage.md and the README's coverage line from the routes the app registers, and
// the list of overrides in docs/webex-api.md.
// `npm run generate`; with --check it only reports stale files (exit 1).

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}src/generated/webex`;
const check = process.argv.includes('--check');
let stale = 0;

function write(path: string, text: string): void {
  let current: string | undefined;
  try {
    current = readFileSync(path, 'utf8');
  } catch {}
  if (current === text) return;
  stale += 1;
  if (check) console.log(`stale: ${path.slice(root.length)}`);
  else writeFileSync(path, text);
}

const files = generate(`${root}vendor/webex-openapi`, overrides);
mkdirSync(outDir, { recursive: true });
for (const existing of readdirSync(outDir)) {
  if (files.has(existing)) continue;
  stale += 1;
  if (check) console.log(`stale: ${existing} is no longer generated`);
  else rmSync(`${outDir}/${existing}`);
}
for (const [name, text] of files) write(`${outDir}/${name}`, text);

// Coverage needs the app's routes, built from the modules just written (imported only now).
const { buildApp } = await import('../src/app.ts');
const { loadConfig } = await import('../src/config.ts');
const { catalogue } = await import('../src/generated/webex/catalogue.ts');
const { betweenMarkers, coverageMarkdown, overridesMarkdown, readmeCoverageLine, withReadmeCoverage } = await import('./webex-coverage.ts');
const app = await buildApp({ ...loadConfig({ DATABASE_URL: 'sqlite::memory:' }), logLevel: 'silent', demo: false });
try {
  write(`${root}docs/coverage.md`, coverageMarkdown(catalogue, app.notServed));
  const readme = readFileSync(`${root}README.md`, 'utf8');
  write(`${root}README.md`, withReadmeCoverage(readme, readmeCoverageLine(catalogue, app.notServed)));
  const webexApi = readFileSync(`${root}docs/webex-api.md`, 'utf8');
  write(`${root}docs/webex-api.md`, betweenMarkers(webexApi, 'overrides', overridesMarkdown(overrides)));
} finally {
  await app.close();
}
console.log(check ? `${stale} stale file(s)` : `${files.size + 3} files, ${stale} changed`);
if (check && stale > 0) process.exit(1);
