/**
 * `rotate --apply nlk-helm=…` and `create --apply nlk-helm=…` through the built binary, against the
 * HTTPS emulator and fakes of helm and kubectl first on PATH: the release ends holding the new key,
 * the old key is deleted only after the proof, and no key reaches an argument, an environment or a
 * file left behind; each failure injected ends in a rollback, no DELETE of the old key, exit 1 and
 * the command that continues; a release that is not this deployment's consumer is refused before
 * anything is made; --dry-run changes nothing.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEntries } from '../../src/files/history-file';
import { cliWorld, runCli } from '../helpers/cli';
import { makeFakeConsumers, nlkRelease, type Call, type Faults, type Scenario } from '../helpers/fake-consumers';
import { WEB_ARGV } from '../helpers/sample';
import { expectSchema } from '../helpers/schemas';

const SETTLE = ['--settle', '300ms'];

async function nlkWorld(options: { faults?: Faults; edit?: (s: Scenario, nplus: string) => void } = {}) {
  const world = await cliWorld();
  const nplus = `${world.endpoint()}nplus`;
  const oldKey = world.secretOf('nlk-prod') as string;
  const scenario: Scenario = {
    contexts: ['aks-prod', 'kind-dev'],
    currentContext: 'aks-prod',
    releases: [nlkRelease({ key: oldKey, nplus })],
    services: [
      { context: 'aks-prod', namespace: 'shop', name: 'web', annotations: { 'nginx.com/nginxaas': 'nginxaas' } },
    ],
    ...(options.faults ? { faults: options.faults } : {}),
  };
  options.edit?.(scenario, nplus);
  const fakes = makeFakeConsumers(scenario);
  const state = mkdtempSync(join(tmpdir(), 'apply-state-'));
  const env = { ...world.env, PATH: fakes.path, XDG_STATE_HOME: state };
  const history = () => readEntries(join(state, 'nginxaas-keys', 'history.jsonl')).reverse();
  const release = () => fakes.state().releases?.find((r) => r.name === 'nlk');
  const runningKey = () =>
    [...(release()?.revisions ?? [])].reverse().find((r) => r.status === 'deployed')?.values.nlk?.dataplaneApiKey;
  return { ...world, nplus, oldKey, fakes, env, history, release, runningKey };
}

const rotateNlk = (...extra: string[]) => [
  'rotate',
  ...WEB_ARGV,
  '--name',
  'nlk-prod',
  '--apply',
  'nlk-helm=nlk',
  '--kube-context',
  'aks-prod',
  ...SETTLE,
  ...extra,
];

/** No key in any argument, environment or standard input other than the values helm reads from it. */
function expectNoKeyOutsideStdin(calls: Call[], keys: string[]) {
  for (const call of calls)
    for (const key of keys) {
      const b64 = Buffer.from(key).toString('base64');
      expect(call.argv.join(' ')).not.toContain(key);
      expect(call.argv.join(' ')).not.toContain(b64);
      expect(JSON.stringify(call.env)).not.toContain(key);
      if (!(call.program === 'helm' && call.argv[0] === 'upgrade')) expect(call.stdin).not.toContain(key);
    }
}

const programs = (calls: Call[]) =>
  calls.map((c) => `${c.program} ${c.argv.filter((a) => !a.startsWith('--')).join(' ')}`);

