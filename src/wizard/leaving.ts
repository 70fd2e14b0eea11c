/**
 * How the wizard ends when it is asked to: Ctrl+C, a signal, a DELETE on the way out. The rule is
 * custody: a generated key no one holds (never shown, copied to a system clipboard or handed off)
 * is not left live; it is deleted again first, and whatever is under way that may yet hold it (a
 * copy, a hand-off, a rotation's own request) is waited for. A second interruption leaves at once,
 * naming what may be left.
 */
import { formatUtc } from '../domain/expiry';
import { commandFor, finish } from './effects';
import type { WizardState } from './state';
import {
  doneBefore,
  holdWhileConsoleBusy,
  leftMidConsoleRequest,
  onConsoleDeleteAnswered,
  onConsoleDeleteRefused,
} from './console-leaving';
import { deleteIfMaybeMade, holdWhileCreating, mayExist } from './steps/creating';
import { deleteAgain, heldByNoOne, takingInFlight, unheldWhy } from './steps/reveal';
import { handoffUnderWay } from './steps/handoff';
import { deadVersionWords, REPLACED_GONE } from '../keys/custody';
import {
  endedAtConsole,
  leaveRotation,
  leaveRotationOldInDoubt,
  leftMidRotation,
  onDiscarded,
  onDiscardFailed,
  onRetired,
  onRetireFailed,
} from './steps/rotation-ending';

/** Said while a request under way is let finish after a first Ctrl+C or signal, in every face. */
export const FINISHING = 'Finishing the request, so that its outcome is known; Ctrl+C again leaves now.';

/** A signal (SIGTERM, SIGHUP, a closed terminal): a key being created is let finish first. */
export function onInterrupted(state: WizardState): WizardState {
  return (
    holdWhileCreating(state, 'signal') ??
    holdWhileConsoleBusy(state, 'signal') ??
    bySignal(deleteUnheldAndLeave(state)) ??
    deleteIfMaybeMade(state) ??
    leaveNow(state)
  );
}

/** Ctrl+C, at any step. */
export function onCtrlC(state: WizardState): WizardState {
  // On the reveal panel the first Ctrl+C asks whether the key was saved; the second leaves, and
  // deletes the key again first if no one holds it. Not while a rotation's own request is in
  // flight: an answer to that question would act behind the request (deleteUnheldAndLeave waits).
  if (state.step === 'reveal' && state.result && !state.reveal.askingToLeave && !rotationBusy(state)) {
    return { ...state, reveal: { ...state.reveal, askingToLeave: true, askedByCtrlC: true, shown: false } };
  }
  return (
    holdWhileCreating(state, 'key') ??
    holdWhileConsoleBusy(state, 'key') ??
    deleteUnheldAndLeave(state) ??
    deleteIfMaybeMade(state) ??
    leaveNow(state)
  );
}

const rotationBusy = (state: WizardState) =>
  state.step === 'reveal' && state.rotation !== undefined && ROTATION_BUSY.has(state.rotation.stage);

/**
 * Leaving the panel while no one holds its generated key would leave a live key whose secret is
 * nowhere (custody): it is deleted again first. Ctrl+C or a signal once more leaves at once.
 */
function deleteUnheldAndLeave(state: WizardState): WizardState | undefined {
  if (state.step !== 'reveal') return undefined;
  // The rotation's own request in flight (a check, a DELETE) is not raced by another DELETE: its
  // answer is waited for, then the run ends; a second interruption leaves at once.
  if (state.rotation && rotationBusy(state))
    return state.rotation.leaving ? undefined : { ...state, rotation: { ...state.rotation, leaving: true } };
  if (!heldByNoOne(state)) return undefined;
  // A copy or hand-off under way may yet hold it: its outcome decides (afterTaking).
  if (takingInFlight(state))
    return state.reveal.leavingUnheld
      ? undefined
      : { ...state, reveal: { ...state.reveal, leavingUnheld: true, askingToLeave: true } };
  // Its d is deleting it already: the first interruption waits for that answer, then leaves.
  if (state.reveal.deleting)
    return state.reveal.leavingUnheld ? undefined : { ...state, reveal: { ...state.reveal, leavingUnheld: true } };
  return deleteAgain(state, true);
}

/** A signal asked to stop: if that DELETE fails, the run ends all the same (nobody is there to take the key). */
function bySignal(state: WizardState | undefined): WizardState | undefined {
  return state && { ...state, reveal: { ...state.reveal, leftBySignal: true } };
}

/** A leave waited for a copy or hand-off under way: now it is known whether the key is held. */
export function afterTaking(state: WizardState): WizardState {
  if (state.step !== 'reveal' || !state.reveal.leavingUnheld || state.reveal.deleting || takingInFlight(state))
    return state;
  return heldByNoOne(state) ? deleteAgain(state, true) : leaveNow(state);
}

/** After the rotation's request in flight answered: where a signal asked to stop, the run ends there. */
function leftAfter(before: WizardState, after: WizardState, code: number, doneMeanwhile = false): WizardState {
  return before.rotation?.leaving && after.step === 'keys' ? endedAtConsole(after, code, doneMeanwhile) : after;
}

const ROTATION_BUSY: ReadonlySet<string> = new Set(['creating', 'reverifying', 'retiring', 'discarding']);

