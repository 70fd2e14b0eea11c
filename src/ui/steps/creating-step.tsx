/** Step 6: the PUT in flight, or its failure in plain words with the ARM code. */
import { Box, Text } from 'ink';
import type { WizardState } from '../../wizard/state';
import { Hints } from '../components/hints';
import { Spinner } from '../components/spinner';
import { colors, figures } from '../../style';

export function CreatingStep({ state }: { state: WizardState }) {
  if (!state.createError) return <Spinner label={`Creating key '${state.name}' on ${state.deployment?.name ?? ''}…`} />;
  const { message, code } = state.createError;
  return (
    <Box flexDirection="column">
      <Text color={colors.danger}>
        {figures.fail} Azure did not create the key: {message}
        {code ? ` (${code})` : ''}
      </Text>
      <Hints keys={[['r', 'retry'], ['Esc', 'back to edit'], ['Ctrl+C', 'quit']]} />
    </Box>
  );
}
