/** The reveal panel: show or hide, copy, and leave only after "have you saved it?". */
import { formatUtc } from '../../domain/expiry';
import { finish, issue } from '../effects';
import { action, SUBMIT, type Intent } from '../intents';
import type { Binding } from '../keymap';
import { onHandoffIntent, openHandoffMenu } from './handoff';
import type { StateAt, WizardState } from '../state';
import { columnsForWhole, fitsWhole } from '../../term/frame-width';

/** The panel itself is on screen: no menu, no question, nothing being deleted. */
export const onPanel = (s: StateAt<'reveal'>) => !s.reveal.handoff && !s.reveal.askingToLeave && !s.reveal.deleting;
const asking = (s: StateAt<'reveal'>) => s.reveal.askingToLeave && !s.reveal.deleting && !s.reveal.handoff;
const alone = (s: StateAt<'reveal'>) => onPanel(s) && !s.rotation;

/**
 * Whether the new key has left the panel: shown by the person's own r (also once it has hidden
 * again), copied, handed off, or put in place at a consumer. A copy asked for but not carried out,
 * a hand-off that failed or a consumer rolled back does not count. Until then the secret is held
 * nowhere: stopping leaves a live key no one holds, and deleting the old key leaves no working key.
 */
export function newKeyUnseen(state: Pick<WizardState, 'reveal' | 'rotation'>): boolean {
  const { reveal } = state;
  const applied = (state.rotation?.consumers?.applied?.holding.length ?? 0) > 0;
  return reveal.shownAt === undefined && reveal.copied !== true && !reveal.handedOff.some((h) => h.ok) && !applied;
}

/** Why leaving is not offered, in both faces. */
export const UNHELD =
  'No one holds this key: it was never shown, copied or handed off, and Azure cannot show it again. Leaving deletes it again.';

/**
 * The terminal narrowed while the key was shown: a key that no longer fits would be drawn cut in its
 * middle under "shown", so it is hidden, saying why (it was seen whole before, and still counts).
 */
export function onResized(state: WizardState): WizardState {
  if (state.step !== 'reveal' || !state.reveal.shown || fitsWhole(state.secret, state.columns)) return state;
  return { ...state, reveal: { ...state.reveal, shown: false, notice: tooNarrow(state.secret, state.columns) } };
}

/** Why r did not show the key: the terminal cannot draw it whole. */
const TOO_NARROW = 'The terminal is too narrow to show the key whole';
const tooNarrow = (secret: string, columns: number) =>
  `${TOO_NARROW} (${columns} columns; it needs ${columnsForWhole(secret)}): widen it and press r again, or c copies it, h hands it off.`;

/** Sent to the terminal's clipboard alone: the person knows whether it arrived, the program does not. */
export const UNSURE_COPY =
  "It was only sent to the terminal's clipboard (OSC 52), which not every terminal takes: y if you have it.";

/** A copy or a hand-off under way: whether it will hold the key is not known yet. */
export function takingInFlight(state: Pick<WizardState, 'reveal'>): boolean {
  return state.reveal.copying === true || state.reveal.handoff?.stage === 'working';
}

/** Why no one is known to hold the key, in a few words. */
export function unheldWhy(state: Pick<WizardState, 'reveal'>): string {
  return state.reveal.copiedUnsure
    ? "only sent to the terminal's clipboard, which may not have taken it"
    : 'never shown, copied or handed off';
}

/** A leave with y: the key is held, or only the person can tell (a copy that may have arrived). */
export const mayLeave = (s: StateAt<'reveal'>) => !heldByNoOne(s) || s.reveal.copiedUnsure === true;

/**
 * A generated key that has not left the panel: its secret is in this process alone, and a live key
 * whose secret is nowhere cannot stay (custody). A key the person typed is theirs already.
 */
export function heldByNoOne(state: Pick<WizardState, 'reveal' | 'rotation' | 'secretGenerated' | 'result'>): boolean {
  return state.result !== undefined && state.secretGenerated && newKeyUnseen(state);
}

