/**
 * fast-check over the command line, in-process against the emulator: whatever is typed — names,
 * expiries, keys on stdin, flags in any order — the program never crashes or prints a stack
 * trace, bad input is exit 2 with nothing sent, and good input is taken.
 *
 * The oracles are the test's own, written from the rules in README.md ("The rules, and what we
 * chose…"), never the product's validators: each input is made valid or invalid by a grammar of
 * this file (a name with a character from outside the rule's set, a key with only two kinds of
 * character, a date before today), so a validator that drifts from its rule is caught here.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gatewayFor, sampleWeb, useEmulator } from '../helpers/emulator';
import { runInProcess, type InProcessResult } from '../helpers/in-process';
import { WEB_ARGV } from '../helpers/sample';

const STACK = /\n\s+at |TypeError|ReferenceError|undefined is not/;

function expectRefusedQuietly(result: InProcessResult, sent: number) {
  expect(result.code, result.stderr).toBe(2);
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
  return { run, ...sampleWeb(emulator) };
}

// ---- The rules' alphabets, from README.md, not from src/domain.
const LOWER = [...'abcdefghijklmnopqrstuvwxyz'];
const UPPER = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const DIGIT = [...'0123456789'];
/** "a symbol is printable ASCII that is neither letter nor digit (! to ~)" */
const SYMBOL = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i)).filter(
  (c) => !/[A-Za-z0-9]/.test(c),
);
/** Characters no key and no key name may hold: space, tab, controls, DEL, non-ASCII (no line break: one at the end is dropped). */
const NEVER = fc.constantFrom(' ', '\t', '\u0000', '\u001b', '\u007f', 'é', 'ß', '→', '\u200e', '😀');

// ---- Key names: "1 to 30 ASCII letters, digits and hyphens, starting and ending with a letter or digit".
const nameEnd = fc.constantFrom(...LOWER, ...UPPER, ...DIGIT);
const nameInner = fc.constantFrom(...LOWER, ...UPPER, ...DIGIT, '-');
const validName = fc.oneof(
  nameEnd,
  fc.tuple(nameEnd, fc.array(nameInner, { maxLength: 28 }), nameEnd).map(([a, inner, z]) => a + inner.join('') + z),
);
const insertAt = (text: string, at: number, what: string) => {
  const chars = Array.from(text);
  const i = at % (chars.length + 1);
  return [...chars.slice(0, i), what, ...chars.slice(i)].join('');
};
const invalidName = fc.oneof(
  fc.constant(''),
  // 31 to 40 characters of the right kinds.
  fc
    .tuple(nameEnd, fc.array(nameInner, { minLength: 29, maxLength: 38 }), nameEnd)
    .map(([a, inner, z]) => a + inner.join('') + z),
  validName.map((n) => `-${n}`),
  validName.map((n) => `${n}-`),
  fc
    .tuple(validName, fc.oneof(NEVER, fc.constantFrom('_', '.', '/', ':', '@', '+', '\n')), fc.nat())
    .map(([n, c, at]) => insertAt(n, at, c)),
);

// ---- Keys: "at least 12 characters and 3 of 4 kinds … only printable ASCII without spaces"; at most 256.
const kinds = [LOWER, UPPER, DIGIT, SYMBOL];
/** A key of `length` characters drawn from the kinds chosen by `use` (each used at least once). */
const keyOf = (use: number[], minLength: number, maxLength: number) =>
  fc
    .tuple(
      fc.array(fc.constantFrom(...use.flatMap((k) => kinds[k]!)), { minLength, maxLength }),
      fc.tuple(...use.map((k) => fc.constantFrom(...kinds[k]!))),
      fc.nat(),
    )
    .map(([body, each, at]) => {
      let key = body.slice(0, Math.max(0, body.length - each.length)).join('');
      for (const c of each) key = insertAt(key, at, c);
      return key;
    });
const threeKinds = fc.subarray([0, 1, 2, 3], { minLength: 3, maxLength: 4 });
const twoKinds = fc.subarray([0, 1, 2, 3], { minLength: 1, maxLength: 2 });
const validKey = threeKinds.chain((use) => keyOf(use, 12, 80));
const invalidKey = fc.oneof(
  // Too short (six or more, so that the key could not turn up in the words by chance).
  threeKinds.chain((use) => keyOf(use, 6, 11)),
  twoKinds.chain((use) => keyOf(use, 12, 80)),
  fc.tuple(validKey, NEVER, fc.nat()).map(([k, c, at]) => insertAt(k.slice(0, -1), at, c) + k.slice(-1)),
  threeKinds.chain((use) => keyOf(use, 257, 400)),
);

// ---- Expiries: "30d, 90d, 6mo, 1y, 2y, a date like 2027-05-01, or an RFC 3339 time"; at least 5
// minutes and at most two calendar years away. Days are counted by the test's own calendar.
const DAY = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const invalidExpiry = (now: Date) =>
  fc.oneof(
    // Words and symbols without a digit: no span, date or time has none.
    fc.string({ unit: fc.constantFrom(...LOWER, ...UPPER, ' ', '.', ':', '/', 'é'), minLength: 1, maxLength: 20 }),
    fc.integer({ min: 1, max: 5000 }).map((days) => isoDay(new Date(now.getTime() - days * DAY))),
    fc.integer({ min: 733, max: 5000 }).map((days) => isoDay(new Date(now.getTime() + days * DAY))),
    fc.integer({ min: 733, max: 9999 }).map((n) => `${n}d`),
    fc.integer({ min: 25, max: 999 }).map((n) => `${n}mo`),
    fc.integer({ min: 3, max: 99 }).map((n) => `${n}y`),
    fc.constant('0d'),
    fc
      .tuple(
        fc.integer({ min: 2030, max: 2090 }),
        fc.constantFrom('02-30', '02-31', '04-31', '13-01', '00-10', '06-00'),
      )
      .map(([y, md]) => `${y}-${md}`),
  );
