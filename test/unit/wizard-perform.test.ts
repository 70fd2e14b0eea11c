/** The wizard's runner: each command through the gateway, answered with one event. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { perform, type PerformDeps } from '../../src/wizard/perform';
import { CommandRunner } from '../../src/wizard/runner';
import { FakeGateway } from '../helpers/fake-gateway';
import type { Gateway } from '../../src/port/gateway';
import { NOW, WEB, discovery, key } from '../helpers/fixtures';

function deps(gateway: FakeGateway): PerformDeps {
  return {
    gateway,
    scope: {},
    signal: new AbortController().signal,
    now: () => NOW,
    onProgress: () => {},
    copy: async () => ({ said: 'copied', sure: true, sent: true }),
  };
}
/** What a hand-off of a key with `secret` is made from (a deployment of no importance). */
const handoffFacts = (secret: string) => ({
  secret,
  keyName: 'fresh-key',
  endpoint: 'https://x/',
  subscriptionId: 's',
  resourceGroup: 'g',
  deploymentName: 'd',
  deploymentId: '/d',
  endDateTime: NOW,
});
const create = (replace: boolean) => ({
  id: 1,
  kind: 'create' as const,
  deployment: WEB,
  name: 'fresh-key',
  secret: 'Abc-def-ghi-1',
  endDateTime: NOW,
  replace,
});

describe('the create command', () => {
  it('a 200 after its own GET saw the name free is a race: shown as replaced, and said so', async () => {
    const gateway = new FakeGateway();
    gateway.putKey = async (_ref, name, body) => ({
      key: { ...key(name), hint: (body.secret ?? '').slice(0, 3) },
      created: false,
    });
    const event = await perform(create(false), deps(gateway));
    expect(event).toMatchObject({ type: 'createSucceeded', result: { created: false, raced: true } });
  });

  it('a key that appeared since the review is not replaced', async () => {
    const gateway = new FakeGateway(discovery(), [key('fresh-key')]);
    const event = await perform(create(false), deps(gateway));
    expect(event).toMatchObject({ type: 'createFailed', problem: { kind: 'alreadyExists' } });
    expect(gateway.calls).toEqual(['getKey fresh-key']);
  });

  it('a confirmed replace answered 200 is "replaced"', async () => {
    const gateway = new FakeGateway(discovery(), [key('fresh-key')]);
    const event = await perform(create(true), deps(gateway));
    expect(event).toMatchObject({ type: 'createSucceeded', result: { created: false } });
  });
});

describe('a command that throws is answered, never left as an unhandled rejection', () => {
  const broken = () => {
    const gateway = new FakeGateway();
    const boom = async (): Promise<never> => {
      throw new Error('socket hang up');
    };
    gateway.verifyKey = boom;
    gateway.storeSecret = boom;
    return gateway;
  };
  const facts = handoffFacts('Abc-def-ghi-1');
  it.each([
    [
      { id: 1, kind: 'verify' as const, endpoint: 'https://x/', secret: 's' },
      { type: 'verified', result: { ok: false } },
    ],
    [
      { id: 2, kind: 'copy' as const, secret: 's' },
      { type: 'copied', message: 'could not copy the key: socket hang up', ok: false },
    ],
    [
      {
        id: 3,
        kind: 'handoff' as const,
        target: { kind: 'keyvault' as const, vaultHost: 'v.vault.azure.net', secretName: 'n', url: 'https://v/n' },
        facts,
      },
      { type: 'handedOff', result: { ok: false } },
    ],
  ])('%j', async (command, event) => {
    const d = { ...deps(broken()), copy: async () => Promise.reject(new Error('socket hang up')) };
    await expect(perform(command, d)).resolves.toMatchObject(event);
  });
});

describe('the one runner (both faces use it)', () => {
  /** A gateway whose list of keys waits until told, and listens for the request's cancel. */
  function held() {
    const gateway = new FakeGateway(discovery(), [key('nlk-prod')]);
    const aborted: string[] = [];
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    (gateway as Gateway).listKeys = async (deployment, options) => {
      options?.signal?.addEventListener('abort', () => aborted.push(deployment.name));
      await released;
      return [key('nlk-prod')];
    };
    return { gateway, aborted, release };
  }
  const load = (id: number) => ({ id, kind: 'loadKeys' as const, deployment: WEB });

  it('runs each command once by its id, however often it is handed the list', async () => {
    const { gateway, release } = held();
    const events: string[] = [];
    const runner = new CommandRunner(
      () => ({ gateway, scope: {}, now: () => NOW, copy: async () => ({ said: '', sure: true, sent: true }) }),
      (event) => events.push(event.type),
    );
    runner.run([load(1)]);
    runner.run([load(1), load(2)]);
    expect(runner.busy()).toBe(true);
    release();
    await until(() => events.length === 2);
    expect([events, runner.busy()]).toEqual([['keysLoaded', 'keysLoaded'], false]);
  });

  it('abortAll cancels the request in flight, and its answer is dropped', async () => {
    const { gateway, aborted, release } = held();
    const events: string[] = [];
    let dropped = 0;
    const runner = new CommandRunner(
      () => ({ gateway, scope: {}, now: () => NOW, copy: async () => ({ said: '', sure: true, sent: true }) }),
      (event) => events.push(event.type),
      { onDropped: () => dropped++ },
    );
    runner.run([load(1)]);
    runner.abortAll();
    expect(aborted).toEqual(['web-01']);
    release();
    await until(() => dropped === 1);
    expect(events).toEqual([]);
  });

  it('after restart, a state of its own runs its commands from id 1 again (back from a hand-over)', async () => {
    const { gateway, release } = held();
    release();
    const events: string[] = [];
    const runner = new CommandRunner(
      () => ({ gateway, scope: {}, now: () => NOW, copy: async () => ({ said: '', sure: true, sent: true }) }),
      (event) => events.push(event.type),
    );
    runner.run([load(1)]);
    await until(() => events.length === 1);
    runner.restart();
    runner.run([load(1)]);
    await until(() => events.length === 2);
  });
});

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
  expect(done()).toBe(true);
}

describe('a file hand-off typed into the wizard', () => {
  const facts = handoffFacts('Home-Secret-01');
  const handoff = (path: string) => ({
    id: 1,
    kind: 'handoff' as const,
    target: { kind: 'env' as const, path },
    facts,
  });

  it('~/ is the home folder, as a shell would have it', async () => {
    const home = mkdtempSync(join(tmpdir(), 'perform-home-'));
    const before = process.env.HOME;
    process.env.HOME = home;
    try {
      const event = await perform(handoff('~/k.env'), deps(new FakeGateway()));
      expect(event).toMatchObject({ type: 'handedOff', result: { ok: true } });
      expect(readFileSync(join(home, 'k.env'), 'utf8')).toContain('Home-Secret-01');
    } finally {
      process.env.HOME = before;
      rmSync(home, { recursive: true, force: true });
    }
  });

  it.runIf(process.platform === 'linux')(
    'a file that cannot be made is refused in words, naming it, not its temporary name',
    async () => {
      // /proc takes no new file: its folder passes every check, and the file itself cannot be made.
      const event = await perform(handoff('/proc/k.env'), deps(new FakeGateway()));
      const said = event.type === 'handedOff' ? event.result.said : '';
      expect(said).toMatch(/^could not write \/proc\/k\.env: no such file or folder$|cannot be written/);
      expect(said).not.toMatch(/\.tmp|ENOENT/);
    },
  );
});
