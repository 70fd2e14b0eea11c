/** Editing a field as readline does, as a table: the text and caret before, the key, after. */
import { describe, expect, it } from 'vitest';
import { edit } from '../../src/wizard/line-edit';
import { tokensOf, type Token } from '../../src/wizard/tokens';

// `|` marks the caret.
const split = (field: string) => ({ text: field.replace('|', ''), caretBack: field.length - field.indexOf('|') - 1 });
const join = (text: string, caretBack: number) =>
  `${text.slice(0, text.length - caretBack)}|${text.slice(text.length - caretBack)}`;

describe('edit', () => {
  it.each<[string, Token, string]>([
    ['nlk|', { kind: 'char', ch: '-' }, 'nlk-|'],
    ['nl|k', { kind: 'char', ch: 'x' }, 'nlx|k'],
    ['nlk|', { kind: 'backspace' }, 'nl|'],
    ['n|lk', { kind: 'backspace' }, '|lk'],
    ['|nlk', { kind: 'backspace' }, '|nlk'],
    ['n|lk', { kind: 'deleteForward' }, 'n|k'],
    ['nlk|', { kind: 'left' }, 'nl|k'],
    ['|nlk', { kind: 'left' }, '|nlk'],
    ['n|lk', { kind: 'right' }, 'nl|k'],
    ['nlk|', { kind: 'right' }, 'nlk|'],
    ['nl|k', { kind: 'home' }, '|nlk'],
    ['n|lk', { kind: 'end' }, 'nlk|'],
    ['nl|k', { kind: 'first' }, '|nlk'],
    ['n|lk', { kind: 'last' }, 'nlk|'],
    ['nlk-prod|', { kind: 'killBefore' }, '|'],
    ['nlk-|prod', { kind: 'killBefore' }, '|prod'],
    ['nlk-|prod', { kind: 'killAfter' }, 'nlk-|'],
    ['30 days  |', { kind: 'killWord' }, '30 |'],
    ['2027-05-01|', { kind: 'killWord' }, '|'],
    ['a b|c', { kind: 'killWord' }, 'a |c'],
  ])('%s, then %o: %s', (before, token, after) => {
    const { text, caretBack } = split(before);
    const edited = edit(text, token, caretBack);
    expect(edited && join(edited.text, edited.caretBack)).toBe(after);
  });

  it('keys that do not edit leave the field to the step', () => {
    expect(edit('nlk', { kind: 'enter' })).toBeUndefined();
    expect(edit('nlk', { kind: 'up' })).toBeUndefined();
  });
});

describe('tokensOf: the editing keys as Ink and a paste deliver them', () => {
  it.each<[string, Parameters<typeof tokensOf>[1], Token['kind'][]]>([
    ['u', { ctrl: true }, ['killBefore']],
    ['w', { ctrl: true }, ['killWord']],
    ['a', { ctrl: true }, ['home']],
    ['e', { ctrl: true }, ['end']],
    ['k', { ctrl: true }, ['killAfter']],
    ['', { home: true }, ['first']],
    ['', { end: true }, ['last']],
    ['', { leftArrow: true }, ['left']],
    ['', { rightArrow: true }, ['right']],
    ['ab\x15cd', {}, ['char', 'char', 'killBefore', 'char', 'char']],
    ['x\x17\x01', {}, ['char', 'killWord', 'home']],
  ])('%j with %o', (input, key, kinds) => {
    expect(tokensOf(input, key).map((t) => t.kind)).toEqual(kinds);
  });
});
