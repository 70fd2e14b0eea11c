/**
 * The wizard as a pure function: transition(state, event) -> state. Keys arrive as tokens and
 * are applied in order, so a paste or a fast typist can never be lost or reach a stale step.
 * Each step's keys are handled in its own module (./steps); this one routes events and tokens to
 * them and decides how the wizard ends. Work for the outside world is queued as commands that
 * the runner performs once each. Every refusal comes from src/domain, so the TUI, the plain mode
 * and the commands agree.
 */
import { formatUtc } from '../domain/expiry';
import { commandFor, finish, isFinished, issue } from './effects';
import type { Intent } from './intents';
import { intentsForKey } from './keymap';
import { REVEAL_SECONDS, type WizardEvent, type WizardState } from './state';
import { activeField, entryOf, keysOf } from './step-table';
import { deleteIfMaybeMade, holdWhileCreating, mayExist, onCreateFailed, onCreateSucceeded } from './steps/creating';
import { onDeploymentsLoaded } from './steps/choose-deployment';
import { onHandedOff } from './steps/handoff';
import { onConsoleDeleted, onConsoleDeleteFailed, onConsoleKeys } from './steps/keys';
import { onPeeked, startFleet } from './steps/fleet';
import { onExtended, onExtendFailed } from './steps/extend';
import {
  lookForConsumers,
  onConsumersApplied,
  onConsumersFound,
  onDiscarded,
  onDiscardFailed,
  onRetired,
  onRetireFailed,
  onReverified,
  onRotationSecret,
  endedAtConsole,
  leaveRotation,
} from './steps/rotation';
import { submitName } from './steps/key-name';
import { deleteAgain, heldByNoOne, takingInFlight, unheldWhy } from './steps/reveal';
import { onDeviceCode, onSignedIn, onSignInFailed, toSignIn } from './steps/sign-in';
import { tokensOf } from './tokens';

export { isFinished } from './effects';

export function transition(state: WizardState, event: WizardEvent): WizardState {
  if (event.type === 'historyRead')
    return state.deployment?.id === event.deploymentId
      ? { ...state, keyHistory: { deploymentId: event.deploymentId, entries: event.entries } }
      : state;
  const next = step(state, event);
  // The console's history is read again whenever its keys change: loaded, made, extended, deleted.
  const deployment = next.deployment;
  if (!next.preset.keepsHistory || !deployment || isFinished(next)) return next;
  if (next.keys === state.keys && deployment.id === state.deployment?.id) return next;
  if (!Array.isArray(next.keys)) return next;
  return issue(next, { kind: 'readHistory', deployment });
}

