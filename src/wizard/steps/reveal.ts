/** The reveal panel: show or hide, copy, and leave only after "have you saved it?". */
import { formatUtc } from '../../domain/expiry';
import { finish, issue } from '../effects';
import { action, SUBMIT, type Intent } from '../intents';
import type { Binding } from '../keymap';
import { onHandoffIntent, openHandoffMenu } from './handoff';
import type { StateAt, WizardState } from '../state';

/** The panel itself is on screen: no menu, no question, nothing being deleted. */
export const onPanel = (s: StateAt<'reveal'>) => !s.reveal.handoff && !s.reveal.askingToLeave && !s.reveal.deleting;
const asking = (s: StateAt<'reveal'>) => s.reveal.askingToLeave && !s.reveal.deleting && !s.reveal.handoff;
const alone = (s: StateAt<'reveal'>) => onPanel(s) && !s.rotation;

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
  { keys: ['y'], label: 'leave', when: asking, intent: action('yes') },
  { keys: ['n'], label: 'go back to it', when: asking, intent: action('no') },
  { keys: ['d'], label: 'delete it again', when: asking, intent: action('discard') },
  { keys: ['escape'], word: false, when: asking, intent: action('no') },
];

const toLeave = (state: StateAt<'reveal'>): WizardState => ({
  ...state,
  reveal: { ...state.reveal, askingToLeave: true, shown: false },
});

export function onRevealIntent(state: StateAt<'reveal'>, intent: Intent): WizardState {
  const { reveal, result, deployment } = state;
  if (reveal.deleting) return state;
  if (reveal.handoff) return onHandoffIntent(state, reveal.handoff, intent);
  if (reveal.askingToLeave) {
    if (intent.type !== 'action') return state;
    if (intent.name === 'yes') {
      const key = result.key;
      return finish(
        state,
        'done',
        0,
        `Key '${key.name}' is ready (hint ${key.hint}, expires ${formatUtc(key.endDateTime)}).`,
      );
    }
    if (intent.name === 'no') return { ...state, reveal: { ...reveal, askingToLeave: false, askedByCtrlC: false } };
    if (intent.name === 'discard')
      return issue(
        { ...state, reveal: { ...reveal, deleting: true } },
        { kind: 'deleteKey', deployment, name: result.key.name },
      );
    return state;
  }
  if (intent.type === 'submit') return toLeave(state);
  if (intent.type !== 'action') return state;
  switch (intent.name) {
    case 'show': {
      const shown = !reveal.shown;
      // Hiding keeps when it was shown (the key has been seen): the key is left out, not cleared.
      return { ...state, reveal: { ...reveal, shown, ...(shown ? { shownAt: state.now.getTime() } : {}) } };
    }
    case 'copy':
      return issue(
        { ...state, reveal: { ...reveal, copyMessage: 'Copying…' } },
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
