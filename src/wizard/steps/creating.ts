/** While the key is created: nothing; after a failure, r sends the same key again, Esc edits. */
import type { Token } from '../tokens';
import type { WizardState } from '../state';
import { startCreate } from './review';

export function onCreatingToken(state: WizardState, token: Token): WizardState {
  if (!state.createError) return state;
  if (token.kind === 'char' && token.ch.toLowerCase() === 'r') return startCreate({ ...state, step: 'review' });
  if (token.kind === 'escape') return { ...state, step: 'review', createError: undefined };
  return state;
}
