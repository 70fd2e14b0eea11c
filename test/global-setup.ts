/**
 * One temporary folder for the whole run, removed at its end: every test, and every process a
 * test starts (the binary, the emulator, fake az), makes its files under it through TMPDIR, so a
 * run leaves nothing behind in the machine's /tmp (some of those files hold keys).
 *
 * The host's configuration is no part of a test: its NGINXAAS_*, AZURE_* and proxy variables are
 * taken out of the test processes' own environment (the in-process tests run the SDK pipeline,
 * which reads HTTPS_PROXY), and every child starts from helpers/child-env.ts's small one.
 *
 * The program is on PATH as an installed command is (`npm install -g .` links the checkout's
 * bin/nginxaas-keys.js so): the commands a run prints name it `nginxaas-keys`, as they do for a
 * person who installed it. A test that gives its child a PATH of its own without it sees the
 * program named as it was started (`node /…/bin/nginxaas-keys.js`).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HOST_ONLY = /^(NGINXAAS_|AZURE_|MSI_|IDENTITY_)|^(https?_proxy|no_proxy|all_proxy)$/i;

export default function setup(): () => void {
  const run = mkdtempSync(join(tmpdir(), 'nginxaas-keys-tests-'));
  const before = {
    TMPDIR: process.env.TMPDIR,
    XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME,
    XDG_STATE_HOME: process.env.XDG_STATE_HOME,
    PATH: process.env.PATH,
  };
  const commands = join(run, 'commands');
  mkdirSync(commands);
  symlinkSync(fileURLToPath(new URL('../bin/nginxaas-keys.js', import.meta.url)), join(commands, 'nginxaas-keys'));
  process.env.PATH = `${commands}${delimiter}${process.env.PATH ?? ''}`;
  process.env.TMPDIR = run;
  // Nor does any process read or write the saved defaults, history or state of whoever runs the tests.
  process.env.XDG_CONFIG_HOME = join(run, 'config');
  process.env.XDG_STATE_HOME = join(run, 'state');
  const hosts: [string, string | undefined][] = Object.keys(process.env)
    .filter((name) => HOST_ONLY.test(name))
    .map((name) => [name, process.env[name]]);
  for (const [name] of hosts) delete process.env[name];
  return () => {
    for (const [name, value] of hosts) process.env[name] = value;
    for (const [name, value] of Object.entries(before))
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    rmSync(run, { recursive: true, force: true });
  };
}
