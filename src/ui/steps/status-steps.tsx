/** The screens that are not questions: loading, a failure, and the words left after the end. */
import { Box } from 'ink';
import { advice } from '../../port/gateway';
import type { Problem as Failure, WizardState } from '../../wizard/state';
import { Hints } from '../components/hints';
import { Spinner } from '../components/spinner';
import { figures } from '../../term/style';
import { Problem, Said, Words } from '../components/said';

export function LoadingStep({ message }: { message: string }) {
  return <Spinner label={message} />;
}

export function FailedStep({ failure, hints }: { failure: Failure; hints: [string, string][] }) {
  const next = advice(failure.kind);
  return (
    <Box flexDirection="column">
      <Problem text={`${failure.message}${failure.code ? ` (${failure.code})` : ''}`} />
      {next ? <Words text={next} indent={2} /> : null}
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
  const role = exitCode === 0 ? 'success' : exitCode === 130 ? 'warning' : 'danger';
  const figure = exitCode === 0 ? figures.pass : exitCode === 130 ? figures.warning : figures.fail;
  return <Said mark={figure} role={role} text={message} />;
}
