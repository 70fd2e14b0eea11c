/** Naming the key: typed and checked live; Enter waits for the existing keys before it moves on. */
import { edit } from '../effects';
import { nameProblem } from '../selectors';
import type { Token } from '../tokens';
import type { WizardState } from '../state';

export function submitName(state: WizardState): WizardState {
  const problem = nameProblem(state.name);
  if (problem) return { ...state, nameError: problem };
  if (state.keys === 'loading') return { ...state, nameWaiting: true, nameError: undefined };
  return { ...state, step: 'expiry', nameError: undefined, replaceConfirmed: false };
}

export function onNameToken(state: WizardState, token: Token): WizardState {
  const edited = edit(state.name, token);
  if (edited !== undefined) return { ...state, name: edited, nameError: undefined, nameWaiting: false };
  if (token.kind === 'enter') return submitName(state);
  if (token.kind === 'escape') return { ...state, step: 'chooseDeployment', nameWaiting: false };
  return state;
}
