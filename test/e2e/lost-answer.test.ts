/**
 * Answers lost on the way back, through the built binary against the emulator: a create or rotate
 * whose PUT answer is lost is settled by a GET; when that fails too, the key file is kept and the
 * key named; a delete whose answer was lost and retried says "Deleted".
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PRODUCTION } from '../../src/emulator/sample-data';
import { cliWorld, runCli } from '../helpers/cli';
import { WEB_ARGV } from '../helpers/sample';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('lost-answer-');

const world = cliWorld;

describe('the answer to the PUT is lost', () => {
  const folder = tempDir;

  it('create and rotate, lost for good or unknowable: the emulator and what the user holds agree', async () => {
    const { env, emulator, secretOf } = await world();
    const dir = folder();
    // Lost for good, once each for --secret-out, --show-secret and rotate: settled by a GET.
    for (const name of ['lost-file', 'lost-shown', 'asg-sync-2'])
      emulator.faults.add({ method: 'PUT', path: `/apiKeys/${name}?`, commitThenDrop: true, times: -1 });
    // Unknowable: the first GET passes, the PUT is carried out but unanswered, then every GET breaks.
    emulator.faults.add({ method: 'GET', path: '/apiKeys/limbo?', delayMs: 1, times: 1 });
    emulator.faults.add({ method: 'PUT', path: '/apiKeys/limbo?', commitThenDrop: true, times: -1 });
    emulator.faults.add({ method: 'GET', path: '/apiKeys/limbo?', reset: true, times: -1 });

    const [file, shown, rotated, limbo] = await Promise.all([
      runCli(['create', ...WEB_ARGV, '--name', 'lost-file', '--secret-out', join(dir, 'lost.key')], { env }),
      runCli(['create', ...WEB_ARGV, '--name', 'lost-shown', '--show-secret'], { env }),
      runCli(
        [
          'rotate',
          ...WEB_ARGV,
          '--name',
          'asg-sync',
          '--new-name',
          'asg-sync-2',
          '--secret-out',
          join(dir, 'rotated.key'),
        ],
        { env },
      ),
      runCli(['create', ...WEB_ARGV, '--name', 'limbo', '--secret-out', join(dir, 'limbo.key')], { env }),
    ]);

    expect([file.code, readFileSync(join(dir, 'lost.key'), 'utf8')]).toEqual([0, secretOf('lost-file')]);
    expect(file.stderr).toContain('The answer was lost; a check found the key, so it was created.');
    expect(file.stdout).toContain("✔ Created key 'lost-file'");
    expect([shown.code, shown.stdout]).toEqual([0, `${secretOf('lost-shown')}\n`]);
    expect([rotated.code, readFileSync(join(dir, 'rotated.key'), 'utf8')]).toEqual([0, secretOf('asg-sync-2')]);
    expect(secretOf('asg-sync')).toBeDefined();

    expect(limbo.code).toBe(1);
    expect(readFileSync(join(dir, 'limbo.key'), 'utf8')).toBe(secretOf('limbo'));
    expect(limbo.stderr).toContain("the answer to creating key 'limbo' was lost");
    expect(limbo.stderr).toContain(
      `The key is in ${join(dir, 'limbo.key')} (mode 0600). Check with: nginxaas-keys show -d web-01 -g edge-rg --subscription ${PRODUCTION} --name limbo`,
    );
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a delete whose answer was lost and was retried says "Deleted", not "already gone"', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    emulator.faults.add({ method: 'DELETE', commitThenDrop: true });
    const result = await runCli(['delete', ...WEB_ARGV, '--name', 'asg-sync', '--yes'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("Deleted key 'asg-sync'");
    expect(secretOf('asg-sync')).toBeUndefined();
  });
});
