/**
 * The key console: a deployment's keys with their expiry and a mark (✖ expired, ! within 30
 * days, ✔ ok), soonest first; then a delete that waits for the key's name, or a rotation's plan.
 */
import { Box, Text } from 'ink';
import { formatUtc } from '../../domain/expiry';
import { formatDaysFromNow, labelBeside } from '../../domain/expiry-words';
import { deletingWords, keyStatus, EXPIRING_SOON_DAYS, type KeyStatus } from '../../domain/readiness';
import type { ApiKey } from '../../port/gateway';
import { consoleKeys, rotationPlan } from '../../wizard/selectors';
import { hintsNow } from '../../wizard/step-table';
import { LEAST_ROOM, listRoom, windowOf } from '../../wizard/list-window';
import { keyHistoryWords } from '../../wizard/key-history';
import { FINISHING } from '../../wizard/leaving';
import { More } from '../components/more';
import type { ConsoleState, StateAt } from '../../wizard/state';
import { Field, Question } from '../components/question';
import { Spinner } from '../components/spinner';
import { Problem, Said, Warning, Words } from '../components/said';
import { colors, figures, type Role } from '../../term/style';
import { padEnd, widest, wrappedLineCount } from '../../term/text-width';
import { frameWidthOf } from '../components/frame';
import { ExpiryStep } from './expiry-step';

export interface KeysViewProps {
  deploymentName: string;
  /** The keys in view only; `start` is where they begin among all `count` of them. */
  keys: ApiKey[] | 'loading';
  start: number;
  count: number;
  /** The widest name of all the keys, so that the columns stay put as the window scrolls. */
  nameWidth: number;
  cursor: number;
  confirm?: ConsoleState['confirm'];
  extend?: ConsoleState['extend'];
  /** What the rotation asked for would make (with confirm.kind 'rotate'). */
  plan?: { name: string; endDateTime: Date };
  message?: ConsoleState['message'];
  caretBack: number;
  now: Date;
  /** What this machine changed on the selected key (history); '' when nothing is recorded; absent when no history is kept. */
  history?: string;
  /** The console's keys (its keymap) for what is on screen, as the hint line draws them. */
  hints: [string, string][];
  /** Ctrl+C or a signal came while a delete or a new expiry was in flight: it is let finish. */
  finishing: boolean;
}

/**
 * `rows` and `columns` are the terminal's size: the keys in view are those around the selected
 * one, in the room that a message above them (wrapped to `columns`) leaves.
 */
export function keysView(state: StateAt<'keys'>, rows = 24, columns = 80): KeysViewProps {
  const confirm = state.console.confirm;
  const all = Array.isArray(state.keys) ? consoleKeys(state) : [];
  const message = state.console.message;
  // The frame counts one line of message; one that wraps takes its further lines from the list.
  const wrapped = message ? wrappedLineCount(message.text, frameWidthOf(columns) - 2) - 1 : 0;
  // The selected key's history takes one line of the list's room.
  const keepsHistory = state.preset.keepsHistory === true;
  const room = Math.max(LEAST_ROOM, listRoom('console', rows) - wrapped - (keepsHistory ? 1 : 0));
  const selected = all[state.console.cursor];
  const { start, end } = windowOf(all.length, state.console.cursor, room);
  return {
    deploymentName: state.deployment.name,
    keys: Array.isArray(state.keys) ? all.slice(start, end) : 'loading',
    start,
    count: all.length,
    nameWidth: widest(
      all.map((k) => k.name),
      4,
    ),
    cursor: state.console.cursor,
    caretBack: state.caretBack,
    now: state.now,
    hints: hintsNow(state, rows),
    confirm,
    extend: state.console.extend,
    plan: confirm?.kind === 'rotate' ? rotationPlan(state, confirm.key) : undefined,
    message: state.console.message,
    history: keepsHistory && selected ? (keyHistoryWords(state, selected.name) ?? '') : undefined,
    finishing: state.leaving !== undefined,
  };
}

const MARK: Record<KeyStatus, [string, Role]> = {
  expired: [figures.fail, 'danger'],
  expiring: ['!', 'warning'],
  ok: [figures.pass, 'success'],
  unknown: ['?', 'danger'],
};

