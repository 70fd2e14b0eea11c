/**
 * The wizard as a pure function: transition(state, event) -> state. Keys arrive as tokens and
 * are applied in order, so a paste or a fast typist can never be lost or reach a stale step.
 * Each step's keys are handled in its own module (./steps); this one routes events and tokens to
 * them (how it ends when asked to: ./leaving). Work for the outside world is queued as commands that
 * the runner performs once each. Every refusal comes from src/domain, so the TUI, the plain mode
 * and the commands agree.
 */
import { answerMayBeLost } from './commands';
import { isFinished, issue } from './effects';
import type { Intent } from './intents';
import { intentsForKey } from './keymap';
import { afterTaking, onCtrlC, onDeleted, onDeleteFailed, onInterrupted } from './leaving';
import { onConsoleExtended, onConsoleExtendFailed } from './console-leaving';
import { REVEAL_SECONDS, type WizardEvent, type WizardState } from './state';
import { activeField, entryOf, keysOf } from './step-table';
import { onCreateFailed, onCreateSucceeded } from './steps/creating';
import { onDeploymentsLoaded } from './steps/choose-deployment';
import { onHandedOff } from './steps/handoff';
import { onResized } from './steps/reveal';
import { onConsoleKeys } from './steps/keys';
import { onPeeked, startFleet } from './steps/fleet';
import { lookForConsumers, onConsumersApplied, onConsumersFound, onRotationSecret } from './steps/rotation';
import { onReverified } from './steps/rotation-ending';
import { submitName } from './steps/key-name';
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
      let next: WizardState = {
        ...state,
        now: event.now,
        rows: event.rows || state.rows,
        columns: event.columns || state.columns,
      };
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
    case 'resized':
      return onResized({ ...state, rows: event.rows, columns: event.columns });
    case 'progress':
      return state.step === 'loading' ? { ...state, loadingMessage: event.message } : state;
    case 'interrupted':
      return onInterrupted(state);
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
      if (event.again) return state.step === 'reveal' ? onReverified(state, event.result) : state;
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
    case 'deleted':
      return onDeleted(state, event.outcome, event.notOurs === true);
    case 'extended':
      return state.step === 'keys' ? onConsoleExtended(state, event.key) : state;
    case 'consumersFound':
      return onConsumersFound(state, event.found);
    case 'consumersApplied':
      return onConsumersApplied(state, event.applied);
    case 'permissionsRead':
      return state.deployment?.id === event.deployment.id
        ? { ...state, permissions: { deploymentId: event.deployment.id, write: event.write, delete: event.delete } }
        : state;
    case 'extendFailed':
      return state.step === 'keys' ? onConsoleExtendFailed(state, event.problem) : state;
    case 'deleteFailed':
      return onDeleteFailed(state, event.problem.message, answerMayBeLost(event.problem));
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
