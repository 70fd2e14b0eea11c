/**
 * Issue 12, #6 and #10 in the built binary: a deployment and a key named as plain arguments, and
 * shell completion that bash really runs.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withEnv } from '../helpers/child-env';
import { cliWorld, runCli } from '../helpers/cli';

describe('a deployment and a key as arguments', () => {
  it('`show web-01 nlk-prod` is `show -d web-01 --name nlk-prod`', async () => {
    const { env, web } = await cliWorld();
    const group = ['-g', 'edge-rg', '--subscription', web().subscriptionId];
    const byArguments = await runCli(['show', 'web-01', 'nlk-prod', ...group, '-o', 'json'], { env });
    const byFlags = await runCli(['show', '-d', 'web-01', '--name', 'nlk-prod', ...group, '-o', 'json'], { env });
    expect(byArguments.code).toBe(0);
    expect(byArguments.stdout).toBe(byFlags.stdout);
    expect((await runCli(['endpoint', 'web-01', ...group, '--nplus'], { env })).stdout).toMatch(/\/nplus\n$/);
  });

  it('a word that is not a key name is refused without being echoed; one word too many too', async () => {
    const notAName = await runCli(['show', 'web-01', 'Pasted:Secret!']);
    expect([notAName.code, notAName.stderr.split('\n')[0]]).toEqual([
      2,
      "error: the second argument of 'show' is not a key name (not shown): 1 to 30 letters, digits and inner hyphens",
    ]);
    const tooMany = await runCli(['create', 'web-01', 'Zq7SecretABCDEF12']);
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toContain("unexpected argument after 'create' (not shown); 'create' takes <deployment>");
    expect(tooMany.stderr + notAName.stderr).not.toMatch(/Zq7|Pasted/);
    const twice = await runCli(['show', 'web-01', 'k', '-d', 'web-02']);
    expect(twice.stderr.split('\n')[0]).toBe(
      "error: unexpected argument after 'show' (not shown): --deployment is given already; a key is never taken from the command line: use --secret-stdin or --secret-file",
    );
  });
});

describe('completion', () => {
  const script = (shell: string) =>
    execFileSync(process.execPath, ['bin/nginxaas-keys.js', 'completion', shell], { env: withEnv() }).toString();

  /** What bash offers for the words typed so far, the last one being completed. */
  function bashOffers(...words: string[]): string[] {
    const file = join(mkdtempSync(join(tmpdir(), 'completion-')), 'nginxaas-keys.bash');
    writeFileSync(file, script('bash'));
    const line = ['nginxaas-keys', ...words].map((w) => `'${w}'`).join(' ');
    const program = `source '${file}'; COMP_WORDS=(${line}); COMP_CWORD=${words.length}; _nginxaas_keys; printf '%s\\n' "\${COMPREPLY[@]}"`;
    return execFileSync('bash', ['-c', program], { env: withEnv() }).toString().split('\n').filter(Boolean);
  }

  it('bash completes commands, each command’s own flags, and the values of a choice', () => {
    expect(bashOffers('cr')).toEqual(['create']);
    expect(bashOffers('com')).toEqual(['completion']);
    expect(bashOffers('co')).toEqual(['config', 'completion']);
    expect(bashOffers('create', '--secret-')).toEqual(['--secret-stdin', '--secret-file', '--secret-out']);
    expect(bashOffers('list', '--secret-')).toEqual([]);
    expect(bashOffers('list', '-o', '')).toEqual(['text', 'json', 'prometheus']);
    expect(bashOffers('--auth', 'd')).toEqual(['default', 'device-code']);
    expect(bashOffers('completion', '')).toEqual(['bash', 'zsh', 'fish']);
    // An alias is a command of its own to the shell, with the flags of the command it names.
    expect(bashOffers('up')).toEqual(['update']);
    expect(bashOffers('update', '--exp')).toEqual(['--expires']);
    expect(bashOffers('extend', '--secret-')).toEqual(['--secret-stdin', '--secret-file']);
    // config: what it does, then the names it takes; history its own filters.
    expect(bashOffers('config', '')).toEqual(['set', 'get', 'unset', 'list']);
    expect(bashOffers('config', 'set', 'res')).toEqual(['resource-group']);
    expect(bashOffers('config', 'get', 'arm-')).toEqual(['arm-endpoint', 'arm-audience']);
    expect(bashOffers('history', '--')).toEqual(
      expect.arrayContaining(['--deployment', '--key', '--since', '--limit', '--profile']),
    );
    expect(bashOffers('list', '--pro')).toEqual(['--profile']);
  });

  it('zsh and fish scripts name every command and the choices; a wrong shell is exit 2', async () => {
    for (const shell of ['zsh', 'fish']) {
      const text = script(shell);
      for (const word of [
        'create',
        'rotate',
        'extend',
        'update',
        'completion',
        'secret-out',
        'device-code',
        'AzureChinaCloud',
        'config',
        'history',
        'resource-group',
      ])
        expect(text).toContain(word);
    }
    expect(script('zsh').startsWith('#compdef nginxaas-keys')).toBe(true);
    const wrong = await runCli(['completion', 'powershell']);
    expect([wrong.code, wrong.stderr.split('\n')[0]]).toEqual([
      2,
      'error: completion takes one of bash, zsh, fish: nginxaas-keys completion bash',
    ]);
  });
});
