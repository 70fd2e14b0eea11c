// Bundles the npm command into dist/: the program as one CommonJS file (dist/nginxaas-keys.cjs),
// which dist/launch.cjs compiles with V8's code cache (src/cli/launch.ts), and dist/version.cjs,
// which answers `--version` alone. bin/nginxaas-keys.js loads them.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildProgram, root, shared } from './bundle-options.mjs';

// The last bundle's files go; the standalone executable in dist/<platform>/ stays: it is built
// on its own (build-sea.mjs).
const dist = join(root, 'dist');
mkdirSync(dist, { recursive: true });
for (const name of readdirSync(dist)) if (/\.(c?js|map|json)$/.test(name)) rmSync(join(dist, name));

await buildProgram({
  outfile: join(dist, 'nginxaas-keys.cjs'),
  // Where each function of the bundle came from: test/e2e/first-frame.test.ts reads it to tell
  // which source files ran before the first frame. Not published (package.json's files).
  sourcemap: 'external',
  sourcesContent: false,
});

// What loads it with its code cache, and `--version` alone: CommonJS, small, and nothing else.
for (const [entry, out] of [
  ['src/cli/launch.ts', 'launch.cjs'],
  ['src/cli/version.ts', 'version.cjs'],
])
  await build({ ...shared, entryPoints: [entry], outfile: join(dist, out), format: 'cjs' });
