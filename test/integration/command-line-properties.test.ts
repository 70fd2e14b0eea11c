/**
 * fast-check over the command line, in-process against the emulator: whatever is typed — names,
 * expiries, keys on stdin, flags in any order — the program never crashes or prints a stack
 * trace, and bad input is exit 2 with nothing sent.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkKeyName } from '../../src/domain/key-name';
import { parseExpiry } from '../../src/domain/expiry';
import { evaluate } from '../../src/domain/policy';
import { gatewayFor, useEmulator } from '../helpers/emulator';
import { runInProcess, type InProcessResult } from '../helpers/in-process';
import { WEB_ARGV } from '../helpers/sample';

const STACK = /\n\s+at |TypeError|ReferenceError|undefined is not/;

function expectRefusedQuietly(result: InProcessResult, sent: number) {
  expect(result.code).toBe(2);
  expect(result.stderr).not.toMatch(STACK);
  expect(result.stderr.trim().split('\n').length).toBeLessThanOrEqual(3);
  expect(sent).toBe(0);
}

async function setup() {
  const emulator = await useEmulator();
  const gateway = gatewayFor(emulator);
  const run = async (argv: string[], stdin?: string) => {
    emulator.requests.length = 0;
    const result = await runInProcess(argv, gateway, stdin === undefined ? {} : { stdin });
    return { result, sent: emulator.requests.length };
  };
  return { run };
}

const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom('a', 'Z', '9', '-', '_', ' ', '.', '/', 'é', '\u001b', '\n'),
    fc.string({ minLength: 1, maxLength: 1 }),
  ),
  maxLength: 40,
});

describe('the command line under fast-check', () => {
  it('any invalid key name: exit 2, no stack trace, nothing sent', async () => {
    const { run } = await setup();
    await fc.assert(
      fc.asyncProperty(
        text.filter((name) => !checkKeyName(name).ok && !name.startsWith('-')),
        async (name) => {
          const { result, sent } = await run(['create', ...WEB_ARGV, '--name', name, '--show-secret']);
          expectRefusedQuietly(result, sent);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('any expiry that does not parse, or lies outside the bounds: exit 2, nothing sent', async () => {
    const { run } = await setup();
    const expiry = fc.oneof(
      text,
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.integer({ min: -5000, max: 5000 }).map((n) => `${n}d`),
    );
    await fc.assert(
      fc.asyncProperty(
        expiry.filter((e) => !e.startsWith('-') && !parseExpiry(e, new Date()).ok),
        async (e) => {
          const { result, sent } = await run([
            'create',
            ...WEB_ARGV,
            '--name',
            'prop-key',
            '--show-secret',
            '--expires',
            e,
          ]);
          expectRefusedQuietly(result, sent);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('any key on stdin that breaks the policy: exit 2, the key not repeated, nothing sent', async () => {
    const { run } = await setup();
    await fc.assert(
      fc.asyncProperty(
        fc
          .string({ maxLength: 300 })
          .filter((s) => s.replace(/\r?\n$/, '') !== '' && !evaluate(s.replace(/\r?\n$/, '')).ok && s.length >= 4),
        async (secret) => {
          const { result, sent } = await run(['create', ...WEB_ARGV, '--name', 'prop-key', '--secret-stdin'], secret);
          expectRefusedQuietly(result, sent);
          expect(result.stderr).not.toContain(secret);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('any mix of words and flags: an exit code from the contract and never a stack trace', async () => {
    const { run } = await setup();
    const word = fc.oneof(
      fc.constantFrom('create', 'list', 'show', 'delete', 'rotate', 'endpoint', 'help', 'crate'),
      fc.constantFrom(
        '-d',
        'web-01',
        '-g',
        'edge-rg',
        '--name',
        'nlk-prod',
        '--all',
        '--yes',
        '--replace',
        '--show-secret',
        '--secret-stdin',
      ),
      fc.constantFrom(
        '--generate',
        '--expires',
        '30d',
        '-o',
        'json',
        '--expiring-within',
        '7',
        '--new-name',
        '--force',
        '--nplus',
        '--bogus',
      ),
      text,
    );
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 8 }), async (argv) => {
        if (argv.length === 0 || argv[0] === 'emulator') return;
        const { result } = await run(argv);
        expect([0, 1, 2, 3, 130]).toContain(result.code);
        expect(result.stderr).not.toMatch(STACK);
      }),
      { numRuns: 150 },
    );
  });
});
