/** What the key console's actions share: a change to its own state, and reading the keys again. */
import { issue } from '../effects';
import type { ConsoleState, WizardState } from '../state';

export function withConsole(state: WizardState, change: Partial<ConsoleState>): WizardState {
  return { ...state, console: { ...state.console, ...change } };
}

export function reloadKeys(state: WizardState): WizardState {
  if (!state.deployment) return state;
  return issue({ ...state, keys: 'loading' }, { kind: 'loadKeys', deployment: state.deployment });
}