const validExpiry = (now: Date) =>
  fc.oneof(
    fc.integer({ min: 1, max: 729 }).map((n) => `${n}d`),
    fc.integer({ min: 1, max: 23 }).map((n) => `${n}mo`),
    fc.constantFrom('1y', '2y', '30d', '90d', '6mo'),
    // A bare date is the end of that day: tomorrow to 728 days on stays inside two years less ten minutes.
    fc.integer({ min: 1, max: 728 }).map((days) => isoDay(new Date(now.getTime() + days * DAY))),
  );

describe('the command line under fast-check', () => {
  it('any name outside the rule: exit 2, no stack trace, nothing sent', async () => {
    const { run } = await setup();
    await fc.assert(
      fc.asyncProperty(invalidName, async (name) => {
        const { result, sent } = await run(['create', ...WEB_ARGV, `--name=${name}`, '--show-secret']);
        expectRefusedQuietly(result, sent);
      }),
      { numRuns: 60 },
    );
  });

  it('any name inside the rule is taken: the key is created under it', async () => {
    const { run, secretOf } = await setup();
    await fc.assert(
      fc.asyncProperty(validName, async (name) => {
        const { result } = await run(['create', ...WEB_ARGV, `--name=${name}`, '--show-secret', '--replace']);
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).toBe(`${secretOf(name)}\n`);
      }),
      { numRuns: 20 },
    );
  });

  it('any expiry outside the forms or the bounds: exit 2, nothing sent', { tags: ['clock'] }, async () => {
    const { run } = await setup();
    await fc.assert(
      fc.asyncProperty(invalidExpiry(new Date()), async (e) => {
        const { result, sent } = await run([
          'create',
          ...WEB_ARGV,
          '--name',
          'prop-key',
          '--show-secret',
          `--expires=${e}`,
        ]);
        expectRefusedQuietly(result, sent);
      }),
      { numRuns: 60 },
    );
  });

  it('any expiry inside the forms and the bounds is taken', { tags: ['clock'] }, async () => {
    const { run } = await setup();
    await fc.assert(
      fc.asyncProperty(validExpiry(new Date()), async (e) => {
        const { result } = await run([
          'create',
          ...WEB_ARGV,
          '--name',
          'prop-key',
          '--show-secret',
          '--replace',
          `--expires=${e}`,
        ]);
        expect(result.code, `${e}: ${result.stderr}`).toBe(0);
      }),
      { numRuns: 25 },
    );
  });

  it('any key on stdin that breaks the policy: exit 2, the key not repeated, nothing sent', async () => {
    const { run } = await setup();
    await fc.assert(
      fc.asyncProperty(invalidKey, async (secret) => {
        const { result, sent } = await run(['create', ...WEB_ARGV, '--name', 'prop-key', '--secret-stdin'], secret);
        expectRefusedQuietly(result, sent);
        expect(result.stderr).not.toContain(secret);
      }),
      { numRuns: 60 },
    );
  });

  it('any key on stdin that keeps the policy is sent as it is', async () => {
    const { run, secretOf } = await setup();
    await fc.assert(
      fc.asyncProperty(validKey, async (secret) => {
        const { result } = await run(
          ['create', ...WEB_ARGV, '--name', 'prop-key', '--secret-stdin', '--replace'],
          `${secret}\n`,
        );
        expect(result.code, result.stderr).toBe(0);
        expect(secretOf('prop-key')).toBe(secret);
      }),
      { numRuns: 20 },
    );
  });

  it('any command with any mix of words and flags: an exit code from the contract, never a stack trace; exit 2 sends nothing', async () => {
    const { run } = await setup();
    const text = fc.string({
      unit: fc.oneof(
        fc.constantFrom('a', 'Z', '9', '-', '_', ' ', '.', '/', 'é', '\u001b', '\n'),
        fc.string({ minLength: 1, maxLength: 1 }),
      ),
      maxLength: 40,
    });
    // Every argv starts with a command the in-process helper runs (or a typo of one): argv that
    // would open the wizard, help or the emulator is the binary's (e2e), never counted here.
    const command = fc.constantFrom('create', 'list', 'show', 'delete', 'rotate', 'endpoint', 'status', 'crate');
    const word = fc.oneof(
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
      text.filter((t) => t !== '-h' && t !== '--help'),
    );
    await fc.assert(
      fc.asyncProperty(command, fc.array(word, { maxLength: 8 }), async (first, rest) => {
        const { result, sent } = await run([first, ...rest]);
        expect([0, 1, 2, 3, 130]).toContain(result.code);
        expect(result.stderr).not.toMatch(STACK);
        // Bad usage is found before any request (cli-contract.md: every check before any request).
        if (result.code === 2) expect(sent, result.stderr).toBe(0);
      }),
      { numRuns: 150 },
    );
  });
});
