/** The expiry: a preset (six months by default) or a date of your own, checked by the domain. */
import { DEFAULT_PRESET, PRESETS, parseExpiry, resolvePreset } from '../../domain/expiry';
import { edit } from '../line-edit';
import type { Token } from '../tokens';
import type { WizardState } from '../state';

export function onExpiryToken(state: WizardState, token: Token): WizardState {
  const expiry = state.expiry;
  const custom = PRESETS.length;
  if (expiry.editing) {
    const edited = edit(expiry.text, token, state.caretBack);
    if (edited)
      return {
        ...state,
        caretBack: edited.caretBack,
        expiry: { ...expiry, text: edited.text, error: undefined },
      };
    if (token.kind === 'escape') return { ...state, expiry: { ...expiry, editing: false, error: undefined } };
    if (token.kind === 'enter') {
      const parsed = parseExpiry(expiry.text, state.now);
      if (!parsed.ok) return { ...state, expiry: { ...expiry, error: parsed.problem } };
      return {
        ...state,
        step: 'keyValue',
        expiry: { ...expiry, chosen: parsed.date, chosenLabel: expiry.text.trim(), error: undefined },
      };
    }
    return state;
  }
  switch (token.kind) {
    case 'up':
      return { ...state, expiry: { ...expiry, cursor: Math.max(0, expiry.cursor - 1) } };
    case 'down':
      return { ...state, expiry: { ...expiry, cursor: Math.min(custom, expiry.cursor + 1) } };
    case 'escape':
      return { ...state, step: 'keyName' };
    case 'enter': {
      if (expiry.cursor === custom) return { ...state, expiry: { ...expiry, editing: true, error: undefined } };
      const preset = PRESETS[expiry.cursor] ?? PRESETS.find((p) => p.id === DEFAULT_PRESET);
      if (!preset) return state;
      const date = resolvePreset(preset.id, state.now);
      return {
        ...state,
        step: 'keyValue',
        expiry: { ...expiry, chosen: date, chosenLabel: preset.label, error: undefined },
      };
    }
    default:
      return state;
  }
}
