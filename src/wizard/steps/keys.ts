/**
 * The key console: a deployment's keys, soonest expiry first. ↑↓ PgUp PgDn Home End move, n a new key (the usual
 * steps), r rotates the selected key, d deletes it once its name is typed, e gives it a new expiry
 * (steps/extend.ts), Esc goes back to the
 * deployments, q leaves. A deployment without keys goes straight on to naming a new one.
 */
import { expiryCounts } from '../../domain/readiness';
import type { ApiKey, Deployment } from '../../port/gateway';
import { commandFor, finish, issue } from '../effects';
import { withMarks } from '../fleet-marks';
import { edit } from '../line-edit';
import { movedCursor, pageOf } from '../list-window';
import { consoleKeys, rotationPlan } from '../selectors';
import { onExtendToken, startExtend } from './extend';
import { reloadKeys, withConsole } from './console-state';

export { reloadKeys } from './console-state';
import type { Token } from '../tokens';
import type { ConsoleState, StateAt, WizardState } from '../state';

/** The keys of the chosen deployment arrived (or were read again after a change). */
export function onConsoleKeys(state: WizardState, deployment: Deployment, keys: ApiKey[]): WizardState {
  const fleet = withMarks(state.fleet, [[deployment.id, expiryCounts(keys, state.now)]]);
  if (state.step !== 'keys') return { ...state, keys, fleet };
  const next = { ...state, keys, fleet };
  const followed = consoleKeys({ keys }).findIndex((k) => k.name === state.console.follow);
  const cursor = followed >= 0 ? followed : Math.min(state.console.cursor, Math.max(0, keys.length - 1));
  if (state.console.arriving && keys.length === 0)
    return { ...next, step: 'keyName', console: { ...state.console, cursor: 0, arriving: false } };
  return { ...next, console: { ...state.console, cursor, arriving: false, follow: undefined } };
}

/** q: done with this deployment's keys; what the console changed is said again, and it is no cancel. */
function leaveConsole(state: WizardState): WizardState {
  const words = state.changes.length > 0 ? `Done: ${state.changes.join(' ')}` : 'Nothing was changed.';
  return finish(state, 'done', 0, words);
}

/** A new key from the console: the usual steps, with the name field empty. */
function newKey(state: StateAt<'keys'>): WizardState {
  return {
    ...state,
    step: 'keyName',
    name: '',
    nameError: undefined,
    console: { ...state.console, message: undefined },
  };
}

export function onConsoleToken(state: StateAt<'keys'>, token: Token): WizardState {
  const confirm = state.console.confirm;
  if (confirm) return onConfirmToken(state, confirm, token);
  if (state.console.extend) return onExtendToken(state, state.console.extend, token);
  const keys = consoleKeys(state);
  const selected = keys[state.console.cursor];
  const moved = movedCursor(token, state.console.cursor, keys.length, pageOf('console', state.rows));
  if (moved !== undefined) return withConsole(state, { cursor: moved });
  switch (token.kind) {
    case 'escape':
      return { ...state, step: 'chooseDeployment', console: { cursor: 0, arriving: false } };
    case 'char': {
      const ch = token.ch.toLowerCase();
      if (ch === 'n') return newKey(state);
      if (ch === 'q') return leaveConsole(state);
      if (ch === 'e' && selected) return startExtend(state, selected);
      if ((ch === 'r' || ch === 'd') && selected)
        return withConsole(state, {
          confirm: { kind: ch === 'r' ? 'rotate' : 'delete', key: selected, typed: '' },
          message: undefined,
        });
      return state;
    }
    default:
      return state;
  }
}

function onConfirmToken(
  state: StateAt<'keys'>,
  confirm: NonNullable<ConsoleState['confirm']>,
  token: Token,
): WizardState {
  if (confirm.working) return state;
  if (token.kind === 'escape') return withConsole(state, { confirm: undefined });
  if (confirm.kind === 'rotate') return token.kind === 'enter' ? startRotation(state, confirm.key) : state;
  const edited = edit(confirm.typed, token, state.caretBack);
  if (edited)
    return withConsole(
      { ...state, caretBack: edited.caretBack },
      { confirm: { ...confirm, typed: edited.text, error: undefined } },
    );
  if (token.kind !== 'enter') return state;
  if (confirm.typed.trim() !== confirm.key.name)
    return withConsole(state, {
      confirm: { ...confirm, error: `Type the key's name, ${confirm.key.name}, exactly; Esc keeps the key.` },
    });
  return issue(withConsole(state, { confirm: { ...confirm, working: true } }), {
    kind: 'deleteKey',
    deployment: state.deployment,
    name: confirm.key.name,
  });
}

/** The console's delete came back: say so and read the keys again. */
export function onConsoleDeleted(state: StateAt<'keys'>, outcome: 'deleted' | 'absent'): WizardState {
  const name = state.console.confirm?.key.name ?? '';
  const text =
    outcome === 'deleted'
      ? `Deleted key '${name}'. Whatever used it is refused from now on.`
      : `Key '${name}' was already gone.`;
  const changes = outcome === 'deleted' ? [...state.changes, `Deleted key '${name}'.`] : state.changes;
  return reloadKeys(withConsole({ ...state, changes }, { confirm: undefined, message: { ok: true, text } }));
}

export function onConsoleDeleteFailed(state: WizardState, problem: string): WizardState {
  const confirm = state.console.confirm;
  if (!confirm) return state;
  return withConsole(state, {
    confirm: { ...confirm, working: false, error: `Could not delete it: ${problem}. It is still active.` },
  });
}

/**
 * Rotation, first step: a generated key under the first free name (nlk-prod-2, -3…), expiring
 * after the default six months, created beside the old one by the usual create.
 */
function startRotation(state: StateAt<'keys'>, old: ApiKey): WizardState {
  const plan = rotationPlan(state, old);
  return issue(
    {
      ...state,
      name: plan.name,
      expiry: { ...state.expiry, chosen: plan.endDateTime, chosenLabel: plan.label },
      secret: '',
      secretGenerated: false,
      replaceConfirmed: false,
      result: undefined,
      createError: undefined,
      reveal: { shown: false, askingToLeave: false, deleting: false, handedOff: [] },
      rotation: { old, stage: 'creating' },
      console: { ...state.console, confirm: undefined, message: undefined },
    },
    { kind: 'generate' },
  );
}

/** The words that finish a stopped rotation by hand. */
export function finishRotationCommand(state: WizardState): string {
  return state.rotation ? commandFor(state, 'delete', state.rotation.old.name) : '';
}
