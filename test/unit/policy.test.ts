import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluate } from '../../src/domain/policy';

const ruleMap = (secret: string) => Object.fromEntries(evaluate(secret).rules.map((r) => [r.id, r.ok]));

describe('secret policy', () => {
  it.each([
    // secret, ok, why
    ['Abcdefghij1!', true, '12 characters, 4 classes'],
    ['abcdefghij12', false, 'two classes'],
    ['abcdefghij1-', true, 'lower, digit, symbol'],
    ['ABCDEFGHIJ1-', true, 'upper, digit, symbol'],
    ['Abcdefghijk1', true, 'lower, upper, digit'],
    ['Abc1-', false, 'too short'],
    ['Abcdefghij1', false, '11 characters'],
    ['123e4567-e89b-42d3-a456-426614174000', true, 'a UUIDv4'],
    ['12345678-1234-4234-8234-123456789012', false, 'a UUID with no letter has two classes'],
    ['Abcdef ghij1!', false, 'a space is refused'],
    ['Abcdefghij1!\n', false, 'a line break is refused'],
    ['Abcdefghij1!\u0007', false, 'a control character is refused'],
    ['Abcdéfghij1!', false, 'non-ASCII is refused'],
    ['', false, 'empty'],
  ])('%s → %s (%s)', (secret, ok) => {
    expect(evaluate(secret).ok).toBe(ok);
  });

  it('gives one result per rule with words', () => {
    const result = evaluate('abc');
    expect(result.rules.map((r) => r.id)).toEqual([
      'length',
      'lowercase',
      'uppercase',
      'digit',
      'symbol',
      'classes',
      'charset',
    ]);
    expect(result.rules.every((r) => r.label.length > 5)).toBe(true);
    expect(ruleMap('abc')).toMatchObject({
      length: false,
      lowercase: true,
      uppercase: false,
      digit: false,
      symbol: false,
      classes: false,
      charset: true,
    });
  });

  it('names the offending character and its position', () => {
    expect(evaluate('Abcdefghij1 x').problem).toContain('a space at position 12');
    expect(evaluate('Abcdefghij1é').problem).toContain("'é' (not plain ASCII) at position 12");
    expect(evaluate('Abcdefghij1\t').problem).toContain('a tab at position 12');
  });

  it('says how long the key is and how many kinds it mixes', () => {
    expect(evaluate('Abc1').problem).toBe('the key must have at least 12 characters (it has 4)');
    expect(evaluate('abcdefghijklmn').problem).toContain('(it has 1)');
  });

  it('counts every printable ASCII non-alphanumeric as a symbol', () => {
    for (let c = 0x21; c <= 0x7e; c++) {
      const ch = String.fromCharCode(c);
      if (/[A-Za-z0-9]/.test(ch)) continue;
      expect(ruleMap(`abc${ch}`).symbol, ch).toBe(true);
    }
  });

  it('agrees with an independent statement of the rule (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aZ9-é \n!xY'.split('')), maxLength: 20 }), (secret) => {
        const printable = /^[\x21-\x7e]*$/.test(secret);
        const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/].filter((re) =>
          re.test(secret),
        ).length;
        expect(evaluate(secret).ok).toBe(printable && secret.length >= 12 && classes >= 3);
      }),
    );
  });
});
