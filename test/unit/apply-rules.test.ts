/**
 * The rules of --apply, as tables: what each target may be called, NLK's names, which consumer
 * points at this deployment, nginx-asg-sync's config read and changed as text, systemd's answers,
 * --settle and --retire, and the GitOps owners that are refused.
 */
import { describe, expect, it } from 'vitest';
import {
  applyText,
  hostsPointAt,
  nlkFullname,
  nlkSecretName,
  parseApplyTarget,
  sameNplus,
} from '../../src/domain/apply-target';
import { keyOfHeader, readAsgConfig, withNewAuthorization } from '../../src/domain/asg-config';
import { flagValue, readUnit } from '../../src/apply/systemd-unit';
import { gitOpsOwner } from '../../src/apply/nlk-cluster';
import { parseRetire, parseApplyOptions } from '../../src/commands/shared/apply-step';
import { parseSettle } from '../../src/commands/shared/settle';
import { UsageError } from '../../src/port/usage-error';

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('--apply KIND=TARGET', () => {
  it.each([
    ['nlk-helm=nlk', { kind: 'nlk-helm', release: 'nlk' }],
    ['nlk-helm=nlk-east-2', { kind: 'nlk-helm', release: 'nlk-east-2' }],
    ['nlk-ext=nlk', { kind: 'nlk-ext', extension: 'nlk' }],
    ['asg-sync=systemd', { kind: 'asg-sync', unit: 'nginx-asg-sync.service' }],
    ['asg-sync=systemd:asg-east', { kind: 'asg-sync', unit: 'asg-east.service' }],
    ['asg-sync=systemd:asg@east.service', { kind: 'asg-sync', unit: 'asg@east.service' }],
  ])('%s is read as %o', (text, target) => {
    expect(parseApplyTarget(text)).toEqual({ ok: true, target });
    expect(applyText(target as never)).toBe(
      text === 'asg-sync=systemd:asg-east' ? 'asg-sync=systemd:asg-east.service' : text,
    );
  });

  it.each([
    ['nlk=nlk', /--apply takes nlk-helm=<release>/],
    ['nlk-helm=', /needs a Helm release name/],
    ['nlk-helm=NLK', /needs a Helm release name/],
    ['nlk-helm=--set=x', /needs a Helm release name/],
    ['nlk-helm=-nlk', /needs a Helm release name/],
    ['nlk-ext=-x', /needs the cluster extension's name/],
    ['asg-sync=docker', /takes systemd or systemd:<unit>/],
    ['asg-sync=systemd:-x', /is not a unit name/],
    ['asg-sync=systemd:a/b', /is not a unit name/],
  ])('%s is refused: %s', (text, problem) => {
    const parsed = parseApplyTarget(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });
});

describe("NLK's names (chart 1.2.7 _helpers.tpl)", () => {
  it.each([
    ['nlk', 'nlk-nginxaas-loadbalancer-kubernetes'],
    ['nginxaas-loadbalancer-kubernetes', 'nginxaas-loadbalancer-kubernetes'],
    ['east-nginxaas-loadbalancer-kubernetes', 'east-nginxaas-loadbalancer-kubernetes'],
    // Cut to 63 characters, and no '-' left at the end.
    ['a'.repeat(40), `${'a'.repeat(40)}-nginxaas-loadbalancer`],
    ['a'.repeat(30), `${'a'.repeat(30)}-nginxaas-loadbalancer-kubernetes`],
  ])('release %s has the fullname %s', (release, fullname) => {
    expect(nlkFullname(release)).toBe(fullname);
    expect(nlkSecretName(release)).toBe(`${fullname}-nginxaas-api-key`);
  });

  const nplus = 'https://web-01-0123456789ab.eastus2.nginxaas.net/nplus';
  it.each<[unknown, boolean]>([
    [nplus, true],
    [`${nplus}/`, true],
    ['https://WEB-01-0123456789ab.eastus2.nginxaas.net/nplus', true],
    ['https://web-01-0123456789ab.eastus2.nginxaas.net//nplus', true],
    [['https://other.eastus2.nginxaas.net/nplus', nplus], true],
    ['https://web-01-0123456789ab.eastus2.nginxaas.net/', false],
    ['https://other-0123456789ab.eastus2.nginxaas.net/nplus', false],
    ['http://web-01-0123456789ab.eastus2.nginxaas.net/nplus', false],
    [undefined, false],
    [42, false],
  ])('nginxHosts %o points at this deployment: %s', (hosts, expected) => {
    expect(hostsPointAt(hosts, nplus)).toBe(expected);
  });

  it('an unreadable URL is never the same as another', () => {
    expect(sameNplus('not a url', 'not a url')).toBe(false);
  });
});

describe("nginx-asg-sync's config.yaml", () => {
  const key = '7d4e2c1a-9f00-4b5e-8c3d-1234567890ab';
  const text = [
    '# the platform team owns this file',
    'cloud_provider: Azure',
    "api_endpoint: 'https://web-01-0123456789ab.eastus2.nginxaas.net/nplus' # the nplus form",
    'custom_headers:',
    '  Content-Type: application/json',
    `  Authorization: "ApiKey ${b64(key)}"  # rotated by hand until now`,
    'upstreams:',
    '  - name: backend-one',
    '    kind: http',
    '    port: 80',
    '  - name: "tcp #1"',
    '    kind: stream',
    '  - name: defaults-to-http',
    '',
  ].join('\n');

  it('reads the endpoint, the header and the upstreams with their kind', () => {
    const read = readAsgConfig(text);
    expect(read).toEqual({
      ok: true,
      config: {
        apiEndpoint: 'https://web-01-0123456789ab.eastus2.nginxaas.net/nplus',
        authorization: { value: `ApiKey ${b64(key)}`, line: 5 },
        upstreams: [
          { name: 'backend-one', kind: 'http' },
          { name: 'tcp #1', kind: 'stream' },
          { name: 'defaults-to-http', kind: 'http' },
        ],
      },
    });
    expect(keyOfHeader(`ApiKey ${b64(key)}`)).toBe(key);
    expect(keyOfHeader('Basic abc')).toBeUndefined();
  });

  it.each([
    [
      `  Authorization: "ApiKey ${b64(key)}"  # rotated by hand until now`,
      '  Authorization: "ApiKey NEW"  # rotated by hand until now',
    ],
    [`  Authorization: 'ApiKey ${b64(key)}'`, "  Authorization: 'ApiKey NEW'"],
    [`  Authorization: ApiKey ${b64(key)} # bare`, '  Authorization: ApiKey NEW # bare'],
    [`    Authorization:    ApiKey ${b64(key)}`, '    Authorization:    ApiKey NEW'],
  ])('only the value of %s changes, its quotes and comment kept', (line, expected) => {
    const before = text.replace(/^ {2}Authorization:.*$/m, line);
    const fresh = 'a-new-key-0000-1111';
    const after = withNewAuthorization(before, fresh);
    const differs = after.split('\n').filter((l, i) => l !== before.split('\n')[i]);
    expect(differs).toEqual([expected.replace('NEW', b64(fresh))]);
  });

  it.each([
    ['custom_headers: {Authorization: "ApiKey x"}', /written on one line/],
    ['custom_headers:\n  Authorization: |\n    ApiKey x', /not written on its own line/],
    ['custom_headers:\n  Authorization: "ApiKey a"\n  Authorization: "ApiKey b"', /two Authorization lines/],
  ])('refuses a layout it does not know: %s', (yaml, problem) => {
    const read = readAsgConfig(`api_endpoint: x\n${yaml}\n`);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toMatch(problem);
  });

  it('a config without the header cannot be changed', () => {
    expect(() => withNewAuthorization('api_endpoint: x\ncustom_headers:\n  Content-Type: a\n', 'k')).toThrow(
      /no Authorization line/,
    );
  });
});

describe("systemd's answers", () => {
  it('reads systemctl show and the config path from ExecStart', () => {
    const unit = readUnit(
      [
        'LoadState=loaded',
        'ActiveState=active',
        'MainPID=812',
        'NRestarts=3',
        'ExecStart={ path=/usr/sbin/nginx-asg-sync ; argv[]=/usr/sbin/nginx-asg-sync -log_path=/var/log/nginx-asg-sync/nginx-asg-sync.log -config_path /etc/asg/config.yaml ; ignore_errors=no ; start_time=[n/a] ; stop_time=[n/a] ; pid=0 ; code=(null) ; status=0/0 }',
      ].join('\n'),
    );
    expect(unit).toEqual({
      loadState: 'loaded',
      activeState: 'active',
      mainPid: 812,
      restarts: 3,
      argv: [
        '/usr/sbin/nginx-asg-sync',
        '-log_path=/var/log/nginx-asg-sync/nginx-asg-sync.log',
        '-config_path',
        '/etc/asg/config.yaml',
      ],
    });
    expect(flagValue(unit.argv, 'config_path')).toBe('/etc/asg/config.yaml');
    expect(flagValue(unit.argv, 'log_path')).toBe('/var/log/nginx-asg-sync/nginx-asg-sync.log');
    expect(flagValue(['x', '--config_path=/a.yaml'], 'config_path')).toBe('/a.yaml');
    expect(flagValue(['x'], 'config_path')).toBeUndefined();
  });
});

describe('GitOps owners are refused', () => {
  it.each([
    [{ labels: { 'argocd.argoproj.io/instance': 'nlk' } }, 'Argo CD (argocd.argoproj.io/instance=nlk)'],
    [{ annotations: { 'argocd.argoproj.io/tracking-id': 'nlk:apps/Deployment:nlk/x' } }, /^Argo CD/],
    [{ labels: { 'kustomize.toolkit.fluxcd.io/name': 'apps' } }, 'Flux (kustomize.toolkit.fluxcd.io/name=apps)'],
    [{ labels: { 'helm.toolkit.fluxcd.io/name': 'nlk' } }, /^Flux/],
    [{ labels: { app: 'nlk', 'app.kubernetes.io/managed-by': 'Helm' } }, undefined],
  ])('%o: %s', (meta, owner) => {
    const found = gitOpsOwner(meta);
    if (owner instanceof RegExp) expect(found).toMatch(owner);
    else expect(found).toBe(owner);
  });
});

describe('--settle, --retire and the flags that go with --apply', () => {
  it.each([
    [undefined, 60_000],
    ['90s', 90_000],
    ['2m', 120_000],
    ['500ms', 500],
    ['45', 45_000],
    ['0s', 0],
  ])('--settle %s is %d ms', (given, ms) => expect(parseSettle(given)).toBe(ms));

  it.each(['-1s', '1h', '31m', 'soon', '1.5s'])('--settle %s is refused', (given) => {
    expect(() => parseSettle(given)).toThrow(UsageError);
  });

  const now = new Date('2026-06-01T12:00:00Z');
  it('--retire delete, expire=<when>, and nothing else', () => {
    expect(parseRetire(undefined, now)).toEqual({ kind: 'delete' });
    expect(parseRetire('delete', now)).toEqual({ kind: 'delete' });
    expect(parseRetire('expire=2026-06-08', now)).toEqual({
      kind: 'expire',
      endDateTime: new Date('2026-06-08T23:59:59Z'),
      given: '2026-06-08',
    });
    expect(() => parseRetire('keep', now)).toThrow(/takes delete or expire=<when>/);
    expect(() => parseRetire('expire=2020-01-01', now)).toThrow(/--retire expire=/);
  });

  it.each<[Record<string, unknown>, RegExp]>([
    [{ apply: ['nlk-helm=nlk'] }, /needs --kube-context/],
    [{ apply: ['nlk-ext=nlk'], cluster: 'c' }, /needs --cluster <AKS cluster> and --cluster-group/],
    [{ 'kube-context': 'x' }, /--kube-context is for --apply nlk-helm=… or nlk-ext=…/],
    [{ apply: ['asg-sync=systemd'], chart: 'x' }, /--chart is for --apply nlk-helm=…/],
    [{ settle: '5s' }, /--settle is for --apply/],
    [{ apply: ['asg-sync=systemd', 'asg-sync=systemd'] }, /given twice/],
    [{ apply: ['nlk-helm=nlk'], 'kube-context': 'a\u001b]0;x' }, /is not a name/],
  ])('%o is refused before anything runs', (values, problem) => {
    expect(() => parseApplyOptions(values as never)).toThrow(problem);
  });
});
