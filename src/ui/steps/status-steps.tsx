/** The screens that are not questions: loading, a failure, and the words left after the end. */
import { Box, Text } from 'ink';
import type { WizardState } from '../../wizard/state';
import { Hints } from '../components/hints';
import { Spinner } from '../components/spinner';
import { colors, figures } from '../../style';

export function LoadingStep({ state }: { state: WizardState }) {
  return <Spinner label={state.loadingMessage} />;
}

function advice(kind: string | undefined): string | undefined {
  if (kind === 'unauthenticated') return 'Sign in with `az login` (or use --auth device-code), then run nginxaas-keys again.';
  if (kind === 'forbidden') return 'Your sign-in lacks access: ask for Reader on the subscription and Contributor on the deployment.';
  if (kind === 'network') return 'Check the network, a proxy, or --arm-endpoint.';
  return undefined;
}

export function FailedStep({ state }: { state: WizardState }) {
  const failure = state.failure;
  const hint = failure?.message.includes('az login') ? undefined : advice(failure?.kind);
  return (
    <Box flexDirection="column">
      <Text color={colors.danger}>
        {figures.fail} {failure?.message}
        {failure?.code ? ` (${failure.code})` : ''}
      </Text>
      {hint ? <Text>{hint}</Text> : null}
      <Hints keys={[['r', 'try again'], ['q', 'quit']]} />
    </Box>
  );
}

export function Farewell({ state }: { state: WizardState }) {
  if (!state.farewell) return null;
  const role = state.exitCode === 0 ? colors.success : state.exitCode === 130 ? colors.warning : colors.danger;
  const figure = state.exitCode === 0 ? figures.pass : state.exitCode === 130 ? figures.warning : figures.fail;
  return (
    <Text color={role}>
      {figure} {state.farewell}
    </Text>
  );
}
