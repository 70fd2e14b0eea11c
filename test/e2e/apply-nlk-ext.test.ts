/**
 * `rotate --apply nlk-ext=…` through the built binary, against the HTTPS emulator and fakes of az
 * and kubectl first on PATH: the key goes to `az k8s-extension update` in a 0600 file in a 0700
 * folder that is gone afterwards (never an argument), the plain-settings exposure is said, and the
 * change is proven in the cluster with --kube-context; without it the change is unproven and the
 * old key stays. A failed update is put back with the old key's value.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWorld, runCli } from '../helpers/cli';
import { makeFakeConsumers, nlkRelease, type Call, type Faults } from '../helpers/fake-consumers';
import { WEB_ARGV } from '../helpers/sample';

async function extWorld(faults?: Faults) {
  const world = await cliWorld();
  const nplus = `${world.endpoint()}nplus`;
  const oldKey = world.secretOf('nlk-prod') as string;
  const fakes = makeFakeConsumers({
    contexts: ['aks-prod'],
    releases: [nlkRelease({ name: 'nlk-ext', key: oldKey, nplus })],
    services: [
      { context: 'aks-prod', namespace: 'shop', name: 'web', annotations: { 'nginx.com/nginxaas': 'nginxaas' } },
    ],
    extensions: [
      {
        name: 'nlk-ext',
        cluster: 'aks-prod',
        group: 'aks-rg',
        context: 'aks-prod',
        namespace: 'nlk',
        extensionType: 'nginxinc.nginxaas-aks-extension',
        provisioningState: 'Succeeded',
        configurationSettings: {
          'nlk.dataplaneApiKey': oldKey,
          'nlk.config.nginxHosts': nplus,
          'nlk.config.tls.mode': 'ca-tls',
        },
      },
    ],
    ...(faults ? { faults } : {}),
  });
  const env = { ...world.env, PATH: fakes.path, XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'apply-state-')) };
  const setting = () => fakes.state().extensions?.[0]?.configurationSettings['nlk.dataplaneApiKey'];
  return { ...world, oldKey, fakes, env, setting };
}

const rotateExt = (...extra: string[]) => [
  'rotate',
  ...WEB_ARGV,
  '--name',
  'nlk-prod',
  '--apply',
  'nlk-ext=nlk-ext',
  '--cluster',
  'aks-prod',
  '--cluster-group',
  'aks-rg',
  '--settle',
  '300ms',
  '--yes',
  ...extra,
];

const updates = (calls: Call[]) => calls.filter((c) => c.program === 'az' && c.argv[1] === 'update');

describe('rotate --apply nlk-ext', () => {
  it('updates the extension from a 0600 file in a 0700 folder, removed after; proven in the cluster', async () => {
    const w = await extWorld();
    const result = await runCli(rotateExt('--kube-context', 'aks-prod'), { env: w.env });
    expect(result.stderr).toContain('the AKS extension keeps the key as a plain configuration setting');
    expect(result.stderr).toContain(
      "NLK extension 'nlk-ext' (cluster aks-prod, group aks-rg): the new key is in place and in use",
    );
    expect(result.code).toBe(0);
    const fresh = w.secretOf('nlk-prod-2') as string;
    expect(w.setting()).toBe(fresh);
    expect(w.secretOf('nlk-prod')).toBeUndefined();
    const [update] = updates(w.fakes.calls());
    const [file, seen] = Object.entries(update?.files ?? {})[0] ?? [];
    expect(update?.argv).toContain(`--configuration-settings-file=${file}`);
    expect(JSON.parse(seen?.content ?? '')).toEqual({ 'nlk.dataplaneApiKey': fresh });
    expect(seen?.mode).toBe(0o600);
    expect(seen?.folderMode).toBe(0o700);
    expect(existsSync(file ?? '')).toBe(false);
    for (const call of w.fakes.calls()) {
      expect(call.argv.join(' ')).not.toContain(fresh);
      expect(JSON.stringify(call.env)).not.toContain(fresh);
    }
  });

  it('without --kube-context the change is unproven and the old key stays', async () => {
    const w = await extWorld();
    const result = await runCli(rotateExt(), { env: w.env });
    expect(result.stderr).toContain('unproven (no --kube-context was given: the pods were not seen to take it)');
    expect(result.stderr).toContain("unproven, so 'nlk-prod' stays");
    expect(result.code).toBe(0);
    expect(w.setting()).toBe(w.secretOf('nlk-prod-2'));
    expect(w.secretOf('nlk-prod')).toBe(w.oldKey);
  });

  it('a failed update is put back with the old value: both keys stay, exit 1', async () => {
    const w = await extWorld({ extUpdate: 'fail' });
    const result = await runCli(rotateExt('--secret-out', join(mkdtempSync(join(tmpdir(), 'k-')), 'new.key')), {
      env: w.env,
    });
    expect(result.stderr).toContain("az k8s-extension update of 'nlk-ext' failed");
    expect(result.stderr).toContain("extension 'nlk-ext' holds the old key again");
    expect(result.code).toBe(1);
    expect(w.setting()).toBe(w.oldKey);
    expect(w.secretOf('nlk-prod')).toBe(w.oldKey);
    expect(updates(w.fakes.calls())).toHaveLength(2);
    for (const file of updates(w.fakes.calls()).flatMap((c) => Object.keys(c.files)))
      expect(existsSync(file)).toBe(false);
  });

  it('needs --cluster and --cluster-group before anything runs (exit 2)', async () => {
    const w = await extWorld();
    const result = await runCli(
      ['rotate', ...WEB_ARGV, '--name', 'nlk-prod', '--apply', 'nlk-ext=nlk-ext', '--cluster', 'aks-prod'],
      { env: w.env },
    );
    expect(result.stderr).toContain(
      '--apply nlk-ext needs --cluster <AKS cluster> and --cluster-group <its resource group>',
    );
    expect(result.code).toBe(2);
    expect(w.fakes.calls()).toEqual([]);
  });
});
