/** Choosing a deployment: the list arrives, the filter and the cursor move, Enter chooses. */
import type { Discovery } from '../../port/gateway';
import { issue } from '../effects';
import { edit } from '../line-edit';
import { movedCursor, pageOf } from '../list-window';
import { firstSelectable, readiness, visibleDeployments } from '../selectors';
import type { Token } from '../tokens';
import type { WizardState } from '../state';

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
    return { ...loaded, filter, cursor: firstSelectable(loaded, list), ...(listMessage ? { listMessage } : {}) };
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

export function onListToken(state: WizardState, token: Token): WizardState {
  const list = visibleDeployments(state);
  // Home and End go to the ends of the list; the filter keeps Ctrl+A and Ctrl+E for its caret.
  const moved =
    token.kind === 'home' || token.kind === 'end'
      ? undefined
      : movedCursor(token, state.cursor, list.length, pageOf('deployments', state.rows));
  if (moved !== undefined) return { ...state, listMessage: undefined, cursor: moved };
  const edited = edit(state.filter, token, state.caretBack);
  if (edited) {
    const next = { ...state, filter: edited.text, caretBack: edited.caretBack, listMessage: undefined };
    return { ...next, cursor: firstSelectable(next, visibleDeployments(next)) };
  }
  switch (token.kind) {
    case 'escape':
      return state.filter
        ? {
            ...state,
            filter: '',
            listMessage: undefined,
            cursor: firstSelectable(state, visibleDeployments({ ...state, filter: '' })),
          }
        : state;
    case 'enter': {
      const chosen = list[state.cursor];
      if (!chosen) return { ...state, listMessage: 'No deployment matches the filter; Esc clears it.' };
      const ready = readiness(state, chosen);
      if (!ready.ok) return { ...state, listMessage: `${chosen.name} cannot take a key: ${ready.reason}.` };
      return chooseDeployment(state, chosen);
    }
    default:
      return state;
  }
}
