/**
 * Every example that `help` prints, run as written against a fresh --demo world, each with the
 * exit code it is expected to end with. The examples are read from the built binary's help (not
 * from the table behind it), in the order the help of the commands prints them, in one world and
 * one folder: so `create … --secret-out nlk-canary.key` makes the file that the `extend` and
 * `status` examples later read, as it would for a person trying them one after another.
 *
 * Each runs as printed: `nginxaas-keys` on PATH is the built binary (as `npm install -g .` puts
 * it), and every example that reaches Azure says --demo itself. A long example continues on the
 * next line after ` \`, as a shell reads it. The one input a person brings is key.txt, the value that
 * `--secret-stdin < key.txt` reads; the test writes it. Wizard examples run in a pseudo-terminal
 * and are left with Ctrl+C (130); the emulator runs until Ctrl+C (0). zsh and fish are not on this
 * machine: their examples run the command up to the redirection or the pipe and check the script.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dayTakenAt } from '../helpers/calendar';
import { withEnv } from '../helpers/child-env';
import { BIN, KEY, runInPty } from '../helpers/pty';
import { sampleData } from '../../src/emulator/sample-data';

const HELP_TOPICS = [
  '',
  'create',
  'list',
  'show',
  'delete',
  'rotate',
  'extend',
  'status',
  'endpoint',
  'config',
  'history',
];
const LATER_TOPICS = ['emulator', 'completion', 'help'];

/** The examples of a help, each one line again (a ` \` continuation joined), comments left out. */
function examplesOf(topic: string): string[] {
  const help = execFileSync(process.execPath, [BIN, 'help', ...(topic ? [topic] : [])], {
    encoding: 'utf8',
    env: withEnv({ NO_COLOR: '1' }),
  });
  const section = help.split('\nEXAMPLES\n')[1]?.split('\n\n')[0] ?? '';
  return section
    .replace(/ \\\n +/g, ' ')
    .split('\n')
    .filter((line) => line.startsWith('  $ '))
    .map((line) => line.slice(4).replace(/ {2}# .*$/, ''));
}

type Run =
  | { how: 'shell'; code: number; says?: RegExp; silent?: true }
  | { how: 'wizard'; firstFrame: RegExp }
  | { how: 'foreground' }
  | { how: 'completion'; says: RegExp };

/** What each example does, keyed by the example with a date in it written as <date>. */
const EXPECTED: Record<string, Run> = {
  'nginxaas-keys --demo': { how: 'wizard', firstFrame: /Choose a deployment/ },
  'nginxaas-keys -d web-01 -g edge-rg --demo': { how: 'wizard', firstFrame: /Keys of web-01/ },
  'nginxaas-keys --plain --demo': { how: 'wizard', firstFrame: /web-01, group edge-rg/ },
  'nginxaas-keys create -d web-01 --name nlk-canary --secret-out nlk-canary.key --demo': {
    how: 'shell',
    code: 0,
    says: /key file {2}nlk-canary\.key \(mode 0600\)/,
  },
  'nginxaas-keys create -d web-01 --name nlk-east --emit nlk=nlk.yaml --verify --demo': {
    how: 'shell',
    code: 0,
    says: /The dataplane accepted the key/,
  },
  'nginxaas-keys create -d web-01 --name nlk-west --secret-stdin --demo < key.txt': { how: 'shell', code: 0 },
  'nginxaas-keys list -d web-01 -g edge-rg --demo': { how: 'shell', code: 0, says: /nlk-west/ },
  'nginxaas-keys list --all --expiring-within 30 --demo': {
    how: 'shell',
    code: 3,
    says: /expires within 30 days/,
  },
  // Item 5 of issue 34: with no terminal, writes the file and says nothing at all.
  'nginxaas-keys list --all -o prometheus --output-file keys.prom --quiet --demo': {
    how: 'shell',
    code: 0,
    silent: true,
  },
  'nginxaas-keys show web-01 nlk-prod --demo': { how: 'shell', code: 0, says: /status {4}expiring/ },
  'nginxaas-keys show -d web-01 -g edge-rg --name nlk-prod -o json --demo': {
    how: 'shell',
    code: 0,
    says: /"name": "nlk-prod"/,
  },
  'nginxaas-keys delete web-01 ci-2025 --yes --demo': { how: 'shell', code: 0, says: /Deleted key 'ci-2025'/ },
  'nginxaas-keys rotate web-01 nlk-prod --emit nlk=nlk.yaml --force --demo': {
    how: 'shell',
    code: 0,
    says: /nlk-prod-2/,
  },
  // No cluster here (whatever helm and kubectl this machine has): the checks before any key refuse, nothing changed.
  'nginxaas-keys rotate web-01 nlk-prod --apply nlk-helm=nlk --kube-context aks-prod --yes --demo': {
    how: 'shell',
    code: 2,
    says: /((helm|kubectl) is not on PATH|kube context 'aks-prod' is not in kubectl's config)[^\n]*\. Nothing was changed/,
  },
  'nginxaas-keys extend web-01 nlk-canary --expires 6mo --demo': { how: 'shell', code: 0 },
  'nginxaas-keys extend web-01 nlk-canary --expires <date> --secret-file nlk-canary.key --verify --demo': {
    how: 'shell',
    code: 0,
    says: /checked {3}the dataplane accepted the key/,
  },
  'nginxaas-keys update web-01 nlk-canary --expires 2y --demo': { how: 'shell', code: 0, says: /now expires/ },
  'nginxaas-keys status --demo': { how: 'shell', code: 0, says: /6 NGINXaaS deployments visible/ },
  'nginxaas-keys status web-01 --secret-file nlk-canary.key --demo': {
    how: 'shell',
    code: 0,
    says: /the dataplane accepts it/,
  },
  'nginxaas-keys status web-01 --secret-file nlk-canary.key -o json --demo': {
    how: 'shell',
    code: 0,
    says: /the dataplane accepts it/,
  },
  'nginxaas-keys endpoint web-01 --nplus --demo': {
    how: 'shell',
    code: 0,
    says: /^https:\/\/127\.0\.0\.1:\d+\/web-01-.*\/nplus$/m,
  },
  'nginxaas-keys config set resource-group edge-rg --demo': {
    how: 'shell',
    code: 0,
    says: /saved resource-group edge-rg in the default section/,
  },
  'nginxaas-keys config set deployment web-01 --profile stage --demo': {
    how: 'shell',
    code: 0,
    says: /saved deployment web-01 in profile stage/,
  },
  'nginxaas-keys config list -o json --demo': { how: 'shell', code: 0, says: /"stage": \{\n\s+"deployment": "web-01"/ },
  'nginxaas-keys history --limit 5 --demo': { how: 'shell', code: 0, says: /extend +nlk-canary on web-01 {2}done/ },
  'nginxaas-keys history -d web-01 --key nlk-canary -o json --demo': {
    how: 'shell',
    code: 0,
    says: /"action": "extend",[\s\S]*"action": "create",[\s\S]*"key": "nlk-canary"/,
  },
  'nginxaas-keys emulator --state ./world.json': { how: 'foreground' },
  'nginxaas-keys emulator --seed-fleet 1000x3 --latency 50': { how: 'foreground' },
  'source <(nginxaas-keys completion bash)': {
    how: 'completion',
    says: /^complete -F _nginxaas_keys nginxaas-keys$/m,
  },
  'nginxaas-keys completion zsh > "${fpath[1]}/_nginxaas-keys"': { how: 'completion', says: /^#compdef nginxaas-keys/ },
  'nginxaas-keys completion fish | source': {
    how: 'completion',
    says: /^complete -c nginxaas-keys/m,
  },
  'nginxaas-keys help rotate': { how: 'shell', code: 0, says: /^USAGE\n {2}nginxaas-keys rotate/m },
  'nginxaas-keys rotate --help': { how: 'shell', code: 0, says: /--new-name/ },
};

const keyed = (example: string) => example.replace(/\b\d{4}-\d{2}-\d{2}\b/, '<date>');

const home = mkdtempSync(join(tmpdir(), 'help-examples-'));
const work = join(home, 'work');
mkdirSync(work);
writeFileSync(join(work, 'key.txt'), 'Fjord-Lantern-7395-Quartz');
// The environment of every example: a small one of its own (helpers/child-env.ts), never the host's.
const env = withEnv({
  HOME: home,
  XDG_STATE_HOME: join(home, 'state'),
  XDG_CONFIG_HOME: join(home, 'config'),
  NO_COLOR: '1',
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

/**
 * The demo's sample world, its keys' hints made ones no generated key can have (a UUID begins with
 * hex): a key an example makes is then always told from them by its hint. With the sample's own
 * random UUIDs, one run in a few thousand made nlk-canary with ci-2025's hint, and the example
 * that proves nlk-canary's value was refused, as it should be, for a key it could not tell apart.
 */
function seedDemoWorld(stateHome: string): void {
  const data = sampleData(new Date());
  data.keys = data.keys.map((k, i) => ({ ...k, secret: `zz${i}-${k.secret}` }));
  mkdirSync(join(stateHome, 'nginxaas-keys'), { recursive: true, mode: 0o700 });
  writeFileSync(join(stateHome, 'nginxaas-keys', 'demo-world.json'), JSON.stringify(data), { mode: 0o600 });
}
seedDemoWorld(join(home, 'state'));

function inBash(
  script: string,
  where: { cwd?: string; state?: string } = {},
  timeoutMs = 60_000,
): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], {
      cwd: where.cwd ?? work,
      env: where.state ? { ...env, XDG_STATE_HOME: where.state } : env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, out });
    });
  });
}

