/**
 * After the key, through the built binary against the emulator over HTTPS: each hand-off target
 * (exact content, mode 0600, the vault's value, expiry, tags and versions), the dataplane check in
 * its outcomes, and rotations that finish and that stop half-way.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_VAULT, PRODUCTION } from '../../src/emulator/sample-data';
import { cliWorld, runCli } from '../helpers/cli';
import { expectSchema, json } from '../helpers/schemas';
import { WEB_ARGV } from '../helpers/sample';
import { useTempDir } from '../helpers/temp';
import { base64 } from '../helpers/secrets';

const tempDir = useTempDir('handoff-');

const VAULT_URL = `https://${DEMO_VAULT}/secrets/nlk-web-01`;

async function world() {
  return { ...(await cliWorld()), dir: tempDir() };
}

describe('--emit', () => {
  it('writes the NLK values, the nginx-asg-sync config and the dotenv file exactly, 0600, and stores the key in Key Vault', async () => {
    const { env, emulator, web, secretOf, endpoint, dir } = await world();
    const files = { nlk: join(dir, 'nlk-values.yaml'), asg: join(dir, 'config.yaml'), env: join(dir, 'nginxaas.env') };
    const result = await runCli(
      [
        'create',
        ...WEB_ARGV,
        '--name',
        'handed',
        '--emit',
        `nlk=${files.nlk}`,
        '--emit',
        `asg-sync=${files.asg}`,
        '--emit',
        `env=${files.env}`,
        '--emit',
        `keyvault=${VAULT_URL}`,
      ],
      { env },
    );
    expect(result.code).toBe(0);
    const secret = secretOf('handed')!;
    const end = emulator.world.key(web(), 'handed')!.endDateTime;
    const nplus = `${endpoint()}nplus`;
    expect(readFileSync(files.nlk, 'utf8')).toBe(
      [
        `# NGINXaaS Loadbalancer for Kubernetes: key 'handed' of web-01, expires ${end}.`,
        '# This file holds the key: keep it out of version control. NLK reads the key only when its pod starts.',
        'nlk:',
        `  dataplaneApiKey: "${secret}"`,
        '  config:',
        `    nginxHosts: "${nplus}"`,
        '    tls:',
        '      mode: "ca-tls"',
        '',
      ].join('\n'),
    );
    const asg = readFileSync(files.asg, 'utf8');
    expect(asg).toContain('cloud_provider: Azure\n');
    expect(asg).toContain(`subscription_id: "${PRODUCTION}"\n`);
    expect(asg).toContain('resource_group_name: "edge-rg"');
    expect(asg).toContain(`api_endpoint: "${nplus}"\n`);
    expect(asg).toContain('sync_interval: 5s\n');
    expect(asg).toContain(
      `custom_headers:\n  Content-Type: application/json\n  Authorization: "ApiKey ${base64(secret)}"\n`,
    );
    expect(asg).toContain('# upstreams:\n#   - name: backend-one');
    expect(asg).not.toContain('//nplus');
    expect(readFileSync(files.env, 'utf8')).toBe(
      [
        `# NGINXaaS dataplane API key 'handed' of web-01, expires ${end}.`,
        `NGINXAAS_DATAPLANE_API_KEY=${secret}`,
        `NGINXAAS_DATAPLANE_ENDPOINT=${endpoint()}`,
        `NGINXAAS_NPLUS_ENDPOINT=${nplus}`,
        '',
      ].join('\n'),
    );
    for (const file of Object.values(files)) expect(statSync(file).mode & 0o777).toBe(0o600);
    const [stored] = emulator.world.vaultSecretVersions(DEMO_VAULT, 'nlk-web-01');
    expect(stored).toMatchObject({
      value: secret,
      contentType: 'text/plain',
      exp: Math.floor(new Date(end).getTime() / 1000),
      tags: {
        deployment: `/subscriptions/${PRODUCTION}/resourceGroups/edge-rg/providers/Nginx.NginxPlus/nginxDeployments/web-01`,
        keyName: 'handed',
      },
    });
    expect(result.stdout).toContain(
      // Not a terminal: the command whole, on a line of its own.
      `\n    helm upgrade --install nlk oci://registry-1.docker.io/nginxcharts/nginxaas-loadbalancer-kubernetes --version 1.2.6 -f ${files.nlk}\n`,
    );
    expect(result.stdout).toContain('rolls the NLK pod, which reads the key only at start');
    expect(result.stdout).toContain('restart nginx-asg-sync');
    expect(result.stdout + result.stderr).not.toContain(secret);
  });

  it('every destination is checked before any request: an existing file without --force, a bad kind or vault URL', async () => {
    const { env, emulator, dir } = await world();
    const taken = join(dir, 'taken.yaml');
    await runCli(['create', ...WEB_ARGV, '--name', 'first', '--emit', `nlk=${taken}`], { env });
    emulator.requests.length = 0;
    for (const [emit, words] of [
      [`nlk=${taken}`, 'exists; pass --force'],
      ['helm=x.yaml', '--emit takes nlk=…, asg-sync=…, env=…, keyvault=…'],
      ['keyvault=https://example.com/secrets/x', 'is not a Key Vault secret'],
      [`env=${join(dir, 'missing', 'x.env')}`, 'does not exist'],
    ]) {
      const result = await runCli(['create', ...WEB_ARGV, '--name', 'second', '--emit', emit!], { env });
      expect([result.code, result.stderr]).toEqual([2, expect.stringContaining(words!)]);
    }
    expect(emulator.requests).toHaveLength(0);
  });
});

describe('--verify', () => {
  it('a live key is accepted; JSON carries the verification', async () => {
    const { env, dir } = await world();
    const result = await runCli(
      ['create', ...WEB_ARGV, '--name', 'checked', '--secret-out', join(dir, 'k'), '--verify', '-o', 'json'],
      { env },
    );
    expect(result.code).toBe(0);
    expectSchema('create', json(result.stdout));
    expect(json(result.stdout).verification).toMatchObject({ outcome: 'accepted', status: 200 });
  });

  it('a key the dataplane refuses is tried again for a while, then exit 1 with the words', async () => {
    const { env, emulator, dir } = await world();
    emulator.faults.add({ method: 'GET', path: '/packages', status: 401, times: -1 });
    const result = await runCli(
      ['create', ...WEB_ARGV, '--name', 'refused', '--secret-out', join(dir, 'k'), '--verify'],
      {
        env: { ...env, NGINXAAS_KEYS_VERIFY_WAIT_MS: '1500' },
      },
    );
    expect(result.code).toBe(1);
    // Tried again for a while; the wait is said on a terminal only (progress), not to this pipe.
    expect(result.stderr).not.toContain('The dataplane does not take the key yet');
    expect(result.stdout).toContain('✖ The dataplane refused the key');
    expect(emulator.requests.filter((r) => r.path.endsWith('/packages')).length).toBeGreaterThan(1);
  });

  it('an unreachable dataplane is a warning about the network, not a failure of the key', async () => {
    const { env, emulator, dir } = await world();
    emulator.faults.add({ method: 'GET', path: '/packages', reset: true, times: -1 });
    const result = await runCli(
      ['create', ...WEB_ARGV, '--name', 'unheard', '--secret-out', join(dir, 'k'), '--verify'],
      {
        env,
      },
    );
    expect(result.code).toBe(0);
    // One sentence: the host and what happened, in words; no errno, no parentheses.
    const host = new URL(emulator.url).host;
    expect(result.stdout).toContain(
      `⚠ Could not check the key from here: ${host} cut the connection before answering.\n`,
    );
  });
});

describe('rotate', () => {
  it('new key, verified, handed off (files rewritten, a new vault version), old key deleted', async () => {
    const { env, emulator, secretOf, dir } = await world();
    const values = join(dir, 'nlk-values.yaml');
    const first = await runCli(
      ['create', ...WEB_ARGV, '--name', 'nlk-web', '--emit', `nlk=${values}`, '--emit', `keyvault=${VAULT_URL}`],
      { env },
    );
    expect(first.code).toBe(0);
    const rotated = await runCli(
      [
        'rotate',
        ...WEB_ARGV,
        '--name',
        'nlk-web',
        '--emit',
        `nlk=${values}`,
        '--emit',
        `keyvault=${VAULT_URL}`,
        '--force',
        '--yes',
        '-o',
        'json',
      ],
      { env },
    );
    expect(rotated.code).toBe(0);
    const document = json(rotated.stdout);
    expectSchema('rotate', document);
    expect(document).toMatchObject({
      name: 'nlk-web-2',
      rotatedFrom: { name: 'nlk-web', action: 'deleted' },
      verification: { outcome: 'accepted' },
      verificationAfterSwitch: { outcome: 'accepted' },
    });
    expect(secretOf('nlk-web')).toBeUndefined();
    expect(readFileSync(values, 'utf8')).toContain(`dataplaneApiKey: "${secretOf('nlk-web-2')}"`);
    expect(emulator.world.vaultSecretVersions(DEMO_VAULT, 'nlk-web-01').map((v) => v.value)).toEqual([
      expect.any(String),
      secretOf('nlk-web-2'),
    ]);
  });

  it('the dataplane refuses the new key: it stops with both keys, says where and the command that finishes', async () => {
    const { env, emulator, secretOf, dir } = await world();
    emulator.faults.add({ method: 'GET', path: '/packages', status: 401, times: -1 });
    const result = await runCli(
      ['rotate', ...WEB_ARGV, '--name', 'asg-sync', '--secret-out', join(dir, 'new.key'), '--yes'],
      {
        env: { ...env, NGINXAAS_KEYS_VERIFY_WAIT_MS: '500' },
      },
    );
    expect(result.code).toBe(1);
    expect(secretOf('asg-sync')).toBeDefined();
    expect(secretOf('asg-sync-2')).toBe(readFileSync(join(dir, 'new.key'), 'utf8'));
    expect(result.stderr).toContain('Rotation stopped at verify: the dataplane refused the key');
    expect(result.stderr).toContain("Both keys are in place: 'asg-sync' still works until");
    expect(result.stderr).toContain(
      `finish with: nginxaas-keys delete -d web-01 -g edge-rg --subscription ${PRODUCTION} --name asg-sync --yes`,
    );
  });
});
