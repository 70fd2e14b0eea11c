/**
 * The key console's e: a new expiry for the selected key, the same secret. The expiry's own
 * choice (presets, or a date of your own; the latest allowed shown), then one request through
 * keys/extend-key.ts; the keys are read again afterwards. An expired key is refused with a word,
 * as `extend` refuses it: rotating is the way back for a key nothing can have used since. An
 * expiry earlier than the current one is a question of its own, with no default, in every face.
 */
import { formatUtc, shortening } from '../../domain/expiry';
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
  if (choice.shorter) return onShorterToken(state, choice, choice.shorter, token);
  const move = moveExpiry(choice.expiry, token, state.caretBack, state.now);
  if (move.kind === 'back') return withConsole(state, { extend: undefined });
  if (move.kind === 'moved')
    return withConsole({ ...state, caretBack: move.caretBack }, { extend: { ...choice, expiry: move.expiry } });
  const endDateTime = move.expiry.chosen;
  if (!endDateTime) return state;
  const shorter = shortening(choice.key.endDateTime, endDateTime);
  if (shorter) {
    const label = move.expiry.chosenLabel ?? formatUtc(endDateTime);
    return withConsole(state, {
      extend: { key: choice.key, expiry: move.expiry, shorter: { endDateTime, label, ...shorter } },
    });
  }
  return sendExtend(state, choice.key, move.expiry, endDateTime);
}

/** The shorter expiry's own question: y sends it, n or Esc chooses again, anything else (Enter too) waits. */
function onShorterToken(
  state: StateAt<'keys'>,
  choice: ExtendChoice,
  shorter: NonNullable<ExtendChoice['shorter']>,
  token: Token,
): WizardState {
  const answer = token.kind === 'char' ? token.ch.toLowerCase() : undefined;
  if (answer === 'y') return sendExtend(state, choice.key, choice.expiry, shorter.endDateTime);
  if (answer === 'n' || token.kind === 'escape')
    return withConsole(state, { extend: { key: choice.key, expiry: { ...choice.expiry, chosen: undefined } } });
  return state;
}

function sendExtend(state: StateAt<'keys'>, key: ApiKey, expiry: ExtendChoice['expiry'], endDateTime: Date) {
  return issue(withConsole(state, { extend: { key, expiry, working: true } }), {
    kind: 'extendKey',
    deployment: state.deployment,
    key,
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
