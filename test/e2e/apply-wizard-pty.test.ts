/**
 * The wizard's rotation finishes the job at the consumers, in a real terminal against the emulator,
 * with fakes of helm and kubectl first on PATH: the reveal panel finds the NLK release of the
 * current kube context that points at this deployment and uses the old key, `a` puts the new key
 * there and proves it, and only then Enter deletes the old key. The line face offers the same.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEntries } from '../../src/files/history-file';
import { envFor } from '../helpers/cli';
import { sampleWeb, useEmulator } from '../helpers/emulator';
import { makeFakeConsumers, nlkRelease, type Faults } from '../helpers/fake-consumers';
import { BIN, KEY, runInPty } from '../helpers/pty';
import { WEB_ARGV } from '../helpers/sample';

async function withRelease(faults?: Faults) {
  const emulator = await useEmulator();
  const { secretOf, endpoint } = sampleWeb(emulator);
  const oldKey = secretOf('nlk-prod') as string;
  const fakes = makeFakeConsumers({
    contexts: ['aks-prod'],
    currentContext: 'aks-prod',
    releases: [
      nlkRelease({ key: oldKey, nplus: `${endpoint()}nplus` }),
      // Another deployment's NLK in the same cluster: never offered.
      nlkRelease({
        name: 'nlk-other',
        key: 'abc-other-deployment-key',
        nplus: 'https://other-0123456789ab.eastus2.nginxaas.net/nplus',
      }),
    ],
    services: [
      { context: 'aks-prod', namespace: 'shop', name: 'web', annotations: { 'nginx.com/nginxaas': 'nginxaas' } },
    ],
    ...(faults ? { faults } : {}),
  });
  const state = mkdtempSync(join(tmpdir(), 'wizard-state-'));
  const env = { ...envFor(emulator), PATH: fakes.path, XDG_STATE_HOME: state };
  const runningKey = () =>
    [...(fakes.state().releases?.find((r) => r.name === 'nlk')?.revisions ?? [])]
      .reverse()
      .find((r) => r.status === 'deployed')?.values.nlk?.dataplaneApiKey;
  const history = () => readEntries(join(state, 'nginxaas-keys', 'history.jsonl')).reverse();
  return { emulator, secretOf, oldKey, fakes, env, runningKey, history };
}

const FOUND = "Uses 'nlk-prod': NLK release 'nlk' (namespace nlk, kube context aks-prod)";

describe('the rotation applies the new key where the old one is used', () => {
  it(
    'offers the NLK release it finds; a applies and proves it; Enter then deletes the old key',
    { timeout: 60_000 },
    async () => {
      const w = await withRelease();
      const run = runInPty(process.execPath, [BIN, ...WEB_ARGV, '--settle', '300ms'], w.env, { cols: 100, rows: 30 });
      await run.waitFor('Keys of web-01');
      await run.waitFor('nlk-prod');
      await run.type(KEY.down, 'r');
      await run.waitFor("Rotate key 'nlk-prod' (in 20 days)?");
      await run.type(KEY.enter);
      await run.waitFor(FOUND);
      await run.waitFor("a puts 'nlk-prod-2' there and proves it (300 ms)");
      expect(run.screen()).not.toContain('nlk-other');
      await run.type('a');
      await run.waitFor("runs on 'nlk-prod-2': NLK release 'nlk' (namespace nlk, kube context aks-prod)", 30_000);
      await run.waitFor("Enter checks 'nlk-prod-2' again and deletes 'nlk-prod'.");
      expect(w.runningKey()).toBe(w.secretOf('nlk-prod-2'));
      expect(w.emulator.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
      // Held by the release now: Enter goes on without asking whether anyone holds the new key.
      await run.type(KEY.enter);
      await run.waitFor("Rotated: the dataplane takes 'nlk-prod-2'; 'nlk-prod' deleted.");
      expect(w.secretOf('nlk-prod')).toBeUndefined();
      expect(w.history().map((e) => `${e.action} ${e.outcome}`)).toEqual([
        'rotate-new done',
        'apply done',
        'apply-proof done',
        'rotate-retire done',
      ]);
      for (const call of w.fakes.calls()) expect(call.argv.join(' ')).not.toContain(w.secretOf('nlk-prod-2'));
      run.pty.write(KEY.ctrlC);
      expect(await run.exit).toBe(130);
    },
  );

  it(
    'a failed proof rolls the release back and says so; the old key stays and a tries again',
    { timeout: 60_000 },
    async () => {
      const w = await withRelease({ logs: '401' });
      const run = runInPty(process.execPath, [BIN, ...WEB_ARGV, '--settle', '300ms'], w.env, { cols: 100, rows: 30 });
      await run.waitFor('Keys of web-01');
      await run.waitFor('nlk-prod');
      await run.type(KEY.down, 'r');
      await run.waitFor("Rotate key 'nlk-prod' (in 20 days)?");
      await run.type(KEY.enter);
      await run.waitFor(FOUND);
      await run.type('a');
      await run.waitFor("✖ NLK release 'nlk' (namespace nlk, kube context aks-prod)", 30_000);
      await run.waitFor('  the dataplane refused the new key: got 401 in the log of pod');
      await run.waitFor("a tries again: 'nlk-prod' stays in use meanwhile");
      expect(w.runningKey()).toBe(w.oldKey);
      expect(w.secretOf('nlk-prod')).toBe(w.oldKey);
      expect(w.emulator.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
      run.pty.write(KEY.ctrlC);
      run.pty.write(KEY.ctrlC);
      await run.exit;
    },
  );

  it('the line face offers the same and applies it with a', { timeout: 60_000 }, async () => {
    const w = await withRelease();
    const run = runInPty(process.execPath, [BIN, ...WEB_ARGV, '--plain', '--settle', '300ms'], w.env, {
      cols: 160,
      rows: 50,
    });
    const answer = async (question: string | RegExp, words: string) => {
      await run.waitFor(question, 20_000);
      await run.type(...words.split(''), KEY.enter);
    };
    await answer('? n new · r N rotate', 'r 2');
    await answer("? Rotate 'nlk-prod'? y goes on", 'y');
    await run.waitFor(FOUND, 20_000);
    await answer("a puts 'nlk-prod-2' there and proves it", 'a');
    await run.waitFor("✔ runs on 'nlk-prod-2': NLK release 'nlk' (namespace nlk, kube context aks-prod)", 30_000);
    expect(w.runningKey()).toBe(w.secretOf('nlk-prod-2'));
    // Held by the release: y goes on without asking whether anyone holds the new key.
    await answer(/\? (Rotation \(\? says the choices\)|.*y switched)/, 'y');
    await run.waitFor("✔ Rotated: the dataplane takes 'nlk-prod-2'; 'nlk-prod' deleted.", 30_000);
    expect(w.secretOf('nlk-prod')).toBeUndefined();
    await answer('? Keys (? says the choices)', 'q');
    expect(await run.exit).toBe(0);
  });
});
