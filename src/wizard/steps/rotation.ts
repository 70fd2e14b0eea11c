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
import { issue } from '../effects';
import { action, BACK, SUBMIT, type Intent } from '../intents';
import type { Binding } from '../keymap';
import type { RotationState, StateAt, WizardState } from '../state';
import { mayLeave, newKeyUnseen, onPanel, onRevealIntent, takingKeys } from './reveal';
import { startCreate } from './review';
import { backToConsole, discardNew, endedAtConsole, retire, stop, withRotation } from './rotation-ending';

const isYes = (intent: Intent) => intent.type === 'action' && intent.name === 'yes';

/** The generated key for the rotation arrived: create it beside the old one. */
export function onRotationSecret(state: StateAt<'keys'>, secret: string): WizardState {
  return startCreate({ ...state, secret, secretGenerated: true, step: 'review', replaceConfirmed: false });
}

/** Esc after a refused create: nothing was made, so nothing is left to finish. */
export function onRotationCreateEscape(state: StateAt<'creating'>): WizardState {
  const old = state.rotation?.old.name ?? '';
  return backToConsole(state, false, `Rotation of '${old}' stopped: no new key was created, nothing changed.`);
}

const atStage = (stage: RotationState['stage']) => (s: StateAt<'reveal'>) => onPanel(s) && s.rotation?.stage === stage;

/** The rotation's keys on the reveal panel: Enter goes on, Esc stops; and its two questions. */
export const ROTATION_KEYS: readonly Binding<StateAt<'reveal'>>[] = [
  ...takingKeys(atStage('shown'), true),
  // What uses the old key here, found: a puts the new key there. No label: the panel's own line
  // offers it (where, and how long the proof takes), in both faces.
  { keys: ['a'], when: (s) => atStage('shown')(s) && consumersOffered(s), intent: action('apply') },
  { keys: ['enter'], label: 'switched', word: 'y', when: atStage('shown'), intent: SUBMIT },
  { keys: ['escape'], label: 'stop here', word: 's', when: atStage('shown'), intent: BACK },
  { keys: ['q'], word: false, when: atStage('shown'), intent: action('leave') },
  // Delete the old key though no one holds the new one? No default: Enter does nothing.
  ...takingKeys(atStage('unheld'), true),
  { keys: ['d'], label: 'delete anyway', when: atStage('unheld'), intent: action('discard') },
  { keys: ['escape'], label: 'stop here', word: 's', when: atStage('unheld'), intent: BACK },
  // Stop the rotation? y keeps both keys, d deletes the new one again, n or Esc goes back.
  // Not while no one holds the new key: a live key whose secret is nowhere cannot stay (custody).
  {
    keys: ['y'],
    label: 'stop, both keys stay',
    when: (s) => atStage('stopping')(s) && !newKeyUnseen(s),
    intent: action('yes'),
  },
  {
    keys: ['d'],
    label: (s) => `delete '${s.result.key.name}' again`,
    when: atStage('stopping'),
    intent: action('discard'),
  },
  { keys: ['n'], label: 'go back', when: atStage('stopping'), intent: action('no') },
  { keys: ['escape'], word: false, when: atStage('stopping'), intent: action('no') },
  // Could not check from here: delete the old key all the same? No default; Enter checks again.
  { keys: ['y'], label: 'delete it unchecked', when: atStage('unchecked'), intent: action('yes') },
  { keys: ['enter'], label: 'check again', word: 'c', when: atStage('unchecked'), intent: SUBMIT },
  { keys: ['escape'], label: 'stop here', word: 's', when: atStage('unchecked'), intent: BACK },
];

/** Intents on the reveal panel that belong to the rotation: Enter goes on, Esc stops. */
export function onRotationRevealIntent(state: StateAt<'reveal'>, intent: Intent): WizardState | undefined {
  const rotation = state.rotation;
  // "Have you saved the key?" y, in a rotation: left as Esc's stop leaves it, both keys named.
  if (rotation && state.reveal.askingToLeave && !state.reveal.deleting && isYes(intent) && mayLeave(state))
    return endedAtConsole(stop(state), 0);
  if (!rotation || state.reveal.handoff || state.reveal.askingToLeave) return undefined;
  if (rotation.stage === 'stopping') return onStoppingIntent(state, intent);
  if (rotation.stage === 'unheld') return onUnheldIntent(state, intent);
  if (rotation.stage === 'unchecked') return onUncheckedIntent(state, intent);
  if (rotation.stage !== 'shown') return state;
  // Nothing else while the consumers change: Enter must not retire the key they are moving off.
  if (rotation.consumers?.stage === 'applying') return state;
  if (intent.type === 'action' && intent.name === 'apply' && consumersOffered(state)) return applyToConsumers(state);
  if (intent.type === 'back') return withRotation(state, { stage: 'stopping', problem: undefined });
  if (intent.type !== 'submit') return undefined;
  // Deleting the old key while no one holds the new one's secret breaks everything for good:
  // asked first, whatever the face.
  if (newKeyUnseen(state)) return withRotation(state, { stage: 'unheld', problem: undefined });
  return checkAgain(state, false);
}

function checkAgain(state: StateAt<'reveal'>, unheldConfirmed: boolean): WizardState {
  const endpoint = state.deployment.dataplaneApiEndpoint;
  if (!endpoint) return state;
  // Deleting unchecked was said yes to: the check is not asked again, the old key goes (custody first).
  if (state.rotation?.uncheckedConfirmed) return retire({ ...state, rotation: { ...state.rotation, unheldConfirmed } });
  return issue(withRotation(state, { stage: 'reverifying', problem: undefined, unheldConfirmed }), {
    kind: 'verify',
    endpoint,
    secret: state.secret,
    again: true,
  });
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
function onUnheldIntent(state: StateAt<'reveal'>, intent: Intent): WizardState {
  if (intent.type === 'back') return withRotation(state, { stage: 'stopping' });
  if (intent.type !== 'action') return state;
  if (intent.name === 'discard') return checkAgain(state, true);
  // Taking the key first starts this try over: a yes to going on unchecked was for that try only.
  if (intent.name === 'show' || intent.name === 'copy' || intent.name === 'handoff')
    return onRevealIntent(withRotation(state, { stage: 'shown', uncheckedConfirmed: false }), intent);
  return state;
}

/**
 * "Could not check the new key from here: delete the old one all the same?" y goes on, the new key
 * said to be unchecked everywhere after; Enter checks again; Esc asks about stopping. No default.
 */
function onUncheckedIntent(state: StateAt<'reveal'>, intent: Intent): WizardState {
  if (intent.type === 'back') return withRotation(state, { stage: 'stopping', problem: undefined });
  if (intent.type === 'submit') return checkAgain(withRotation(state, { problem: undefined }), false);
  if (intent.type !== 'action' || intent.name !== 'yes') return state;
  return retire(withRotation(state, { uncheckedConfirmed: true, problem: undefined }));
}

/** "Stop the rotation?": y keeps both keys, d deletes the new one again, n or Esc goes back. */
function onStoppingIntent(state: StateAt<'reveal'>, intent: Intent): WizardState {
  if (intent.type === 'back') return withRotation(state, { stage: 'shown' });
  if (intent.type !== 'action') return state;
  if (intent.name === 'no') return withRotation(state, { stage: 'shown' });
  if (intent.name === 'yes') return newKeyUnseen(state) ? state : stop(state);
  if (intent.name === 'discard') return discardNew(state);
  return state;
}
