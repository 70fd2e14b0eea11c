/** Step 1: choose a deployment. Type to filter; rows that cannot take a key are dimmed, with why. */
import { Box, Text } from 'ink';
import type { WizardState } from '../../wizard/state';
import { readiness, visibleDeployments } from '../../wizard/selectors';
import { Field, Question } from '../components/question';
import { colors, figures } from '../../style';
import { cut, padEnd, widest } from '../text';

export function DeploymentStep({ state, rows }: { state: WizardState; rows: number }) {
  const list = visibleDeployments(state);
  const total = state.discovery?.deployments.length ?? 0;
  const subscriptions = state.discovery?.searched.length ?? 0;
  const window = Math.max(3, Math.min(10, rows - 12));
  const start = Math.max(0, Math.min(state.cursor - Math.floor(window / 2), list.length - window));
  const shown = list.slice(start, start + window);
  const nameWidth = widest(shown.map((d) => d.name), 10);
  const groupWidth = widest(shown.map((d) => d.resourceGroup), 8);
  const subWidth = Math.min(24, widest(shown.map((d) => d.subscriptionName ?? d.subscriptionId), 8));
  const locationWidth = widest(shown.map((d) => d.location), 6);

  return (
    <Question title="Choose a deployment" error={state.listMessage} hints={[['↑↓', 'move'], ['Enter', 'choose'], ['Esc', 'clear filter'], ['Ctrl+C', 'quit']]}>
      <Field value={state.filter} placeholder="type to filter by name, group, subscription or region" />
      <Text color={colors.muted}>
        {list.length} of {total} deployment{total === 1 ? '' : 's'} in {subscriptions} subscription{subscriptions === 1 ? '' : 's'}
      </Text>
      <Box flexDirection="column">
        {start > 0 ? <Text color={colors.muted}>  ↑ {start} more</Text> : null}
        {shown.map((d, i) => {
          const index = start + i;
          const ready = readiness(state, d);
          const selected = index === state.cursor;
          const line = `${padEnd(d.name, nameWidth)}  ${padEnd(d.resourceGroup, groupWidth)}  ${padEnd(cut(d.subscriptionName ?? d.subscriptionId, subWidth), subWidth)}  ${padEnd(d.location, locationWidth)}  `;
          return (
            <Text key={d.id} dimColor={!ready.ok}>
              <Text color={selected ? colors.accent : undefined}>{selected ? `${figures.pointer} ` : '  '}</Text>
              <Text color={selected && ready.ok ? colors.accent : undefined} bold={selected && ready.ok}>
                {line}
              </Text>
              {ready.ok ? <Text color={colors.success}>{d.provisioningState}</Text> : <Text>{`${figures.fail} ${ready.reason}`}</Text>}
            </Text>
          );
        })}
        {start + window < list.length ? <Text color={colors.muted}>  ↓ {list.length - start - window} more</Text> : null}
        {list.length === 0 ? <Text color={colors.warning}>No deployment matches “{state.filter}”.</Text> : null}
        {shown.some((d) => !readiness(state, d).ok) ? <Text color={colors.muted}>{figures.fail} marks a deployment that cannot take a key now, and why.</Text> : null}
      </Box>
    </Question>
  );
}