function step(state: WizardState, event: Exclude<WizardEvent, { type: 'historyRead' }>): WizardState {
  if (isFinished(state)) return state;
  switch (event.type) {
    case 'intent':
      return onIntent({ ...state, now: event.now }, event.intent);
    case 'input': {
      // Each key is read through the keymap of the step it reaches, so a paste or a fast typist
      // never lands on a stale step.
      let next: WizardState = { ...state, now: event.now, rows: event.rows || state.rows };
      for (const token of tokensOf(event.input, event.key)) {
        for (const intent of intentsForKey(keysOf(next), activeField(next), next, token)) {
          next = onIntent(next, intent);
          if (isFinished(next)) return next;
        }
      }
      return next;
    }
    case 'tick': {
      const reveal = state.reveal;
      const expired =
        reveal.shown && reveal.shownAt !== undefined && event.now.getTime() - reveal.shownAt >= REVEAL_SECONDS * 1000;
      return { ...state, now: event.now, reveal: expired ? { ...reveal, shown: false } : reveal };
    }
    case 'progress':
      return state.step === 'loading' ? { ...state, loadingMessage: event.message } : state;
    case 'interrupted':
      return (
        holdWhileCreating(state, 'signal') ??
        bySignal(deleteUnheldAndLeave(state)) ??
        deleteIfMaybeMade(state) ??
        leaveNow(state)
      );
    case 'deploymentsLoaded': {
      const loaded = onDeploymentsLoaded({ ...state, now: event.now }, event.discovery);
      // Marks only matter on the list: a -d that skipped it reads no other deployment's keys.
      return loaded.step === 'chooseDeployment' ? startFleet(loaded) : loaded;
    }
    case 'peeked':
      return onPeeked(state, event.results, event.answered);
    case 'deploymentsFailed':
      return toSignIn(state, event.problem) ?? { ...state, step: 'failed', failure: event.problem };
    case 'deviceCode':
      return onDeviceCode(state, {
        message: event.message,
        expiresAt: event.expiresAt,
        userCode: event.userCode,
        url: event.url,
      });
    case 'signedIn':
      return onSignedIn(state, event.authDescription, event.demoVault);
    case 'signInFailed':
      // A sign-in stopped with Esc says nothing: the screen is back on its choices already.
      return event.problem.kind === 'cancelled' ? state : onSignInFailed(state, event.problem);
    case 'signInStopped':
      return state;
    case 'keysLoaded':
    case 'keysFailed': {
      if (state.deployment?.id !== event.deployment.id) return state;
      const next: WizardState =
        event.type === 'keysLoaded'
          ? onConsoleKeys(state, event.deployment, event.keys)
          : onKeysUnread(state, event.problem.message);
      return next.nameWaiting && next.step === 'keyName' ? submitName({ ...next, nameWaiting: false }) : next;
    }
    case 'secretGenerated':
      if (state.rotation?.stage === 'creating' && state.step === 'keys') return onRotationSecret(state, event.secret);
      return state.step === 'keyValue'
        ? {
            ...state,
            secret: event.secret,
            secretGenerated: true,
            secretShown: false,
            secretError: undefined,
            step: 'review',
            replaceConfirmed: false,
          }
        : state;
    case 'createSucceeded': {
      if (state.step !== 'creating') return state;
      const created = onCreateSucceeded(state, event.result, event.now);
      return created.rotation && created.step === 'reveal' && !created.reveal.deleting
        ? lookForConsumers({ ...created, rotation: { ...created.rotation, stage: 'shown' } })
        : created.rotation
          ? { ...created, rotation: { ...created.rotation, stage: 'shown' } }
          : created;
    }
    case 'createFailed':
      return state.step === 'creating' ? onCreateFailed(state, event.problem) : state;
    case 'verified':
      if (event.again) {
        if (state.step !== 'reveal') return state;
        // Asked to stop meanwhile: the old key is not deleted now; the rotation is left as Esc would.
        if (state.rotation?.leaving && state.rotation.stage === 'reverifying') return leaveRotation(state);
        return onReverified(state, event.result);
      }
      return { ...state, reveal: { ...state.reveal, verify: event.result } };
    case 'handedOff':
      return afterTaking(onHandedOff(state, event.result));
    case 'copied':
      if (state.step === 'signIn' && state.signIn)
        return { ...state, signIn: { ...state.signIn, copyMessage: event.message } };
      return afterTaking({
        ...state,
        reveal: {
          ...state.reveal,
          copyMessage: event.message,
          copied: state.reveal.copied === true || event.ok,
          copiedUnsure: state.reveal.copiedUnsure === true || event.unsure === true,
          copying: false,
        },
      });
    case 'deleted': {
      if (state.step === 'keys') return onConsoleDeleted(state, event.outcome);
      if (state.rotation?.stage === 'retiring' && state.step === 'reveal')
        return leftAfter(state, onRetired(state, event.outcome), 130);
      if (state.rotation?.stage === 'discarding' && state.step === 'reveal')
        return leftAfter(state, onDiscarded(state, event.outcome), 130);
      // After a REPLACE the old key was gone already: deleting the new one leaves no key of that name.
      const replaced = state.result?.created === false;
      const unheld = state.reveal.leavingUnheld === true;
      const why = unheld ? `because no one held it (${unheldWhy(state)})` : 'as asked';
      // Left while it was not known whether Azure made it: now it is known.
      if (state.step === 'creating')
        return finish(
          state,
          'cancelled',
          130,
          event.outcome === 'deleted'
            ? `Azure had created key '${state.name}', and no one held its value: deleted again, nothing is left behind.`
            : `Azure had not created key '${state.name}': nothing is left behind.`,
        );
      const words =
        event.outcome !== 'deleted'
          ? `Key '${state.name}' was already gone.`
          : replaced
            ? `Deleted key '${state.name}', ${why}. The key it replaced was already gone: no key of that name is left, and whatever used it is refused.`
            : `Deleted key '${state.name}' again, ${why}: nothing is left behind.`;
      return unheld ? finish(state, 'cancelled', 130, words) : finish(state, 'done', 0, words);
    }
    case 'extended':
      return state.step === 'keys' ? onExtended(state, event.key) : state;
    case 'consumersFound':
      return onConsumersFound(state, event.found);
    case 'consumersApplied':
      return onConsumersApplied(state, event.applied);
    case 'permissionsRead':
      return state.deployment?.id === event.deployment.id
        ? { ...state, permissions: { deploymentId: event.deployment.id, write: event.write, delete: event.delete } }
        : state;
    case 'extendFailed':
      return state.step === 'keys' ? onExtendFailed(state, event.problem) : state;
    case 'deleteFailed':
      if (state.step === 'keys') return onConsoleDeleteFailed(state, event.problem.message);
      if (state.rotation?.stage === 'retiring' && state.step === 'reveal') {
        const failed = onRetireFailed(state, event.problem.message);
        return state.rotation.leaving && failed.step === 'reveal' ? leaveRotation(failed) : failed;
      }
      if (state.rotation?.stage === 'discarding' && state.step === 'reveal')
        return leftAfter(state, onDiscardFailed(state, event.problem.message), 1);
      if (state.step === 'creating')
        return finish(
          state,
          'cancelled',
          130,
          `Could not delete it again (${event.problem.message}). ${mayExist(state)}`,
        );
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
            notice: `Could not delete key '${state.name}' again: ${event.problem.message}. It is still active and no one holds it: take it now (r, c or h), or try d again.`,
          },
        };
      return finish(
        state,
        'done',
        1,
        `Could not delete key '${state.name}': ${event.problem.message}. It is still active${state.reveal.leavingUnheld ? ', and no one holds its secret' : ''}; delete it with:${commandFor(state, 'delete', state.name)}`,
      );
  }
}

