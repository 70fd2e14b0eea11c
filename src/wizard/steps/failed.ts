/** A failure before any key: r tries again, q (or Enter, or Esc) leaves with exit code 1. */
import { finish, issue } from '../effects';
import { action, type Intent } from '../intents';
import type { Binding } from '../keymap';
import type { StateAt, WizardState } from '../state';

export const FAILED_KEYS: readonly Binding<StateAt<'failed'>>[] = [
  { keys: ['r'], label: 'try again', intent: action('retry') },
  { keys: ['q', 'enter', 'escape'], shown: 'q', word: 'q', label: 'quit', intent: action('leave') },
];

export function onFailedIntent(state: WizardState, intent: Intent): WizardState {
  if (intent.type !== 'action') return state;
  if (intent.name === 'retry')
    return issue(
      { ...state, step: 'loading', failure: undefined, loadingMessage: 'Trying again…' },
      { kind: 'discover' },
    );
  if (intent.name === 'leave') return finish(state, 'done', 1, state.failure?.message ?? 'Stopped.');
  return state;
}
