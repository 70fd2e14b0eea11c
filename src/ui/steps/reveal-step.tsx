/**
 * Step 7: the reveal panel. The key is masked (hint visible) until `r`; it hides again after
 * 30 seconds; `c` copies it. The endpoint, its …/nplus form and what NLK and nginx-asg-sync need.
 */
import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { apiKeyHeaderValue, nplusUrl } from '../../domain/endpoint';
import { formatDaysFromNow, formatUtc } from '../../domain/expiry';
import { maskSecret } from '../../domain/secret';
import { REVEAL_SECONDS, type WizardState } from '../../wizard/state';
import { Hints } from '../components/hints';
import { Spinner } from '../components/spinner';
import { colors, figures } from '../../style';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text>
      <Text color={colors.muted}>{label.padEnd(10)}</Text>
      {children}
    </Text>
  );
}

export function RevealStep({ state, finished = false }: { state: WizardState; finished?: boolean }) {
  const result = state.result!;
  const key = result.key;
  const deployment = state.deployment!;
  const endpoint = deployment.dataplaneApiEndpoint ?? '';
  const nplus = endpoint ? nplusUrl(endpoint) : '';
  const { reveal } = state;
  const shown = reveal.shown && !finished;
  const secondsLeft = reveal.shownAt === undefined ? REVEAL_SECONDS : Math.max(0, REVEAL_SECONDS - Math.floor((state.now.getTime() - reveal.shownAt) / 1000));
  const keyText = shown ? state.secret : maskSecret(state.secret);
  const header = shown ? apiKeyHeaderValue(state.secret) : 'ApiKey <base64 of the key>';
  const verify = reveal.verify;

  return (
    <Box flexDirection="column">
      <Text color={colors.success} bold>
        {figures.pass} {result.created ? 'Created' : 'Replaced'} key '{key.name}' on {deployment.name}
      </Text>
      <Box flexDirection="column" borderStyle="round" borderColor={colors.accent} paddingX={1} alignSelf="flex-start">
        <Row label="Key">
          <Text color={shown ? colors.secret : undefined} bold={shown}>
            {keyText}
          </Text>
          <Text color={colors.muted}>{shown ? `  (hides in ${secondsLeft} s)` : '  (masked)'}</Text>
        </Row>
        <Row label="Hint">{key.hint}</Row>
        <Row label="Expires">
          {formatUtc(key.endDateTime)} ({formatDaysFromNow(key.endDateTime, state.now)})
        </Row>
        <Row label="Endpoint">{endpoint}</Row>
        <Row label="nplus">{nplus}</Row>
      </Box>
      <Text bold>For NLK (Helm values)</Text>
      <Text>  nlk.dataplaneApiKey=&lt;the key&gt;</Text>
      <Text>  nlk.config.nginxHosts={nplus}</Text>
      <Text bold>For nginx-asg-sync (config.yaml)</Text>
      <Text>  api_endpoint: {nplus}</Text>
      <Text>  Authorization: {header}</Text>
      {verify === 'pending' ? <Spinner label="Checking the key against the dataplane…" /> : null}
      {verify && verify !== 'pending' && verify.ok ? (
        <Text color={colors.success}>
          {figures.pass} The dataplane accepted the key (GET /packages answered {verify.status}).
        </Text>
      ) : null}
      {verify && verify !== 'pending' && !verify.ok ? (
        <Text color={colors.warning}>
          {figures.warning} Could not confirm the key on the dataplane yet: {verify.message}
        </Text>
      ) : null}
      {reveal.copyMessage ? <Text color={colors.accent}>{reveal.copyMessage}</Text> : null}
      <Text color={colors.warning}>
        {figures.warning} This is the only time the key can be seen: Azure keeps only its hint.
      </Text>
      {finished ? null : reveal.deleting ? (
        <Spinner label={`Deleting key '${key.name}'…`} />
      ) : reveal.askingToLeave ? (
        <Text color={colors.accent} bold>
          {figures.question} Have you saved the key? y yes, leave · n no, stay · d delete the key and leave
          {state.step === 'reveal' ? '  (Ctrl+C again: leave now)' : ''}
        </Text>
      ) : (
        <Hints keys={[['r', shown ? 'hide' : 'show'], ['c', 'copy'], ['q', 'leave']]} />
      )}
    </Box>
  );
}
