/**
 * rotate through the built binary when its last step fails: a DELETE refused or interrupted by
 * Ctrl+C (once: let finish; twice: the old key may be gone, and how to check). rotate's other
 * runs of the binary: e2e/commands.test.ts; in-process: integration/commands.test.ts.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWorld, runCli } from '../helpers/cli';
import { BIN, KEY, runInPty } from '../helpers/pty';
import { json } from '../helpers/schemas';
import { useTempDir } from '../helpers/temp';
import { WEB_ARGV } from '../helpers/sample';

const tempDir = useTempDir('rotate-');

describe('rotation when its last step fails', () => {
  it('a failing final DELETE: "stopped at retire", the command that finishes it, JSON on stdout', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    emulator.faults.add({
      method: 'DELETE',
      status: 409,
      code: 'Conflict',
      message: 'deployment is updating',
      times: -1,
    });
    const file = join(tempDir(), 'new.key');
    const result = await runCli(
      ['rotate', ...WEB_ARGV, '--name', 'asg-sync', '--yes', '--secret-out', file, '-o', 'json'],
      {
        env: { ...env, NGINXAAS_KEYS_VERIFY_WAIT_MS: '2000' },
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "Rotation stopped at retire: deleting 'asg-sync' failed: deployment is updating (Conflict)",
    );
    expect(result.stderr).toMatch(/To finish, once it is unused: nginxaas-keys delete .*--name asg-sync --yes/);
    const document = json(result.stdout);
    expect(document.stoppedAt).toMatchObject({ stage: 'retire' });
    expect(secretOf('asg-sync')).toBeDefined();
    expect(secretOf(document.name)).toBeDefined();
  });

  it('Ctrl+C during the final DELETE lets it finish, said, then 130; a second one leaves, saying the old key may be gone and how to check', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    emulator.faults.add({ method: 'DELETE', delayMs: 4_000, times: -1 });
    const file = join(tempDir(), 'new.key');
    const rotate = (extra: string[]) =>
      runInPty(process.execPath, [BIN, 'rotate', ...WEB_ARGV, '--yes', '--secret-out', ...extra], env, {
        cols: 200,
        rows: 30,
      });
    const once = rotate([file, '--name', 'asg-sync']);
    // The status line says what is awaited once the DELETE has taken two seconds.
    await once.waitFor("waiting for Azure: deleting key 'asg-sync'");
    once.pty.write(KEY.ctrlC);
    expect(await once.exit).toBe(130);
    const said = once.text().replace(/\s+/g, ' ');
    expect(said).toContain("Finishing the request that deletes the old key 'asg-sync'");
    expect(said).toContain("Rotation done: 'asg-sync-2' is the key now.");
    expect(said).toContain("Cancelled, but only after Azure deleted the old key 'asg-sync'.");
    expect(secretOf('asg-sync')).toBeUndefined();

    const twice = rotate([`${file}2`, '--name', 'nlk-prod']);
    await twice.waitFor("waiting for Azure: deleting key 'nlk-prod'");
    await twice.type(KEY.ctrlC, KEY.ctrlC);
    expect(await twice.exit).toBe(130);
    expect(twice.text().replace(/\s+/g, ' ')).toMatch(
      /Rotation stopped at retire: deleting 'nlk-prod' got no answer \(.*\); it may be gone already: check with nginxaas-keys show .*--name nlk-prod/,
    );
  });
});
