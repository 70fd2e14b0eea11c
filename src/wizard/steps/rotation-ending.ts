/**
 * How a rotation ends: the second check and the old key's DELETE (retire), a stop with both keys,
 * the new key deleted again, or the run asked to stop while one of these was under way. Each ends
 * back on the key console, with what happened in one line (or as the run's last words).
 */
import { formatUtc } from '../../domain/expiry';
import { couldNotCheck } from '../../domain/reach';
import type { VerifyResult } from '../../port/gateway';
import { commandFor, finish, issue } from '../effects';
import type { Bound, RotationState, StateAt, WizardState } from '../state';
import { finishRotationCommand, reloadKeys } from './keys';
import { newKeyUnseen } from './reveal';

export function withRotation<S extends WizardState>(state: S, change: Partial<RotationState>): S {
  return state.rotation ? { ...state, rotation: { ...state.rotation, ...change } } : state;
}

/** Back to the console, the rotation over, with what happened in one line. */
export function backToConsole(state: Bound, ok: boolean, text: string): WizardState {
  return reloadKeys({
    ...state,
    step: 'keys',
    rotation: undefined,
    result: undefined,
    secret: '',
    secretGenerated: false,
    createError: undefined,
    reveal: { shown: false, askingToLeave: false, deleting: false, handedOff: [] },
    console: { cursor: 0, arriving: false, message: { ok, text } },
  });
}

/** Stopped with both keys: back to the console, with the command that finishes the job. */
export function stop(state: StateAt<'reveal'>): WizardState {
  const old = state.rotation?.old.name ?? '';
  return bothKept(
    state,
    `Rotation stopped: both keys stay, '${old}' and the new '${state.result.key.name}'. Once nothing uses '${old}', delete it:${finishRotationCommand(state)}`,
  );
}

/** Back to the console with both keys live: the new one counted among the run's changes. */
function bothKept(state: StateAt<'reveal'>, words: string): WizardState {
  const rotation = state.rotation;
  if (!rotation) return state;
  const changes = [
    ...state.changes,
    `Created key '${state.result.key.name}' beside '${rotation.old.name}' (rotation stopped).`,
  ];
  return backToConsole({ ...state, changes }, false, words);
}

/** "Stop the rotation?" d, or a stop while no one holds the new key: it is deleted again. */
export function discardNew(state: StateAt<'reveal'>, change: Partial<RotationState> = {}): WizardState {
  return issue(withRotation(state, { ...change, stage: 'discarding' }), {
    kind: 'deleteKey',
    deployment: state.deployment,
    name: state.result.key.name,
  });
}

/**
 * The run is to end (a signal) once the rotation's request in flight has answered: what it left is
 * settled the way "Stop the rotation?" would settle it. A new key no one holds is deleted again
 * (custody); otherwise both keys stay, with the command that finishes the job.
 */
export function leaveRotation(state: StateAt<'reveal'>): WizardState {
  const rotation = state.rotation;
  if (!rotation) return state;
  if (newKeyUnseen(state)) return discardNew(state, { leaving: true });
  return endedAtConsole(stop(state), 130);
}

/** A rotation's ending that went back to the console, as the run's last words instead (it was asked to stop). */
export function endedAtConsole(state: WizardState, code: number, doneMeanwhile = false): WizardState {
  const said = state.console.message?.text;
  // Asked to stop while the old key's DELETE was under way: what it did is said, then that the run stops.
  const words = said
    ? `${said}${doneMeanwhile && code !== 0 ? ' Cancelled, but only after the request under way was answered.' : ''}`
    : 'Cancelled.';
  return finish(state, code === 0 ? 'done' : 'cancelled', code, words);
}

/** What became of the old key, in words: as it was, or in doubt after its DELETE got no answer. */
function oldKeyWords(state: StateAt<'reveal'>): string {
  const old = state.rotation?.old.name ?? '';
  const doubt = state.rotation?.oldInDoubt;
  return doubt
    ? `deleting '${old}' got no answer (${doubt}): it may be gone already. Check with:${commandFor(state, 'show', old)}`
    : `'${old}' stays as it was.`;
}

/** The new key deleted again after "Stop the rotation?" d: the deployment is as it was. */
export function onDiscarded(state: StateAt<'reveal'>, outcome: 'deleted' | 'absent'): WizardState {
  const fresh = state.result.key.name;
  const gone = outcome === 'deleted' ? `'${fresh}' deleted again` : `'${fresh}' was already gone`;
  return backToConsole(state, false, `Rotation stopped: ${gone}; ${oldKeyWords(state)}`);
}

export function onDiscardFailed(state: StateAt<'reveal'>, problem: string): WizardState {
  const fresh = state.result.key.name;
  const both = state.rotation?.oldInDoubt ? `'${fresh}' stays; ${oldKeyWords(state)}` : 'both keys stay.';
  return bothKept(
    state,
    `Rotation stopped, but '${fresh}' could not be deleted (${problem}): ${both} Delete it with:${commandFor(state, 'delete', fresh)}`,
  );
}

/**
 * The run is to end, and the old key's DELETE got no answer: it may be gone. A new key no one holds
 * serves no one and is deleted again (custody); a held one stays, and the words say the old key is
 * in doubt, never that both keys stay.
 */
