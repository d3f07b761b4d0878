import { readFileSync, statSync } from 'node:fs';

// The server's sources bundled (dist/cli/server.js, by scripts/build-dist.ts: `npm run build`, and
// `npm start`'s prestart when a source changed). A start from the bundle reads a few files where
// the sources are ~600 modules, each resolved, read and type-stripped (and Node's type stripper
// itself loaded), and the dependencies ~1,700 more: most of a start (docs/performance.md). The
// bundle is used only while it is current: the build records the size and modification time of
// every source it bundled and of each bundled dependency's package.json, and one difference means
// the sources run instead. JavaScript, so that a start from the bundle strips no types at all.

export const BUILT_INPUTS = 'dist/cli/inputs.json';

/** The bundle's URL when every source it was built from is unchanged; else undefined. */
export function currentBuild(root) {
  try {
    const inputs = JSON.parse(readFileSync(new URL(BUILT_INPUTS, root), 'utf8'));
    for (const [path, [mtimeMs, size]] of Object.entries(inputs)) {
      const stat = statSync(new URL(path, root));
      if (stat.mtimeMs !== mtimeMs || stat.size !== size) return undefined;
    }
  } catch {
    return undefined; // never built, or a source was removed
  }
  return new URL('dist/cli/server.js', root);
}
