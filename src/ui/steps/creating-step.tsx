/** Step 6: the PUT in flight, or its failure in plain words with the ARM code. */
import { Box, Text } from 'ink';
import type { Problem, StateAt } from '../../wizard/state';
import { hintsNow } from '../../wizard/step-table';
import { Hints } from '../components/hints';
import { Spinner } from '../components/spinner';
import { colors, figures } from '../../term/style';

export interface CreatingViewProps {
  name: string;
  deploymentName: string;
  error?: Problem;
  /** Ctrl+C came while the request was in flight: it is let finish. */
  finishing: boolean;
  /** The step's keys (its keymap), as the hint line draws them. */
  hints: [string, string][];
}

export function creatingView(state: StateAt<'creating'>): CreatingViewProps {
  return {
    name: state.name,
    deploymentName: state.deployment.name,
    finishing: state.leaving !== undefined,
    hints: hintsNow(state),
    error: state.createError,
  };
}

export function CreatingStep({ name, deploymentName, error, finishing, hints }: CreatingViewProps) {
  if (!error) {
    return (
      <Box flexDirection="column">
        <Spinner label={`Creating key '${name}' on ${deploymentName}…`} />
        {finishing ? (
          <Text color={colors.warning}>
            {figures.warning} Finishing the request, so that its outcome is known; Ctrl+C again leaves now.
          </Text>
        ) : null}
      </Box>
    );
  }
  if (error.uncertain) {
    return (
      <Box flexDirection="column">
        <Text color={colors.warning}>
          {figures.warning} Not known whether Azure created the key: {error.message}
          {error.code ? ` (${error.code})` : ''}
        </Text>
        <Text>Sending the same key again is safe: it creates it, or finds it there.</Text>
        <Hints keys={hints} />
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      <Text color={colors.danger}>
        {figures.fail} Azure did not create the key: {error.message}
        {error.code ? ` (${error.code})` : ''}
      </Text>
      <Hints keys={hints} />
    </Box>
  );
}
