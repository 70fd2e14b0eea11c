/**
 * The --demo world shared by processes at once (issue 18): creates run together keep every key,
 * a world open in one process takes in what another wrote, a lock whose owner is gone is taken
 * over, and a damaged file is set aside and said, never silently replaced.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdtempSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { World } from '../../src/emulator/world';
import { sampleData, PRODUCTION } from '../../src/emulator/sample-data';
import { runCli } from '../helpers/cli';
import { useTempDir } from '../helpers/temp';
import { tmpdir } from 'node:os';

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

  it('a world open in one process takes in a key another wrote, and never writes it away', () => {
    const path = join(tempDir(), 'world.json');
    const open = new World(sampleData(new Date()), path);
    open.save();
    const beside = new World(JSON.parse(readFileSync(path, 'utf8')), path);
    const web = beside.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
    beside.putKey(web, 'made-beside', 'Beside-Secret-01', new Date(Date.now() + 86_400_000).toISOString());
    // The open world, still holding its old picture, deletes a key: the other's key stays.
    open.deleteKey(open.deployment(PRODUCTION, 'edge-rg', 'web-01')!, 'ci-2025');
    expect(names(path)).toEqual(['asg-sync', 'made-beside', 'nlk-prod']);
    open.refresh();
    expect(open.key(open.deployment(PRODUCTION, 'edge-rg', 'web-01')!, 'made-beside')?.secret).toBe('Beside-Secret-01');
  });

  it('a lock left by a process that is gone is taken over', () => {
    const path = join(tempDir(), 'world.json');
    const world = new World(sampleData(new Date()), path);
    // No process has pid 2^22 + 1 here (Linux's pid_max is 2^22 at most).
    writeFileSync(`${path}.lock`, String(4_194_305));
    world.save();
    expect(existsSync(path)).toBe(true);
    expect(existsSync(`${path}.lock`)).toBe(false);
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
    const state = mkdtempSync(join(tmpdir(), 'demo-world-'));
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
