/** Step 1: choose a deployment. Type to filter; rows that cannot take a key are dimmed, with why. */
import { memo } from 'react';
import { Box, Text } from 'ink';
import { markOf, type FleetMark } from '../../wizard/fleet-marks';
import type { WizardState } from '../../wizard/state';
import { deploymentMarkWords, readiness, visibleDeployments } from '../../wizard/selectors';
import { hintsNow } from '../../wizard/step-table';
import { listRoom, windowOf } from '../../wizard/list-window';
import { More } from '../components/more';
import { Words } from '../components/said';
import { Field, Question } from '../components/question';
import { colors, figures } from '../../term/style';
import { cut, padEnd, widest } from '../../term/text-width';

export interface DeploymentRow {
  id: string;
  name: string;
  resourceGroup: string;
  subscription: string;
  location: string;
  provisioningState: string;
  /** Why it cannot take a key now; undefined when it can. */
  blocked?: string;
  /** Its keys, once read in the background: how many, and how many expired or expiring. */
  keys?: FleetMark;
  /** The row as a screen reader hears it: every mark in words. */
  spoken?: string;
}

export interface ChooseDeploymentViewProps {
  filter: string;
  caretBack?: number;
  cursor: number;
  /** The rows in view only (a list of thousands is turned into rows only where it is seen). */
  rows: DeploymentRow[];
  /** Where the rows in view start in the filtered list, and how many deployments match in all. */
  start: number;
  matching: number;
  total: number;
  subscriptions: number;
  message?: string;
  /** The step's keys (its keymap), as the hint line draws them. */
  hints: [string, string][];
}

/** `height` is the terminal's rows. */
export function chooseDeploymentView(state: WizardState, height = 24): ChooseDeploymentViewProps {
  const visible = visibleDeployments(state);
  const { start, end } = windowOf(visible.length, state.cursor, listRoom('deployments', height));
  const rows = visible.slice(start, end).map((d): DeploymentRow => {
    const ready = readiness(state, d);
    const mark = markOf(state.fleet, d.id);
    return {
      id: d.id,
      name: d.name,
      resourceGroup: d.resourceGroup,
      subscription: d.subscriptionName ?? d.subscriptionId,
      location: d.location,
      provisioningState: d.provisioningState,
      ...(ready.ok ? {} : { blocked: ready.reason }),
      keys: mark,
      spoken: `${d.name}, group ${d.resourceGroup}, ${d.subscriptionName ?? d.subscriptionId}, ${d.location}: ${deploymentMarkWords(state, d)}`,
    };
  });
  return {
    filter: state.filter,
    caretBack: state.caretBack,
    cursor: state.cursor,
    rows,
    start,
    matching: visible.length,
    total: state.discovery?.deployments.length ?? 0,
    subscriptions: state.discovery?.searched.length ?? 0,
    hints: hintsNow(state, height),
    message: state.listMessage,
  };
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * How many deployments there are, and, while a filter is typed, how many of them it matches: "2 of
 * 6 deployments match", never "2 of 6 deployments in 3 subscriptions" (which reads as if the 2 were
 * spread over the 3).
 */
export function countWords(filter: string, matching: number, total: number, subscriptions: number): string {
  const searched = plural(subscriptions, 'subscription');
  if (filter === '') return `${plural(total, 'deployment')} in ${searched}`;
  return `${matching} of ${plural(total, 'deployment')} match; ${searched} searched`;
}

