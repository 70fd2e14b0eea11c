/** What the key console's actions share: a change to its own state, and reading the keys again. */
import { issue } from '../effects';
import type { Bound, ConsoleState, WizardState } from '../state';

export function withConsole<S extends WizardState>(state: S, change: Partial<ConsoleState>): S {
  return { ...state, console: { ...state.console, ...change } };
}

export function reloadKeys(state: Bound): WizardState {
  return issue({ ...state, keys: 'loading' }, { kind: 'loadKeys', deployment: state.deployment });
}
