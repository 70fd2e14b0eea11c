// Builds dist/ when it is missing or older than any source file, so `npm run demo` works
// straight after a fresh `npm ci` and after edits. With --sea, the standalone executable of
// this platform likewise (its smoke test runs it).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root, STANDALONE_DIR, STANDALONE_NAME } from './bundle-options.mjs';

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const newest = Math.max(
  newestSource(join(root, 'src')),
  newestSource(join(root, 'scripts')),
  // The Node inside the standalone executable: a new pin makes a new executable.
  statSync(join(root, 'tools', 'node24', 'package-lock.json')).mtimeMs,
);
const stale = (path) => !existsSync(path) || statSync(path).mtimeMs < newest;

if (stale(join(root, 'dist', 'nginxaas-keys.cjs'))) {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
}
if (process.argv.includes('--sea')) {
  if (stale(join(STANDALONE_DIR, STANDALONE_NAME))) {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-sea.mjs')], { stdio: 'inherit' });
  }
}
