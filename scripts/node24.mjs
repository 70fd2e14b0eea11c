// Node 24 LTS for this platform, the official binary the registry serves as `node-<platform>-<arch>`:
// the runtime the standalone executable embeds (build-sea.mjs), and the second runtime of the tests
// (`npm run test:node24`) and of `npm run bench -- --node24`.
//
// It has a folder and a lockfile of its own (tools/node24: the exact version and its integrity),
// installed there with `npm ci` the first time it is asked for. Not a dependency of the project:
// the package names its binary `node`, and npm would link it as node_modules/.bin/node, where
// every npm script would run on it in place of the machine's Node; and an optional dependency
// would be downloaded by everyone who installs the published package.
//
// `node scripts/node24.mjs` prints its path; `node scripts/node24.mjs <file> [args…]` runs a
// script on it, with its folder first on PATH so that a child `node` is Node 24 too.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const NODE24_FOLDER = join(root, 'tools', 'node24');
const PACKAGE = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
const lock = JSON.parse(readFileSync(join(NODE24_FOLDER, 'package-lock.json'), 'utf8'));
/** The version pinned in tools/node24/package-lock.json for this platform, or undefined when it has none. */
export const NODE24_VERSION = lock.packages[`node_modules/${PACKAGE}`]?.version;

const binary = join(
  NODE24_FOLDER,
  'node_modules',
  PACKAGE,
  ...(process.platform === 'win32' ? ['node.exe'] : ['bin', 'node']),
);

const versionOf = (file) => execFileSync(file, ['--version'], { encoding: 'utf8' }).trim();

/**
 * The path of Node 24's binary, installed from the lockfile when it is missing or not the pinned
 * version. On a platform the lockfile has no package for, a Node 24 running this script serves.
 */
export function node24() {
  if (NODE24_VERSION === undefined) {
    if (process.versions.node.startsWith('24.')) return process.execPath;
    throw new Error(
      `tools/node24 pins no Node 24 for ${process.platform}-${process.arch}: add ${PACKAGE} there (npm install --prefix tools/node24 --save-optional ${PACKAGE}@24), or run this with a Node 24`,
    );
  }
  if (existsSync(binary) && versionOf(binary) === `v${NODE24_VERSION}`) return binary;
  process.stderr.write(`installing Node ${NODE24_VERSION} (${PACKAGE}) into tools/node24\n`);
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: NODE24_FOLDER,
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  const installed = versionOf(binary);
  if (installed !== `v${NODE24_VERSION}`) throw new Error(`${binary} says ${installed}, not v${NODE24_VERSION}`);
  return binary;
}

/** The environment a child runs Node 24 in: its folder first on PATH. */
export function node24Env(env = process.env) {
  return { ...env, PATH: `${dirname(node24())}${delimiter}${env.PATH ?? ''}` };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [script, ...args] = process.argv.slice(2);
  if (script === undefined) {
    process.stdout.write(`${node24()}\n`);
  } else {
    const result = spawnSync(node24(), [script, ...args], { stdio: 'inherit', env: node24Env() });
    process.exit(result.status ?? 1);
  }
}
