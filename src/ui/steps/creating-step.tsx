/** Step 6: the PUT in flight, or its failure in plain words with the ARM code. */
import { Box, Text } from 'ink';
import type { Problem, WizardState } from '../../wizard/state';
import { Hints } from '../components/hints';
import { Spinner } from '../components/spinner';
import { colors, figures } from '../../style';

export interface CreatingViewProps {
  name: string;
  deploymentName: string;
  error?: Problem;
}

export function creatingView(state: WizardState): CreatingViewProps {
  return {
    name: state.name,
    deploymentName: state.deployment?.name ?? '',
    ...(state.createError ? { error: state.createError } : {}),
  };
}

export function CreatingStep({ name, deploymentName, error }: CreatingViewProps) {
  if (!error) return <Spinner label={`Creating key '${name}' on ${deploymentName}…`} />;
  return (
    <Box flexDirection="column">
      <Text color={colors.danger}>
        {figures.fail} Azure did not create the key: {error.message}
        {error.code ? ` (${error.code})` : ''}
      </Text>
      <Hints
        keys={[
          ['r', 'retry'],
          ['Esc', 'back to edit'],
          ['Ctrl+C', 'quit'],
        ]}
      />
    </Box>
  );
}
