/**
 * The built binary's arguments: a deployment and a key named as plain words, and shell completion
 * that bash, zsh and fish each really run (zsh in a pseudo-terminal, as a person presses Tab).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withEnv } from '../helpers/child-env';
import { cliWorld, runCli } from '../helpers/cli';
import { KEY, runInPty } from '../helpers/pty';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('arguments-completion-');

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
  const scripts = new Map<string, string>();
  /** The script the binary prints for `shell` (made once per shell: bash is asked sixteen times). */
  const script = (shell: string) => {
    if (!scripts.has(shell))
      scripts.set(
        shell,
        execFileSync(process.execPath, ['bin/nginxaas-keys.js', 'completion', shell], { env: withEnv() }).toString(),
      );
    return scripts.get(shell)!;
  };

  /** What bash offers for the words typed so far, the last one being completed. */
  function bashOffers(...words: string[]): string[] {
    const file = join(tempDir(), 'nginxaas-keys.bash');
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

  it('fish runs its script and completes commands, flags and only the choices of a choice', () => {
    const folder = tempDir();
    const file = join(folder, 'nginxaas-keys.fish');
    writeFileSync(file, script('fish'));
    /** What fish offers for the line typed so far (complete -C), without descriptions. */
    const offers = (line: string) =>
      execFileSync('fish', ['--no-config', '-c', `source '${file}'; complete -C '${line}'`], {
        env: withEnv({ HOME: folder }),
        cwd: folder,
      })
        .toString()
        .split('\n')
        .filter(Boolean)
        .map((row) => row.split('\t')[0]);
    expect(offers('nginxaas-keys cr')).toEqual(['create']);
    expect(offers('nginxaas-keys create --secret-')).toEqual(['--secret-file', '--secret-out', '--secret-stdin']);
    expect(offers('nginxaas-keys list --secret-')).toEqual([]);
    // The folder holds the script: a choice offers its values, never file names.
    expect(offers('nginxaas-keys list -o ')).toEqual(['json', 'prometheus', 'text']);
    expect(offers('nginxaas-keys --auth d')).toEqual(['default', 'device-code']);
    expect(offers('nginxaas-keys completion ')).toEqual(['bash', 'fish', 'zsh']);
    expect(offers('nginxaas-keys config set res')).toEqual(['resource-group']);
  });

  it('zsh runs its script from fpath (compinit) and Tab completes commands, flags and choices', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, '_nginxaas-keys'), script('zsh'));
    const zsh = runInPty('zsh', ['-f', '-i'], { HOME: folder }, { cols: 120, rows: 30 }, folder);
    // The prompt is 42> once compinit is done (the line typed shows $((6*7)), not 42).
    await zsh.type(`PS1="$((6*7))> "; fpath=('${folder}' $fpath); autoload -Uz compinit; compinit -u -D`, KEY.enter);
    await zsh.waitFor(/^42> $/m);
    const tab = async (line: string, expected: RegExp) => {
      const from = zsh.raw().length;
      await zsh.type(KEY.ctrlU, line, KEY.tab);
      await zsh.waitForAfter(from, line.split(' ').pop()!);
      await zsh.waitFor(expected);
    };
    // One match: the word is completed on the line itself.
    await tab('nginxaas-keys cr', /42> nginxaas-keys create $/m);
    // Several: listed below the line, with their descriptions.
    await tab('nginxaas-keys create --secret-', /--secret-file +-- read the key from a file/);
    expect(zsh.screen()).toMatch(/--secret-out +-- write a generated key to this file/);
    expect(zsh.screen()).toMatch(/--secret-stdin +-- read the key from standard input/);
    await tab('nginxaas-keys list -o ', /json +prometheus +text|text +json +prometheus/);
    await tab('nginxaas-keys completion ', /bash +fish +zsh|bash +zsh +fish/);
    await zsh.type(KEY.ctrlU, 'exit', KEY.enter);
    expect(await zsh.exit).toBe(0);
  });
});
