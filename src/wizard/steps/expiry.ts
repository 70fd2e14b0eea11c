/**
 * The expiry: a preset (six months by default) or a date of your own, checked by the domain. The
 * same choice gives a key of the console a new expiry (steps/extend.ts), so its keys live in
 * `moveExpiry`, and each step says what a chosen date or a step back means for it.
 */
import { DEFAULT_PRESET, PRESETS, parseExpiry, resolvePreset } from '../../domain/expiry';
import { BACK, SUBMIT, type Intent } from '../intents';
import type { Binding } from '../keymap';
import { ARROWS, moveTo, within } from '../list-window';
import type { ExpiryState, StateAt, WizardState } from '../state';

export type ExpiryMove =
  | { kind: 'moved'; expiry: ExpiryState; caretBack: number }
  | { kind: 'chosen'; expiry: ExpiryState }
  | { kind: 'back' };

/** The choice's keys, for a new key's expiry and for the console's e alike; `at` finds the choice in the state. */
export function expiryKeys<S extends WizardState>(at: (state: S) => ExpiryState | undefined): Binding<S>[] {
  const choosing = (s: S) => at(s)?.editing === false;
  const editing = (s: S) => at(s)?.editing === true;
  return [
    {
      keys: ARROWS,
      label: 'move',
      word: false,
      when: choosing,
      intent: (s, token) => moveTo(token, at(s)?.cursor ?? 0, PRESETS.length + 1, 1),
    },
    { keys: ['enter'], label: 'choose', word: false, when: choosing, intent: SUBMIT },
    { keys: ['escape'], label: 'back', when: choosing, intent: BACK },
    { keys: ['enter'], label: 'use this date', word: false, when: editing, intent: SUBMIT },
    { keys: ['escape'], label: 'back to the presets', when: editing, intent: BACK },
  ];
}

export function moveExpiry(expiry: ExpiryState, intent: Intent, caretBack: number, now: Date): ExpiryMove {
  const custom = PRESETS.length;
  const moved = (change: Partial<ExpiryState>, caret = caretBack): ExpiryMove => ({
    kind: 'moved',
    expiry: { ...expiry, ...change },
    caretBack: caret,
  });
  if (intent.type === 'choose') {
    // A row taken by number: the cursor goes there, and Enter is pressed on it.
    const at = within(intent.index, custom + 1);
    return moveExpiry({ ...expiry, cursor: at, editing: false }, SUBMIT, caretBack, now);
  }
  if (expiry.editing) {
    if (intent.type === 'setText') return moved({ text: intent.text, error: undefined }, intent.caretBack ?? 0);
    if (intent.type === 'back') return moved({ editing: false, error: undefined });
    if (intent.type !== 'submit') return moved({});
    const parsed = parseExpiry(expiry.text, now);
    if (!parsed.ok) return moved({ error: parsed.problem });
    return {
      kind: 'chosen',
      expiry: { ...expiry, chosen: parsed.date, chosenLabel: expiry.text.trim(), error: undefined },
    };
  }
  switch (intent.type) {
    case 'select':
      return moved({ cursor: within(intent.index, custom + 1) });
    case 'back':
      return { kind: 'back' };
    case 'submit': {
      if (expiry.cursor === custom) return moved({ editing: true, error: undefined });
      const preset = PRESETS[expiry.cursor] ?? PRESETS.find((p) => p.id === DEFAULT_PRESET);
      if (!preset) return moved({});
      const date = resolvePreset(preset.id, now);
      return { kind: 'chosen', expiry: { ...expiry, chosen: date, chosenLabel: preset.label, error: undefined } };
    }
    default:
      return moved({});
  }
}

export const EXPIRY_KEYS = expiryKeys<StateAt<'expiry'>>((s) => s.expiry);

export function onExpiryIntent(state: StateAt<'expiry'>, intent: Intent): WizardState {
  const move = moveExpiry(state.expiry, intent, state.caretBack, state.now);
  if (move.kind === 'back') return { ...state, step: 'keyName' };
  if (move.kind === 'chosen') return { ...state, step: 'keyValue', expiry: move.expiry };
  return { ...state, expiry: move.expiry, caretBack: move.caretBack };
}
