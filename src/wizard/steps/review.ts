/** The review: Enter creates; replacing an existing key needs an explicit y first. */
import { checkExpiry } from '../../domain/expiry';
import { issue } from '../effects';
import { existingKey } from '../selectors';
import { action, BACK, CANCEL, SUBMIT, type Intent } from '../intents';
import type { Binding } from '../keymap';
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
      purpose: state.rotation?.stage === 'creating' ? 'rotate-new' : undefined,
    },
  );
}

const unconfirmed = (s: StateAt<'review'>) => existingKey(s) !== undefined && !s.replaceConfirmed;

export const REVIEW_KEYS: readonly Binding<StateAt<'review'>>[] = [
  // Replacing asks for its own y first; on the line face one y answers both.
  { keys: ['y'], label: 'confirm replace', face: 'ink', when: unconfirmed, intent: action('yes') },
  { keys: [], label: 'replace it', word: 'y', face: 'line', when: unconfirmed, intent: [action('yes'), SUBMIT] },
  {
    keys: ['enter'],
    label: (s) => (existingKey(s) ? 'replace it' : 'create'),
    word: 'y',
    // Enter asks for the y first: it says so, rather than the hint offering it.
    hidden: unconfirmed,
    intent: SUBMIT,
  },
  { keys: ['n'], word: false, intent: action('no') },
  { keys: ['escape'], label: 'back', intent: BACK },
  { keys: ['ctrlC'], label: 'quit', word: false, when: (s) => !unconfirmed(s), intent: CANCEL },
];

export function onReviewIntent(state: StateAt<'review'>, intent: Intent): WizardState {
  if (intent.type === 'action' && intent.name === 'yes' && existingKey(state))
    return { ...state, replaceConfirmed: true, reviewError: undefined };
  if (intent.type === 'action' && intent.name === 'no') return { ...state, replaceConfirmed: false };
  if (intent.type === 'submit') return startCreate(state);
  if (intent.type === 'back') {
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
