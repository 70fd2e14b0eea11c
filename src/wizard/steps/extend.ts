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
import { action, type Intent } from '../intents';
import type { Binding } from '../keymap';
import { DEFAULT_PRESET_INDEX, type ExtendChoice, type Problem, type StateAt, type WizardState } from '../state';
import { expiryKeys, moveExpiry } from './expiry';
import { reloadKeys, withConsole } from './console-state';

export function startExtend(state: WizardState, key: ApiKey): WizardState {
  const refused = extendRefusal(key, state.now);
  if (refused) return withConsole(state, { message: { ok: false, text: `${refused} (r).` } });
  return withConsole(state, {
    extend: { key, expiry: { cursor: DEFAULT_PRESET_INDEX, editing: false, text: '' } },
    message: undefined,
  });
}

const choosingExpiry = (s: StateAt<'keys'>) => {
  const extend = s.console.extend;
  return extend !== undefined && !extend.working && !extend.shorter ? extend.expiry : undefined;
};
const askingShorter = (s: StateAt<'keys'>) => s.console.extend?.shorter !== undefined && !s.console.extend.working;

/** The console's e: the expiry's own keys, then the shorter expiry's question. */
export const EXTEND_KEYS: readonly Binding<StateAt<'keys'>>[] = [
  ...expiryKeys<StateAt<'keys'>>(choosingExpiry),
  { keys: ['y'], label: 'shorten it', when: askingShorter, intent: action('yes') },
  { keys: ['n'], label: 'choose again', when: askingShorter, intent: action('no') },
  { keys: ['escape'], word: false, when: askingShorter, intent: action('no') },
];

export function onExtendIntent(state: StateAt<'keys'>, choice: ExtendChoice, intent: Intent): WizardState {
  if (choice.working) return state;
  if (choice.shorter) return onShorterIntent(state, choice, choice.shorter, intent);
  const move = moveExpiry(choice.expiry, intent, state.caretBack, state.now);
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
function onShorterIntent(
  state: StateAt<'keys'>,
  choice: ExtendChoice,
  shorter: NonNullable<ExtendChoice['shorter']>,
  intent: Intent,
): WizardState {
  if (intent.type !== 'action') return state;
  if (intent.name === 'yes') return sendExtend(state, choice.key, choice.expiry, shorter.endDateTime);
  if (intent.name === 'no')
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
