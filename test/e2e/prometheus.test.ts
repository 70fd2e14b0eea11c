/**
 * `list -o prometheus` and `--output-file` through the built binary against the emulator: the
 * exposition is checked line by line by a strict little parser, and the file is whole, 0644, or
 * not written at all.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Listed } from '../../src/commands/list/list-output';
import { withEnv } from '../helpers/child-env';
import { labelValue, prometheusText } from '../../src/commands/list/prometheus';
import { cliWorld, runCli } from '../helpers/cli';
import { BIN, ROOT } from '../helpers/pty';
import { WEB_ARGV } from '../helpers/sample';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('prometheus-');

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The text exposition format, strictly: HELP and TYPE before a family's samples, each series once. */
function parseExposition(text: string): Sample[] {
  expect(text.endsWith('\n')).toBe(true);
  const declared = new Map<string, { help: boolean; type?: string }>();
  const seen = new Set<string>();
  const samples: Sample[] = [];
  for (const line of text.slice(0, -1).split('\n')) {
    const help = /^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) \S.*$/.exec(line);
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (gauge|counter|untyped)$/.exec(line);
    if (help) {
      expect(declared.has(help[1]!), `HELP of ${help[1]} twice`).toBe(false);
      declared.set(help[1]!, { help: true });
      continue;
    }
    if (type) {
      expect(declared.get(type[1]!)?.help, `TYPE of ${type[1]} before its HELP`).toBe(true);
      declared.set(type[1]!, { help: true, type: type[2]! });
      continue;
    }
    const sample =
      /^([a-zA-Z_:][a-zA-Z0-9_:]*)\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*",?)*)\} (NaN|-?\d+(?:\.\d+)?)$/.exec(
        line,
      );
    expect(sample, `not a sample line: ${line}`).not.toBeNull();
    const [, name, labelText, value] = sample!;
    expect(declared.get(name!)?.type, `${name} has no TYPE`).toBe('gauge');
    const labels: Record<string, string> = {};
    for (const [, key, raw] of labelText!.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g))
      labels[key!] = raw!.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
    const series = `${name}${JSON.stringify(labels)}`;
    expect(seen.has(series), `${series} twice`).toBe(false);
    seen.add(series);
    samples.push({ name: name!, labels, value: value === 'NaN' ? Number.NaN : Number(value) });
  }
  return samples;
}

const byName = (samples: Sample[], name: string) => samples.filter((s) => s.name === name);

