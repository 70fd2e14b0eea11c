// Bundles src/cli/main.ts into dist/ for bin/nginxaas-keys.js. Splitting keeps Ink and the Azure
// SDK out of the start-up path of modes that do not use them.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { patchesPlugin, root, shared, YOGA_WITHOUT_FETCH } from './bundle-options.mjs';

// The last bundle's files go (their names carry hashes); the standalone executable in
// dist/<platform>/ stays: it is built on its own (build-sea.mjs).
const dist = join(root, 'dist');
mkdirSync(dist, { recursive: true });
for (const name of readdirSync(dist)) if (name.endsWith('.js')) rmSync(join(dist, name));

await build({
  ...shared,
  outdir: 'dist',
  splitting: true,
  format: 'esm',
  plugins: [patchesPlugin('start-up-patches', [YOGA_WITHOUT_FETCH])],
  // signal-exit inside ink uses require(); ESM output needs a real one.
  banner: {
    js: "import {createRequire as __nkCreateRequire} from 'node:module'; const require = __nkCreateRequire(import.meta.url);",
  },
});
