/** Step 4: the key value. Enter on an empty field generates one; typed keys are masked and checked live. */
import { Text } from 'ink';
import type { WizardState } from '../../wizard/state';
import { hintsNow } from '../../wizard/step-table';
import { MASK_CHAR } from '../../domain/secret';
import { Checklist } from '../components/checklist';
import { Field, Question } from '../components/question';
import { colors } from '../../term/style';

export interface KeyValueViewProps {
  secret: string;
  shown: boolean;
  error?: string;
  caretBack?: number;
  /** The step's keys (its keymap), as the hint line draws them. */
  hints: [string, string][];
}

export function keyValueView(state: WizardState): KeyValueViewProps {
  return {
    secret: state.secret,
    shown: state.secretShown,
    caretBack: state.caretBack,
    hints: hintsNow(state),
    error: state.secretError,
  };
}

export function KeyValueStep({ secret, shown, error, caretBack, hints }: KeyValueViewProps) {
  const value = shown ? secret : MASK_CHAR.repeat(Array.from(secret).length);
  return (
    <Question title="The key value" error={error} hints={hints}>
      <Field
        value={value}
        caretBack={caretBack ?? 0}
        placeholder="press Enter to generate one (UUIDv4), or type or paste your own"
        spoken={secret !== '' && !shown ? `${Array.from(secret).length} characters typed, hidden` : undefined}
      />
      {secret === '' ? (
        <Text color={colors.muted}>A generated key is shown once, after it is created.</Text>
      ) : (
        <Checklist secret={secret} />
      )}
    </Question>
  );
}
