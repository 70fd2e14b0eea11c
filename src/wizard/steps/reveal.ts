/** The reveal panel: show or hide, copy, and leave only after "have you saved it?". */
import { formatUtc } from '../../domain/expiry';
import { finish, issue } from '../effects';
import { onHandoffToken, openHandoffMenu } from './handoff';
import type { Token } from '../tokens';
import type { StateAt, WizardState } from '../state';

export function onRevealToken(state: StateAt<'reveal'>, token: Token): WizardState {
  const { reveal, result, deployment } = state;
  if (reveal.deleting) return state;
  if (reveal.handoff) return onHandoffToken(state, reveal.handoff, token);
  if (reveal.askingToLeave) {
    if (token.kind !== 'char' && token.kind !== 'escape') return state;
    const answer = token.kind === 'escape' ? 'n' : token.ch.toLowerCase();
    if (answer === 'y') {
      const key = result.key;
      return finish(
        state,
        'done',
        0,
        `Key '${key.name}' is ready (hint ${key.hint}, expires ${formatUtc(key.endDateTime)}).`,
      );
    }
    if (answer === 'n') return { ...state, reveal: { ...reveal, askingToLeave: false, askedByCtrlC: false } };
    if (answer === 'd')
      return issue(
        { ...state, reveal: { ...reveal, deleting: true } },
        { kind: 'deleteKey', deployment, name: result.key.name },
      );
    return state;
  }
  if (token.kind === 'char') {
    const ch = token.ch.toLowerCase();
    if (ch === 'r') {
      const shown = !reveal.shown;
      return { ...state, reveal: { ...reveal, shown, ...(shown ? { shownAt: state.now.getTime() } : {}) } };
    }
    if (ch === 'c')
      return issue(
        { ...state, reveal: { ...reveal, copyMessage: 'Copying…' } },
        { kind: 'copy', secret: state.secret },
      );
    if (ch === 'h') return openHandoffMenu(state);
    if (ch === 'q') return { ...state, reveal: { ...reveal, askingToLeave: true, shown: false } };
  }
  if (token.kind === 'enter') return { ...state, reveal: { ...reveal, askingToLeave: true, shown: false } };
  return state;
}
