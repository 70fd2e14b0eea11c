// The standalone executable for this platform (dist/<platform>-<arch>/nginxaas-keys): Node's
// single executable applications, on Node 24 LTS whatever Node runs this build (scripts/node24.mjs:
// the registry's official binary, pinned with its integrity in tools/node24/package-lock.json).
// The program is bundled again for Node 24 as one CommonJS file and carried as an asset; the
// executable's one script (src/cli/standalone-main.ts) runs it with the user's code cache, as the
// npm command runs its own (src/cli/launch.ts). Both are prepared as a blob by that same Node 24
// binary (a blob must be made by the binary it goes into) and injected into a copy of it with
// postject. Executables for other systems are built there (see docs/platforms.md).
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildProgram, root, shared, STANDALONE_DIR, STANDALONE_NAME } from './bundle-options.mjs';
import { worthShowing } from './sea-warnings.mjs';
import { node24 } from './node24.mjs';

const outArg = process.argv.find((arg) => arg.startsWith('--out='))?.slice(6);
const outDir = outArg ?? STANDALONE_DIR;
const work = join(outDir, '.sea-work');
const runtime = node24();
const executable = join(outDir, STANDALONE_NAME);
rmSync(work, { recursive: true, force: true });
rmSync(executable, { force: true });
mkdirSync(work, { recursive: true });

const script = join(work, 'nginxaas-keys.cjs');
// What --version names beside the runtime, in the program and in the script that answers it alone.
const standaloneDefine = { ...shared.define, 'process.env.NGINXAAS_KEYS_PACKAGING': '"standalone"' };
await buildProgram({ outfile: script, target: 'node24', define: standaloneDefine });
const main = join(work, 'main.cjs');
await build({
  ...shared,
  entryPoints: [join(root, 'src/cli/standalone-main.ts')],
  outfile: main,
  format: 'cjs',
  target: 'node24',
  define: standaloneDefine,
});

const blob = join(work, 'sea-prep.blob');
const config = join(work, 'sea-config.json');
// execArgvExtension "none": the executable takes no Node options from NODE_OPTIONS (a `--require`
// there would run any code inside it, before a key is made); its only options are its own (none).
const seaConfig = {
  main,
  assets: { 'nginxaas-keys.cjs': script },
  output: blob,
  disableExperimentalSEAWarning: true,
  useCodeCache: true,
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
