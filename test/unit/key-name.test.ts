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
  const now = new Date('2026-11-26T12:00:00Z');
  it.each([
    ['nlk-prod', 'nlk-prod-20261126'],
    ['nlk-prod-20260501', 'nlk-prod-20261126'],
    ['a'.repeat(30), `${'a'.repeat(21)}-20261126`],
    [`${'a'.repeat(20)}-xyz`, `${'a'.repeat(20)}-20261126`],
  ])('%s → %s', (old, expected) => {
    const name = rotatedName(old, now);
    expect(name).toBe(expected);
    expect(checkKeyName(name).ok).toBe(true);
  });
});
