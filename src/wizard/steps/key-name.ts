/** Naming the key: typed and checked live; Enter waits for the existing keys before it moves on. */
import { BACK, CANCEL, SUBMIT, type Intent } from '../intents';
import type { Binding } from '../keymap';
import { nameProblem } from '../selectors';
import type { Bound, StateAt, WizardState } from '../state';

export function submitName(state: Bound): WizardState {
  const problem = nameProblem(state.name);
  if (problem) return { ...state, nameError: problem };
  if (state.keys === 'loading') return { ...state, nameWaiting: true, nameError: undefined };
  return { ...state, step: 'expiry', nameError: undefined, replaceConfirmed: false };
}

export const KEY_NAME_KEYS: readonly Binding<StateAt<'keyName'>>[] = [
  { keys: ['enter'], label: 'next', word: false, intent: SUBMIT },
  { keys: ['escape'], label: 'back', intent: BACK },
  { keys: ['ctrlC'], label: 'quit', word: false, intent: CANCEL },
];

export function onNameIntent(state: StateAt<'keyName'>, intent: Intent): WizardState {
  if (intent.type === 'setText')
    return { ...state, name: intent.text, caretBack: intent.caretBack ?? 0, nameError: undefined, nameWaiting: false };
  if (intent.type === 'submit') return submitName(state);
  if (intent.type === 'back') {
    // Back to the console when the deployment has keys to show, else to the deployments.
    const hasKeys = Array.isArray(state.keys) && state.keys.length > 0;
    return { ...state, step: hasKeys ? 'keys' : 'chooseDeployment', nameWaiting: false };
  }
  return state;
}
