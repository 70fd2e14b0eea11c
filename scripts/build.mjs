// Bundles src/cli.ts into dist/ for bin/nginxaas-keys.js. The three settings marked below were
// each needed on Node 20 (see shared stack notes §6.3); splitting keeps Ink and the Azure SDK
// out of the start-up path of modes that do not use them.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { readFileSync, rmSync } from 'node:fs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
rmSync(`${root}/dist`, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  // signal-exit inside ink uses require(); ESM output needs a real one.
  banner: {
    js: "import {createRequire as __nkCreateRequire} from 'node:module'; const require = __nkCreateRequire(import.meta.url);",
  },
  // ink imports react-devtools-core only when DEV is set; it is not installed.
  alias: { 'react-devtools-core': './scripts/devtools-stub.mjs' },
  define: {
    'process.env.NODE_ENV': '"production"',
    'process.env.NGINXAAS_KEYS_VERSION': JSON.stringify(version),
  },
});
