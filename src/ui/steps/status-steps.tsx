/** The screens that are not questions: loading, a failure, and the words left after the end. */
import { Box, Text } from 'ink';
import { advice } from '../../port/gateway';
import type { Problem, WizardState } from '../../wizard/state';
import { Hints } from '../components/hints';
import { Spinner } from '../components/spinner';
import { colors, figures } from '../../term/style';

export function LoadingStep({ message }: { message: string }) {
  return <Spinner label={message} />;
}

export function FailedStep({ failure, hints }: { failure: Problem; hints: [string, string][] }) {
  const next = advice(failure.kind);
  return (
    <Box flexDirection="column">
      {/* A long message wraps under itself, not under the mark. */}
      <Box>
        <Box width={2} flexShrink={0}>
          <Text color={colors.danger}>{figures.fail}</Text>
        </Box>
        <Text color={colors.danger}>
          {failure.message}
          {failure.code ? ` (${failure.code})` : ''}
        </Text>
      </Box>
      {next ? (
        <Box paddingLeft={2}>
          <Text>{next}</Text>
        </Box>
      ) : null}
      <Hints keys={hints} />
    </Box>
  );
}

export interface FarewellProps {
  message: string;
  exitCode: number;
}

export function farewellView(state: WizardState): FarewellProps | undefined {
  // Handing the terminal to az login is no end: nothing is said.
  return state.farewell !== undefined && state.exitCode !== undefined && !state.handOver
    ? { message: state.farewell, exitCode: state.exitCode }
    : undefined;
}

export function Farewell({ message, exitCode }: FarewellProps) {
  const role = exitCode === 0 ? colors.success : exitCode === 130 ? colors.warning : colors.danger;
  const figure = exitCode === 0 ? figures.pass : exitCode === 130 ? figures.warning : figures.fail;
  return (
    <Text color={role}>
      {figure} {message}
    </Text>
  );
}
