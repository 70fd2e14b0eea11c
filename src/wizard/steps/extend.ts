/**
 * The key console's e: a new expiry for the selected key, the same secret. The expiry's own
 * choice (presets, or a date of your own; the latest allowed shown), then one request through
 * keys/extend-key.ts; the keys are read again afterwards. An expired key is refused with a word,
 * as `extend` refuses it: rotating is the way back for a key nothing can have used since.
 */
import { formatUtc } from '../../domain/expiry';
import type { ApiKey } from '../../port/gateway';
import { extendRefusal } from '../../keys/extend-key';
import { issue } from '../effects';
import type { Token } from '../tokens';
import { DEFAULT_PRESET_INDEX, type ExtendChoice, type Problem, type StateAt, type WizardState } from '../state';
import { moveExpiry } from './expiry';
import { reloadKeys, withConsole } from './console-state';

export function startExtend(state: WizardState, key: ApiKey): WizardState {
  const refused = extendRefusal(key, state.now);
  if (refused) return withConsole(state, { message: { ok: false, text: `${refused} (r).` } });
  return withConsole(state, {
    extend: { key, expiry: { cursor: DEFAULT_PRESET_INDEX, editing: false, text: '' } },
    message: undefined,
  });
}

export function onExtendToken(state: StateAt<'keys'>, choice: ExtendChoice, token: Token): WizardState {
  if (choice.working) return state;
  const move = moveExpiry(choice.expiry, token, state.caretBack, state.now);
  if (move.kind === 'back') return withConsole(state, { extend: undefined });
  if (move.kind === 'moved')
    return withConsole({ ...state, caretBack: move.caretBack }, { extend: { ...choice, expiry: move.expiry } });
  const endDateTime = move.expiry.chosen;
  if (!endDateTime) return state;
  return issue(withConsole(state, { extend: { key: choice.key, expiry: move.expiry, working: true } }), {
    kind: 'extendKey',
    deployment: state.deployment,
    key: choice.key,
    endDateTime,
  });
}

export function onExtended(state: StateAt<'keys'>, key: ApiKey): WizardState {
  const text = `Key '${key.name}' now expires ${formatUtc(key.endDateTime)}; its secret is the same.`;
  const changes = [...state.changes, `Key '${key.name}' now expires ${formatUtc(key.endDateTime)}.`];
  return reloadKeys(
    withConsole({ ...state, changes }, { extend: undefined, follow: key.name, message: { ok: true, text } }),
  );
}

export function onExtendFailed(state: WizardState, problem: Problem): WizardState {
  const choice = state.console.extend;
  if (!choice) return state;
  return withConsole(state, {
    extend: { ...choice, working: false, failed: `Could not change it: ${problem.message}.` },
  });
}
