/**
 * Unknown words on the command line, through the built binary: exit 2 with one line, the nearest
 * command or flag, and a word that may be a pasted key never echoed.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';

describe('unknown words on the command line', () => {
  it('help for an unknown command exits 2 with a message, not a crash', async () => {
    const result = await runCli(['help', 'bogus']);
    expect([result.code, result.stderr.split('\n')[0]]).toEqual([
      2,
      "error: no help for unknown command 'bogus'; the commands are create, list, show, delete, rotate, extend, status, endpoint, emulator, config, history, completion",
    ]);
    expect(result.stderr).not.toMatch(/TypeError|\n\s+at /);
    expect((await runCli(['help', 'create'])).stdout).toContain('--secret-out');
  });

  it('a key pasted as the first word is never echoed; a typo gets the nearest command', async () => {
    const pasted = await runCli(['Zq7-secretABCDEF']);
    expect(pasted.code).toBe(2);
    expect(pasted.stderr).toContain('unknown command (not shown)');
    expect(pasted.stderr).not.toContain('Zq7');
    const typo = await runCli(['crate', '-d', 'x']);
    expect([typo.code, typo.stderr.split('\n')[0]]).toEqual([
      2,
      "error: unknown command 'crate'; did you mean 'create'?",
    ]);
    const flag = await runCli(['list', '--subscripton', 'x']);
    expect(flag.stderr.split('\n')[0]).toBe("error: unknown option '--subscripton'; did you mean '--subscription'?");
  });
});
