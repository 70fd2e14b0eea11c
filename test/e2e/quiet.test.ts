/**
 * Ops (issue 34, item 5): progress goes to stderr only on a terminal; --quiet (-q) says nothing
 * on stderr when all went well, and everything it held when not (errors always); exit codes are the
 * same with and without it; a question for a person is never held.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { BIN, KEY, runInPty } from '../helpers/pty';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('quiet-');
const NOTES = [
  'note: broken-01 cannot take keys: deployment failed',
  'note: sandbox-nginx cannot take keys: subscription disabled',
  'note: stage-upgrading cannot take keys: deployment updating',
].join('\n');

describe('--quiet with no terminal', () => {
  it('list --all -o prometheus --output-file F --quiet writes F and prints nothing (the cron line)', async () => {
    const dir = tempDir();
    const file = join(dir, 'keys.prom');
    const result = await runCli(['list', '--all', '-o', 'prometheus', '--output-file', file, '--quiet', '--demo'], {
      cwd: dir,
    });
    expect([result.code, result.stdout, result.stderr]).toEqual([0, '', '']);
    expect(readFileSync(file, 'utf8')).toMatch(/^nginxaas_api_key_expiration_timestamp_seconds\{.*key="nlk-prod"\}/m);
  });

  it('drops the notes of a run that went well; the same run without it says them, with the same exit', async () => {
    const said = await runCli(['list', '--all', '--demo']);
    expect([said.code, said.stderr]).toEqual([0, `${NOTES}\n`]);
    expect(said.stderr).not.toMatch(/Finding NGINXaaS|Reading the keys/);
    const quiet = await runCli(['list', '--all', '--demo', '-q']);
    expect([quiet.code, quiet.stderr]).toEqual([0, '']);
    // stdout is the run's own either way (each run has a fresh demo world: its hints differ).
    const summary = (out: string) => out.trimEnd().split('\n').pop();
    expect(summary(quiet.stdout)).toBe(summary(said.stdout));
  });

  it('a run that did not go well says everything it held, in order, and the error', async () => {
    const expiring = await runCli(['list', '--all', '--demo', '-q', '--expiring-within', '30']);
    expect([expiring.code, expiring.stderr]).toEqual([3, `${NOTES}\n`]);
    const failed = await runCli(['show', 'web-01', 'no-such-key', '--demo', '--quiet']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^error: .*no-such-key/m);
  });
});

describe('on a terminal', () => {
  it('progress is said; --quiet never holds back the question of delete', async () => {
    const state = tempDir();
    const listed = runInPty(process.execPath, [BIN, 'list', '--all', '--demo', '-o', 'json'], {
      XDG_STATE_HOME: state,
    });
    expect(await listed.exit).toBe(0);
    expect(listed.text()).toContain('Finding NGINXaaS deployments');
    const run = runInPty(process.execPath, [BIN, 'delete', 'web-01', 'ci-2025', '--demo', '-q'], {
      XDG_STATE_HOME: state,
    });
    await run.waitFor("Delete key 'ci-2025' from web-01");
    await run.type('y', KEY.enter);
    expect(await run.exit).toBe(0);
  });
});
