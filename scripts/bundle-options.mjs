// What both bundles of the program share: the npm command's (dist/nginxaas-keys.cjs, build.mjs)
// and the standalone executable's (build-sea.mjs), each one CommonJS file run by
// src/cli/launch.ts. Settings marked here were each needed on Node 20 (see shared stack notes §6.3).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const { version } = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));

/** Where `npm run build:sea` puts this platform's standalone executable, and its file name. */
export const STANDALONE_DIR = join(root, 'dist', `${process.platform}-${process.arch}`);
export const STANDALONE_NAME = process.platform === 'win32' ? 'nginxaas-keys.exe' : 'nginxaas-keys';

/**
 * Dependencies' texts replaced at load, each one exact text, and the build fails loudly when a
 * new version no longer has it.
 */
export function patchesPlugin(name, patches) {
  return {
    name,
    setup(esbuild) {
      for (const patch of patches) {
        esbuild.onLoad({ filter: patch.file }, ({ path }) => {
          let source = readFileSync(path, 'utf8');
          for (const { find, replace } of patch.edits) {
            if (!source.includes(find)) throw new Error(`${path} changed: it no longer has ${find}`);
            source = source.replaceAll(find, replace);
          }
          return { contents: source, loader: 'js' };
        });
      }
    },
  };
}

/**
 * Top-level awaits, which CommonJS cannot hold (both bundles are CommonJS: one file each, compiled
 * with a code cache). yoga-layout awaits its WebAssembly: Node compiles and instantiates
 * WebAssembly synchronously as well, and Emscripten's module is ready as soon as its instance is,
 * so the same bytes are made ready before the first line of Ink runs, and never through `fetch`
 * (which would load undici, ~40 ms of the first frame on two cores).
 */
export const COMMONJS_PATCHES = [
  {
    file: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
    edits: [
      { find: 'var _scriptDir = import.meta.url;', replace: 'var _scriptDir = undefined;' },
      // Its base64 is decoded by Node at once, not through a binary string copied a byte at a time.
      {
        find: 'var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c',
        replace: 'var d=new Uint8Array(Buffer.from(a.slice(37),"base64"))',
      },
      {
        find: '(function(){return w||"function"!=typeof WebAssembly.instantiateStreaming',
        replace:
          '{var nkInstance=new WebAssembly.Instance(new WebAssembly.Module(wa()),d);a(nkInstance);return nkInstance.exports}(function(){return w||"function"!=typeof WebAssembly.instantiateStreaming',
      },
    ],
  },
  {
    file: /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/,
    edits: [
      {
        find: 'const Yoga = wrapAssembly(await loadYoga());',
        replace: 'const nkModule = {};\nloadYoga(nkModule);\nconst Yoga = wrapAssembly(nkModule);',
      },
    ],
  },
  // signal-exit 3 (Ink's and restore-cursor's) loads all of node:assert, 4–5 ms of the first frame,
  // for one check that its callback is a function.
  {
    file: /signal-exit[\\/]index\.js$/,
    edits: [
      {
        find: "var assert = require('assert')",
        replace:
          'var assert = { equal: function (actual, expected, message) { if (actual != expected) throw new TypeError(message) } }',
      },
    ],
  },
  // Ink awaits React's devtools and its own package.json only when DEV is set: not in these builds.
  {
    file: /ink[\\/]build[\\/]reconciler\.js$/,
    edits: [
      {
        find: "await import('./devtools.js');",
        replace: "throw Object.assign(new Error('no devtools'), { code: 'ERR_MODULE_NOT_FOUND' });",
      },
      { find: '? await loadPackageJson()', replace: '? { name: undefined, version: undefined }' },
    ],
  },
];

/**
 * A keystroke's cost in Ink's output: each frame builds a new Output whose caches (each line's
 * styled characters, each text's width) start empty, so every line of the frame is tokenized
 * again though most did not change. Here a frame's caches fall back on the frame before's (and
 * forget the one before that), so an unchanged line is tokenized once. The cached values are
 * never changed after they are made; within a frame Ink already shares them. (The chain is one
 * of every Output made: the wizard draws no <Static>, whose output would sit between two frames.)
 */
export const INK_CACHES_ACROSS_FRAMES = {
  file: /ink[\\/]build[\\/]output\.js$/,
  edits: [
    {
      find: 'class OutputCaches {\n    widths = new Map();',
      replace:
        'let lastOutputCaches;\nclass OutputCaches {\n    previous = lastOutputCaches && ((lastOutputCaches.previous = undefined), lastOutputCaches);\n    widths = new Map();',
    },
    {
      find: '        let cached = this.styledChars.get(line);\n        if (cached === undefined) {',
      replace:
        '        let cached = this.styledChars.get(line);\n        if (cached === undefined && (cached = this.previous?.styledChars.get(line)) !== undefined) this.styledChars.set(line, cached);\n        if (cached === undefined) {',
    },
    {
      find: '        let cached = this.widths.get(text);\n        if (cached === undefined) {',
      replace:
        '        let cached = this.widths.get(text);\n        if (cached === undefined && (cached = this.previous?.widths.get(text)) !== undefined) this.widths.set(text, cached);\n        if (cached === undefined) {',
    },
    { find: '    caches = new OutputCaches();', replace: '    caches = (lastOutputCaches = new OutputCaches());' },
  ],
};

