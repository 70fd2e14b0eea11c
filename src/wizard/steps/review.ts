/** The review: Enter creates; replacing an existing key needs an explicit y first. */
import { checkExpiry } from '../../domain/expiry';
import { issue } from '../effects';
import { existingKey } from '../selectors';
import type { Token } from '../tokens';
import type { Bound, StateAt, WizardState } from '../state';

export function startCreate(state: Bound): WizardState {
  const existing = existingKey(state);
  const end = state.expiry.chosen;
  if (!end) return state;
  const check = checkExpiry(end, state.now);
  if (!check.ok) return { ...state, reviewError: `${check.problem}; press Esc to pick another expiry.` };
  if (existing && !state.replaceConfirmed)
    return { ...state, reviewError: `Type y to replace the existing key '${existing.name}', or Esc to go back.` };
  return issue(
    { ...state, step: 'creating', reviewError: undefined, createError: undefined },
    {
      kind: 'create',
      deployment: state.deployment,
      name: state.name,
      secret: state.secret,
      endDateTime: end,
      replace: Boolean(existing),
      ...(state.rotation?.stage === 'creating' ? { purpose: 'rotate-new' as const } : {}),
    },
  );
}

export function onReviewToken(state: StateAt<'review'>, token: Token): WizardState {
  if (token.kind === 'char' && (token.ch === 'y' || token.ch === 'Y') && existingKey(state)) {
    return { ...state, replaceConfirmed: true, reviewError: undefined };
  }
  if (token.kind === 'char' && (token.ch === 'n' || token.ch === 'N')) return { ...state, replaceConfirmed: false };
  if (token.kind === 'enter') return startCreate(state);
  if (token.kind === 'escape') {
    // A generated key was never shown: going back forgets it, and Enter makes a new one.
    return {
      ...state,
      step: 'keyValue',
      reviewError: undefined,
      ...(state.secretGenerated ? { secret: '', secretGenerated: false } : {}),
    };
  }
  return state;
}
