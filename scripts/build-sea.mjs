// The standalone executable for this platform (dist/<platform>-<arch>/nginxaas-keys): Node's
// single executable applications, on Node 24 LTS whatever Node runs this build (scripts/node24.mjs:
// the registry's official binary, pinned with its integrity in tools/node24/package-lock.json).
// The executable runs one embedded CommonJS script, so the program is bundled again as one
// CommonJS file (no chunks: nothing can be loaded from disk beside it, and `import()` of a file
// does not go with the V8 code cache), prepared as a blob with its code cache by that same
// Node 24 binary (a blob must be made by the binary it goes into), and injected into a copy of it
// with postject. Executables for other systems are built there (see docs/platforms.md).
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  INK_CACHES_ACROSS_FRAMES,
  patchesPlugin,
  root,
  shared,
  STANDALONE_DIR,
  STANDALONE_NAME,
} from './bundle-options.mjs';
import { worthShowing } from './sea-warnings.mjs';
import { node24 } from './node24.mjs';

// --out=<folder> and --no-code-cache are for the benchmark, which weighs the code cache.
const outArg = process.argv.find((arg) => arg.startsWith('--out='))?.slice(6);
const codeCache = !process.argv.includes('--no-code-cache');
const outDir = outArg ?? STANDALONE_DIR;
const work = join(outDir, '.sea-work');
const runtime = node24();
const executable = join(outDir, STANDALONE_NAME);
rmSync(work, { recursive: true, force: true });
rmSync(executable, { force: true });
mkdirSync(work, { recursive: true });

/**
 * Top-level awaits, which CommonJS cannot hold. yoga-layout awaits its WebAssembly: Node compiles
 * and instantiates WebAssembly synchronously as well, and Emscripten's module is ready as soon as
 * its instance is, so the same bytes are made ready before the first line of Ink runs (and never
 * through fetch).
 */
const WITHOUT_AWAIT = [
  {
    file: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
    edits: [
      { find: 'var _scriptDir = import.meta.url;', replace: 'var _scriptDir = undefined;' },
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
  // Ink awaits React's devtools and its own package.json only when DEV is set: not in this build.
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

const script = join(work, 'nginxaas-keys.cjs');
await build({
  ...shared,
  entryPoints: [join(root, 'src/cli/start.ts')],
  outfile: script,
  format: 'cjs',
  target: 'node24',
  define: { ...shared.define, 'process.env.NGINXAAS_KEYS_PACKAGING': '"standalone"' },
  plugins: [patchesPlugin('sea-patches', [...WITHOUT_AWAIT, INK_CACHES_ACROSS_FRAMES])],
});

const blob = join(work, 'sea-prep.blob');
const config = join(work, 'sea-config.json');
// execArgvExtension "none": the executable takes no Node options from NODE_OPTIONS (a `--require`
// there would run any code inside it, before a key is made); its only options are its own (none).
const seaConfig = {
  main: script,
  output: blob,
  disableExperimentalSEAWarning: true,
  useCodeCache: codeCache,
  execArgv: [],
  execArgvExtension: 'none',
};
writeFileSync(config, JSON.stringify(seaConfig, null, 2));
execFileSync(runtime, ['--experimental-sea-config', config], { stdio: 'inherit' });

copyFileSync(runtime, executable);
chmodSync(executable, 0o755);
// macOS refuses a signed binary that was changed: the signature goes first and comes back after
// (ad hoc here; see docs/platforms.md for a Developer ID). On Windows node's Authenticode signature
// would be left broken by the injection: signtool removes it when the Windows SDK has one.
if (process.platform === 'darwin') execFileSync('codesign', ['--remove-signature', executable], { stdio: 'inherit' });
if (process.platform === 'win32') {
  try {
    execFileSync('signtool', ['remove', '/s', executable], { stdio: 'inherit' });
  } catch {
    process.stderr.write('signtool not found: the executable keeps a broken signature until it is signed\n');
  }
}
const postject = join(root, 'node_modules', 'postject', 'dist', 'cli.js');
// postject's notes about node's ELF note sections are left out (sea-warnings.mjs says why).
const injected = spawnSync(
  process.execPath,
  [
    postject,
    executable,
    'NODE_SEA_BLOB',
    blob,
    '--sentinel-fuse',
    'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2',
    ...(process.platform === 'darwin' ? ['--macho-segment-name', 'NODE_SEA'] : []),
  ],
  { stdio: ['inherit', 'inherit', 'pipe'], encoding: 'utf8' },
);
const said = worthShowing(injected.stderr ?? '');
if (said.length > 0) process.stderr.write(`${said.join('\n')}\n`);
if (injected.error) throw injected.error;
if (injected.status !== 0) throw new Error(`postject failed (exit ${injected.status ?? injected.signal})`);
if (process.platform === 'darwin') execFileSync('codesign', ['--sign', '-', executable], { stdio: 'inherit' });
rmSync(work, { recursive: true, force: true });
process.stdout.write(`${executable}\n`);