/** The keys could not be read. The console cannot list what it cannot read: on to naming, which says why. */
function onKeysUnread(state: WizardState, problem: string): WizardState {
  const keys = { error: problem };
  if (state.step === 'keys' && state.console.arriving)
    return { ...state, keys, step: 'keyName', console: { ...state.console, arriving: false } };
  return { ...state, keys };
}

/** An intent at the step the wizard is on: Ctrl+C's cancel is the same everywhere, the rest the step's own. */
function onIntent(state: WizardState, intent: Intent): WizardState {
  if (intent.type === 'cancel') return onCtrlC(state);
  const field = activeField(state);
  // Text meant for a field the step no longer has (an answer to an older question) changes nothing.
  if (intent.type === 'setText' && field?.name !== intent.field) return state;
  const next = entryOf(state).on(state as never, intent);
  // A field entered anew starts with the caret after its text.
  return activeField(next)?.name === field?.name ? next : { ...next, caretBack: 0 };
}

function onCtrlC(state: WizardState): WizardState {
  // On the reveal panel the first Ctrl+C asks whether the key was saved; the second leaves, and
  // deletes the key again first if no one holds it.
  if (state.step === 'reveal' && state.result && !state.reveal.askingToLeave) {
    return { ...state, reveal: { ...state.reveal, askingToLeave: true, askedByCtrlC: true, shown: false } };
  }
  return holdWhileCreating(state, 'key') ?? deleteUnheldAndLeave(state) ?? deleteIfMaybeMade(state) ?? leaveNow(state);
}

/**
 * Leaving the panel while no one holds its generated key would leave a live key whose secret is
 * nowhere (custody): it is deleted again first. Ctrl+C or a signal once more leaves at once.
 */
function deleteUnheldAndLeave(state: WizardState): WizardState | undefined {
  if (state.step !== 'reveal') return undefined;
  // The rotation's own request in flight (a check, a DELETE) is not raced by another DELETE: its
  // answer is waited for, then the run ends; a second interruption leaves at once.
  if (state.rotation && ROTATION_BUSY.has(state.rotation.stage))
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
function afterTaking(state: WizardState): WizardState {
  if (state.step !== 'reveal' || !state.reveal.leavingUnheld || state.reveal.deleting || takingInFlight(state))
    return state;
  return heldByNoOne(state) ? deleteAgain(state, true) : leaveNow(state);
}

/** After the rotation's request in flight answered: where a signal asked to stop, the run ends there. */
function leftAfter(before: WizardState, after: WizardState, code: number): WizardState {
  return before.rotation?.leaving && after.step === 'keys' ? endedAtConsole(after, code) : after;
}

const ROTATION_BUSY: ReadonlySet<string> = new Set(['creating', 'reverifying', 'retiring', 'discarding']);

/** Leaves at once with 130, saying what became of the key. */
function leaveNow(state: WizardState): WizardState {
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
  const before = state.changes.length > 0 ? `Cancelled. Done before that: ${state.changes.join(' ')}` : undefined;
  return finish(state, 'cancelled', 130, before ?? 'Cancelled. Nothing was created.');
}
