/**
 * The parts of the reveal panel that come and go: the hand-off menu (h) and, during a rotation
 * from the key console, what is left to do.
 */
import { Box, Text } from 'ink';
import { HANDOFF_KINDS } from '../../domain/handoff';
import type { HandoffMenu, RotationState } from '../../wizard/state';
import type { ConsumerWords } from '../../wizard/consumer-words';
import { HANDOFF_LABELS } from '../../wizard/steps/handoff';
import { FINISHING } from '../../wizard/leaving';
import { Field, Question } from '../components/question';
import { More } from '../components/more';
import { listRoom, windowOf } from '../../wizard/list-window';
import { Spinner } from '../components/spinner';
import { Said, Warning, Words } from '../components/said';
import { colors, figures } from '../../term/style';
import { wrappedLineCount } from '../../term/text-width';

export interface RotationView {
  old: string;
  stage: RotationState['stage'];
  problem?: string;
  /** The new key has not been shown, copied or handed off: stopping now leaves it unheld. */
  unseen: boolean;
  /** What uses the old key here, and what applying the new one there did. */
  consumers?: ConsumerWords;
  /** Ctrl+C or a signal came while the rotation's own request was in flight: it is let finish. */
  finishing?: boolean;
}

const MARKS = {
  pass: [colors.success, figures.pass],
  warn: [colors.warning, figures.warning],
  fail: [colors.danger, figures.fail],
} as const;

/** The consumers found, the offer, or what applying did: one line each (the panel is short of rows). */
function ConsumerLines({ words }: { words: ConsumerWords }) {
  return (
    <Box flexDirection="column">
      {words.lines.map((line) => (
        <Text key={line.text} wrap="truncate-end" color={line.mark === 'none' ? undefined : MARKS[line.mark][0]}>
          {line.mark === 'none' ? line.text : `${MARKS[line.mark][1]} ${line.text}`}
        </Text>
      ))}
      {words.busy ? <Spinner label={words.busy} /> : null}
      {words.offer ? (
        <Text wrap="truncate-end" color={colors.accent}>
          {words.offer}
        </Text>
      ) : null}
    </Box>
  );
}

/** The hand-off menu: a kind, then its destination. */
export function HandoffMenuView({
  menu,
  caretBack,
  rows,
  hints,
}: {
  menu: HandoffMenu;
  caretBack: number;
  rows: number;
  hints: [string, string][];
}) {
  if (menu.stage === 'working') return <Spinner label="Handing the key off…" />;
  const kind = HANDOFF_KINDS[menu.cursor] ?? 'nlk';
  if (menu.stage === 'destination') {
    return (
      <Question title={`Where should the ${HANDOFF_LABELS[kind]} go?`} error={menu.error} hints={hints}>
        <Field value={menu.text} caretBack={caretBack} />
      </Question>
    );
  }
  const shown = windowOf(HANDOFF_KINDS.length, menu.cursor, listRoom('handoff', rows));
  return (
    <Question title="Hand the key to" hints={hints}>
      <More count={shown.start} direction="up" />
      <Box flexDirection="column" aria-role="menu">
        {HANDOFF_KINDS.slice(shown.start, shown.end).map((k, at) => {
          const i = shown.start + at;
          return (
            <Box
              key={k}
              aria-role="menuitem"
              aria-state={{ selected: i === menu.cursor }}
              aria-label={HANDOFF_LABELS[k]}
            >
              <Text color={i === menu.cursor ? colors.accent : undefined} wrap="truncate-end">
                {i === menu.cursor ? `${figures.pointer} ` : '  '}
                {HANDOFF_LABELS[k]}
              </Text>
            </Box>
          );
        })}
      </Box>
      <More count={shown.below} direction="down" />
    </Question>
  );
}

/** What is left to do, said under the new key. */
function nextWords(rotation: RotationView, fresh: string): string {
  return rotation.consumers?.allProven
    ? `Enter checks '${fresh}' again and deletes '${rotation.old}'. Esc stops here.`
    : `Switch your integrations to '${fresh}', then press Enter: it is checked again and '${rotation.old}' is deleted. Esc stops here.`;
}

const uncheckedTitle = (rotation: RotationView, fresh: string) =>
  `Delete '${rotation.old}' though '${fresh}' was not checked?`;
const stopTitle = (rotation: RotationView, fresh: string) =>
  `Stop the rotation? '${fresh}' is live beside '${rotation.old}'.`;
const stopUnseen = (fresh: string) =>
  `'${fresh}' was never shown, copied or handed off, and Azure cannot show it again: it cannot stay, so stopping deletes it again.`;
const unheldTitle = (rotation: RotationView, fresh: string) =>
  `Delete '${rotation.old}' though no one holds '${fresh}'?`;
const unheldWarning = (rotation: RotationView, fresh: string) =>
  `'${fresh}' was never shown, copied or handed off: its secret is in no place; Azure cannot show it again. Whatever uses '${rotation.old}' would be refused.`;

/** Rows a message takes under a one-column mark at `width`. */
const said = (text: string, width: number) => wrappedLineCount(text, width - 2);