describe('rotate --apply nlk-helm', () => {
  it('leaves the release holding the new key, proven, and deletes the old key only after the proof', async () => {
    const w = await nlkWorld();
    const result = await runCli(rotateNlk('--yes'), { env: w.env });
    expect(result.stderr).toContain(
      "NLK release 'nlk' (namespace nlk, kube context aks-prod): the new key is in place and in use",
    );
    expect(result.code).toBe(0);
    const fresh = w.secretOf('nlk-prod-2') as string;
    expect(fresh).toBeDefined();
    expect(w.secretOf('nlk-prod')).toBeUndefined();
    expect(w.runningKey()).toBe(fresh);
    // Upgraded with only the key on standard input, at the installed version, the old values kept.
    const upgrade = w.fakes.calls().find((c) => c.program === 'helm' && c.argv[0] === 'upgrade') as Call;
    expect(upgrade.argv).toEqual([
      'upgrade',
      'nlk',
      'oci://registry-1.docker.io/nginxcharts/nginxaas-loadbalancer-kubernetes',
      '--version=1.2.7',
      '--reuse-values',
      '--values=-',
      '--namespace=nlk',
      '--kube-context=aks-prod',
    ]);
    expect(JSON.parse(upgrade.stdin)).toEqual({ nlk: { dataplaneApiKey: fresh } });
    expect(w.release()?.revisions.at(-1)?.values.nlk?.config?.nginxHosts).toBe(w.nplus);
    // Every kubectl and helm call named the context: never the ambient one.
    for (const call of w.fakes.calls().filter((c) => c.program !== 'helm' || c.argv[0] !== 'version'))
      expect(
        call.argv.some((a) => a === '--context=aks-prod' || a === '--kube-context=aks-prod' || a === '--output=name'),
      ).toBe(true);
    expectNoKeyOutsideStdin(w.fakes.calls(), [fresh, w.oldKey]);
    // The proof, then the retirement: in the history, and in time against the emulator's log.
    const actions = w.history().map((e) => `${e.action} ${e.outcome}`);
    expect(actions).toEqual(['rotate-new done', 'apply done', 'apply-proof done', 'rotate-retire done']);
    const lastLook = Math.max(...w.fakes.calls().map((c) => (c as Call & { at: number }).at));
    const deleted = w.emulator.requests.find((r) => r.method === 'DELETE' && r.path.endsWith('/nlk-prod'));
    expect(deleted?.at).toBeGreaterThanOrEqual(lastLook);
  });

  it.each<[string, Faults, RegExp]>([
    ['the upgrade fails', { upgrade: 'fail' }, /helm upgrade of 'nlk' failed: Error: UPGRADE FAILED/],
    [
      'the rollout times out',
      { rollout: 'timeout' },
      /the rollout of nlk-nginxaas-loadbalancer-kubernetes did not finish/,
    ],
    ['the Secret differs', { secret: 'differs' }, /does not hold the new key/],
    [
      'a pod logs a 401',
      { logs: '401' },
      /the dataplane refused the new key: got 401 in the log of pod nlk-nginxaas-loadbalancer-kubernetes-/,
    ],
    ['an old pod keeps running', { pods: 'stale' }, /started before the change and still runs on the old key/],
  ])('%s: rolled back, both keys stay, exit 1 and the command that continues', async (_, faults, why) => {
    const w = await nlkWorld({ faults });
    const result = await runCli(
      rotateNlk('--yes', '--secret-out', join(mkdtempSync(join(tmpdir(), 'k-')), 'new.key')),
      {
        env: w.env,
      },
    );
    expect(result.stderr).toMatch(why);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('rolled back to revision 1: the release holds the old key again');
    expect(result.stderr).toContain(
      `Once the cause is fixed, run the rotation again: nginxaas-keys rotate -d web-01 -g edge-rg --subscription ${WEB_ARGV[5]} --name nlk-prod --apply nlk-helm=nlk --kube-context aks-prod`,
    );
    expect(w.runningKey()).toBe(w.oldKey);
    expect(w.secretOf('nlk-prod')).toBe(w.oldKey);
    expect(w.secretOf('nlk-prod-2')).toBeDefined();
    expect(w.emulator.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
    expect(programs(w.fakes.calls())).toContain('helm rollback nlk 1');
    expect(w.history().map((e) => `${e.action} ${e.outcome}`)).toEqual([
      'rotate-new done',
      ...(faults.upgrade ? ['apply failed'] : ['apply done']),
      'apply-proof failed',
      'apply-rollback done',
      'hand-off done',
    ]);
  });

  it('with -o json the document says where it stopped and what each consumer did', async () => {
    const w = await nlkWorld({ faults: { rollout: 'timeout' } });
    const out = join(mkdtempSync(join(tmpdir(), 'k-')), 'new.key');
    const result = await runCli(rotateNlk('--yes', '--secret-out', out, '-o', 'json'), { env: w.env });
    expect(result.code).toBe(1);
    const document = JSON.parse(result.stdout);
    expectSchema('rotate', document);
    expect(document.stoppedAt).toMatchObject({ stage: 'apply', next: expect.stringContaining('--apply nlk-helm=nlk') });
    expect(document.rotatedFrom.action).toBe('kept');
    expect(document.applied).toEqual([
      expect.objectContaining({
        target: 'nlk-helm=nlk',
        state: 'failed',
        rollback: { ok: true, said: 'rolled back to revision 1: the release holds the old key again' },
      }),
    ]);
    expect(result.stdout).not.toContain(w.secretOf('nlk-prod-2'));
  });

  it('a new key held only by the release is deleted again when the release is rolled back', async () => {
    const w = await nlkWorld({ faults: { logs: '401' } });
    const result = await runCli(rotateNlk('--yes'), { env: w.env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("'nlk-prod-2' is held nowhere now, so it is deleted again");
    expect(result.stderr).toContain('nobody held its secret, so it was deleted again');
    expect(w.secretOf('nlk-prod-2')).toBeUndefined();
    expect(w.secretOf('nlk-prod')).toBe(w.oldKey);
    expect(w.emulator.requests.filter((r) => r.method === 'DELETE').map((r) => r.path.split('/').pop())).toEqual([
      'nlk-prod-2',
    ]);
  });

  it.each<[string, (s: Scenario, nplus: string) => void, RegExp]>([
    [
      'points at another deployment',
      (s) => {
        const config = s.releases?.[0]?.revisions[0]?.values.nlk?.config;
        if (config) config.nginxHosts = 'https://other-0123456789ab.eastus2.nginxaas.net/nplus';
      },
      /points at "https:\/\/other-0123456789ab\.eastus2\.nginxaas\.net\/nplus", not at web-01/,
    ],
    [
      'uses another key',
      (s) => {
        const nlk = s.releases?.[0]?.revisions[0]?.values.nlk;
        if (nlk) nlk.dataplaneApiKey = 'zzz-another-key-of-someone-else';
      },
      /does not use 'nlk-prod': its key does not start with that key's hint/,
    ],
    [
      'is owned by Flux',
      (s) => {
        const release = s.releases?.[0];
        if (release) release.labels = { 'helm.toolkit.fluxcd.io/name': 'nlk' };
      },
      /Flux \(helm\.toolkit\.fluxcd\.io\/name=nlk\) owns the Deployment/,
    ],
    [
      'is another chart',
      (s) => {
        const release = s.releases?.[0];
        if (release) release.chart = 'ingress-nginx';
      },
      /is chart ingress-nginx, not NLK's nginxaas-loadbalancer-kubernetes/,
    ],
  ])('a release that %s is refused before any key is made (exit 2)', async (_, edit, why) => {
    const w = await nlkWorld({ edit });
    const before = w.emulator.world.snapshot().keys.length;
    const result = await runCli(rotateNlk('--yes'), { env: w.env });
    expect(result.stderr).toMatch(why);
    expect(result.stderr).toContain('Nothing was changed');
    expect(result.code).toBe(2);
    expect(w.emulator.world.snapshot().keys.length).toBe(before);
    expect(w.emulator.requests.filter((r) => r.method !== 'GET' && r.method !== 'POST')).toEqual([]);
    expect(programs(w.fakes.calls()).filter((p) => /upgrade|rollback/.test(p))).toEqual([]);
  });

  it('a context kubectl does not know is refused: the ambient one is never used instead', async () => {
    const w = await nlkWorld();
    const result = await runCli(
      rotateNlk('--yes').map((a) => (a === 'aks-prod' ? 'aks-typo' : a)),
      { env: w.env },
    );
    expect(result.stderr).toContain("kube context 'aks-typo' is not in kubectl's config");
    expect(result.code).toBe(2);
  });

  it('--dry-run checks everything, says every command, and changes nothing', async () => {
    const w = await nlkWorld();
    const before = w.emulator.world.snapshot();
    const result = await runCli(rotateNlk('--yes', '--dry-run'), { env: w.env });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Dry run: nothing was created, written, restarted or deleted.');
    expect(result.stdout).toContain(
      'helm upgrade nlk oci://registry-1.docker.io/nginxcharts/nginxaas-loadbalancer-kubernetes --version=1.2.7 --reuse-values --values=- --namespace=nlk --kube-context=aks-prod  (values on standard input: nlk.dataplaneApiKey only)',
    );
    expect(result.stdout).toContain(
      'on failure: helm rollback nlk 1 --wait --timeout=5m0s --namespace=nlk --kube-context=aks-prod',
    );
    expect(result.stdout).toMatch(/once every consumer is proven, check the new key again and delete 'nlk-prod'/);
    expect(w.emulator.world.snapshot().keys).toEqual(before.keys);
    expect(w.emulator.requests.filter((r) => r.method === 'PUT' || r.method === 'DELETE')).toEqual([]);
    expect(programs(w.fakes.calls()).filter((p) => /upgrade|rollback|uninstall/.test(p))).toEqual([]);
    expect(w.history()).toEqual([]);
  });

  it('--retire expire= keeps the old key with a shorter life instead of deleting it', async () => {
    const w = await nlkWorld();
    const result = await runCli(rotateNlk('--yes', '--retire', 'expire=1d', '-o', 'json'), { env: w.env });
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout);
    expectSchema('rotate', document);
    expect(document.rotatedFrom.action).toBe('shortened');
    expect(document.applied).toEqual([expect.objectContaining({ target: 'nlk-helm=nlk', state: 'proven' })]);
    const old = w.emulator.world.key(w.web(), 'nlk-prod');
    expect(old?.secret).toBe(w.oldKey);
    expect(new Date(old?.endDateTime ?? 0).getTime()).toBe(new Date(document.rotatedFrom.shortenedTo).getTime());
    expect(w.history().map((e) => e.action)).toContain('retire-expire');
  });

  it('a log level that hides the refusal leaves it unproven: the old key stays', async () => {
    const w = await nlkWorld({
      edit: (s) => {
        const config = s.releases?.[0]?.revisions[0]?.values.nlk?.config;
        if (config) config.logLevel = 'warn';
      },
    });
    const result = await runCli(rotateNlk('--yes'), { env: w.env });
    expect(result.stderr).toContain(
      'unproven (not exercised: NLK logs at warn, which hides the line a refused key writes)',
    );
    expect(result.stderr).toContain("unproven, so 'nlk-prod' stays");
    expect(result.code).toBe(0);
    expect(w.secretOf('nlk-prod')).toBe(w.oldKey);
    expect(w.runningKey()).toBe(w.secretOf('nlk-prod-2'));
  });
});

describe('create --apply nlk-helm', () => {
  it('installs a release that is not there yet with upgrade --install, the key on standard input', async () => {
    const w = await nlkWorld({ edit: (s) => (s.releases = []) });
    const result = await runCli(
      ['create', ...WEB_ARGV, '--name', 'nlk-new', '--apply', 'nlk-helm=nlk', '--kube-context', 'aks-prod', ...SETTLE],
      { env: w.env },
    );
    expect(result.stderr).toContain('the new key is in place and in use');
    expect(result.code).toBe(0);
    const fresh = w.secretOf('nlk-new') as string;
    const upgrade = w.fakes.calls().find((c) => c.program === 'helm' && c.argv[0] === 'upgrade') as Call;
    expect(upgrade.argv).toContain('--install');
    expect(upgrade.argv).toContain('--create-namespace');
    expect(JSON.parse(upgrade.stdin)).toEqual({
      nlk: { dataplaneApiKey: fresh, config: { nginxHosts: w.nplus, tls: { mode: 'ca-tls' } } },
    });
    expect(w.runningKey()).toBe(fresh);
    expectNoKeyOutsideStdin(w.fakes.calls(), [fresh]);
  });

  it('refuses --apply nlk-helm without --kube-context before anything runs (exit 2)', async () => {
    const w = await nlkWorld();
    const result = await runCli(['create', ...WEB_ARGV, '--name', 'nlk-new', '--apply', 'nlk-helm=nlk'], {
      env: w.env,
    });
    expect(result.stderr).toContain('--apply nlk-helm needs --kube-context <name>');
    expect(result.code).toBe(2);
    expect(w.fakes.calls()).toEqual([]);
    expect(w.emulator.requests).toEqual([]);
  });
});
