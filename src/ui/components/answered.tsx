/** The steps answered so far, one line each, so the live frame stays short. */
import { Box, Text } from 'ink';
import { chosenExpiryWords } from '../../domain/expiry-words';
import type { WizardState } from '../../wizard/state';
import { colors, figures } from '../../term/style';

const ORDER = [
  'chooseDeployment',
  'keys',
  'keyName',
  'expiry',
  'keyValue',
  'review',
  'creating',
  'reveal',
  'done',
  'cancelled',
];

/** The label and answer of each step already passed. */
export function answeredView(state: WizardState): [string, string][] {
  const at = ORDER.indexOf(state.endedAt ?? state.step);
  const past = (step: string) => at > ORDER.indexOf(step);
  const lines: [string, string][] = [];
  const d = state.deployment;
  if (d && past('chooseDeployment'))
    lines.push(['Deployment', `${d.name} · ${d.resourceGroup} · ${d.subscriptionName ?? d.subscriptionId}`]);
  if (past('keyName')) lines.push(['Key name', state.name]);
  if (past('expiry') && state.expiry.chosen)
    lines.push(['Expires', chosenExpiryWords(state.expiry.chosenLabel, state.expiry.chosen)]);
  if (past('keyValue')) lines.push(['Key', state.secretGenerated ? 'generated (UUIDv4)' : 'your own']);
  return lines;
}

export function Answered({ lines }: { lines: [string, string][] }) {
  if (lines.length === 0) return null;
  return (
    <Box flexDirection="column" marginBottom={1}>
      {lines.map(([label, value]) => (
        <Text key={label} wrap="truncate-end">
          <Text color={colors.success} aria-hidden>
            {figures.pass}{' '}
          </Text>
          <Text color={colors.muted}>{label.padEnd(11)}</Text>
          {value}
        </Text>
      ))}
    </Box>
  );
}
