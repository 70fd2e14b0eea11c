/**
 * The expiry: a preset (six months by default) or a date of your own, checked by the domain. The
 * same choice gives a key of the console a new expiry (steps/extend.ts), so its keys live in
 * `moveExpiry`, and each step says what a chosen date or a step back means for it.
 */
import { DEFAULT_PRESET, PRESETS, parseExpiry, resolvePreset } from '../../domain/expiry';
import { edit } from '../line-edit';
import type { Token } from '../tokens';
import type { ExpiryState, StateAt, WizardState } from '../state';

export type ExpiryMove =
  | { kind: 'moved'; expiry: ExpiryState; caretBack: number }
  | { kind: 'chosen'; expiry: ExpiryState }
  | { kind: 'back' };

export function moveExpiry(expiry: ExpiryState, token: Token, caretBack: number, now: Date): ExpiryMove {
  const custom = PRESETS.length;
  const moved = (change: Partial<ExpiryState>, caret = caretBack): ExpiryMove => ({
    kind: 'moved',
    expiry: { ...expiry, ...change },
    caretBack: caret,
  });
  if (expiry.editing) {
    const edited = edit(expiry.text, token, caretBack);
    if (edited) return moved({ text: edited.text, error: undefined }, edited.caretBack);
    if (token.kind === 'escape') return moved({ editing: false, error: undefined });
    if (token.kind !== 'enter') return moved({});
    const parsed = parseExpiry(expiry.text, now);
    if (!parsed.ok) return moved({ error: parsed.problem });
    return {
      kind: 'chosen',
      expiry: { ...expiry, chosen: parsed.date, chosenLabel: expiry.text.trim(), error: undefined },
    };
  }
  switch (token.kind) {
    case 'up':
      return moved({ cursor: Math.max(0, expiry.cursor - 1) });
    case 'down':
      return moved({ cursor: Math.min(custom, expiry.cursor + 1) });
    case 'escape':
      return { kind: 'back' };
    case 'enter': {
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

export function onExpiryToken(state: StateAt<'expiry'>, token: Token): WizardState {
  const move = moveExpiry(state.expiry, token, state.caretBack, state.now);
  if (move.kind === 'back') return { ...state, step: 'keyName' };
  if (move.kind === 'chosen') return { ...state, step: 'keyValue', expiry: move.expiry };
  return { ...state, expiry: move.expiry, caretBack: move.caretBack };
}
