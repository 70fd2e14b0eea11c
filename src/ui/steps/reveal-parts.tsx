/**
 * The parts of the reveal panel that come and go: the hand-off menu (h) and, during a rotation
 * from the key console, what is left to do.
 */
import { Box, Text } from 'ink';
import { HANDOFF_KINDS } from '../../domain/handoff';
import type { HandoffMenu, RotationState } from '../../wizard/state';
import type { ConsumerWords } from '../../wizard/consumer-words';
import { HANDOFF_LABELS } from '../../wizard/steps/handoff';
import { Field, Question } from '../components/question';
import { More } from '../components/more';
import { listRoom, windowOf } from '../../wizard/list-window';
import { Spinner } from '../components/spinner';
import { Said } from '../components/said';
import { colors, figures } from '../../term/style';

export interface RotationView {
  old: string;
  stage: RotationState['stage'];
  problem?: string;
  /** The new key has not been shown, copied or handed off: stopping now leaves it unheld. */
  unseen: boolean;
  /** What uses the old key here, and what applying the new one there did. */
  consumers?: ConsumerWords;
}

const MARKS = {
  pass: [colors.success, figures.pass],
  warn: [colors.warning, figures.warning],
  fail: [colors.danger, figures.fail],
} as const;

/** The consumers found, the offer, or what applying did: one line each, never wrapped. */
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
export function HandoffMenuView({ menu, caretBack, rows }: { menu: HandoffMenu; caretBack: number; rows: number }) {
  if (menu.stage === 'working') return <Spinner label="Handing the key off…" />;
  const kind = HANDOFF_KINDS[menu.cursor] ?? 'nlk';
  if (menu.stage === 'destination') {
    return (
      <Question
        title={`Where should the ${HANDOFF_LABELS[kind]} go?`}
        error={menu.error}
        hints={[
          ['Enter', kind === 'keyvault' ? 'store it' : 'write it (0600)'],
          ['Esc', 'back'],
        ]}
      >
        <Field value={menu.text} caretBack={caretBack} />
      </Question>
    );
  }
  const shown = windowOf(HANDOFF_KINDS.length, menu.cursor, listRoom('handoff', rows));
  return (
    <Question
      title="Hand the key to"
      hints={[
        ['↑↓', 'move'],
        ['Enter', 'choose'],
        ['Esc', 'close'],
      ]}
    >
      <More count={shown.start} direction="up" />
      {HANDOFF_KINDS.slice(shown.start, shown.end).map((k, at) => {
        const i = shown.start + at;
        return (
          <Text key={k} color={i === menu.cursor ? colors.accent : undefined} wrap="truncate-end">
            {i === menu.cursor ? `${figures.pointer} ` : '  '}
            {HANDOFF_LABELS[k]}
          </Text>
        );
      })}
      <More count={shown.below} direction="down" />
    </Question>
  );
}

/** What is left of a rotation, under the new key: switch, then Enter; or Esc to stop with both keys. */
export function RotationLines({ rotation, fresh }: { rotation: RotationView; fresh: string }) {
  if (rotation.stage === 'reverifying') return <Spinner label={`Checking '${fresh}' on the dataplane again…`} />;
  if (rotation.stage === 'retiring') return <Spinner label={`Deleting the old key '${rotation.old}'…`} />;
  if (rotation.stage === 'discarding') return <Spinner label={`Deleting the new key '${fresh}' again…`} />;
  if (rotation.stage === 'stopping') return <StopQuestion rotation={rotation} fresh={fresh} />;
  if (rotation.stage === 'unheld') return <UnheldQuestion rotation={rotation} fresh={fresh} />;
  return (
    <Box flexDirection="column">
      {rotation.problem ? (
        <Text color={colors.warning}>
          {figures.warning} {rotation.problem}
        </Text>
      ) : null}
      {rotation.consumers ? <ConsumerLines words={rotation.consumers} /> : null}
      {rotation.consumers?.holdsKeys ? null : rotation.consumers?.allProven ? (
        <Text bold>{`Enter checks '${fresh}' again and deletes '${rotation.old}'. Esc stops here.`}</Text>
      ) : (
        <>
          <Text bold>{`Switch your integrations to '${fresh}', then press Enter:`}</Text>
          <Text>{`it is checked again and '${rotation.old}' is deleted. Esc stops here.`}</Text>
        </>
      )}
    </Box>
  );
}

/** Esc during a rotation: the new key is live, so stopping asks what becomes of it. */
function StopQuestion({ rotation, fresh }: { rotation: RotationView; fresh: string }) {
  return (
    <Question
      title={`Stop the rotation? '${fresh}' is live beside '${rotation.old}'.`}
      hints={[
        ['y', 'stop, keep both'],
        ['d', `delete '${fresh}'`],
        ['n', 'back'],
      ]}
    >
      {rotation.unseen ? (
        <Said
          mark={figures.warning}
          role="warning"
          text={`'${fresh}' was never shown, copied or handed off: Azure cannot show it again.`}
        />
      ) : null}
    </Question>
  );
}

/**
 * Enter while the new key is held nowhere: deleting the old one now would lose both. No default:
 * the ways to take the key first, d to delete anyway, Esc to stop.
 */
function UnheldQuestion({ rotation, fresh }: { rotation: RotationView; fresh: string }) {
  return (
    <Question
      title={`Delete '${rotation.old}' though no one holds '${fresh}'?`}
      hints={[
        ['r', 'show'],
        ['c', 'copy'],
        ['h', 'hand off'],
        ['d', 'delete anyway'],
        ['Esc', 'stop'],
      ]}
    >
      {/* Short lines: one that fills the terminal exactly is drawn a row too tall by some terminals. */}
      <Said mark={figures.warning} role="warning" text={`'${fresh}' was never shown, copied or handed off:`} />
      <Text color={colors.warning}>{'  its secret is in no place; Azure cannot show it again.'}</Text>
      <Text color={colors.warning}>{`  Whatever uses '${rotation.old}' would be refused.`}</Text>
    </Question>
  );
}
