/** The key value: Enter on an empty field generates one; a typed key must pass the policy. */
import { evaluate } from '../../domain/policy';
import { issue } from '../effects';
import { edit } from '../line-edit';
import type { Token } from '../tokens';
import type { StateAt, WizardState } from '../state';

export function onSecretToken(state: StateAt<'keyValue'>, token: Token): WizardState {
  const edited = edit(state.secret, token, state.caretBack);
  if (edited)
    return {
      ...state,
      secret: edited.text,
      caretBack: edited.caretBack,
      secretGenerated: false,
      secretError: undefined,
    };
  switch (token.kind) {
    case 'tab':
      return { ...state, secretShown: !state.secretShown };
    case 'escape':
      return { ...state, step: 'expiry', secretError: undefined };
    case 'enter': {
      if (state.secret === '') return issue({ ...state, secretError: undefined }, { kind: 'generate' });
      const policy = evaluate(state.secret);
      if (!policy.ok) return { ...state, secretError: `Enter is refused: ${policy.problem}` };
      return { ...state, step: 'review', secretError: undefined, replaceConfirmed: false, reviewError: undefined };
    }
    default:
      return state;
  }
}
