/**
 * Rotation in screens, after the console's r: the new key is created by the usual create and
 * shown on the reveal panel, which then also says what is left — hand it off (h), switch the
 * integrations, press Enter — and Enter checks the new key again and deletes the old one. While
 * the new key's secret is held nowhere (never shown, copied or handed off), Enter asks first and
 * only an explicit d deletes the old key. Esc stops at any point after the new key exists and
 * leaves both keys, naming the command that finishes the job. Where the command line gave it a
 * way to the consumers, the panel looks for what uses the old key here (NLK releases of the
 * current kube context, nginx-asg-sync on this machine) and a applies the new key there, proven
 * or rolled back, before Enter retires the old one.
 */
import type { ConsumersApplied, FoundConsumer } from '../../port/consumers';
import type { VerifyResult } from '../../port/gateway';
import { commandFor, issue } from '../effects';
import type { Token } from '../tokens';
import type { Bound, RotationState, StateAt, WizardState } from '../state';
import { finishRotationCommand, reloadKeys } from './keys';
import { onRevealToken } from './reveal';
import { startCreate } from './review';

function withRotation<S extends WizardState>(state: S, change: Partial<RotationState>): S {
  return state.rotation ? { ...state, rotation: { ...state.rotation, ...change } } : state;
}

/** The generated key for the rotation arrived: create it beside the old one. */
export function onRotationSecret(state: StateAt<'keys'>, secret: string): WizardState {
  return startCreate({ ...state, secret, secretGenerated: true, step: 'review', replaceConfirmed: false });
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

/** Esc after a refused create: nothing was made, so nothing is left to finish. */
export function onRotationCreateEscape(state: StateAt<'creating'>): WizardState {
  const old = state.rotation?.old.name ?? '';
  return backToConsole(state, false, `Rotation of '${old}' stopped: no new key was created, nothing changed.`);
}

/** Keys of the reveal panel that belong to the rotation: Enter goes on, Esc stops. */
export function onRotationRevealToken(state: StateAt<'reveal'>, token: Token): WizardState | undefined {
  const rotation = state.rotation;
  if (!rotation || state.reveal.handoff || state.reveal.askingToLeave) return undefined;
  if (rotation.stage === 'stopping') return onStoppingToken(state, token);
  if (rotation.stage === 'unheld') return onUnheldToken(state, token);
  if (rotation.stage !== 'shown') return state;
  // Nothing else while the consumers change: Enter must not retire the key they are moving off.
  if (rotation.consumers?.stage === 'applying') return state;
  if (token.kind === 'char' && token.ch.toLowerCase() === 'a' && consumersOffered(state))
    return applyToConsumers(state);
  if (token.kind === 'escape') return withRotation(state, { stage: 'stopping', problem: undefined });
  if (token.kind !== 'enter') return undefined;
  // Deleting the old key while no one holds the new one's secret breaks everything for good:
  // asked first, whatever the face.
  if (newKeyUnseen(state)) return withRotation(state, { stage: 'unheld', problem: undefined });
  return checkAgain(state, false);
}

function checkAgain(state: StateAt<'reveal'>, unheldConfirmed: boolean): WizardState {
  const endpoint = state.deployment.dataplaneApiEndpoint;
  if (!endpoint) return state;
  return issue(withRotation(state, { stage: 'reverifying', problem: undefined, unheldConfirmed }), {
    kind: 'verify',
    endpoint,
    secret: state.secret,
    again: true,
  });
}

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

/** The new key is shown: look for what uses the old one, where the command line gave a way. */
export function lookForConsumers(state: WizardState): WizardState {
  const rotation = state.rotation;
  if (!state.preset.consumers || !rotation || !state.deployment) return state;
  return issue(withRotation(state, { consumers: { stage: 'looking', found: [] } }), {
    kind: 'findConsumers',
    deployment: state.deployment,
    old: rotation.old,
  });
}

export function onConsumersFound(state: WizardState, found: FoundConsumer[]): WizardState {
  if (state.rotation?.consumers?.stage !== 'looking') return state;
  return withRotation(state, { consumers: { stage: 'found', found } });
}

/** a applies: to what was found, or again after a failure rolled everything back. */
export function consumersOffered(state: Pick<WizardState, 'rotation'>): boolean {
  const consumers = state.rotation?.consumers;
  if (!consumers || consumers.found.length === 0) return false;
  return consumers.stage === 'found' || (consumers.stage === 'applied' && consumers.applied?.holding.length === 0);
}

function applyToConsumers(state: StateAt<'reveal'>): WizardState {
  const rotation = state.rotation;
  const consumers = rotation?.consumers;
  if (!rotation || !consumers) return state;
  return issue(withRotation(state, { problem: undefined, consumers: { stage: 'applying', found: consumers.found } }), {
    kind: 'applyConsumers',
    deployment: state.deployment,
    old: rotation.old,
    found: consumers.found,
    fresh: { name: state.result.key.name, secret: state.secret },
  });
}

export function onConsumersApplied(state: WizardState, applied: ConsumersApplied): WizardState {
  const consumers = state.rotation?.consumers;
  if (consumers?.stage !== 'applying') return state;
  return withRotation(state, { consumers: { stage: 'applied', found: consumers.found, applied } });
}

/**
 * "Delete the old key though the new one is held nowhere?" has no default: Enter does nothing.
 * r, c and h take the new key (back on the panel); only d deletes anyway; Esc asks about stopping.
 */
function onUnheldToken(state: StateAt<'reveal'>, token: Token): WizardState {
  if (token.kind === 'escape') return withRotation(state, { stage: 'stopping' });
  if (token.kind !== 'char') return state;
  const answer = token.ch.toLowerCase();
  if (answer === 'd') return checkAgain(state, true);
  if (answer === 'r' || answer === 'c' || answer === 'h')
    return onRevealToken(withRotation(state, { stage: 'shown' }), token);
  return state;
}

/** "Stop the rotation?": y keeps both keys, d deletes the new one again, n or Esc goes back. */
function onStoppingToken(state: StateAt<'reveal'>, token: Token): WizardState {
  if (token.kind === 'escape') return withRotation(state, { stage: 'shown' });
  if (token.kind !== 'char') return state;
  const answer = token.ch.toLowerCase();
  if (answer === 'n') return withRotation(state, { stage: 'shown' });
  if (answer === 'y') return stop(state);
  if (answer === 'd')
    return issue(withRotation(state, { stage: 'discarding' }), {
      kind: 'deleteKey',
      deployment: state.deployment,
      name: state.result.key.name,
    });
  return state;
}

function stop(state: StateAt<'reveal'>): WizardState {
  const rotation = state.rotation;
  if (!rotation) return state;
  const fresh = state.result.key.name;
  const changes = [...state.changes, `Created key '${fresh}' beside '${rotation.old.name}' (rotation stopped).`];
  const unheld = newKeyUnseen(state) ? ` '${fresh}' was never shown, copied or handed off.` : '';
  return backToConsole(
    { ...state, changes },
    false,
    `Rotation stopped: both keys stay, '${rotation.old.name}' and the new '${fresh}'.${unheld} Once nothing uses '${rotation.old.name}': ${finishRotationCommand(state)}`,
  );
}

/** The new key deleted again after "Stop the rotation?" d: the deployment is as it was. */
export function onDiscarded(state: StateAt<'reveal'>, outcome: 'deleted' | 'absent'): WizardState {
  const old = state.rotation?.old.name ?? '';
  const fresh = state.result.key.name;
  const gone = outcome === 'deleted' ? `'${fresh}' deleted again` : `'${fresh}' was already gone`;
  return backToConsole(state, false, `Rotation stopped: ${gone}; '${old}' stays as it was.`);
}

export function onDiscardFailed(state: StateAt<'reveal'>, problem: string): WizardState {
  const rotation = state.rotation;
  if (!rotation) return state;
  const fresh = state.result.key.name;
  const changes = [...state.changes, `Created key '${fresh}' beside '${rotation.old.name}' (rotation stopped).`];
  return backToConsole(
    { ...state, changes },
    false,
    `Rotation stopped, but '${fresh}' could not be deleted (${problem}): both keys stay. Delete it with: ${commandFor(state, 'delete', fresh)}`,
  );
}

/** The second check, after the switch: if the dataplane takes the new key, the old one goes. */
export function onReverified(state: StateAt<'reveal'>, result: VerifyResult): WizardState {
  const rotation = state.rotation;
  if (!rotation || rotation.stage !== 'reverifying') return state;
  if (!result.ok)
    return withRotation(state, {
      stage: 'shown',
      unheldConfirmed: false,
      problem: `The dataplane did not take '${state.name}' (${result.message}): both keys stay. Enter checks again · Esc stops here`,
    });
  // The one place the old key is deleted: never while the new one is held nowhere, unless d said so.
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
  const changes = [...state.changes, `Rotated: created key '${fresh}', ${gone}.${unheld}`];
  return backToConsole({ ...state, changes }, !unheld, `Rotated: the dataplane takes '${fresh}'; ${gone}.${unheld}`);
}

export function onRetireFailed(state: StateAt<'reveal'>, problem: string): WizardState {
  return withRotation(state, {
    stage: 'shown',
    unheldConfirmed: false,
    problem: `Could not delete '${state.rotation?.old.name ?? ''}': ${problem}. Both keys stay; Enter tries again, or later: ${finishRotationCommand(state)}`,
  });
}
