/** Step 6: the PUT in flight, or its failure in plain words with the ARM code. */
import { Box } from 'ink';
import type { Problem, StateAt } from '../../wizard/state';
import { FINISHING } from '../../wizard/leaving';
import { hintsNow } from '../../wizard/step-table';
import { Hints } from '../components/hints';
import { Spinner } from '../components/spinner';
import { Problem as Refusal, Warning, Words } from '../components/said';

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
        {finishing ? <Warning text={FINISHING} /> : null}
      </Box>
    );
  }
  if (error.uncertain) {
    return (
      <Box flexDirection="column">
        <Warning
          text={`Not known whether Azure created the key: ${error.message}${error.code ? ` (${error.code})` : ''}`}
        />
        <Words text="Sending the same key again is safe: it creates it, or finds it there." />
        <Hints keys={hints} />
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      <Refusal text={`Azure did not create the key: ${error.message}${error.code ? ` (${error.code})` : ''}`} />
      <Hints keys={hints} />
    </Box>
  );
}
