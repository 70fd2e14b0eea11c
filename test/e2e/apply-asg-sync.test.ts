/**
 * `rotate --apply asg-sync=systemd…` through the built binary, against the HTTPS emulator and fakes
 * of systemctl and journalctl first on PATH: a real config.yaml in a folder of the test's own,
 * changed only at `custom_headers.Authorization` (comments, mode kept; a backup first, then a
 * rename), every upstream asked with the new header on the emulator's NGINX Plus API first, the
 * unit restarted (the fake's nginx-asg-sync asks the emulator with what the config carries), and
 * the old key deleted only after the unit stayed up. Each failure injected puts the file back,
 * restarts the unit, keeps both keys and exits 1.
 */
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEntries } from '../../src/files/history-file';
import { cliWorld, runCli } from '../helpers/cli';
import { asgUnit, makeFakeConsumers, type Call, type Faults } from '../helpers/fake-consumers';
import { WEB_ARGV } from '../helpers/sample';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const UNIT = 'nginx-asg-sync.service';

function configText(nplus: string, key: string, upstream = 'backend-one') {
  return [
    '# nginx-asg-sync for the shop: owned by the platform team',
    'cloud_provider: Azure',
    'subscription_id: 11111111-2222-4333-8444-555555555555',
    'resource_group_name: shop-rg   # the VMSS group',
    `api_endpoint: ${nplus}`,
    'sync_interval: 5s',
    'custom_headers:',
    '  Content-Type: application/json',
    `  Authorization: "ApiKey ${b64(key)}"   # rotated by nginxaas-keys`,
    'upstreams:',
    `  - name: ${upstream}`,
    '    virtual_machine_scale_set: backend-one-vmss',
    '    port: 80',
    '    kind: http',
    '  - name: tcp-backend',
    '    virtual_machine_scale_set: tcp-vmss',
    '    port: 5432',
    '    kind: stream',
    '',
  ].join('\n');
}

async function asgWorld(options: { faults?: Faults; key?: string; upstream?: string; endpoint?: string } = {}) {
  const world = await cliWorld();
  const nplus = `${world.endpoint()}nplus`;
  const oldKey = world.secretOf('asg-sync') as string;
  const folder = mkdtempSync(join(tmpdir(), 'asg-etc-'));
  const config = join(folder, 'config.yaml');
  const original = configText(options.endpoint ?? nplus, options.key ?? oldKey, options.upstream);
  writeFileSync(config, original);
  chmodSync(config, 0o640);
  const fakes = makeFakeConsumers({
    units: { [UNIT]: asgUnit(config) },
    caFile: world.env.NGINXAAS_ARM_CA,
    ...(options.faults ? { faults: options.faults } : {}),
  });
  const state = mkdtempSync(join(tmpdir(), 'apply-state-'));
  const env = { ...world.env, PATH: fakes.path, XDG_STATE_HOME: state };
  const history = () => readEntries(join(state, 'nginxaas-keys', 'history.jsonl')).reverse();
  return { ...world, nplus, oldKey, folder, config, original, fakes, env, history };
}

const rotateAsg = (...extra: string[]) => [
  'rotate',
  ...WEB_ARGV,
  '--name',
  'asg-sync',
  '--apply',
  'asg-sync=systemd',
  '--settle',
  '300ms',
  ...extra,
];

const restarts = (calls: Call[]) => calls.filter((c) => c.program === 'systemctl' && c.argv[0] === 'restart');

