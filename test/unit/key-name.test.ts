import { describe, expect, it } from 'vitest';
import { checkKeyName, rotatedName } from '../../src/domain/key-name';

describe('key name rule', () => {
  it.each([
    ['a', true],
    ['nlk-prod', true],
    ['A1-b2-C3', true],
    ['x'.repeat(30), true],
    ['', false],
    ['x'.repeat(31), false],
    ['-lead', false],
    ['trail-', false],
    ['under_score', false],
    ['dot.name', false],
    ['sp ace', false],
    ['ключ', false],
  ])('%j → %s', (name, ok) => {
    expect(checkKeyName(name).ok).toBe(ok);
  });

  it.each([
    ['', 'the key name is empty'],
    ['x'.repeat(33), 'the key name is too long by 3 characters (at most 30)'],
    ['x'.repeat(31), 'the key name is too long by 1 character (at most 30)'],
    ['nlk_prod', "the key name may hold only letters, digits and hyphens: character '_' at position 4"],
    ['nlk prod', 'the key name may hold only letters, digits and hyphens: a space at position 4'],
    ['-nlk', 'the key name must not start with a hyphen'],
    ['nlk-', 'the key name must not end with a hyphen'],
  ])('%j says %j', (name, problem) => {
    const check = checkKeyName(name);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problem).toBe(problem);
  });
});

describe('the name rotate gives the new key', () => {
  it.each([
    ['nlk-prod', [], 'nlk-prod-2'],
    ['nlk-prod', ['nlk-prod-2', 'NLK-PROD-3'], 'nlk-prod-4'],
    ['nlk-prod-2', [], 'nlk-prod-3'],
    ['nlk-prod-9', ['nlk-prod-10'], 'nlk-prod-11'],
    ['a'.repeat(30), [], `${'a'.repeat(28)}-2`],
    [`${'a'.repeat(27)}-bc`, [], `${'a'.repeat(27)}-2`],
  ])('%s with %j taken → %s', (old, taken, expected) => {
    const name = rotatedName(old, [old, ...taken]);
    expect(name).toBe(expected);
    expect(checkKeyName(name).ok).toBe(true);
    expect(name.length).toBeLessThanOrEqual(30);
  });
});
