/** Step 5: what is about to happen, CREATE or REPLACE (which needs an explicit y). */
import { Box, Text } from 'ink';
import { formatDaysFromNow, formatUtc } from '../../domain/expiry';
import type { WizardState } from '../../wizard/state';
import { existingKey } from '../../wizard/selectors';
import { Question } from '../components/question';
import { colors, figures } from '../../style';

export function ReviewStep({ state }: { state: WizardState }) {
  const d = state.deployment!;
  const existing = existingKey(state);
  const end = state.expiry.chosen!;
  const rows: [string, string][] = [
    ['Subscription', `${d.subscriptionName ?? ''} (${d.subscriptionId})`],
    ['Resource group', d.resourceGroup],
    ['Deployment', `${d.name} (${d.location})`],
    ['Key name', state.name],
    ['Expires', `${formatUtc(end)} (${formatDaysFromNow(end, state.now)})`],
    ['Key', state.secretGenerated ? 'generated UUIDv4, shown after creation' : 'the one you typed'],
  ];
  return (
    <Question title="Review" error={state.reviewError} hints={existing && !state.replaceConfirmed ? [['y', 'confirm replace'], ['Esc', 'back']] : [['Enter', existing ? 'replace' : 'create'], ['Esc', 'back'], ['Ctrl+C', 'quit']]}>
      <Box flexDirection="column" marginLeft={2}>
        {rows.map(([label, value]) => (
          <Text key={label}>
            <Text color={colors.muted}>{label.padEnd(15)}</Text>
            {value}
          </Text>
        ))}
        <Text>
          <Text color={colors.muted}>{'Action'.padEnd(15)}</Text>
          {existing ? (
            <Text color={colors.warning} bold>
              REPLACE the existing key (hint {existing.hint}){state.replaceConfirmed ? ` ${figures.pass} confirmed` : ''}
            </Text>
          ) : (
            <Text color={colors.success} bold>
              CREATE a new key
            </Text>
          )}
        </Text>
      </Box>
      {existing && !state.replaceConfirmed ? (
        <Text color={colors.warning}>
          {figures.warning} Replacing stops everything that uses the old key. Type y to confirm.
        </Text>
      ) : null}
    </Question>
  );
}
