/**
 * One keymap, both faces: a step's keys, its Ink hint line and its line question come from the
 * same bindings. A label changed in the keymap shows in both faces; a key read through it gives
 * the intent the line face's word gives.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Screen } from '../../src/ui/app';
import { lineStep } from '../../src/plain/line-steps';
import { CONSOLE_KEYS } from '../../src/wizard/steps/keys';
import { FAILED_KEYS } from '../../src/wizard/steps/failed';
import { intentsForKey, type Binding } from '../../src/wizard/keymap';
import { activeField, keysOf } from '../../src/wizard/step-table';
import { transition } from '../../src/wizard/machine';
import { tokensOf } from '../../src/wizard/tokens';
import { initialState, type WizardState } from '../../src/wizard/state';
import { frameAt } from '../helpers/render-at';
import { NOW, WEB, discovery, key } from '../helpers/fixtures';
import { pressed, type KeyName } from '../helpers/keys';

const keysShown: WizardState = {
  ...initialState(NOW),
  step: 'keys',
  deployment: WEB,
  keys: [key('nlk-prod', 20), key('asg-sync', 150)],
};
const failed: WizardState = { ...initialState(NOW), step: 'failed', failure: { message: 'HTTP 500' } };

/** Changes one binding's label for the length of a test. */
const restore: (() => void)[] = [];
afterEach(() => restore.splice(0).forEach((undo) => undo()));
function relabel(bindings: readonly Binding<never>[], key: string, label: string): void {
  const binding = bindings.find((b) => b.keys.includes(key)) as { label?: unknown } | undefined;
  if (!binding) throw new Error(`no binding for ${key}`);
  const before = binding.label;
  binding.label = label;
  restore.push(() => (binding.label = before));
}

const inkHints = async (state: WizardState) =>
  (await frameAt(<Screen state={state} rows={24} />, 100)).split('\n').at(-1);
const lineQuestion = (state: WizardState) => lineStep(state)?.question.message;

describe('a label changed in the keymap shows in both faces', () => {
  it('the console (a menu): e extend becomes e lengthen in the hint line and the question', async () => {
    expect(await inkHints(keysShown)).toBe('↑↓ move · n new · r rotate · e extend · d delete · Esc back · q leave');
    expect(lineQuestion(keysShown)).toBe('n new · r N rotate · e N extend · d N delete · < back · q leave');
    relabel(CONSOLE_KEYS as readonly Binding<never>[], 'e', 'lengthen');
    expect(await inkHints(keysShown)).toBe('↑↓ move · n new · r rotate · e lengthen · d delete · Esc back · q leave');
    expect(lineQuestion(keysShown)).toBe('n new · r N rotate · e N lengthen · d N delete · < back · q leave');
  });

  it('a failure (a question): r try again is said "r tries again" on the line face, from the same label', async () => {
    expect(await inkHints(failed)).toBe('r try again · q quit');
    expect(lineQuestion(failed)).toBe('r tries again · q quits');
    relabel(FAILED_KEYS as readonly Binding<never>[], 'r', 'start over');
    expect(await inkHints(failed)).toBe('r start over · q quit');
    expect(lineQuestion(failed)).toBe('r starts over · q quits');
  });
});

/** The intents a key gives at a state, read through its step's keymap. */
function keyed(state: WizardState, name: KeyName | string) {
  const { input, key: flags } = name.length > 1 ? pressed(name as KeyName) : { input: name, key: {} };
  return tokensOf(input, flags).flatMap((token) => intentsForKey(keysOf(state), activeField(state), state, token));
}

/** The intents the line face's answer gives at a state. */
function answered(state: WizardState, text: string) {
  const intents = lineStep(state)?.answer(text);
  if (typeof intents === 'string' || intents === undefined) throw new Error(String(intents));
  return intents;
}

describe('a key and a word stand for the same intent', () => {
  const listed = transition(initialState(NOW), { type: 'deploymentsLoaded', discovery: discovery(), now: NOW });

  it.each<[string, WizardState, KeyName | string, string]>([
    ['the console: q', keysShown, 'q', 'q'],
    ['the console: n', keysShown, 'n', 'n'],
    ['the console: Esc is <', keysShown, 'esc', '<'],
    ['a failure: r', failed, 'r', 'r'],
  ])('%s', (_label, state, pressedKey, word) => {
    expect(keyed(state, pressedKey)).toEqual(answered(state, word));
  });

  it('the console: r on the selected row is r N on the line face, the row chosen first', () => {
    expect(keyed(keysShown, 'r')).toEqual([{ type: 'action', name: 'rotate' }]);
    expect(answered(keysShown, 'r 2')).toEqual([
      { type: 'select', index: 1 },
      { type: 'action', name: 'rotate' },
    ]);
  });

  it('typing into the filter is setText in both: a key edits the field, an answer replaces it', () => {
    expect(keyed(listed, 'w')).toEqual([{ type: 'setText', field: 'filter', text: 'w', caretBack: 0 }]);
    expect(answered(listed, 'web')).toEqual([{ type: 'setText', field: 'filter', text: 'web', caretBack: 0 }]);
    // A number on the line face is choose(index); ↓ and Enter in the Ink face select, then submit.
    expect(answered(listed, '2')).toEqual([{ type: 'choose', index: 1 }]);
    expect(keyed(listed, 'down')).toEqual([{ type: 'select', index: listed.cursor + 1 }]);
    expect(keyed(listed, 'enter')).toEqual([{ type: 'submit' }]);
  });
});
