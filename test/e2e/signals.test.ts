/**
 * Signals during every wait, through the built binary: while a PUT is in flight it is let finish
 * (a second signal leaves at once), at the hidden prompt the run ends at once with nothing sent,
 * and while rotate checks the new key it stops there with both keys named.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PRODUCTION } from '../../src/emulator/sample-data';
import { cliWorld, runCli } from '../helpers/cli';
import { WEB_ARGV } from '../helpers/sample';
import { waitUntil } from '../helpers/wait';
import { BIN, KEY, runInPty } from '../helpers/pty';
import { useTempDir } from '../helpers/temp';

const world = cliWorld;
const tempDir = useTempDir('signals-');

describe('signals while the PUT is in flight', () => {
  /**
   * Runs create with the PUT held at the emulator; sends the first of `signals` once the PUT has
   * arrived, and each next one once the program has said it is finishing that request.
   */
  async function interrupted(signals: NodeJS.Signals[], holdMs: number) {
    const { env, emulator, secretOf } = await world();
    emulator.faults.add({ method: 'PUT', delayMs: holdMs });
    const dir = tempDir();
    const file = join(dir, 'held.key');
    const [first, ...later] = signals;
    let child = 0;
    const result = await runCli(['create', ...WEB_ARGV, '--name', 'held', '--secret-out', file], {
      env,
      onSpawn: (pid) => {
        child = pid;
        void waitUntil(() => emulator.requests.some((r) => r.method === 'PUT'), 20_000, 'the PUT').then(() =>
          process.kill(pid, first!),
        );
      },
      onStderr: (stderr) => {
        if (later.length > 0 && stderr.includes("Finishing the request that creates key 'held'"))
          process.kill(child, later.shift()!);
      },
    });
    return { result, dir, file, emulator, secretOf };
  }

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)(
    '%s: the PUT is let finish; the key is in the file and the words say so (130)',
    async (signal) => {
      const { result, dir, file, secretOf } = await interrupted([signal], 700);
      expect(result.code).toBe(130);
      expect(readFileSync(file, 'utf8')).toBe(secretOf('held'));
      expect(result.stderr).toContain("Finishing the request that creates key 'held'");
      expect(result.stderr).toContain(`Cancelled, but only after Azure created key 'held'; it is in ${file}.`);
      expect(readdirSync(dir)).toEqual(['held.key']);
    },
  );

  it('a second signal leaves at once: the key may exist, the file holds its value and the words name it', async () => {
    const { result, dir, file, emulator, secretOf } = await interrupted(['SIGINT', 'SIGINT'], 1500);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "no answer came to creating key 'held' (cancelled), and Azure may still be carrying it out",
    );
    expect(result.stderr).toContain(`The key is in ${file} (mode 0600).`);
    // The emulator carries the held PUT out after the client left: the file holds that very key.
    const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
    await waitUntil(() => emulator.world.key(web, 'held') !== undefined, 10_000, 'the held PUT to be carried out');
    expect(readFileSync(file, 'utf8')).toBe(secretOf('held'));
    expect(readdirSync(dir)).toEqual(['held.key']);
  });
});

describe('signals during every wait', () => {
  it('SIGTERM while the hidden prompt of --secret-stdin waits: exit 130 at once, nothing sent', async () => {
    const { env, emulator } = await cliWorld();
    const run = runInPty(process.execPath, [BIN, 'create', ...WEB_ARGV, '--name', 'typed', '--secret-stdin'], env, {
      cols: 100,
      rows: 20,
    });
    await run.waitFor('Key (hidden)');
    run.pty.kill('SIGTERM');
    expect(await run.exit).toBe(130);
    expect(emulator.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });

  it('Ctrl+C while rotate checks the new key: stopped there, both keys named, exit 130, the old key kept', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    // The dataplane refuses for now, so the check keeps waiting.
    emulator.faults.add({ method: 'GET', path: '/packages', status: 401, times: -1 });
    const file = join(tempDir(), 'new.key');
    const run = runInPty(
      process.execPath,
      [BIN, 'rotate', ...WEB_ARGV, '--name', 'asg-sync', '--yes', '--secret-out', file],
      {
        ...env,
        NGINXAAS_KEYS_VERIFY_WAIT_MS: '60000',
      },
    );
    await run.waitFor('The dataplane does not take the key yet');
    run.pty.write(KEY.ctrlC);
    expect(await run.exit).toBe(130);
    expect(run.text().replace(/\s+/g, ' ')).toContain(
      'Rotation stopped at verify: cancelled while the new key was being checked. Both keys are in place',
    );
    expect(secretOf('asg-sync')).toBeDefined();
  });
});
