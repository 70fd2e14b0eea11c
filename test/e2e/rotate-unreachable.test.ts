/**
 * A rotation where the dataplane cannot be reached from this machine (issue 34, item 4): "could
 * not check from here" in one sentence with the host, never a refusal; a script stops with both
 * keys unless it says --no-verify, whose words and JSON say the new key was not checked; on a
 * terminal the person may go on after a yes that says so. The emulator cuts every connection to
 * the dataplane, as an unreachable private endpoint does.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWorld, runCli } from '../helpers/cli';
import { BIN, KEY, runInPty } from '../helpers/pty';
import { WEB_ARGV } from '../helpers/sample';
import { expectSchema, json } from '../helpers/schemas';

async function unreachableWorld() {
  const world = await cliWorld();
  world.emulator.faults.add({ method: 'GET', path: '/packages', reset: true, times: -1 });
  const host = new URL(world.emulator.url).host;
  return { ...world, host, dir: mkdtempSync(join(tmpdir(), 'unreachable-')) };
}

const dataplaneAsked = (requests: { path: string }[]) => requests.filter((r) => r.path.endsWith('/packages')).length;

describe('rotate where the dataplane cannot be reached', () => {
  it('--yes stops before the old key goes: could not check, said once, with the host; both keys stay', async () => {
    const { env, secretOf, host, dir } = await unreachableWorld();
    const result = await runCli(
      ['rotate', ...WEB_ARGV, '--name', 'asg-sync', '--secret-out', join(dir, 'new.key'), '--yes'],
      { env },
    );
    expect(result.code).toBe(1);
    expect(secretOf('asg-sync')).toBeDefined();
    expect(secretOf('asg-sync-2')).toBe(readFileSync(join(dir, 'new.key'), 'utf8'));
    const sentence = `Could not check the key from here: ${host} cut the connection before answering.`;
    expect(result.stderr).toContain(`⚠ ${sentence}\n`);
    expect(result.stderr).toContain(
      `Rotation stopped at verify-again: could not check the key from here: ${host} cut the connection before answering, so 'asg-sync' was kept (rotate --no-verify goes on without the check).`,
    );
    // No errno, no nested parentheses, no "did not take".
    expect(result.stderr).not.toMatch(/ECONNRESET|socket hang up|did not take|\([^)]*\(/);
  });

  it('--no-verify: the dataplane is not asked, the old key goes, and words and JSON say the new key was not checked', async () => {
    const { env, emulator, secretOf, dir } = await unreachableWorld();
    const result = await runCli(
      [
        'rotate',
        ...WEB_ARGV,
        '--name',
        'asg-sync',
        '--secret-out',
        join(dir, 'new.key'),
        '--yes',
        '--no-verify',
        '-o',
        'json',
      ],
      { env },
    );
    expect(result.code, result.stderr).toBe(0);
    const document = json(result.stdout);
    expectSchema('rotate', document);
    expect(document).toMatchObject({
      rotatedFrom: { name: 'asg-sync', action: 'deleted' },
      verification: { outcome: 'notChecked', message: 'the new key was not checked on the dataplane (--no-verify)' },
      newKeyChecked: false,
    });
    expect(document).not.toHaveProperty('verificationAfterSwitch');
    expect(dataplaneAsked(emulator.requests)).toBe(0);
    expect(secretOf('asg-sync')).toBeUndefined();
    const text = await runCli(
      ['rotate', ...WEB_ARGV, '--name', 'nlk-prod', '--secret-out', join(dir, 'other.key'), '--yes', '--no-verify'],
      { env },
    );
    expect(text.code).toBe(0);
    expect(text.stderr).toContain('⚠ The new key was not checked on the dataplane (--no-verify).');
    expect(text.stderr).toContain(
      "Deleted the old key 'nlk-prod'. Rotation done: 'nlk-prod-2' is the key now. It was not checked on the dataplane: make sure what uses it works.",
    );
  });

  it('on a terminal: asked with words that say the new key was not checked; yes deletes the old key', async () => {
    const { env, secretOf, dir } = await unreachableWorld();
    const run = runInPty(
      process.execPath,
      [BIN, 'rotate', ...WEB_ARGV, '--name', 'asg-sync', '--secret-out', join(dir, 'new.key')],
      { ...env, NO_COLOR: '1' },
      { cols: 200, rows: 40 },
    );
    await run.waitFor('Does everything use');
    await run.type('y', KEY.enter);
    await run.waitFor("'asg-sync-2' was not checked: it could not be asked from here. Delete 'asg-sync'", 40_000);
    await run.type('y', KEY.enter);
    expect(await run.exit).toBe(0);
    expect(run.text()).toContain('It was not checked on the dataplane');
    expect(secretOf('asg-sync')).toBeUndefined();
  });
});
