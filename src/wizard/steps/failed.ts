/** A failure before any key: r tries again, q or Enter or Esc leaves with exit code 1. */
import { finish, issue } from '../effects';
import type { Token } from '../tokens';
import type { WizardState } from '../state';

export function onFailedToken(state: WizardState, token: Token): WizardState {
  if (token.kind === 'char' && token.ch.toLowerCase() === 'r') {
    return issue(
      { ...state, step: 'loading', failure: undefined, loadingMessage: 'Trying again…' },
      { kind: 'discover' },
    );
  }
  if (token.kind === 'enter' || token.kind === 'escape' || (token.kind === 'char' && token.ch.toLowerCase() === 'q')) {
    return finish(state, 'done', 1, state.failure?.message ?? 'Stopped.');
  }
  return state;
}