describe('rotate --apply asg-sync=systemd', () => {
  it('changes only the Authorization line, restarts the unit, and deletes the old key after it stays up', async () => {
    const w = await asgWorld();
    const result = await runCli(rotateAsg('--yes'), { env: w.env });
    expect(result.stderr).toContain(`nginx-asg-sync unit ${UNIT} (${w.config}): the new key is in place and in use`);
    expect(result.code).toBe(0);
    const fresh = w.secretOf('asg-sync-2') as string;
    const after = readFileSync(w.config, 'utf8');
    const changed = after.split('\n').filter((line, i) => line !== w.original.split('\n')[i]);
    expect(changed).toEqual([`  Authorization: "ApiKey ${b64(fresh)}"   # rotated by nginxaas-keys`]);
    expect(statSync(w.config).mode & 0o777).toBe(0o640);
    expect(readdirSync(w.folder)).toEqual(['config.yaml']);
    expect(w.secretOf('asg-sync')).toBeUndefined();
    // Every upstream was asked with the new key before the file changed and the unit restarted.
    const restart = restarts(w.fakes.calls())[0] as Call & { at: number };
    const asked = w.emulator.requests.filter((r) =>
      /\/nplus\/9\/(http|stream)\/upstreams\/[^/]+\/servers$/.test(r.path),
    );
    expect(asked.filter((r) => r.at <= restart.at).map((r) => `${r.path.split('/nplus/')[1]} ${r.status}`)).toEqual([
      '9/http/upstreams/backend-one/servers 200',
      '9/stream/upstreams/tcp-backend/servers 200',
    ]);
    expect(restarts(w.fakes.calls())).toHaveLength(1);
    for (const call of w.fakes.calls()) {
      expect(call.argv.join(' ')).not.toContain(b64(fresh));
      expect(JSON.stringify(call.env)).not.toContain(fresh);
    }
    expect(w.history().map((e) => `${e.action} ${e.outcome}`)).toEqual([
      'rotate-new done',
      'apply done',
      'apply-proof done',
      'rotate-retire done',
    ]);
  });

  it.each<[string, Faults, RegExp]>([
    ['systemd restarts it again and again', { restarts: 'rise' }, /was restarted by systemd \(restarts \d+ → \d+/],
    [
      'its journal says it could not update',
      { journal: 'problem' },
      /nginx-asg-sync said: Couldn't update HTTP servers in NGINX: got 401/,
    ],
    ['the restart fails', { restart: 'fail' }, /systemctl restart nginx-asg-sync.service failed/],
  ])('%s: the file goes back, the unit restarts, both keys stay, exit 1', async (_, faults, why) => {
    const w = await asgWorld({ faults });
    const result = await runCli(
      rotateAsg('--yes', '--secret-out', join(mkdtempSync(join(tmpdir(), 'k-')), 'new.key')),
      {
        env: w.env,
      },
    );
    expect(result.stderr).toMatch(why);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${w.config} is back as it was`);
    expect(readFileSync(w.config, 'utf8')).toBe(w.original);
    expect(statSync(w.config).mode & 0o777).toBe(0o640);
    expect(existsSync(`${w.config}.nginxaas-keys-backup`)).toBe(false);
    expect(readdirSync(w.folder)).toEqual(['config.yaml']);
    expect(w.secretOf('asg-sync')).toBe(w.oldKey);
    expect(w.secretOf('asg-sync-2')).toBeDefined();
    expect(w.emulator.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
    expect(result.stderr).toContain('run the rotation again: nginxaas-keys rotate');
    expect(result.stderr).toContain('--apply asg-sync=systemd');
  });

  it('an upstream the deployment does not have stops it before the file is touched', async () => {
    const w = await asgWorld({ upstream: 'no-such-upstream' });
    const result = await runCli(
      rotateAsg('--yes', '--secret-out', join(mkdtempSync(join(tmpdir(), 'k-')), 'new.key')),
      {
        env: w.env,
      },
    );
    expect(result.stderr).toContain('upstream no-such-upstream (http) is not on web-01');
    expect(result.code).toBe(1);
    expect(readFileSync(w.config, 'utf8')).toBe(w.original);
    expect(restarts(w.fakes.calls())).toEqual([]);
    expect(w.secretOf('asg-sync')).toBe(w.oldKey);
  });

  it.each<[string, { key?: string; endpoint?: string }, RegExp]>([
    ['carries another key', { key: 'zzz-not-the-old-key-at-all' }, /does not carry 'asg-sync'/],
    [
      'points at another deployment',
      { endpoint: 'https://other-0123456789ab.eastus2.nginxaas.net/nplus' },
      /points at https:\/\/other-0123456789ab\.eastus2\.nginxaas\.net\/nplus, not at web-01/,
    ],
  ])('a config that %s is refused before any key is made (exit 2)', async (_, options, why) => {
    const w = await asgWorld(options);
    const result = await runCli(rotateAsg('--yes'), { env: w.env });
    expect(result.stderr).toMatch(why);
    expect(result.code).toBe(2);
    expect(w.emulator.requests.filter((r) => r.method === 'PUT' || r.method === 'DELETE')).toEqual([]);
    expect(readFileSync(w.config, 'utf8')).toBe(w.original);
  });

  it('--dry-run says the restart and the file it would write, and touches neither', async () => {
    const w = await asgWorld();
    const result = await runCli(rotateAsg('--dry-run'), { env: w.env });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`copy ${w.config} to ${w.config}.nginxaas-keys-backup`);
    expect(result.stdout).toContain(`systemctl restart ${UNIT}`);
    expect(result.stdout).toContain(`GET ${w.nplus}/9/http/upstreams/backend-one/servers  (with the new key)`);
    expect(readFileSync(w.config, 'utf8')).toBe(w.original);
    expect(restarts(w.fakes.calls())).toEqual([]);
    expect(w.emulator.requests.filter((r) => r.method === 'PUT' || r.method === 'DELETE')).toEqual([]);
  });
});
