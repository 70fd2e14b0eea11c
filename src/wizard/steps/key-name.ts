/** Naming the key: typed and checked live; Enter waits for the existing keys before it moves on. */
import { edit } from '../line-edit';
import { nameProblem } from '../selectors';
import type { Token } from '../tokens';
import type { Bound, StateAt, WizardState } from '../state';

export function submitName(state: Bound): WizardState {
  const problem = nameProblem(state.name);
  if (problem) return { ...state, nameError: problem };
  if (state.keys === 'loading') return { ...state, nameWaiting: true, nameError: undefined };
  return { ...state, step: 'expiry', nameError: undefined, replaceConfirmed: false };
}

export function onNameToken(state: StateAt<'keyName'>, token: Token): WizardState {
  const edited = edit(state.name, token, state.caretBack);
  if (edited)
    return { ...state, name: edited.text, caretBack: edited.caretBack, nameError: undefined, nameWaiting: false };
  if (token.kind === 'enter') return submitName(state);
  if (token.kind === 'escape') {
    // Back to the console when the deployment has keys to show, else to the deployments.
    const hasKeys = Array.isArray(state.keys) && state.keys.length > 0;
    return { ...state, step: hasKeys ? 'keys' : 'chooseDeployment', nameWaiting: false };
  }
  return state;
}