/** The rows in view, as chooseDeploymentView chose them for the terminal's height. */
export function ChooseDeploymentStep({
  filter,
  caretBack,
  cursor,
  rows: shown,
  start,
  matching,
  total,
  subscriptions,
  message,
  hints,
}: ChooseDeploymentViewProps) {
  const nameWidth = widest(
    shown.map((d) => d.name),
    10,
  );
  const groupWidth = widest(
    shown.map((d) => d.resourceGroup),
    8,
  );
  const subWidth = Math.min(
    24,
    widest(
      shown.map((d) => d.subscription),
      8,
    ),
  );
  // The keys (or why it cannot take one) come right after the name: a narrow terminal cuts the
  // region and the group before it cuts what matters.
  const noted = shown.map((d) => ({ d, note: keysNote(d) }));
  const noteWidth = widest(
    noted.map(({ note }) => note[2]),
    1,
  );

  return (
    <Question title="Choose a deployment" error={message} hints={hints}>
      <Field
        value={filter}
        caretBack={caretBack ?? 0}
        placeholder="type to filter by name, group, subscription or region"
        spoken={filter ? `filter: ${filter}` : 'filter: empty; type to filter by name, group, subscription or region'}
      />
      <Text color={colors.muted} wrap="truncate-end">
        {countWords(filter, matching, total, subscriptions)}
      </Text>
      <Box flexDirection="column" aria-role="listbox">
        <More count={start} direction="up" />
        {noted.map(({ d, note: [mark, role, note] }, i) => (
          <Row
            key={d.id}
            selected={start + i === cursor}
            ready={d.blocked === undefined}
            spoken={d.spoken}
            mark={mark}
            role={role}
            name={`${padEnd(d.name, nameWidth)}  `}
            note={padEnd(note, noteWidth)}
            rest={`  ${padEnd(d.resourceGroup, groupWidth)}  ${padEnd(cut(d.subscription, subWidth), subWidth)}  ${d.location}`}
          />
        ))}
        <More count={matching - start - shown.length} direction="down" />
        {matching === 0 ? <Words role="warning" text={`No deployment matches “${filter}”.`} /> : null}
        {shown.some((d) => d.blocked !== undefined) ? (
          <Text color={colors.muted} wrap="truncate-end" aria-hidden>
            {figures.fail} cannot take a key now, and why · ! a key expired or expiring
          </Text>
        ) : null}
      </Box>
    </Question>
  );
}

interface RowProps {
  selected: boolean;
  ready: boolean;
  spoken: string | undefined;
  mark: string;
  role: 'danger' | 'warning' | undefined;
  /** The name, the note and the rest of the row, each padded to its column already. */
  name: string;
  note: string;
  rest: string;
}

/**
 * One row, drawn again only when what it shows changed: a keystroke that narrows the list keeps
 * most rows of the window, and each row is six of Ink's nodes.
 */
const Row = memo(function Row({ selected, ready, spoken, mark, role, name, note, rest }: RowProps) {
  return (
    <Box aria-role="option" aria-state={{ selected }} aria-label={spoken}>
      <Text dimColor={!ready} wrap="truncate-end">
        <Text color={selected ? colors.accent : undefined}>{selected ? `${figures.pointer} ` : '  '}</Text>
        <Text color={role ? colors[role] : undefined}>{mark}</Text>{' '}
        <Text color={selected && ready ? colors.accent : undefined} bold={selected && ready}>
          {name}
        </Text>
        <Text color={ready ? (role ? colors[role] : colors.muted) : undefined}>{note}</Text>
        {rest}
      </Text>
    </Box>
  );
});

/** The row's mark and its keys in words: `! 3 keys, 1 expired`; `…` while they are read. */
function keysNote(d: DeploymentRow): [string, 'danger' | 'warning' | undefined, string] {
  const keys = d.keys;
  if (d.blocked !== undefined) return [' ', undefined, `${figures.fail} ${d.blocked}`];
  if (!keys) return [' ', undefined, '…'];
  if ('error' in keys) return ['?', 'warning', 'keys not readable'];
  const count = `${keys.keys} key${keys.keys === 1 ? '' : 's'}`;
  if (keys.expired > 0) return ['!', 'danger', `${count}, ${keys.expired} expired`];
  if (keys.expiring > 0) return ['!', 'warning', `${count}, ${keys.expiring} expiring`];
  return [' ', undefined, count];
}
