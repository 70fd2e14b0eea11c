/**
 * The parser's words for what people mistype, as a table: each wrong line gets one sentence that
 * says what to do (exit 2 comes from UsageError), and the lines that are right parse as meant.
 */
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/parse';
import { UsageError } from '../../src/port/usage-error';

function refusal(argv: string[]): string {
  try {
    parseCommandLine(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  return 'accepted';
}

describe('what the parser says to a mistyped line', () => {
  it.each([
    [['list', '-o', 'jsn'], "--output takes text, json, prometheus; not 'jsn'; did you mean 'json'?"],
    [['list', '--auth', 'devicecode'], "did you mean 'device-code'?"],
    [['list', '-o', 'yaml'], "--output takes text, json, prometheus; not 'yaml'"],
    [['completion', 'bsh'], "completion takes one of bash, zsh, fish; did you mean 'bash'?"],
    [['completion', 'powershell'], 'completion takes one of bash, zsh, fish: nginxaas-keys completion bash'],
    [['completion', '-o', 'json', 'bash'], "--output does not apply to 'completion'"],
    [['completion', '--verbose', 'zsh'], "--verbose does not apply to 'completion'"],
    [
      ['list', '--expiring-within', '-5'],
      "option '--expiring-within' needs a value; one that begins with '-' is given as --expiring-within=<value>",
    ],
    [['help', 'rotat'], "no help for unknown command 'rotat'; did you mean 'rotate'?"],
  ])('%j: %s', (argv, words) => {
    expect(refusal(argv)).toContain(words);
  });
});

describe('lines that are right', () => {
  it('help help is the help of help, not an error', () => {
    expect(parseCommandLine(['help', 'help'])).toMatchObject({ helpOnHelp: true, values: { help: true } });
  });

  it('--demo-reset is a demo run: it never goes to Azure', () => {
    expect(parseCommandLine(['list', '-d', 'web-01', '--demo-reset']).values).toMatchObject({
      demo: true,
      'demo-reset': true,
    });
    expect(parseCommandLine(['list', '-d', 'web-01']).values.demo).toBeUndefined();
  });

  it('completion takes its shell and --help only', () => {
    expect(parseCommandLine(['completion', 'fish'])).toMatchObject({ mode: 'completion', shell: 'fish' });
    expect(parseCommandLine(['completion', '--help']).values.help).toBe(true);
  });
});
