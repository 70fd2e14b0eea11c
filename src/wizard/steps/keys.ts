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
import { action, BACK, SUBMIT, type Intent } from '../intents';
import type { Binding } from '../keymap';
import { ARROWS, listRoom, moveTo, PAGING, pageOf, within } from '../list-window';
import { consoleKeys, rotationPlan } from '../selectors';
import type { Token } from '../tokens';
import type { ConsoleState, StateAt, WizardState } from '../state';
import { EXTEND_KEYS, onExtendIntent, startExtend } from './extend';
import { reloadKeys, withConsole } from './console-state';

export { reloadKeys } from './console-state';

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

const listing = (s: StateAt<'keys'>) => !s.console.confirm && !s.console.extend;
const selected = (s: StateAt<'keys'>) => listing(s) && consoleKeys(s)[s.console.cursor] !== undefined;
const asking = (kind: 'delete' | 'rotate') => (s: StateAt<'keys'>) =>
  s.console.confirm?.kind === kind && s.console.confirm.working !== true;
const moveKey = (s: StateAt<'keys'>, token?: Token) =>
  moveTo(token, s.console.cursor, consoleKeys(s).length, pageOf('console', s.rows));

/** The console's keys; while e is open, the expiry's own (steps/extend.ts). */
export const CONSOLE_KEYS: readonly Binding<StateAt<'keys'>>[] = [
  { keys: ARROWS, label: 'move', word: false, when: listing, intent: moveKey },
  {
    keys: [...PAGING, 'home', 'end'],
    label: 'page',
    word: false,
    when: listing,
    hidden: (s) => consoleKeys(s).length <= listRoom('console', s.rows),
    intent: moveKey,
  },
  { keys: ['n'], label: 'new', when: listing, intent: action('new') },
  { keys: ['r'], label: 'rotate', row: true, when: selected, intent: action('rotate') },
  { keys: ['e'], label: 'extend', row: true, when: selected, intent: action('extend') },
  { keys: ['d'], label: 'delete', row: true, when: selected, intent: action('delete') },
  { keys: ['escape'], label: 'back', when: listing, intent: BACK },
  { keys: ['q'], label: 'leave', when: listing, intent: action('leave') },
  // r's question: the plan, then Enter (y on the line face) carries it out.
  { keys: ['enter'], label: 'go on', word: 'y', when: asking('rotate'), intent: SUBMIT },
  { keys: ['escape'], label: 'back', when: asking('rotate'), intent: BACK },
  // d's question: the key's name typed into the field, then Enter.
  { keys: ['enter'], label: 'delete', word: false, when: asking('delete'), intent: SUBMIT },
  { keys: ['escape'], label: 'keep it', word: '', when: asking('delete'), intent: BACK },
  ...EXTEND_KEYS,
];

export function onConsoleIntent(state: StateAt<'keys'>, intent: Intent): WizardState {
  const confirm = state.console.confirm;
  if (confirm) return onConfirmIntent(state, confirm, intent);
  if (state.console.extend) return onExtendIntent(state, state.console.extend, intent);
  const keys = consoleKeys(state);
  const selectedKey = keys[state.console.cursor];
  switch (intent.type) {
    case 'select':
      return withConsole(state, { cursor: within(intent.index, keys.length) });
    case 'back':
      return { ...state, step: 'chooseDeployment', console: { cursor: 0, arriving: false } };
    case 'action': {
      const name = intent.name;
      if (name === 'new') return newKey(state);
      if (name === 'leave') return leaveConsole(state);
      if (name === 'extend' && selectedKey) return startExtend(state, selectedKey);
      if ((name === 'rotate' || name === 'delete') && selectedKey)
        return withConsole(state, {
          confirm: { kind: name, key: selectedKey, typed: '' },
          message: undefined,
        });
      return state;
    }
    default:
      return state;
  }
}

function onConfirmIntent(
  state: StateAt<'keys'>,
  confirm: NonNullable<ConsoleState['confirm']>,
  intent: Intent,
): WizardState {
  if (confirm.working) return state;
  if (intent.type === 'back') return withConsole(state, { confirm: undefined });
  if (confirm.kind === 'rotate') return intent.type === 'submit' ? startRotation(state, confirm.key) : state;
  if (intent.type === 'setText')
    return withConsole(
      { ...state, caretBack: intent.caretBack ?? 0 },
      { confirm: { ...confirm, typed: intent.text, error: undefined } },
    );
  if (intent.type !== 'submit') return state;
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

/**
 * The console's delete came back: say so and read the keys again. The key was on the list a moment
 * ago and the request went out, so a 204 is the retry meeting what an unanswered first try did (or
 * someone's delete just before): gone, either way, and said as deleted, as the `delete` command says it.
 */
export function onConsoleDeleted(state: StateAt<'keys'>): WizardState {
  const name = state.console.confirm?.key.name ?? '';
  const text = `Deleted key '${name}'. Whatever used it is refused from now on.`;
  const changes = [...state.changes, `Deleted key '${name}'.`];
  return reloadKeys(withConsole({ ...state, changes }, { confirm: undefined, message: { ok: true, text } }));
}

/** `mayBeDone`: no answer came (a reset, a timeout): the key may be gone already, so it is not said to be active. */
export function onConsoleDeleteFailed(state: WizardState, problem: string, mayBeDone = false): WizardState {
  const confirm = state.console.confirm;
  if (!confirm) return state;
  const error = mayBeDone
    ? `Deleting it got no answer (${problem}): it may be gone already; Enter tries again (a key already gone is said so).`
    : `Could not delete it: ${problem}. It is still active.`;
  return withConsole(state, { confirm: { ...confirm, working: false, error } });
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