/** The rows RotationLines takes at `width` (the reveal panel keeps its frame shorter than the terminal with it). */
export function rotationRows(rotation: RotationView, fresh: string, width: number): number {
  switch (rotation.stage) {
    case 'reverifying':
    case 'retiring':
    case 'discarding':
      return 1 + (rotation.finishing ? said(FINISHING, width) : 0);
    case 'unchecked':
      return said(uncheckedTitle(rotation, fresh), width) + (rotation.problem ? said(rotation.problem, width) : 0) + 1;
    case 'stopping':
      return said(stopTitle(rotation, fresh), width) + (rotation.unseen ? said(stopUnseen(fresh), width) : 0) + 1;
    case 'unheld':
      return said(unheldTitle(rotation, fresh), width) + said(unheldWarning(rotation, fresh), width) + 1;
    default: {
      const words = rotation.consumers;
      return (
        (rotation.problem ? said(rotation.problem, width) : 0) +
        (words ? words.lines.length + (words.busy ? said(words.busy, width) : 0) + (words.offer ? 1 : 0) : 0) +
        (words?.holdsKeys ? 0 : wrappedLineCount(nextWords(rotation, fresh), width))
      );
    }
  }
}

/** The rows HandoffMenuView takes at `width` and `rows`. */
export function handoffMenuRows(menu: HandoffMenu, width: number, rows: number): number {
  if (menu.stage === 'working') return 1;
  const kind = HANDOFF_KINDS[menu.cursor] ?? 'nlk';
  if (menu.stage === 'destination')
    return (
      said(`Where should the ${HANDOFF_LABELS[kind]} go?`, width) + 1 + (menu.error ? said(menu.error, width) : 0) + 1
    );
  const shown = windowOf(HANDOFF_KINDS.length, menu.cursor, listRoom('handoff', rows));
  return 1 + (shown.start > 0 ? 1 : 0) + (shown.end - shown.start) + (shown.below > 0 ? 1 : 0) + 1;
}

/** What each part of a rotation's panel is drawn from. */
interface RotationPartProps {
  rotation: RotationView;
  fresh: string;
  hints: [string, string][];
}

/** What the rotation's own request in flight is doing, in words; undefined when none is. */
function busyWords(rotation: RotationView, fresh: string): string | undefined {
  if (rotation.stage === 'reverifying') return `Checking '${fresh}' on the dataplane again…`;
  if (rotation.stage === 'retiring') return `Deleting the old key '${rotation.old}'…`;
  if (rotation.stage === 'discarding') return `Deleting the new key '${fresh}' again…`;
  return undefined;
}

/** What is left of a rotation, under the new key: switch, then Enter; or Esc to stop with both keys. */
export function RotationLines({ rotation, fresh, hints }: RotationPartProps) {
  const busy = busyWords(rotation, fresh);
  if (busy)
    return (
      <Box flexDirection="column">
        <Spinner label={busy} />
        {rotation.finishing ? <Warning text={FINISHING} /> : null}
      </Box>
    );
  if (rotation.stage === 'unchecked') return <UncheckedQuestion rotation={rotation} fresh={fresh} hints={hints} />;
  if (rotation.stage === 'stopping') return <StopQuestion rotation={rotation} fresh={fresh} hints={hints} />;
  if (rotation.stage === 'unheld') return <UnheldQuestion rotation={rotation} fresh={fresh} hints={hints} />;
  return (
    <Box flexDirection="column">
      {rotation.problem ? <Warning text={rotation.problem} /> : null}
      {rotation.consumers ? <ConsumerLines words={rotation.consumers} /> : null}
      {rotation.consumers?.holdsKeys ? null : <Words text={nextWords(rotation, fresh)} />}
    </Box>
  );
}

/**
 * The second check could not ask the dataplane from here: the old key may go all the same, after a
 * yes that says the new key was not checked. No default: y goes on, Enter checks again, Esc stops.
 */
function UncheckedQuestion({ rotation, fresh, hints }: RotationPartProps) {
  return (
    <Question title={uncheckedTitle(rotation, fresh)} hints={hints}>
      {rotation.problem ? <Said mark={figures.warning} role="warning" text={rotation.problem} /> : null}
    </Question>
  );
}

/** Esc during a rotation: the new key is live, so stopping asks what becomes of it. */
function StopQuestion({ rotation, fresh, hints }: RotationPartProps) {
  return (
    <Question title={stopTitle(rotation, fresh)} hints={hints}>
      {rotation.unseen ? <Said mark={figures.warning} role="warning" text={stopUnseen(fresh)} /> : null}
    </Question>
  );
}

/**
 * Enter while the new key is held nowhere: deleting the old one now would lose both. No default:
 * the ways to take the key first, d to delete anyway, Esc to stop.
 */
function UnheldQuestion({ rotation, fresh, hints }: RotationPartProps) {
  return (
    <Question title={unheldTitle(rotation, fresh)} hints={hints}>
      <Warning text={unheldWarning(rotation, fresh)} />
    </Question>
  );
}
