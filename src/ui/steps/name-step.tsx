/** Step 2: name the key, checked live; an existing key of that name is said at once. */
import { Text } from 'ink';
import { formatDaysFromNow, formatUtc } from '../../domain/expiry';
import type { WizardState } from '../../wizard/state';
import { existingKey, nameProblem } from '../../wizard/selectors';
import { Field, Question } from '../components/question';
import { Spinner } from '../components/spinner';
import { colors, figures } from '../../style';

export function NameStep({ state }: { state: WizardState }) {
  const live = state.name === '' ? undefined : nameProblem(state.name);
  const existing = existingKey(state);
  return (
    <Question title="Name the key" error={state.nameError} hints={[['Enter', 'next'], ['Esc', 'back'], ['Ctrl+C', 'quit']]}>
      <Field value={state.name} placeholder="e.g. nlk-prod (1-30 letters, digits, inner hyphens)" />
      {live && !state.nameError ? (
        <Text color={colors.warning}>
          {figures.fail} {live}
        </Text>
      ) : null}
      {!live && state.name !== '' && !existing && Array.isArray(state.keys) ? (
        <Text color={colors.success}>{figures.pass} a valid name, not used on this deployment</Text>
      ) : null}
      {existing ? (
        <Text color={colors.warning}>
          {figures.warning} '{existing.name}' exists (hint {existing.hint}, expires {formatUtc(existing.endDateTime).slice(0, 10)}, {formatDaysFromNow(existing.endDateTime, state.now)}): it will be REPLACED
        </Text>
      ) : null}
      {state.keys === 'loading' ? <Spinner label={state.nameWaiting ? 'Checking the existing keys…' : 'Reading the existing keys…'} /> : null}
      {typeof state.keys === 'object' && !Array.isArray(state.keys) ? (
        <Text color={colors.warning}>
          {figures.warning} Could not read the existing keys ({state.keys.error}); the create step checks again.
        </Text>
      ) : null}
    </Question>
  );
}