/** Leaves at once with 130, saying what became of the key. */
function leaveNow(state: WizardState): WizardState {
  // A second interruption while the console's or a rotation's own request is in flight.
  const midRequest = leftMidConsoleRequest(state) ?? leftMidRotation(state);
  if (midRequest) return midRequest;
  if (state.step === 'creating' && (!state.createError || state.createError.uncertain)) {
    return finish(state, 'cancelled', 130, `Cancelled while the key was being created. ${mayExist(state)}`);
  }
  if (state.result && state.reveal.deleting) {
    const key = state.result.key;
    const unheld = state.reveal.leavingUnheld ? ', and no one holds its secret' : '';
    return finish(
      state,
      'cancelled',
      130,
      `Left while key '${key.name}' was being deleted again: it may still be active${unheld}. Check with:${commandFor(state, 'show', key.name)}if it is there, delete it:${commandFor(state, 'delete', key.name)}`,
    );
  }
  // A second interruption while a copy or hand-off was under way cuts it short: no one is known to
  // hold the key, and the command line deletes it again once the face is gone (cli/wizard-custody.ts).
  if (state.result && state.reveal.leavingUnheld && takingInFlight(state) && heldByNoOne(state)) {
    const cut = handoffUnderWay(state)?.words ?? 'the clipboard';
    return finish(
      state,
      'cancelled',
      130,
      `Left while key '${state.result.key.name}' was being handed to ${cut}, cut short by a second interruption: no one is known to hold its secret, so it is being deleted again.`,
    );
  }
  if (state.result) {
    const key = state.result.key;
    return finish(
      state,
      'cancelled',
      130,
      `Key '${key.name}' was created and is active (hint ${key.hint}, expires ${formatUtc(key.endDateTime)}). If you did not save it, delete it:${commandFor(state, 'delete', key.name)}`,
    );
  }
  // The key console may have changed Azure before Ctrl+C: say what, not "nothing".
  const before = doneBefore(state);
  return finish(state, 'cancelled', 130, before ? `Cancelled. ${before}` : 'Cancelled. Nothing was created.');
}

/** A DELETE answered: whose it was (the console's, a rotation's, the panel's) says what comes next. */
export function onDeleted(state: WizardState, outcome: 'deleted' | 'absent', notOurs = false): WizardState {
  if (state.step === 'keys') return onConsoleDeleteAnswered(state);
  if (state.rotation?.stage === 'retiring' && state.step === 'reveal')
    return leftAfter(state, onRetired(state, outcome), 130, true);
  if (state.rotation?.stage === 'discarding' && state.step === 'reveal')
    return leftAfter(state, onDiscarded(state, outcome), 130);
  // The DELETE has answered: nothing is under way any more (the closing settle reads this).
  state = { ...state, reveal: { ...state.reveal, deleting: false } };
  // After a REPLACE the old key was gone already: deleting the new one leaves no key of that name.
  const replaced = state.result?.created === false;
  const unheld = state.reveal.leavingUnheld === true;
  const why = unheld ? `because no one held it (${unheldWhy(state)})` : 'as asked';
  const dead = deadVersionWords(state.reveal.vaultsInDoubt ?? []);
  // Left while it was not known whether Azure made it: now it is known.
  if (state.step === 'creating')
    return finish(
      state,
      'cancelled',
      130,
      notOurs
        ? `A key '${state.name}' is there, but not the one this run sent (another hint or expiry): someone else's, left alone. This run's key is not there.`
        : outcome === 'deleted'
          ? `Azure had created key '${state.name}', and no one held its value: deleted again, nothing is left behind.`
          : `Azure had not created key '${state.name}': nothing is left behind.`,
    );
  const words =
    outcome !== 'deleted'
      ? `Key '${state.name}' was already gone.`
      : replaced
        ? `Deleted key '${state.name}', ${why}.${REPLACED_GONE}${dead}`
        : `Deleted key '${state.name}' again, ${why}${dead ? `.${dead}` : ': nothing is left behind.'}`;
  return unheld ? finish(state, 'cancelled', 130, words) : finish(state, 'done', 0, words);
}

/** A DELETE failed: the console's and a rotation's say so in place; a key no one holds is not dropped. */
export function onDeleteFailed(state: WizardState, problem: string, mayBeDone = false): WizardState {
  if (state.step === 'keys') return onConsoleDeleteRefused(state, problem, mayBeDone);
  if (state.rotation?.stage === 'retiring' && state.step === 'reveal') {
    const failed = onRetireFailed(state, problem, mayBeDone);
    if (!state.rotation.leaving || failed.step !== 'reveal') return failed;
    return mayBeDone ? leaveRotationOldInDoubt(failed, problem) : leaveRotation(failed);
  }
  if (state.rotation?.stage === 'discarding' && state.step === 'reveal')
    return leftAfter(state, onDiscardFailed(state, problem), 1);
  state = { ...state, reveal: { ...state.reveal, deleting: false } };
  if (state.step === 'creating')
    return finish(state, 'cancelled', 130, `Could not delete it again (${problem}). ${mayExist(state)}`);
  // No one holds it: ending now would throw its only copy away. Back to the panel, to take it.
  if (state.step === 'reveal' && heldByNoOne(state) && !state.reveal.leftBySignal)
    return {
      ...state,
      reveal: {
        ...state.reveal,
        deleting: false,
        leavingUnheld: false,
        askingToLeave: false,
        askedByCtrlC: false,
        notice: `Could not delete key '${state.name}' again: ${problem}. It is still active and no one holds it: take it now (r, c or h), or try d again.`,
      },
    };
  return finish(
    state,
    'done',
    1,
    `Could not delete key '${state.name}': ${problem}. It is still active${state.reveal.leavingUnheld ? ', and no one holds its secret' : ''}; delete it with:${commandFor(state, 'delete', state.name)}`,
  );
}