/** The keys that take the key off the panel: the rotation's questions offer them too. */
export function takingKeys(when: (s: StateAt<'reveal'>) => boolean, short: boolean): Binding<StateAt<'reveal'>>[] {
  const what = short ? '' : ' the key';
  return [
    {
      keys: ['r'],
      label: (s) => (s.reveal.shown ? `hide${what}` : `show${what}`),
      said: short ? 'shows it' : undefined,
      when,
      intent: action('show'),
    },
    { keys: ['c'], label: 'copy', said: 'copies it', when, intent: action('copy') },
    { keys: ['h'], label: 'hand off', said: 'hands it off', when, intent: action('handoff') },
  ];
}

/** The panel's own keys, and the "have you saved it?" question (a rotation adds its own: steps/rotation.ts). */
export const REVEAL_KEYS: readonly Binding<StateAt<'reveal'>>[] = [
  ...takingKeys(alone, false),
  { keys: ['q'], label: 'leave', when: alone, intent: action('leave') },
  { keys: ['enter'], word: false, when: alone, intent: SUBMIT },
  // Not while no one holds the key: leaving would leave it live with its secret nowhere.
  { keys: ['y'], label: 'leave', when: (s) => asking(s) && mayLeave(s), intent: action('yes') },
  { keys: ['n'], label: 'go back to it', when: asking, intent: action('no') },
  { keys: ['d'], label: 'delete it again', when: asking, intent: action('discard') },
  { keys: ['escape'], word: false, when: asking, intent: action('no') },
];

const toLeave = (state: StateAt<'reveal'>): WizardState => ({
  ...state,
  reveal: { ...state.reveal, askingToLeave: true, shown: false },
});

export function onRevealIntent(state: StateAt<'reveal'>, intent: Intent): WizardState {
  const { reveal, result } = state;
  if (reveal.deleting) return state;
  if (reveal.handoff) return onHandoffIntent(state, reveal.handoff, intent);
  if (reveal.askingToLeave) {
    if (intent.type !== 'action') return state;
    if (intent.name === 'yes' && mayLeave(state)) {
      const key = result.key;
      return finish(
        state,
        'done',
        0,
        `Key '${key.name}' is ready (hint ${key.hint}, expires ${formatUtc(key.endDateTime)}).`,
      );
    }
    if (intent.name === 'no') return { ...state, reveal: { ...reveal, askingToLeave: false, askedByCtrlC: false } };
    if (intent.name === 'discard') return deleteAgain(state, false);
    return state;
  }
  if (intent.type === 'submit') return toLeave(state);
  if (intent.type !== 'action') return state;
  switch (intent.name) {
    case 'show': {
      const shown = !reveal.shown;
      // A key cut in its middle to fit is not shown: it would be counted as held, and is not.
      if (shown && !fitsWhole(state.secret, state.columns))
        return { ...state, reveal: { ...reveal, notice: tooNarrow(state.secret, state.columns) } };
      // Hiding keeps when it was shown (the key has been seen): the key is left out, not cleared.
      const notice = reveal.notice?.startsWith(TOO_NARROW) ? undefined : reveal.notice;
      return { ...state, reveal: { ...reveal, shown, notice, ...(shown ? { shownAt: state.now.getTime() } : {}) } };
    }
    case 'copy':
      return issue(
        { ...state, reveal: { ...reveal, copyMessage: 'Copying…', copying: true } },
        { kind: 'copy', secret: state.secret },
      );
    case 'handoff':
      return openHandoffMenu(state);
    case 'leave':
      return toLeave(state);
    default:
      return state;
  }
}

/**
 * Deletes the key again: asked for with d, or on the way out (a second Ctrl+C, a signal) while no
 * one holds it, which then ends cancelled.
 */
export function deleteAgain(state: StateAt<'reveal'>, leaving: boolean): WizardState {
  const reveal = { ...state.reveal, deleting: true, askingToLeave: true, shown: false };
  return issue(
    { ...state, reveal: leaving ? { ...reveal, leavingUnheld: true } : reveal },
    { kind: 'deleteKey', deployment: state.deployment, name: state.result.key.name },
  );
}
