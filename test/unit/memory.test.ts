/**
 * Issue 36's rules, each on its own: which saved value is in force for a profile (the endpoint
 * group taken whole), where the config folder is on each system, the history file (an intent
 * without an outcome says "unknown", the file stays 0600 and bounded), and the gateway decorator
 * that records every change with the intent written before the request leaves.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFolder } from '../../src/domain/platform';
import { savedInForce, type SettingsFile } from '../../src/domain/settings';
import { HistoryFile, readEntries } from '../../src/files/history-file';
import { readSettings, writeSettings } from '../../src/files/settings-file';
import { GatewayError, type Gateway } from '../../src/port/gateway';
import { recorded } from '../../src/port/recorded-gateway';
import { checkSetting } from '../../src/cli/saved-settings';
import { parseSince } from '../../src/commands/history/history';
import { FakeGateway } from '../helpers/fake-gateway';
import { BROKEN, deployment, discovery, key, NOW, STAGE_WEB, WEB } from '../helpers/fixtures';
import { keyHistoryWords } from '../../src/wizard/key-history';
import { keysView } from '../../src/ui/steps/keys-step';
import type { HistoryEntry } from '../../src/port/history';
import { transition } from '../../src/wizard/machine';
import { initialState, type WizardState } from '../../src/wizard/state';
import { visibleDeployments } from '../../src/wizard/selectors';
import { lastUsedDeployment, rememberDeployment } from '../../src/files/last-used-file';
import { useTempDir } from '../helpers/temp';

const folder = useTempDir('memory-unit-');

describe('which saved value is in force', () => {
  const file: SettingsFile = {
    defaults: { 'resource-group': 'edge-rg', deployment: 'web-01', 'arm-endpoint': 'https://stack.example.com' },
    profiles: {
      stage: { deployment: 'stage-web', cloud: 'AzureChinaCloud' },
      empty: {},
    },
  };
  const inForce = (profile?: string) =>
    Object.fromEntries(
      savedInForce(file, profile).map((e) => [
        e.name,
        `${e.value} from ${e.from.kind === 'profile' ? e.from.profile : 'defaults'}`,
      ]),
    );

  it.each([
    [
      'no profile: the default section',
      undefined,
      {
        'resource-group': 'edge-rg from defaults',
        deployment: 'web-01 from defaults',
        'arm-endpoint': 'https://stack.example.com from defaults',
      },
    ],
    [
      'a profile over the default section; its cloud takes the endpoint group whole',
      'stage',
      {
        'resource-group': 'edge-rg from defaults',
        deployment: 'stage-web from stage',
        cloud: 'AzureChinaCloud from stage',
      },
    ],
    [
      'an empty profile: the default section',
      'empty',
      {
        'resource-group': 'edge-rg from defaults',
        deployment: 'web-01 from defaults',
        'arm-endpoint': 'https://stack.example.com from defaults',
      },
    ],
  ])('%s', (_label, profile, expected) => {
    expect(inForce(profile)).toEqual(expected);
  });
});

describe('a saved value meets its flag’s rule', () => {
  it.each([
    ['subscription', 'not-a-guid', "subscription: 'not-a-guid' is not a subscription id"],
    ['auth', 'password', 'auth takes cli, default, device-code, browser, env, token'],
    ['cloud', 'mars', 'cloud takes AzureCloud'],
    ['output', 'prometheus', "output: prometheus is for 'list' alone"],
    ['tenant', 'a b', "tenant 'a b' is not a tenant"],
    ['arm-endpoint', 'http://x.example.com', 'arm-endpoint must use https'],
    ['deployment', '/subscriptions/x', 'is not the resource id of an NGINXaaS deployment'],
    ['accessible', 'perhaps', 'accessible takes true or false'],
  ] as const)('%s %s is refused', (name, value, words) => {
    expect(() => checkSetting(name, value, {})).toThrow(words);
  });

  it('a choice is kept in its own spelling; accessible as true or false', () => {
    expect(checkSetting('cloud', 'azurechinacloud', {})).toBe('AzureChinaCloud');
    expect(checkSetting('output', 'JSON', {})).toBe('json');
    expect(checkSetting('accessible', 'yes', {})).toBe('true');
  });

  it("an audience is checked against the endpoint saved beside it: a public cloud's token goes to no other host", () => {
    const beside = { 'arm-endpoint': 'https://stack.example.com' };
    expect(() => checkSetting('arm-audience', 'https://management.azure.com', beside)).toThrow(
      'a token for AzureCloud is never sent to another host',
    );
    expect(checkSetting('arm-audience', 'https://management.stack.example.com', beside)).toBe(
      'https://management.stack.example.com',
    );
    // And an endpoint against the audience saved beside it.
    expect(() =>
      checkSetting('arm-endpoint', 'https://other.example.com', { 'arm-audience': 'https://management.azure.com' }),
    ).toThrow('never sent to another host');
  });
});

describe('the config folder, with the platform handed in', () => {
  it.each([
    ['linux', { XDG_CONFIG_HOME: '/x/conf' }, '/x/conf/nginxaas-keys'],
    ['linux', {}, '/home/u/.config/nginxaas-keys'],
    ['darwin', { HOME: '/Users/u' }, '/Users/u/.config/nginxaas-keys'],
    ['win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u\\AppData\\Roaming\\nginxaas-keys'],
    ['win32', { USERPROFILE: 'C:\\Users\\u' }, 'C:\\Users\\u\\AppData\\Roaming\\nginxaas-keys'],
  ] as const)('%s %j: %s', (platform, env, expected) => {
    expect(configFolder(platform, env, '/home/u')).toBe(expected);
  });
});

describe('the settings file', () => {
  it('is written 0600 by rename, and read back; a damaged one is refused with its name', () => {
    const path = join(folder(), 'nested', 'config.json');
    writeSettings(path, { defaults: { deployment: 'web-01' }, profiles: { stage: { cloud: 'AzureCloud' } } });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readSettings(path)).toEqual({
      defaults: { deployment: 'web-01' },
      profiles: { stage: { cloud: 'AzureCloud' } },
    });
    writeFileSync(path, '{"defaults": {"colour": "blue"}}');
    expect(() => readSettings(path)).toThrow(`${path}: defaults has an unknown name 'colour'`);
    writeFileSync(path, 'not json');
    expect(() => readSettings(path)).toThrow(`${path} is not JSON`);
  });
});

describe('the history file', () => {
  const intent = {
    action: 'create' as const,
    command: 'create',
    deployment: '/subscriptions/s/resourceGroups/g/providers/Nginx.NginxPlus/nginxDeployments/web-01',
    key: 'k1',
  };

  it('an intent whose outcome never came is read as unknown; a finished one as its outcome; newest first', () => {
    const path = join(folder(), 'state', 'history.jsonl');
    let tick = Date.parse('2026-01-01T00:00:00Z');
    const now = () => new Date((tick += 1000));
    const crashed = new HistoryFile(path, { now });
    crashed.begin(intent);
    const later = new HistoryFile(path, { now });
    const id = later.begin({ ...intent, action: 'delete' });
    later.finish(id, { outcome: 'failed', code: 'AuthorizationFailed', status: 403 });
    expect(readEntries(path).map((e) => [e.action, e.outcome, e.code])).toEqual([
      ['delete', 'failed', 'AuthorizationFailed'],
      ['create', 'unknown', undefined],
    ]);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    // Two lines for the finished entry (intent, outcome), one for the one that crashed.
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(3);
  });

  it('stays within its bound: the oldest entries are rotated out, the newest kept whole, still 0600', () => {
    const path = join(folder(), 'history.jsonl');
    const history = new HistoryFile(path, { maxBytes: 8 * 1024 });
    for (let i = 0; i < 200; i++) history.finish(history.begin({ ...intent, key: `key-${i}` }), { outcome: 'done' });
    expect(statSync(path).size).toBeLessThanOrEqual(8 * 1024);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const kept = readEntries(path);
    expect(kept[0]).toMatchObject({ key: 'key-199', outcome: 'done' });
    expect(kept.length).toBeGreaterThan(5);
    expect(kept.map((e) => e.key)).not.toContain('key-0');
  });

  it('a file grown far past its bound (two runs at once, an old one) is read by its newest part and brought back within it', () => {
    const path = join(folder(), 'history.jsonl');
    const line = (i: number) =>
      `${JSON.stringify({ id: `old-${i}`, time: `2025-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`, action: 'delete', command: 'delete', deployment: '/x', key: `old-${i}`, outcome: 'done' })}\n`;
    writeFileSync(path, Array.from({ length: 400 }, (_, i) => line(i)).join(''), { mode: 0o600 });
    const history = new HistoryFile(path, { maxBytes: 4 * 1024 });
    history.finish(history.begin(intent), { outcome: 'done' });
    expect(statSync(path).size).toBeLessThanOrEqual(4 * 1024);
    expect(readEntries(path)[0]).toMatchObject({ key: 'k1', outcome: 'done' });
  });

  it('a record that cannot be written is said once, and the change goes on', () => {
    const blocked = join(folder(), 'file');
    writeFileSync(blocked, '');
    const said: string[] = [];
    const history = new HistoryFile(join(blocked, 'history.jsonl'), { onProblem: (m) => said.push(m) });
    history.finish(history.begin(intent), { outcome: 'done' });
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('could not be written');
  });
});

describe('the recorded gateway', () => {
  const web = deployment('web-01');

  function setUp(command: string) {
    const path = join(folder(), 'history.jsonl');
    const history = new HistoryFile(path);
    const fake = new FakeGateway();
    const seenAtPut: string[] = [];
    const spy: Gateway = new Proxy(fake, {
      get(target, property, receiver) {
        if (property === 'putKey' || property === 'deleteKey')
          return (...args: unknown[]) => {
            // What the record holds at the moment the request leaves.
            seenAtPut.push(...readEntries(path).map((e) => `${e.action} ${e.key} ${e.outcome}`));
            return (Reflect.get(target, property, receiver) as (...a: unknown[]) => unknown).apply(target, args);
          };
        return Reflect.get(target, property, receiver);
      },
    });
    return { path, fake, seenAtPut, gateway: recorded(spy, { history, command, profile: 'stage' }) };
  }

  it('writes the intent before the request leaves, the outcome after; what the key was comes from the reads before', async () => {
    const { path, seenAtPut, gateway } = setUp('extend');
    await gateway.putKey(web, 'k2', { secret: 'Another-Secret-7890', endDateTime: new Date('2027-02-01T00:00:00Z') });
    await gateway.getKey(web, 'k2');
    await gateway.putKey(web, 'k2', { endDateTime: new Date('2027-06-01T00:00:00Z') });
    expect(seenAtPut).toEqual(expect.arrayContaining(['extend k2 unknown']));
    const [latest] = readEntries(path);
    expect(latest).toMatchObject({
      action: 'extend',
      key: 'k2',
      outcome: 'done',
      profile: 'stage',
      expiresBefore: '2027-02-01T00:00:00.000Z',
      expiresAfter: '2027-06-01T00:00:00.000Z',
    });
    expect(readFileSync(path, 'utf8')).not.toContain('Another-Secret');
  });

  it("a refusal is failed with ARM's code; a lost answer is unknown", async () => {
    const { path, fake, gateway } = setUp('create');
    fake.createFailure = new GatewayError('forbidden', 'no', 'AuthorizationFailed', 403);
    await expect(gateway.putKey(web, 'k3', { secret: 'x'.repeat(20), endDateTime: new Date() })).rejects.toThrow();
    fake.createFailure = new GatewayError('network', 'socket hang up');
    await expect(gateway.putKey(web, 'k4', { secret: 'y'.repeat(20), endDateTime: new Date() })).rejects.toThrow();
    expect(readEntries(path).map((e) => [e.key, e.outcome, e.code, e.status])).toEqual([
      ['k4', 'unknown', undefined, undefined],
      ['k3', 'failed', 'AuthorizationFailed', 403],
    ]);
  });

  it.each([
    ['rotate', 'rotate-new', 'rotate-retire'],
    ['create', 'create', 'take-back'],
    ['delete', 'create', 'delete'],
    ['wizard', 'create', 'delete'],
  ])('in %s a new key is %s and a deletion %s', async (command, made, gone) => {
    const { path, gateway } = setUp(command);
    await gateway.putKey(web, 'k5', { secret: 'z'.repeat(20), endDateTime: new Date('2027-01-01T00:00:00Z') });
    await gateway.deleteKey(web, 'k5');
    expect(readEntries(path).map((e) => e.action)).toEqual([gone, made]);
  });

  it('parses --since: relative, a date, an RFC 3339 time; anything else is refused', () => {
    const now = new Date('2026-06-10T12:00:00Z');
    expect(parseSince('12h', now).toISOString()).toBe('2026-06-10T00:00:00.000Z');
    expect(parseSince('2w', now).toISOString()).toBe('2026-05-27T12:00:00.000Z');
    expect(parseSince('2026-05-01', now).toISOString()).toBe('2026-05-01T00:00:00.000Z');
    expect(parseSince('2026-05-01T08:00:00+02:00', now).toISOString()).toBe('2026-05-01T06:00:00.000Z');
    expect(() => parseSince('yesterday', now)).toThrow('--since takes');
  });
});

describe('the wizard offers the deployment last used first', () => {
  const loadedWith = (lastUsed: string | undefined) =>
    transition(initialState(NOW, lastUsed ? { lastUsed } : {}, 'the Azure CLI'), {
      type: 'deploymentsLoaded',
      discovery: discovery(),
      now: NOW,
    });

  it('at the top of the list, with the cursor on it; the rest in the order they came', () => {
    const without = loadedWith(undefined);
    const withLast = loadedWith(STAGE_WEB.id.toUpperCase());
    const names = (s: WizardState) => visibleDeployments(s).map((d) => d.name);
    expect(names(withLast)).toEqual(['stage-web', ...names(without).filter((n) => n !== 'stage-web')]);
    expect(withLast.step).toBe('chooseDeployment');
    expect(withLast.cursor).toBe(0);
  });

  it('one that is gone changes nothing; one that cannot take a key is first, the cursor on the first that can', () => {
    expect(visibleDeployments(loadedWith('/subscriptions/x/gone'))).toEqual(visibleDeployments(loadedWith(undefined)));
    const broken = loadedWith(BROKEN.id);
    expect(visibleDeployments(broken)[0]?.name).toBe('broken-01');
    expect(visibleDeployments(broken)[broken.cursor]?.name).not.toBe('broken-01');
  });

  it('remembered per profile, 0600, beside the state', () => {
    const path = join(folder(), 'state', 'last-used.json');
    rememberDeployment(path, undefined, WEB.id);
    rememberDeployment(path, 'stage', STAGE_WEB.id);
    expect(lastUsedDeployment(path, undefined)).toBe(WEB.id);
    expect(lastUsedDeployment(path, 'stage')).toBe(STAGE_WEB.id);
    expect(lastUsedDeployment(path, 'other')).toBeUndefined();
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});

describe("the key console reads the deployment's history", () => {
  const history = { entries: () => [] };
  const at = (scope: Parameters<typeof initialState>[1]) => {
    const chosen = transition(initialState(NOW, { ...scope, deployment: 'web-01' }, 'the Azure CLI'), {
      type: 'deploymentsLoaded',
      discovery: discovery(),
      now: NOW,
    });
    return transition(chosen, { type: 'keysLoaded', deployment: WEB, keys: [key('nlk-prod'), key('asg-sync', 90)] });
  };
  const kinds = (s: WizardState) => s.commands.map((c) => c.kind);

  it('once its keys are loaded, and only where the run keeps a history', () => {
    expect(kinds(at({ history }))).toContain('readHistory');
    expect(kinds(at({}))).not.toContain('readHistory');
  });

  it("the selected key's last changes, newest first, for both faces; another deployment's answer is not taken", () => {
    const entry = (action: HistoryEntry['action'], time: string, outcome: HistoryEntry['outcome'] = 'done') =>
      ({ id: time, time, action, command: 'wizard', deployment: WEB.id, key: 'nlk-prod', outcome }) as HistoryEntry;
    const state = at({ history });
    const read = transition(state, {
      type: 'historyRead',
      deploymentId: WEB.id,
      entries: [entry('extend', '2026-11-20T10:00:00Z', 'unknown'), entry('create', '2026-05-01T10:00:00Z')],
    });
    expect(keyHistoryWords(read, 'nlk-prod')).toBe('extend 2026-11-20 unknown · create 2026-05-01');
    expect(keyHistoryWords(read, 'asg-sync')).toBeUndefined();
    const view = keysView(read as Parameters<typeof keysView>[0]);
    expect(view.history).toBe('extend 2026-11-20 unknown · create 2026-05-01');
    const elsewhere = transition(state, {
      type: 'historyRead',
      deploymentId: STAGE_WEB.id,
      entries: [entry('delete', '2026-11-21T00:00:00Z')],
    });
    expect(elsewhere.keyHistory).toBeUndefined();
  });
});