export function leaveRotationOldInDoubt(state: StateAt<'reveal'>, problem: string): WizardState {
  const rotation = state.rotation;
  if (!rotation) return state;
  const doubtful = withRotation(state, { oldInDoubt: problem });
  if (newKeyUnseen(state)) return discardNew(doubtful, { leaving: true });
  const fresh = state.result.key;
  const old = rotation.old.name;
  const words = `Rotation stopped: the new '${fresh.name}' stays (hint ${fresh.hint}); ${oldKeyWords(doubtful)}If '${old}' is still there, delete it once nothing uses it:${finishRotationCommand(state)}`;
  return endedAtConsole(bothKept(doubtful, words), 130);
}

/** The second check, after the switch: if the dataplane takes the new key, the old one goes. */
export function onReverified(state: StateAt<'reveal'>, result: VerifyResult): WizardState {
  const rotation = state.rotation;
  if (!rotation || rotation.stage !== 'reverifying') return state;
  // Asked to stop meanwhile: the old key is not deleted now; the rotation is left as Esc would.
  if (rotation.leaving) return leaveRotation(state);
  // Could not ask from here (a private deployment, a machine outside its network): the user may go on.
  if (!result.ok && result.unreachable)
    return withRotation(state, {
      stage: 'unchecked',
      problem: couldNotCheck(`'${state.result.key.name}'`, result.unreachable),
    });
  if (!result.ok)
    return withRotation(state, {
      stage: 'shown',
      unheldConfirmed: false,
      problem: `The dataplane refused '${state.result.key.name}': ${result.message}. Both keys stay: Enter checks again, Esc stops here.`,
    });
  return retire(state);
}

/** The one place the old key is deleted: never while the new one is held nowhere, unless d said so. */
export function retire(state: StateAt<'reveal'>): WizardState {
  const rotation = state.rotation;
  if (!rotation) return state;
  if (newKeyUnseen(state) && rotation.unheldConfirmed !== true) return withRotation(state, { stage: 'unheld' });
  return issue(withRotation(state, { stage: 'retiring' }), {
    kind: 'deleteKey',
    deployment: state.deployment,
    name: rotation.old.name,
    purpose: 'rotate-retire',
  });
}

/** What the rotation did, in words: "in use" only of what was checked (the dataplane took the key). */
export function onRetired(state: StateAt<'reveal'>, outcome: 'deleted' | 'absent'): WizardState {
  const old = state.rotation?.old.name ?? '';
  const fresh = state.result.key.name;
  const gone = outcome === 'deleted' ? `'${old}' deleted` : `'${old}' was already gone`;
  const unheld = newKeyUnseen(state)
    ? ` '${fresh}' was never shown, copied or handed off: no one holds its secret.`
    : '';
  const unchecked = state.rotation?.uncheckedConfirmed === true;
  const checked = unchecked
    ? `Rotated: ${gone}; '${fresh}' was not checked, since the dataplane could not be asked from here.`
    : `Rotated: the dataplane takes '${fresh}'; ${gone}.`;
  const changes = [
    ...state.changes,
    `Rotated: created key '${fresh}', ${gone}${unchecked ? `; '${fresh}' was not checked on the dataplane` : ''}.${unheld}`,
  ];
  return backToConsole({ ...state, changes }, !unheld && !unchecked, `${checked}${unheld}`);
}

/** `mayBeDone`: no answer came (a reset, a timeout, a 5xx): the old key may be gone already. */
export function onRetireFailed(state: StateAt<'reveal'>, problem: string, mayBeDone = false): WizardState {
  const old = state.rotation?.old.name ?? '';
  return withRotation(state, {
    stage: 'shown',
    unheldConfirmed: false,
    problem: mayBeDone
      ? `Deleting '${old}' got no answer (${problem}): it may be gone already. Check with:${commandFor(state, 'show', old)}Enter tries again (a key already gone is said so), or later:${finishRotationCommand(state)}`
      : `Could not delete '${old}': ${problem}. Both keys stay; Enter tries again, or later:${finishRotationCommand(state)}`,
  });
}

/** A second interruption while the rotation's own DELETE is in flight: what may be left, in words. */
export function leftMidRotation(state: WizardState): WizardState | undefined {
  if (state.step !== 'reveal' || !state.rotation) return undefined;
  const fresh = state.result.key;
  const old = state.rotation.old.name;
  if (state.rotation.stage === 'retiring')
    return finish(
      state,
      'cancelled',
      130,
      `Left while the old key '${old}' was being deleted: it may or may not be gone. Check with:${commandFor(state, 'show', old)}The new key '${fresh.name}' is active (hint ${fresh.hint}, expires ${formatUtc(fresh.endDateTime)}).`,
    );
  if (state.rotation.stage !== 'discarding') return undefined;
  // After the old key's DELETE got no answer, it is not said to stay.
  const oldKept = state.rotation.oldInDoubt
    ? `'${old}' may be gone already: deleting it got no answer (${state.rotation.oldInDoubt}).`
    : `'${old}' stays as it was.`;
  return finish(
    state,
    'cancelled',
    130,
    `Left while the new key '${fresh.name}' was being deleted again: it may still be active. Check with:${commandFor(state, 'show', fresh.name)}if it is there, delete it:${commandFor(state, 'delete', fresh.name)}${oldKept}`,
  );
}
