/** Step 4: the key value. Enter on an empty field generates one; typed keys are masked and checked live. */
import { Text } from 'ink';
import type { WizardState } from '../../wizard/state';
import { MASK_CHAR } from '../../domain/secret';
import { Checklist } from '../components/checklist';
import { Field, Question } from '../components/question';
import { colors } from '../../style';

export function SecretStep({ state }: { state: WizardState }) {
  const shown = state.secretShown ? state.secret : MASK_CHAR.repeat(Array.from(state.secret).length);
  return (
    <Question title="The key value" error={state.secretError} hints={[['Enter', state.secret === '' ? 'generate' : 'next'], ['Tab', state.secretShown ? 'hide' : 'show'], ['Esc', 'back']]}>
      <Field value={shown} placeholder="press Enter to generate one (UUIDv4), or type or paste your own" />
      {state.secret === '' ? (
        <Text color={colors.muted}>A generated key is shown once, after it is created.</Text>
      ) : (
        <Checklist secret={state.secret} />
      )}
    </Question>
  );
}