describe('list -o prometheus', () => {
  it(
    "every key's expiry in seconds and whether it has expired; every deployment read; no secret, no hint",
    { tags: ['clock'] },
    async () => {
      const { env, emulator } = await cliWorld();
      const result = await runCli(['list', '--all', '-o', 'prometheus'], { env });
      expect(result.code, result.stderr).toBe(0);
      const samples = parseExposition(result.stdout);
      const now = Date.now();
      const keys = emulator.world.snapshot().keys;
      const expiration = byName(samples, 'nginxaas_api_key_expiration_timestamp_seconds');
      expect(expiration).toHaveLength(keys.length);
      for (const k of keys) {
        const series = expiration.find((s) => s.labels.key === k.name && s.labels.deployment === k.deployment);
        expect(series?.value).toBe(Math.floor(new Date(k.endDateTime).getTime() / 1000));
        const expired = byName(samples, 'nginxaas_api_key_expired').find(
          (s) => s.labels.key === k.name && s.labels.deployment === k.deployment,
        );
        expect(expired?.value).toBe(new Date(k.endDateTime).getTime() <= now ? 1 : 0);
        expect(result.stdout).not.toContain(k.secret);
        expect(result.stdout).not.toContain(`"${k.secret.slice(0, 3)}"`);
      }
      const read = byName(samples, 'nginxaas_api_key_deployment_read_success');
      expect(read.map((s) => s.value)).toEqual(read.map(() => 1));
      expect(Object.keys(expiration[0]!.labels)).toEqual(['subscription_id', 'resource_group', 'deployment', 'key']);
    },
  );

  it('--expiring-within keeps the flagged keys and exits 3; a deployment that could not be read is a 0 and exit 1', async () => {
    const { env, emulator } = await cliWorld();
    const flaggedRun = await runCli(['list', ...WEB_ARGV, '-o', 'prometheus', '--expiring-within', '30'], { env });
    expect(flaggedRun.code).toBe(3);
    const names = byName(parseExposition(flaggedRun.stdout), 'nginxaas_api_key_expiration_timestamp_seconds').map(
      (s) => s.labels.key,
    );
    expect(names.sort()).toEqual(['ci-2025', 'nlk-prod']);

    emulator.faults.add({ method: 'GET', path: 'web-01/apiKeys', status: 403, code: 'AuthorizationFailed', times: -1 });
    const blind = await runCli(['list', '--all', '-o', 'prometheus'], { env });
    expect(blind.code).toBe(1);
    const unread = byName(parseExposition(blind.stdout), 'nginxaas_api_key_deployment_read_success').filter(
      (s) => s.value === 0,
    );
    expect(unread.map((s) => s.labels.deployment)).toEqual(['web-01']);
  });

  it('each series once when Resource Graph returns every row twice (issue 31)', async () => {
    const { env, emulator } = await cliWorld();
    emulator.faults.add({ method: 'POST', path: 'resourcegraph', duplicateRows: true, times: -1 });
    const result = await runCli(['list', '--all', '-o', 'prometheus'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(emulator.requests.some((r) => r.path.toLowerCase().includes('resourcegraph'))).toBe(true);
    // parseExposition fails on a series seen twice.
    const samples = parseExposition(result.stdout);
    expect(byName(samples, 'nginxaas_api_key_expiration_timestamp_seconds')).toHaveLength(
      emulator.world.snapshot().keys.length,
    );
    // And every face lists each deployment once.
    const listed = await runCli(['list', '--all', '-o', 'json'], { env });
    const ids = (JSON.parse(listed.stdout) as { deployments: { deployment: { id: string } }[] }).deployments.map(
      (d) => d.deployment.id,
    );
    expect(ids).toEqual([...new Set(ids)]);
  });

  it('each series once even when the listing holds a deployment twice; read once counts as read', () => {
    const deployment = {
      subscriptionId: 's',
      resourceGroup: 'g',
      name: 'd',
      id: 'x',
      location: 'l',
      provisioningState: 'Succeeded',
    };
    const key = { id: 'k', name: 'k1', hint: 'abc', endDateTime: new Date('2030-01-01T00:00:00Z') };
    const text = prometheusText(
      [
        { deployment, keys: [], problem: 'refused' },
        { deployment, keys: [key] },
        { deployment, keys: [key] },
      ] as Listed[],
      [{ subscriptionId: 'u' }, { subscriptionId: 'u' }],
      new Date('2027-01-01T00:00:00Z'),
    );
    const samples = parseExposition(text);
    expect(byName(samples, 'nginxaas_api_key_deployment_read_success').map((s) => s.value)).toEqual([1]);
    expect(byName(samples, 'nginxaas_api_key_subscription_read_success')).toHaveLength(1);
    expect(byName(samples, 'nginxaas_api_key_expired')).toHaveLength(1);
  });

  it('label values escape backslash, double quote and line feed', () => {
    expect(labelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
  });

  it('is for list only', async () => {
    const { env, emulator } = await cliWorld();
    const result = await runCli(['show', 'web-01', 'nlk-prod', '-o', 'prometheus'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("-o prometheus is for 'list'");
    expect(emulator.requests).toHaveLength(0);
  });
});

describe('--output-file', () => {
  it('is written whole by a rename, 0644 whatever the umask, and only the file is left in the folder', async () => {
    const { env } = await cliWorld();
    const folder = tempDir();
    const file = join(folder, 'nginxaas.prom');
    const args = [BIN, 'list', '--all', '-o', 'prometheus', '--output-file', file];
    // The emulator runs in this process: the child is awaited, never waited for synchronously.
    const child = spawn('sh', ['-c', 'umask 077; exec "$0" "$@"', process.execPath, ...args], {
      cwd: ROOT,
      env: withEnv({ ...env, XDG_STATE_HOME: tempDir() }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const run = { status, stdout, stderr };
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(statSync(file).mode & 0o777).toBe(0o644);
    parseExposition(readFileSync(file, 'utf8'));
    expect(readdirSync(folder)).toEqual(['nginxaas.prom']);
  });

  it('a run that fails leaves the last good file as it was', async () => {
    const { env } = await cliWorld();
    const file = join(tempDir(), 'keys.json');
    writeFileSync(file, '{"the":"last good run"}\n');
    const result = await runCli(['list', '-d', 'no-such-deployment', '-o', 'json', '--output-file', file], { env });
    expect(result.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('{"the":"last good run"}\n');
  });

  it.each([
    ['a folder', (dir: string) => (mkdirSync(join(dir, 'out')), join(dir, 'out')), 'is a folder'],
    [
      'a symbolic link',
      (dir: string) => (symlinkSync('/tmp/elsewhere', join(dir, 'l')), join(dir, 'l')),
      'symbolic link',
    ],
    ['in a missing folder', (dir: string) => join(dir, 'missing', 'f'), 'does not exist'],
  ])('%s is refused before any request (exit 2)', async (_label, make, words) => {
    const { env, emulator } = await cliWorld();
    const result = await runCli(['list', '--all', '--output-file', make(tempDir())], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(words);
    expect(emulator.requests).toHaveLength(0);
  });

  it('is refused for output that holds a key', async () => {
    const { env, emulator } = await cliWorld();
    const out = join(tempDir(), 'f');
    const result = await runCli(['create', ...WEB_ARGV, '--name', 'x', '--show-secret', '--output-file', out], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--output-file is refused for output that holds a key');
    expect(emulator.requests).toHaveLength(0);
  });
});
