/**
 * The --demo world shared by real processes at once: creates run together keep every key, a wizard
 * open on the world shows a key a command made meanwhile and its own write keeps it, later runs see
 * the same world, and a damaged file is set aside and said, never silently replaced. (World objects
 * sharing a file, and a dead owner's lock, in-process: integration/demo-world-file.test.ts.)
 */
import { existsSync, readFileSync, readdirSync, writeFileSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { BIN, KEY, runInPty, walkToReview } from '../helpers/pty';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('demo-world-');
const statePath = (home: string) => join(home, 'nginxaas-keys', 'demo-world.json');
const names = (path: string) =>
  (JSON.parse(readFileSync(path, 'utf8')) as { keys: { deployment: string; name: string }[] }).keys
    .filter((k) => k.deployment === 'web-01')
    .map((k) => k.name)
    .sort();

describe('the demo world between processes', () => {
  it('three create --demo at once keep all three keys', async () => {
    const home = tempDir();
    const env = { XDG_STATE_HOME: home };
    expect((await runCli(['list', '--demo', '-d', 'web-01'], { env })).code).toBe(0);
    const runs = await Promise.all(
      ['one', 'two', 'three'].map((name) =>
        runCli(['create', '--demo', '-d', 'web-01', '--name', name, '--show-secret'], { env }),
      ),
    );
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(names(statePath(home))).toEqual(['asg-sync', 'ci-2025', 'nlk-prod', 'one', 'three', 'two']);
    expect(existsSync(`${statePath(home)}.lock`)).toBe(false);
  });

  it.each([
    ['cut short', '{"subscriptions": [{"subscriptionId": "1'],
    ['garbage', 'not json at all'],
  ])(
    'a %s file is kept as .corrupt-<time> and said, and the demo starts from the sample world',
    async (_label, content) => {
      const home = tempDir();
      const path = statePath(home);
      expect((await runCli(['list', '--demo', '-d', 'web-01'], { env: { XDG_STATE_HOME: home } })).code).toBe(0);
      writeFileSync(path, content);
      const result = await runCli(['list', '--demo', '-d', 'web-01'], { env: { XDG_STATE_HOME: home } });
      expect(result.code).toBe(0);
      const aside = readdirSync(join(home, 'nginxaas-keys')).find((f) => f.startsWith('demo-world.json.corrupt-'));
      expect(aside).toBeDefined();
      expect(readFileSync(join(home, 'nginxaas-keys', aside!), 'utf8')).toBe(content);
      expect(result.stderr).toContain(
        `The demo world in ${path} was damaged; it is kept as ${join(home, 'nginxaas-keys', aside!)}`,
      );
      expect(result.stdout).toContain('nlk-prod');
    },
  );
});

describe('--demo keeps its world', () => {
  it('create, then show, list and delete in later runs see the same world; --demo-reset starts over', async () => {
    const state = tempDir();
    const env = { XDG_STATE_HOME: state, NGINXAAS_ACCESS_TOKEN: undefined };
    const created = await runCli(['create', '--demo', '-d', 'web-01', '--name', 'demo1', '--show-secret'], { env });
    expect(created.code).toBe(0);
    const file = join(state, 'nginxaas-keys', 'demo-world.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(file)).mode & 0o777).toBe(0o700);
    const shown = await runCli(['show', '--demo', '-d', 'web-01', '--name', 'demo1', '-o', 'json'], { env });
    expect([shown.code, JSON.parse(shown.stdout).hint]).toEqual([0, created.stdout.slice(0, 3)]);
    const deleted = await runCli(['delete', '--demo', '-d', 'web-01', '--name', 'demo1', '--yes'], { env });
    expect(deleted.stdout).toContain("Deleted key 'demo1'");
    await runCli(['create', '--demo', '-d', 'web-01', '--name', 'demo2', '--show-secret'], { env });
    const reset = await runCli(['show', '--demo', '--demo-reset', '-d', 'web-01', '--name', 'demo2'], { env });
    expect([reset.code, reset.stderr]).toEqual([1, expect.stringContaining("no key named 'demo2'")]);
  });

  it('the commands it suggests on --demo say --demo', async () => {
    const env = { NGINXAAS_ACCESS_TOKEN: undefined };
    const result = await runCli(['rotate', '--demo', '-d', 'web-01', '--name', 'asg-sync', '--show-secret'], { env });
    expect(result.stderr).toMatch(/retire it: nginxaas-keys delete -d web-01 .* --name asg-sync --demo/);
  });
});

describe('a wizard open beside a command, two processes on one demo world', () => {
  it('the wizard shows a key a command made meanwhile, and what the wizard then makes keeps it', async () => {
    const home = tempDir();
    const env = { XDG_STATE_HOME: home, NGINXAAS_ACCESS_TOKEN: undefined };
    const wizard = runInPty(process.execPath, [BIN, '--demo'], env, { cols: 120, rows: 34 });
    await wizard.waitFor('Choose a deployment');
    await wizard.waitFor('web-01');
    // While the wizard is open on the world, another process adds a key to it.
    const beside = await runCli(['create', '--demo', '-d', 'web-01', '--name', 'made-beside', '--show-secret'], {
      env,
    });
    expect(beside.code, beside.stderr).toBe(0);
    // The wizard reads the deployment's keys now: the other process's key is among them.
    await wizard.type(...'web-01', KEY.enter);
    await wizard.waitFor('Keys of ');
    await wizard.waitFor('made-beside');
    // The wizard makes a key of its own; its write keeps the one made beside it.
    await walkToReview(wizard, 'from-wizard');
    await wizard.type(KEY.enter);
    await wizard.waitFor('The dataplane accepted the key');
    // Shown, so held: the wizard may leave it live.
    await wizard.type('r', 'q');
    await wizard.waitFor('Have you saved the key?');
    await wizard.type('y');
    expect(await wizard.exit).toBe(0);
    const listed = await runCli(['list', '--demo', '-d', 'web-01', '-o', 'json'], { env });
    const keys = (JSON.parse(listed.stdout) as { deployments: { keys: { name: string }[] }[] }).deployments.flatMap(
      (d) => d.keys.map((k) => k.name),
    );
    expect(keys).toEqual(expect.arrayContaining(['made-beside', 'from-wizard', 'nlk-prod']));
    expect(names(statePath(home))).toEqual(expect.arrayContaining(['made-beside', 'from-wizard']));
  });
});