/**
 * Ink's output (@alcalzone/ansi-tokenize) and cli-truncate's slice-ansi each make an
 * `Intl.Segmenter` as they load and segment every line of every frame with it: the first costs
 * ~10 ms of the first frame (V8 lists every locale ICU has), and each frame makes a segment object
 * per character in C++. Both take src/term/graphemes.ts instead: the same clusters, a code point
 * each where every code point stands alone, and a real segmenter, made when first needed, for
 * the rest. The bare Ink baselines of `npm run bench` keep Ink's own.
 */
const GRAPHEMES = join(root, 'src', 'term', 'graphemes.ts');
export const SEGMENTS_WITHOUT_ICU = [
  {
    file: /@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/,
    edits: [
      {
        find: 'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });',
        replace: `import { graphemeSegmenter as segmenter } from ${JSON.stringify(GRAPHEMES)};`,
      },
    ],
  },
  {
    file: /slice-ansi[\\/]tokenize-ansi\.js$/,
    edits: [
      {
        find: "const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});",
        replace: `import { graphemeSegmenter as GRAPHEME_SEGMENTER } from ${JSON.stringify(GRAPHEMES)};`,
      },
    ],
  },
];

/**
 * Both bundles of the program are one function expression, Node's own CommonJS wrapper written into
 * the file: src/cli/launch.ts compiles the file's text as it is (a wrapper added at run time would
 * make a second copy of a 1.3 MB text), and the script's value is the function to call.
 */
export const FUNCTION_WRAPPER = {
  banner: { js: '(function (exports, require, module, __filename, __dirname) {' },
  footer: { js: '})' },
};

/**
 * Fails the build when the bundle holds a character past ASCII (esbuild escapes them in strings,
 * not in regular expressions): V8 keeps an ASCII text at one byte a character, and any other at
 * two, 2.6 MB where 1.3 would do.
 */
function assertAscii(file) {
  const text = readFileSync(file, 'latin1');
  const at = text.search(/[\u0080-\u00ff]/);
  if (at >= 0) throw new Error(`${file} is not ASCII at ${at}: …${text.slice(Math.max(0, at - 60), at + 20)}…`);
}

export const shared = {
  absWorkingDir: root,
  entryPoints: { start: 'src/cli/start.ts' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
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
    // What --version names beside the runtime; the standalone build says 'standalone'.
    'process.env.NGINXAAS_KEYS_PACKAGING': '"npm package"',
  },
};

/**
 * Node's own modules that a dependency loads as it loads, for a use our runs never reach. Found
 * in `process.moduleLoadList` of `list --all` over a fleet, on Node 24, beside the bare sweep, and
 * of the wizard's first frame; test/e2e/first-frame.test.ts holds both to it.
 */
export const BUILTINS_LEFT_UNLOADED = [
  // Ink's terminal-size runs `tput` or `resize` only where a stream has no size; it loaded
  // node:child_process (with dgram and the spawn bindings) before every first frame.
  {
    file: /terminal-size[\\/]index\.js$/,
    edits: [
      {
        find: "import {execFileSync} from 'node:child_process';",
        replace: "const execFileSync = (...a) => process.getBuiltinModule('node:child_process').execFileSync(...a);",
      },
    ],
  },
  // The Azure SDK's proxy policy loads https-proxy-agent, which loaded all of node:assert (~4 ms
  // and ~2 MB) for one check on the path of a proxy that refused the tunnel.
  {
    file: /https-proxy-agent[\\/]dist[\\/]index\.js$/,
    edits: [
      {
        find: 'const assert_1 = __importDefault(require("assert"));',
        replace:
          'const assert_1 = { default: (ok) => { if (!ok) throw new Error("https-proxy-agent: nothing listens for the proxy\'s answer"); } };',
      },
    ],
  },
  // ts-http-runtime's logger took node:util as a default import, which esbuild's interop copies
  // by reading every property's descriptor; on Node 24 that loads each lazy part of node:util
  // (the diff, parse_args, trace_sigint and with it worker_threads: ~2.5 MB). It needs `format`.
  {
    file: /@typespec[\\/]ts-http-runtime[\\/]dist[\\/]esm[\\/]logger[\\/]log\.js$/,
    edits: [
      { find: 'import util from "node:util";', replace: 'import { format } from "node:util";' },
      { find: 'util.format(', replace: 'format(' },
    ],
  },
];

/**
 * Builds the program, src/cli/start.ts and all it reaches, as both packagings run it: one
 * CommonJS function expression (FUNCTION_WRAPPER), patched for CommonJS and for Ink's caches, and
 * ASCII. `options` gives the file and what differs (the npm command's source map, the
 * executable's Node 24 and its --version words).
 */
export async function buildProgram(options) {
  await build({
    ...shared,
    ...FUNCTION_WRAPPER,
    entryPoints: [join(root, 'src/cli/start.ts')],
    format: 'cjs',
    plugins: [
      patchesPlugin('program-patches', [
        ...COMMONJS_PATCHES,
        INK_CACHES_ACROSS_FRAMES,
        ...SEGMENTS_WITHOUT_ICU,
        ...BUILTINS_LEFT_UNLOADED,
      ]),
    ],
    ...options,
  });
  assertAscii(options.outfile);
}
