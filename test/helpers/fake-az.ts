/**
 * A fake Azure CLI: a shell script named `az`, first on PATH, that answers
 * `account get-access-token` and `account show` and logs its arguments (never a real login).
 * Signed out, it refuses with az's words until its `az login` (which asks nothing and signs in,
 * after saying what a real one would) — the state is a file beside it, so it lasts across runs.
 */
import { chmodSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FakeAz {
  folder: string;
  /** PATH with the fake first. */
  path: string;
  calls(): string[];
  /** What each run of the fake saw in its own environment (/proc/self/environ), NUL-separated. */
  environments(): string;
  /** The signals its `az login` got (with `onLoginSignal`), one name a line, in order. */
  signals(): string[];
  /** The process id of its last `az login`. */
  loginPid(): number | undefined;
}

export function makeFakeAz(options: {
  token: string;
  subscription?: string;
  /** Signed out; a string is what az says instead of its usual "Please run 'az login'". */
  loggedOut?: boolean | string;
  /** How long its `az login` takes (a person at a browser), in seconds. */
  loginSeconds?: number;
  /**
   * What its `az login` does on SIGINT, SIGTERM or SIGHUP, each written down first: `exit` as az
   * does, or `ignore` (an az that hangs; it gives up by itself after a minute, so no test leaves
   * one behind).
   */
  onLoginSignal?: 'exit' | 'ignore';
}): FakeAz {
  const folder = mkdtempSync(join(tmpdir(), 'fake-az-'));
  const log = join(folder, 'calls.log');
  const environ = join(folder, 'environ.log');
  const signedOut = join(folder, 'signed-out');
  const signals = join(folder, 'signals.log');
  const after = options.onLoginSignal === 'exit' ? 'exit 130' : ':';
  // A background sleep ignores the terminal's SIGINT (as a non-interactive shell's jobs do), and
  // `wait` lets a trap run at once; the loop runs no other command a Ctrl+C could end.
  const wait = options.onLoginSignal
    ? `trap 'echo INT >> "${signals}"; ${after}' INT
  trap 'echo TERM >> "${signals}"; ${after}' TERM
  trap 'echo HUP >> "${signals}"; ${after}' HUP
  left=${options.onLoginSignal === 'ignore' ? 60 : (options.loginSeconds ?? 0)}
  while [ "$left" -gt 0 ]; do sleep 1 & wait $!; left=$((left - 1)); done`
    : `sleep ${options.loginSeconds ?? 0}`;
  const expires = Math.floor(Date.now() / 1000) + 3600;
  const refusal =
    typeof options.loggedOut === 'string' ? options.loggedOut : "ERROR: Please run 'az login' to setup account.";
  if (options.loggedOut) writeFileSync(signedOut, refusal);
  const script = `#!/bin/sh
echo "$*" >> '${log}'
cat /proc/$$/environ >> '${environ}'
if [ "$1" = "login" ]; then
  echo $$ > '${folder}/login.pid'
  echo "A web browser has been opened at https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize."
  ${wait}
  rm -f '${signedOut}'
  printf '%s\\n' '[{"id":"${options.subscription ?? ''}","isDefault":true,"name":"Fake default","state":"Enabled"}]'
  exit 0
fi
if [ -f '${signedOut}' ]; then
  cat '${signedOut}' >&2
  echo >&2
  exit 1
fi
case "$1 $2" in
  "account get-access-token")
    printf '%s' '{"accessToken":"${options.token}","expiresOn":"2099-01-01 00:00:00.000000","expires_on":${expires},"subscription":"${options.subscription ?? ''}","tenant":"72f988bf-0000-4000-8000-000000000001","tokenType":"Bearer"}'
    ;;
  "account show")
    printf '%s' '{"id":"${options.subscription ?? ''}","name":"Fake default","isDefault":true,"state":"Enabled"}'
    ;;
  *)
    echo "fake az: unsupported: $*" >&2
    exit 2
    ;;
esac
`;
  const file = join(folder, 'az');
  writeFileSync(file, script);
  chmodSync(file, 0o755);
  return {
    folder,
    path: `${folder}:${process.env.PATH ?? ''}`,
    calls: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : []),
    environments: () => (existsSync(environ) ? readFileSync(environ, 'utf8') : ''),
    loginPid: () =>
      existsSync(join(folder, 'login.pid')) ? Number(readFileSync(join(folder, 'login.pid'), 'utf8')) : undefined,
    signals: () => (existsSync(signals) ? readFileSync(signals, 'utf8').trim().split('\n').filter(Boolean) : []),
  };
}

/** A fake `xclip` first on PATH: records its arguments, its environment and what it read on stdin. */
export function makeFakeClipboard(): { path: string; args(): string; environment(): string; input(): string } {
  const folder = mkdtempSync(join(tmpdir(), 'fake-xclip-'));
  const file = join(folder, 'xclip');
  writeFileSync(
    file,
    `#!/bin/sh
echo "$0 $*" > '${folder}/args'
cat /proc/$$/environ > '${folder}/environ'
cat > '${folder}/stdin'
`,
  );
  chmodSync(file, 0o755);
  const read = (name: string) => (existsSync(join(folder, name)) ? readFileSync(join(folder, name), 'utf8') : '');
  return {
    path: `${folder}:${process.env.PATH ?? ''}`,
    args: () => read('args'),
    environment: () => read('environ'),
    input: () => read('stdin'),
  };
}

/**
 * A PATH on which there is no az: one empty folder of the test's own. Not /usr/bin:/bin, where
 * many CI images have an az; the binary is started by node's own path, so it needs nothing here.
 */
export function noAzPath(): string {
  return mkdtempSync(join(tmpdir(), 'no-az-'));
}
