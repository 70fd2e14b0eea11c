// Bundles src/cli/main.ts into dist/ for bin/nginxaas-keys.js. Splitting keeps Ink and the Azure
// SDK out of the start-up path of modes that do not use them.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ESM_REQUIRE_BANNER,
  HTTP_BY_REQUIRE,
  patchesPlugin,
  root,
  shared,
  YOGA_WITHOUT_FETCH,
  INK_CACHES_ACROSS_FRAMES,
} from './bundle-options.mjs';

// The last bundle's files go (their names carry hashes); the standalone executable in
// dist/<platform>/ stays: it is built on its own (build-sea.mjs).
const dist = join(root, 'dist');
mkdirSync(dist, { recursive: true });
for (const name of readdirSync(dist)) if (/\.c?js$/.test(name)) rmSync(join(dist, name));

const { metafile } = await build({
  ...shared,
  metafile: true,
  outdir: 'dist',
  splitting: true,
  format: 'esm',
  plugins: [patchesPlugin('start-up-patches', [YOGA_WITHOUT_FETCH, INK_CACHES_ACROSS_FRAMES]), HTTP_BY_REQUIRE],
  banner: ESM_REQUIRE_BANNER,
});
// Which source files each chunk holds: test/e2e/first-frame-chunks.test.ts reads it to tell what the
// first frame loaded. Not published (package.json's files take dist/*.js only).
writeFileSync(join(dist, 'meta.json'), JSON.stringify(metafile));

// `--version` of the npm command, for bin/nginxaas-keys.js to require: CommonJS and nothing else,
// so that answering it loads neither the ES module loader nor the bundle.
await build({
  ...shared,
  entryPoints: ['src/cli/version.ts'],
  outfile: join(dist, 'version.cjs'),
  format: 'cjs',
});
