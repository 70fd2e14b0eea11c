/** Choosing a deployment: the list arrives, the filter and the cursor move, Enter chooses. */
import type { Deployment, Discovery } from '../../port/gateway';
import { issue } from '../effects';
import { BACK, SUBMIT, type Intent } from '../intents';
import type { Binding } from '../keymap';
import { ARROWS, listRoom, moveTo, PAGING, pageOf, within } from '../list-window';
import { firstSelectable, readiness, visibleDeployments } from '../selectors';
import type { Token } from '../tokens';
import type { StateAt, WizardState } from '../state';

export function onDeploymentsLoaded(state: WizardState, discovery: Discovery): WizardState {
  const loaded: WizardState = { ...state, discovery, step: 'chooseDeployment', filter: '', cursor: 0 };
  if (discovery.deployments.length === 0) {
    const searched = discovery.searched.map((s) => s.displayName || s.subscriptionId).join(', ') || 'none';
    const problems = discovery.problems.map((p) => `${p.subscriptionId}: ${p.message}`).join('; ');
    return {
      ...loaded,
      step: 'failed',
      failure: {
        message: `No NGINXaaS deployments found. Subscriptions searched: ${searched}.${problems ? ` Problems: ${problems}.` : ''} Check that the deployment is in one of them, or ask for Reader access to it.`,
        kind: 'notFound',
      },
    };
  }
  const wanted = state.preset.deployment?.toLowerCase();
  if (wanted) {
    const matches = discovery.deployments.filter(
      (d) => d.name.toLowerCase() === wanted || d.id.toLowerCase() === wanted,
    );
    const only = matches[0];
    if (matches.length === 1 && only && readiness(loaded, only).ok) return chooseDeployment(loaded, only);
    const filter = matches.length > 0 ? (only?.name ?? '') : '';
    const list = visibleDeployments({ ...loaded, filter });
    // Say why -d did not skip the list: no such deployment, several, or one that cannot take a key.
    const ready = only ? readiness(loaded, only) : undefined;
    const listMessage =
      matches.length === 0
        ? `No deployment named '${state.preset.deployment}' was found; choose one below.`
        : matches.length > 1
          ? `${matches.length} deployments are named '${only?.name}'; choose one.`
          : ready && !ready.ok
            ? `${only?.name} cannot take a key: ${ready.reason}.`
            : undefined;
    return { ...loaded, filter, cursor: firstSelectable(loaded, list), listMessage };
  }
  const offered = lastUsedFirst(loaded, state.preset.lastUsed);
  return { ...offered, cursor: firstSelectable(offered, visibleDeployments(offered)) };
}

/** The deployment last used, first in the list (where the cursor starts when it can take a key). */
function lastUsedFirst(state: WizardState, lastUsed: string | undefined): WizardState {
  const discovery = state.discovery;
  if (!discovery || lastUsed === undefined) return state;
  const wanted = lastUsed.toLowerCase();
  const last = discovery.deployments.find((d) => d.id.toLowerCase() === wanted);
  if (!last) return state;
  const rest = discovery.deployments.filter((d) => d !== last);
  return { ...state, discovery: { ...discovery, deployments: [last, ...rest] } };
}

/**
 * On to the key console (its keys first), or straight to naming when --name asked for a new key.
 * The console moves on to naming by itself when the deployment has no keys.
 */
export function chooseDeployment(state: WizardState, deployment: WizardState['deployment'] & object): WizardState {
  const same = state.deployment?.id === deployment.id && Array.isArray(state.keys);
  const naming = state.preset.name !== undefined || (same && Array.isArray(state.keys) && state.keys.length === 0);
  const next: WizardState = {
    ...state,
    step: naming ? 'keyName' : 'keys',
    deployment,
    listMessage: undefined,
    nameError: undefined,
    console: { cursor: 0, arriving: !same },
  };
  if (same) return next;
  const loading = issue({ ...next, keys: 'loading', replaceConfirmed: false }, { kind: 'loadKeys', deployment });
  return issue({ ...loading, permissions: undefined }, { kind: 'permissions', deployment });
}

const overflowing = (s: StateAt<'chooseDeployment'>) => visibleDeployments(s).length > listRoom('deployments', s.rows);
const move = (s: StateAt<'chooseDeployment'>, token?: Token) =>
  moveTo(token, s.cursor, visibleDeployments(s).length, pageOf('deployments', s.rows));

export const CHOOSE_DEPLOYMENT_KEYS: readonly Binding<StateAt<'chooseDeployment'>>[] = [
  { keys: ARROWS, label: 'move', word: false, intent: move },
  { keys: PAGING, label: 'page', word: false, hidden: (s) => !overflowing(s), intent: move },
  { keys: ['enter'], label: 'choose', word: false, intent: SUBMIT },
  // Only a hint: '!' is typed into the filter, which then keeps the deployments marked.
  { keys: [], shown: '!', label: 'expiring only', word: false, face: 'ink', intent: [] },
  { keys: ['escape'], label: 'clear the filter', word: '', when: (s) => s.filter !== '', intent: BACK },
];

export function onListIntent(state: StateAt<'chooseDeployment'>, intent: Intent): WizardState {
  const list = visibleDeployments(state);
  switch (intent.type) {
    case 'select':
      return { ...state, listMessage: undefined, cursor: within(intent.index, list.length) };
    case 'setText': {
      const next = { ...state, filter: intent.text, caretBack: intent.caretBack ?? 0, listMessage: undefined };
      return { ...next, cursor: firstSelectable(next, visibleDeployments(next)) };
    }
    case 'back':
      return state.filter
        ? {
            ...state,
            filter: '',
            listMessage: undefined,
            cursor: firstSelectable(state, visibleDeployments({ ...state, filter: '' })),
          }
        : state;
    case 'choose':
      return take(state, list, intent.index);
    case 'submit':
      return take(state, list, state.cursor);
    default:
      return state;
  }
}

function take(state: StateAt<'chooseDeployment'>, list: Deployment[], index: number): WizardState {
  const chosen = list[index];
  const at = { ...state, cursor: index < list.length ? index : state.cursor };
  if (!chosen) return { ...at, listMessage: 'No deployment matches the filter; Esc clears it.' };
  const ready = readiness(state, chosen);
  if (!ready.ok) return { ...at, listMessage: `${chosen.name} cannot take a key: ${ready.reason}.` };
  return chooseDeployment(at, chosen);
}