/** Runs until it says it listens, then gets Ctrl+C (SIGINT), as a person in that shell would. */
function untilCtrlC(example: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', `exec ${example}`], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (/listening on https:\/\/127\.0\.0\.1:\d+/.test(out)) child.kill('SIGINT');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, out });
    });
  });
}

/** Without zsh or fish, the part of the line before the redirection or the pipe. */
function completionScript(example: string): string {
  if (example.startsWith('source ')) return `${example}\ncomplete -p nginxaas-keys`;
  return example.split(/ [>|] /)[0] ?? example;
}

const shown = HELP_TOPICS.flatMap(examplesOf);
const later = LATER_TOPICS.flatMap(examplesOf);

describe('the examples that help prints', () => {
  it('each has an expected ending here, and nothing here is left unprinted', () => {
    const printed = [...shown, ...later].map(keyed);
    expect(printed.filter((e) => !(e in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((e) => !printed.includes(e))).toEqual([]);
  });

  it(
    "the date in an example is one that --expires takes today, counted by the test's calendar, and it runs",
    {
      tags: ['clock'],
    },
    async () => {
      const dated = shown.find((e) => /--expires \d{4}-\d{2}-\d{2} /.test(e)) ?? '';
      const day = /--expires (\d{4}-\d{2}-\d{2}) /.exec(dated)?.[1] ?? 'none';
      const taken = dayTakenAt(day, new Date());
      expect(taken.ok, taken.why).toBe(true);
      // Run with the example before it that makes nlk-canary.key, in a folder and world of its own,
      // so that it runs alone too (CI runs the tests that read the clock on the trap days).
      const own = join(home, 'dated');
      mkdirSync(own);
      seedDemoWorld(join(own, 'state'));
      const made = await inBash('nginxaas-keys create -d web-01 --name nlk-canary --secret-out nlk-canary.key --demo', {
        cwd: own,
        state: join(own, 'state'),
      });
      expect(made.code, made.out).toBe(0);
      const result = await inBash(dated, { cwd: own, state: join(own, 'state') });
      expect(result.code, result.out).toBe(0);
      expect(result.out).toMatch(/checked {3}the dataplane accepted the key/);
    },
  );

  describe.each([...shown, ...later].map((example) => [example]))('%s', (example) => {
    const run = EXPECTED[keyed(example)];
    it('ends as expected', async () => {
      if (!run) throw new Error(`no expected ending for: ${example}`);
      if (run.how === 'shell') {
        const result = await inBash(example);
        expect(result.code, result.out).toBe(run.code);
        if (run.says) expect(result.out).toMatch(run.says);
        if (run.silent) expect(result.out).toBe('');
      } else if (run.how === 'foreground') {
        const result = await untilCtrlC(example);
        expect([result.code, result.out]).toEqual([0, expect.stringContaining('(loopback only)')]);
      } else if (run.how === 'completion') {
        const result = await inBash(completionScript(example));
        expect(result.code, result.out).toBe(0);
        expect(result.out).toMatch(run.says);
      } else {
        const pty = runInPty('bash', ['-c', `exec ${example}`], env, { cols: 100, rows: 30 }, work);
        await pty.waitFor(run.firstFrame, 20_000);
        await pty.type(KEY.ctrlC);
        expect(await pty.exit).toBe(130);
      }
    }, 90_000);
  });
});
