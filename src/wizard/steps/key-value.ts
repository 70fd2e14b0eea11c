/** The key value: Enter on an empty field generates one; a typed key must pass the policy. */
import { evaluate } from '../../domain/policy';
import { issue } from '../effects';
import { action, BACK, SUBMIT, type Intent } from '../intents';
import type { Binding } from '../keymap';
import type { StateAt, WizardState } from '../state';

export const KEY_VALUE_KEYS: readonly Binding<StateAt<'keyValue'>>[] = [
  { keys: ['enter'], label: (s) => (s.secret === '' ? 'generate' : 'next'), word: false, intent: SUBMIT },
  // The line face asks without echo: there is nothing to show there.
  { keys: ['tab'], label: (s) => (s.secretShown ? 'hide' : 'show'), word: false, intent: action('reveal') },
  { keys: ['escape'], label: 'back', intent: BACK },
];

export function onSecretIntent(state: StateAt<'keyValue'>, intent: Intent): WizardState {
  switch (intent.type) {
    case 'setText':
      return {
        ...state,
        secret: intent.text,
        caretBack: intent.caretBack ?? 0,
        secretGenerated: false,
        secretError: undefined,
      };
    case 'action':
      return intent.name === 'reveal' ? { ...state, secretShown: !state.secretShown } : state;
    case 'back':
      return { ...state, step: 'expiry', secretError: undefined };
    case 'submit': {
      if (state.secret === '') return issue({ ...state, secretError: undefined }, { kind: 'generate' });
      const policy = evaluate(state.secret);
      if (!policy.ok) return { ...state, secretError: `Enter is refused: ${policy.problem}` };
      return { ...state, step: 'review', secretError: undefined, replaceConfirmed: false, reviewError: undefined };
    }
    default:
      return state;
  }
}
