/**
 * Creating the key. While the request is in flight only Ctrl+C counts: the first lets the request
 * finish so that its outcome is known (a GET right after abandoning it could prove nothing), the
 * second leaves at once. After a failure, r sends the same key again — safe, and never mistaken for
 * a stranger's key — and Esc goes back to edit, unless the key may exist (then its value must not
 * be dropped).
 */
import { formatUtc } from '../../domain/expiry';
import type { PutKeyResult } from '../../port/gateway';
import { commandFor, finish, issue } from '../effects';
import { action, BACK, CANCEL, type Intent } from '../intents';
import type { Binding } from '../keymap';
import type { Problem, StateAt, WizardState } from '../state';
import { deleteAgain } from './reveal';
import { startCreate } from './review';
import { existingKey } from '../selectors';
import { onRotationCreateEscape } from './rotation';

// Not while leaving deletes it again: sending it anew then would race that DELETE.
const failed = (s: StateAt<'creating'>) => s.createError !== undefined && !s.reveal.leavingUnheld;
const refused = (s: StateAt<'creating'>) => failed(s) && !s.createError?.uncertain;

export const CREATING_KEYS: readonly Binding<StateAt<'creating'>>[] = [
  {
    keys: ['r'],
    label: (s) => (s.createError?.uncertain ? 'send it again' : 'retry'),
    when: failed,
    intent: action('retry'),
  },
  { keys: ['escape'], label: 'back to edit', when: refused, intent: BACK },
  { keys: ['ctrlC'], label: 'quit', word: 'q', when: failed, intent: CANCEL },
];

export function onCreatingIntent(state: StateAt<'creating'>, intent: Intent): WizardState {
  if (!state.createError || state.reveal.leavingUnheld) return state;
  if (intent.type === 'action' && intent.name === 'retry')
    return startCreate({ ...state, step: 'review', leaving: undefined });
  if (intent.type === 'back') {
    if (state.createError.uncertain) return state;
    if (state.rotation) return onRotationCreateEscape(state);
    return { ...state, step: 'review', createError: undefined };
  }
  return state;
}

/** A first Ctrl+C or signal while the request is in flight: finish it, then leave. */
export function holdWhileCreating(state: WizardState, why: 'key' | 'signal'): WizardState | undefined {
  if (state.step !== 'creating' || state.createError || state.leaving) return undefined;
  return { ...state, leaving: why };
}

export function onCreateSucceeded(state: StateAt<'creating'>, result: PutKeyResult, now: Date): WizardState {
  const key = result.key;
  // A generated key made after a signal has left no trace but this process: it is deleted again
  // on the way out (reveal.ts). A typed one is the person's own.
  if (state.leaving === 'signal' && !state.secretGenerated) {
    return finish(
      { ...state, result },
      'cancelled',
      130,
      `Key '${key.name}' was created before the signal took effect and is active (hint ${key.hint}, expires ${formatUtc(key.endDateTime)}), with the value you typed. If it is not wanted, delete it with:${commandFor(state, 'delete', key.name)}`,
    );
  }
  const notice =
    state.leaving === 'key'
      ? 'Ctrl+C came while Azure was creating the key, and it was created: save it now, or leave with q and d to delete it.'
      : undefined;
  const next: StateAt<'reveal'> = {
    ...state,
    now,
    step: 'reveal',
    result,
    createError: undefined,
    leaving: undefined,
    reveal: {
      shown: false,
      askingToLeave: false,
      deleting: false,
      verify: 'pending',
      handedOff: [],
      notice,
    },
  };
  if (state.leaving === 'signal') return deleteAgain(next, true);
  const endpoint = state.deployment.dataplaneApiEndpoint;
  return endpoint ? issue(next, { kind: 'verify', endpoint, secret: state.secret }) : next;
}

export function onCreateFailed(state: WizardState, problem: Problem): WizardState {
  // A key of that name appeared since the keys were read: read them again, so that the review Esc
  // goes back to says REPLACE and asks for its y, rather than offering the same CREATE again.
  if (!state.leaving && problem.kind === 'alreadyExists' && state.deployment)
    return issue({ ...state, createError: problem }, { kind: 'loadKeys', deployment: state.deployment });
  if (!state.leaving) return { ...state, createError: problem };
  // A refusal from Azure is certain: nothing was created. A lost answer is not: stay, so that r can
  // send the same key again, unless a signal asked to stop.
  if (!problem.uncertain)
    return finish(state, 'cancelled', 130, `Cancelled. Nothing was created (${problem.message}).`);
  if (state.leaving === 'signal')
    return deleteIfMaybeMade({ ...state, createError: problem }) ?? finish(state, 'cancelled', 130, mayExist(state));
  return { ...state, createError: problem, leaving: undefined };
}

/**
 * Leaving while it is not known whether Azure made the key: a generated key that may be live is
 * held by no one, so it is deleted again, as the commands' closing step does. Not where the name
 * was taken at the review (the PUT may have replaced someone's key, or not), nor where the keys
 * could not be read, nor twice.
 */
export function deleteIfMaybeMade(state: WizardState): WizardState | undefined {
  if (state.step !== 'creating' || !state.createError?.uncertain || !state.secretGenerated) return undefined;
  if (state.reveal.leavingUnheld || !Array.isArray(state.keys) || existingKey(state)) return undefined;
  return issue(
    { ...state, reveal: { ...state.reveal, leavingUnheld: true } },
    { kind: 'deleteKey', deployment: state.deployment, name: state.name, onlyIfSentHere: true },
  );
}

/** The words when the wizard ends not knowing whether its key exists. */
export function mayExist(state: WizardState): string {
  return `Azure may have created key '${state.name}', and its value is not kept. Check with:${commandFor(state, 'show', state.name)}if it is there, delete it:${commandFor(state, 'delete', state.name)}`;
}