export function KeysStep(props: KeysViewProps) {
  const { keys, now, confirm } = props;
  if (confirm?.kind === 'delete') return <DeleteQuestion {...props} confirm={confirm} />;
  if (confirm?.kind === 'rotate' && props.plan)
    return <RotatePlan old={confirm.key} plan={props.plan} now={now} hints={props.hints} />;
  if (props.extend) return <ExtendQuestion {...props} extend={props.extend} />;
  const nameWidth = props.nameWidth;
  return (
    <Question title={`Keys of ${props.deploymentName}`} hints={props.hints}>
      {props.message ? (
        <Said
          mark={props.message.ok ? figures.pass : figures.warning}
          role={props.message.ok ? 'success' : 'warning'}
          text={props.message.text}
        />
      ) : null}
      {keys === 'loading' ? <Spinner label="Reading the keys…" /> : null}
      {Array.isArray(keys) && keys.length === 0 ? (
        <Words role="muted" text="No keys left on this deployment. n makes one." />
      ) : null}
      {Array.isArray(keys) && keys.length > 0 ? (
        <Text color={colors.muted} wrap="truncate-end" aria-hidden>
          {`    ${padEnd('NAME', nameWidth)}  HINT  EXPIRES (UTC)`}
        </Text>
      ) : null}
      <More count={props.start} direction="up" />
      <Box flexDirection="column" aria-role="listbox">
        {Array.isArray(keys)
          ? keys.map((k, i) => {
              const selected = props.start + i === props.cursor;
              const [mark, role] = MARK[keyStatus(k.endDateTime, now)];
              const spoken = `${k.name}, hint ${k.hint}, expires ${formatUtc(k.endDateTime).slice(0, 10)}, ${formatDaysFromNow(k.endDateTime, now)}`;
              return (
                <Box key={k.name} aria-role="option" aria-state={{ selected }} aria-label={spoken}>
                  <Text wrap="truncate-end">
                    <Text color={colors.accent}>{selected ? `${figures.pointer} ` : '  '}</Text>
                    <Text color={colors[role]}>{mark}</Text>{' '}
                    <Text bold={selected} color={selected ? colors.accent : undefined}>
                      {padEnd(k.name, nameWidth)}
                    </Text>
                    {`  ${padEnd(k.hint, 4)}  ${formatUtc(k.endDateTime).slice(0, 10)}  ${formatDaysFromNow(k.endDateTime, now)}`}
                  </Text>
                </Box>
              );
            })
          : null}
      </Box>
      <More count={props.count - props.start - (Array.isArray(keys) ? keys.length : 0)} direction="down" />
      {Array.isArray(keys) && keys.length > 0 ? (
        <Text color={colors.muted} wrap="truncate-end" aria-hidden>
          {`${figures.fail} expired · ! within ${EXPIRING_SOON_DAYS} days · ${figures.pass} ok`}
        </Text>
      ) : null}
      {props.history !== undefined && Array.isArray(keys) && keys.length > 0 ? (
        <Text color={colors.muted} wrap="truncate-end">
          {props.history ? `history here: ${props.history}` : 'history here: no change recorded on this machine'}
        </Text>
      ) : null}
    </Question>
  );
}

function DeleteQuestion(props: KeysViewProps & { confirm: NonNullable<ConsoleState['confirm']> }) {
  const { confirm, now } = props;
  const key = confirm.key;
  return (
    <Question title={`Delete key '${key.name}'?`} error={confirm.error} hints={props.hints}>
      <Text wrap="truncate-end">
        {`  on ${props.deploymentName}: hint ${key.hint}, ${formatUtc(key.endDateTime).slice(0, 10)}, ${formatDaysFromNow(key.endDateTime, now)}`}
      </Text>
      <Words indent={2} text={deletingWords(key, now)} />
      <Words indent={2} text="Type the key's name to confirm:" />
      <Field value={confirm.typed} caretBack={props.caretBack} />
      {confirm.working ? <Spinner label={`Deleting key '${key.name}'…`} /> : null}
      {confirm.working && props.finishing ? <Warning text={FINISHING} /> : null}
    </Question>
  );
}

function RotatePlan({
  old,
  plan,
  now,
  hints,
}: {
  old: ApiKey;
  plan: NonNullable<KeysViewProps['plan']>;
  now: Date;
  hints: [string, string][];
}) {
  const fresh = plan.name;
  const end = formatUtc(plan.endDateTime).slice(0, 10);
  return (
    <Question title={`Rotate key '${old.name}' (${formatDaysFromNow(old.endDateTime, now)})?`} hints={hints}>
      {[
        `a new key '${fresh}', generated, expiring ${end}`,
        'it is checked on the dataplane and shown once',
        'you hand it off (h) and switch your integrations',
        `Enter: checked again, then '${old.name}' is deleted`,
      ].map((words, i) => (
        <Said key={words} mark={String(i + 1)} role="accent" plainWords indent={2} text={words} spoken="" />
      ))}
      <Words role="muted" indent={2} text="Esc at any step stops there: both keys stay." />
    </Question>
  );
}

/** e: the expiry's own question, about this key; its secret stays, so nothing that uses it changes. */
function ExtendQuestion(props: KeysViewProps & { extend: NonNullable<ConsoleState['extend']> }) {
  const { extend, now } = props;
  const key = extend.key;
  if (extend.shorter)
    return (
      <ShorterQuestion keyName={key.name} current={key.endDateTime} {...extend.shorter} now={now} hints={props.hints} />
    );
  return (
    <ExpiryStep
      expiry={extend.expiry}
      now={now}
      caretBack={props.caretBack}
      hints={props.hints}
      title={`New expiry for '${key.name}'`}
      context={
        <Text color={colors.muted} wrap="truncate-end">
          {`  now ${formatUtc(key.endDateTime).slice(0, 10)}, ${formatDaysFromNow(key.endDateTime, now)} · hint ${key.hint}, the same secret after`}
        </Text>
      }
      footer={
        extend.working ? (
          <Box flexDirection="column">
            <Spinner label={`Saving the new expiry of '${key.name}'…`} />
            {props.finishing ? <Warning text={FINISHING} /> : null}
          </Box>
        ) : extend.failed ? (
          <Problem text={extend.failed} />
        ) : null
      }
    />
  );
}

/** An earlier expiry than the key has: named as shorter, by how much, and asked with no default. */
function ShorterQuestion(props: {
  keyName: string;
  current: Date;
  endDateTime: Date;
  label: string;
  words: string;
  now: Date;
  hints: [string, string][];
}) {
  const day = (date: Date) => formatUtc(date).slice(0, 10);
  return (
    <Question title={`Shorten '${props.keyName}'?`} hints={props.hints}>
      <Text wrap="truncate-end">{`  now  ${day(props.current)}, ${formatDaysFromNow(props.current, props.now)}`}</Text>
      <Text wrap="truncate-end">{`  new  ${day(props.endDateTime)}, ${formatDaysFromNow(props.endDateTime, props.now)}${labelBeside(props.label, props.endDateTime) ? ` (${props.label})` : ''}`}</Text>
      <Warning indent={2} text={`${props.words}: shorter, not longer`} />
    </Question>
  );
}
