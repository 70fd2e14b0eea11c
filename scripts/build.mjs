// Bundles src/cli/main.ts into dist/ for bin/nginxaas-keys.js. The three settings marked below were
// each needed on Node 20 (see shared stack notes §6.3); splitting keeps Ink and the Azure SDK
// out of the start-up path of modes that do not use them.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { readFileSync, rmSync } from 'node:fs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
rmSync(`${root}/dist`, { recursive: true, force: true });

/**
 * A start-up cost of Ink's dependencies, cut where it is made. Each patch replaces one exact
 * text, and the build fails loudly when a new version no longer has it.
 * - yoga (the layout engine) embeds its WebAssembly as base64 and, when `fetch` exists, fetches
 *   that data: URL through it, which makes Node load undici (~40 ms of the first frame on two
 *   cores). Its other path decodes the same bytes without fetch.
 */
const PATCHES = [
  {
    file: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
    find: '"function"!=typeof fetch',
    replace: 'true',
  },
];

const startUpPatches = {
  name: 'start-up-patches',
  setup(esbuild) {
    for (const patch of PATCHES) {
      esbuild.onLoad({ filter: patch.file }, ({ path }) => {
        const source = readFileSync(path, 'utf8');
        if (!source.includes(patch.find)) throw new Error(`${path} changed: it no longer has ${patch.find}`);
        return { contents: source.replaceAll(patch.find, patch.replace), loader: 'js' };
      });
    }
  },
};

await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/main.ts' },
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
  plugins: [startUpPatches],
  // signal-exit inside ink uses require(); ESM output needs a real one.
  banner: {
    js: "import {createRequire as __nkCreateRequire} from 'node:module'; const require = __nkCreateRequire(import.meta.url);",
  },
  alias: {
    // ink imports react-devtools-core only when DEV is set; it is not installed.
    'react-devtools-core': './scripts/devtools-stub.mjs',
    // Ink and its helpers measure with our string-width: the same widths, without ~110 ms of
    // regular expressions built at start-up (see src/term/display-width.ts).
    'string-width': './src/term/display-width.ts',
  },
  define: {
    'process.env.NODE_ENV': '"production"',
    'process.env.NGINXAAS_KEYS_VERSION': JSON.stringify(version),
  },
});
