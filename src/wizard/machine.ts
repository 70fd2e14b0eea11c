/**
 * The wizard as a pure function: transition(state, event) -> state. Keys arrive as tokens and
 * are applied in order, so a paste or a fast typist can never be lost or reach a stale step.
 * Work for the outside world is queued as commands that the runner performs once each.
 * Every refusal comes from src/domain, so the TUI, the plain mode and the commands agree.
 */
import { checkExpiry, PRESETS, parseExpiry, resolvePreset, formatUtc } from '../domain/expiry';
import { evaluate } from '../domain/policy';
import { keyCommand } from '../domain/resource-id';
import { existingKey, firstSelectable, nameProblem, readiness, visibleDeployments } from './selectors';
import { tokensOf, type Token } from './tokens';
import { REVEAL_SECONDS, type CommandSpec, type Step, type WizardEvent, type WizardState } from './state';

export const LIST_PAGE = 8;

function issue(state: WizardState, spec: CommandSpec): WizardState {
  const command = { ...spec, id: state.nextCommandId } as WizardState['commands'][number];
  return { ...state, commands: [...state.commands, command], nextCommandId: state.nextCommandId + 1 };
}

function finish(state: WizardState, step: 'done' | 'cancelled', exitCode: number, farewell: string): WizardState {
  return { ...state, step, exitCode, farewell, reveal: { ...state.reveal, shown: false, askingToLeave: false } };
}

export function isFinished(state: WizardState): boolean {
  return state.exitCode !== undefined;
}

/** The command that acts on the wizard's key; empty before a deployment is chosen. */
function commandFor(state: WizardState, verb: 'show' | 'delete', keyName: string): string {
  return state.deployment ? keyCommand(verb, state.deployment, keyName) : '';
}

export function transition(state: WizardState, event: WizardEvent): WizardState {
  if (isFinished(state)) return state;
  switch (event.type) {
    case 'input': {
      let next: WizardState = { ...state, now: event.now };
      for (const token of tokensOf(event.input, event.key)) {
        next = onToken(next, token);
        if (isFinished(next)) break;
      }
      return next;
    }
    case 'tick': {
      const reveal = state.reveal;
      const expired = reveal.shown && reveal.shownAt !== undefined && event.now.getTime() - reveal.shownAt >= REVEAL_SECONDS * 1000;
      return { ...state, now: event.now, reveal: expired ? { ...reveal, shown: false } : reveal };
    }
    case 'progress':
      return state.step === 'loading' ? { ...state, loadingMessage: event.message } : state;
    case 'interrupted':
      return leaveNow(state);
    case 'deploymentsLoaded':
      return onDeploymentsLoaded({ ...state, now: event.now }, event.discovery);
    case 'deploymentsFailed':
      return { ...state, step: 'failed', failure: event.problem };
    case 'keysLoaded':
    case 'keysFailed': {
      if (state.deployment?.id !== event.deployment.id) return state;
      const keys = event.type === 'keysLoaded' ? event.keys : { error: event.problem.message };
      const next: WizardState = { ...state, keys };
      return next.nameWaiting && next.step === 'keyName' ? submitName({ ...next, nameWaiting: false }) : next;
    }
    case 'secretGenerated':
      return state.step === 'keyValue'
        ? { ...state, secret: event.secret, secretGenerated: true, secretShown: false, secretError: undefined, step: 'review', replaceConfirmed: false }
        : state;
    case 'createSucceeded': {
      if (state.step !== 'creating') return state;
      const next: WizardState = {
        ...state,
        now: event.now,
        step: 'reveal',
        result: event.result,
        createError: undefined,
        reveal: { shown: false, askingToLeave: false, deleting: false, verify: 'pending' },
      };
      const endpoint = state.deployment?.dataplaneApiEndpoint;
      return endpoint ? issue(next, { kind: 'verify', endpoint, secret: state.secret }) : next;
    }
    case 'createFailed':
      return state.step === 'creating' ? { ...state, createError: event.problem } : state;
    case 'verified':
      return { ...state, reveal: { ...state.reveal, verify: event.result } };
    case 'copied':
      return { ...state, reveal: { ...state.reveal, copyMessage: event.message } };
    case 'deleted': {
      const words =
        event.outcome === 'deleted'
          ? `Deleted key '${state.name}' again, as asked: nothing is left behind.`
          : `Key '${state.name}' was already gone.`;
      return finish(state, 'done', 0, words);
    }
    case 'deleteFailed':
      return finish(
        state,
        'done',
        1,
        `Could not delete key '${state.name}': ${event.problem.message}. It is still active; delete it with: ${commandFor(state, 'delete', state.name)}`,
      );
  }
}

function onDeploymentsLoaded(state: WizardState, discovery: WizardState['discovery'] & object): WizardState {
  const loaded: WizardState = { ...state, discovery, step: 'chooseDeployment', filter: '', cursor: 0 };
  if (discovery.deployments.length === 0) {
    const searched = discovery.searched.map((s) => s.displayName || s.subscriptionId).join(', ') || 'none';
    const problems = discovery.problems.map((p) => `${p.subscriptionId}: ${p.message}`).join('; ');
    return {
      ...loaded,
      step: 'failed',
      failure: {
        message: `No NGINXaaS deployments found. Subscriptions searched: ${searched}.${problems ? ` Problems: ${problems}.` : ''} Check --subscription, or ask for Reader access to the deployment.`,
        kind: 'notFound',
      },
    };
  }
  const wanted = state.preset.deployment?.toLowerCase();
  if (wanted) {
    const matches = discovery.deployments.filter((d) => d.name.toLowerCase() === wanted || d.id.toLowerCase() === wanted);
    const only = matches[0];
    if (matches.length === 1 && only && readiness(loaded, only).ok) return chooseDeployment(loaded, only);
    const filter = matches.length > 0 ? (only?.name ?? '') : '';
    const list = visibleDeployments({ ...loaded, filter });
    return { ...loaded, filter, cursor: firstSelectable(loaded, list) };
  }
  return { ...loaded, cursor: firstSelectable(loaded, discovery.deployments) };
}

function chooseDeployment(state: WizardState, deployment: WizardState['deployment'] & object): WizardState {
  const same = state.deployment?.id === deployment.id && Array.isArray(state.keys);
  const next: WizardState = { ...state, step: 'keyName', deployment, listMessage: undefined, nameError: undefined };
  if (same) return next;
  return issue({ ...next, keys: 'loading', replaceConfirmed: false }, { kind: 'loadKeys', deployment });
}

type TokenHandler = (state: WizardState, token: Token) => WizardState;

/** The steps that take keys; `loading` and the ends take none but Ctrl+C. */
const KEY_HANDLERS: Partial<Record<Step, TokenHandler>> = {
  chooseDeployment: (s, t) => onListToken(s, t),
  keyName: (s, t) => onNameToken(s, t),
  expiry: (s, t) => onExpiryToken(s, t),
  keyValue: (s, t) => onSecretToken(s, t),
  review: (s, t) => onReviewToken(s, t),
  creating: (s, t) => onCreatingToken(s, t),
  reveal: (s, t) => onRevealToken(s, t),
  failed: (s, t) => onFailedToken(s, t),
};

function onToken(state: WizardState, token: Token): WizardState {
  if (token.kind === 'ctrlC') return onCtrlC(state);
  return KEY_HANDLERS[state.step]?.(state, token) ?? state;
}

function onCtrlC(state: WizardState): WizardState {
  // On the reveal panel the first Ctrl+C asks whether the key was saved; the second leaves.
  if (state.step === 'reveal' && state.result && !state.reveal.askingToLeave) {
    return { ...state, reveal: { ...state.reveal, askingToLeave: true, shown: false } };
  }
  return leaveNow(state);
}

/** Leaves at once with 130, saying what became of the key. */
function leaveNow(state: WizardState): WizardState {
  if (state.step === 'creating' && !state.createError) {
    return finish(
      state,
      'cancelled',
      130,
      `Cancelled while the key was being created: Azure may have created it. Check with: ${commandFor(state, 'show', state.name)}`,
    );
  }
  if (state.result) {
    const key = state.result.key;
    return finish(
      state,
      'cancelled',
      130,
      `Key '${key.name}' was created and is active (hint ${key.hint}, expires ${formatUtc(key.endDateTime)}). If you did not save it, delete it: ${commandFor(state, 'delete', key.name)}`,
    );
  }
  return finish(state, 'cancelled', 130, 'Cancelled. Nothing was created.');
}

function edit(text: string, token: Token): string | undefined {
  if (token.kind === 'char') return text + token.ch;
  if (token.kind === 'backspace') return Array.from(text).slice(0, -1).join('');
  return undefined;
}

function onListToken(state: WizardState, token: Token): WizardState {
  const list = visibleDeployments(state);
  const edited = edit(state.filter, token);
  if (edited !== undefined) {
    const next = { ...state, filter: edited, listMessage: undefined };
    return { ...next, cursor: firstSelectable(next, visibleDeployments(next)) };
  }
  const move = (delta: number) => ({ ...state, listMessage: undefined, cursor: Math.max(0, Math.min(list.length - 1, state.cursor + delta)) });
  switch (token.kind) {
    case 'up':
      return move(-1);
    case 'down':
      return move(1);
    case 'pageUp':
      return move(-LIST_PAGE);
    case 'pageDown':
      return move(LIST_PAGE);
    case 'escape':
      return state.filter ? { ...state, filter: '', listMessage: undefined, cursor: firstSelectable(state, visibleDeployments({ ...state, filter: '' })) } : state;
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

function submitName(state: WizardState): WizardState {
  const problem = nameProblem(state.name);
  if (problem) return { ...state, nameError: problem };
  if (state.keys === 'loading') return { ...state, nameWaiting: true, nameError: undefined };
  return { ...state, step: 'expiry', nameError: undefined, replaceConfirmed: false };
}

function onNameToken(state: WizardState, token: Token): WizardState {
  const edited = edit(state.name, token);
  if (edited !== undefined) return { ...state, name: edited, nameError: undefined, nameWaiting: false };
  if (token.kind === 'enter') return submitName(state);
  if (token.kind === 'escape') return { ...state, step: 'chooseDeployment', nameWaiting: false };
  return state;
}

function onExpiryToken(state: WizardState, token: Token): WizardState {
  const expiry = state.expiry;
  const custom = PRESETS.length;
  if (expiry.editing) {
    const edited = edit(expiry.text, token);
    if (edited !== undefined) return { ...state, expiry: { ...expiry, text: edited, error: undefined } };
    if (token.kind === 'escape') return { ...state, expiry: { ...expiry, editing: false, error: undefined } };
    if (token.kind === 'enter') {
      const parsed = parseExpiry(expiry.text, state.now);
      if (!parsed.ok) return { ...state, expiry: { ...expiry, error: parsed.problem } };
      return { ...state, step: 'keyValue', expiry: { ...expiry, chosen: parsed.date, chosenLabel: expiry.text.trim(), error: undefined } };
    }
    return state;
  }
  switch (token.kind) {
    case 'up':
      return { ...state, expiry: { ...expiry, cursor: Math.max(0, expiry.cursor - 1) } };
    case 'down':
      return { ...state, expiry: { ...expiry, cursor: Math.min(custom, expiry.cursor + 1) } };
    case 'escape':
      return { ...state, step: 'keyName' };
    case 'enter': {
      if (expiry.cursor === custom) return { ...state, expiry: { ...expiry, editing: true, error: undefined } };
      const preset = PRESETS[expiry.cursor] ?? PRESETS[2];
      const date = resolvePreset(preset!.id, state.now);
      return { ...state, step: 'keyValue', expiry: { ...expiry, chosen: date, chosenLabel: preset!.label, error: undefined } };
    }
    default:
      return state;
  }
}

function onSecretToken(state: WizardState, token: Token): WizardState {
  const edited = edit(state.secret, token);
  if (edited !== undefined) return { ...state, secret: edited, secretGenerated: false, secretError: undefined };
  switch (token.kind) {
    case 'tab':
      return { ...state, secretShown: !state.secretShown };
    case 'escape':
      return { ...state, step: 'expiry', secretError: undefined };
    case 'enter': {
      if (state.secret === '') return issue({ ...state, secretError: undefined }, { kind: 'generate' });
      const policy = evaluate(state.secret);
      if (!policy.ok) return { ...state, secretError: `Enter is refused: ${policy.problem}` };
      return { ...state, step: 'review', secretError: undefined, replaceConfirmed: false, reviewError: undefined };
    }
    default:
      return state;
  }
}

function startCreate(state: WizardState): WizardState {
  const existing = existingKey(state);
  const end = state.expiry.chosen;
  if (!state.deployment || !end) return state;
  const check = checkExpiry(end, state.now);
  if (!check.ok) return { ...state, reviewError: `${check.problem}; press Esc to pick another expiry.` };
  if (existing && !state.replaceConfirmed) return { ...state, reviewError: `Type y to replace the existing key '${existing.name}', or Esc to go back.` };
  return issue(
    { ...state, step: 'creating', reviewError: undefined, createError: undefined },
    { kind: 'create', deployment: state.deployment, name: state.name, secret: state.secret, endDateTime: end, replace: Boolean(existing) },
  );
}

function onReviewToken(state: WizardState, token: Token): WizardState {
  if (token.kind === 'char' && (token.ch === 'y' || token.ch === 'Y') && existingKey(state)) {
    return { ...state, replaceConfirmed: true, reviewError: undefined };
  }
  if (token.kind === 'char' && (token.ch === 'n' || token.ch === 'N')) return { ...state, replaceConfirmed: false };
  if (token.kind === 'enter') return startCreate(state);
  if (token.kind === 'escape') {
    // A generated key was never shown: going back forgets it, and Enter makes a new one.
    return { ...state, step: 'keyValue', reviewError: undefined, ...(state.secretGenerated ? { secret: '', secretGenerated: false } : {}) };
  }
  return state;
}

function onCreatingToken(state: WizardState, token: Token): WizardState {
  if (!state.createError) return state;
  if (token.kind === 'char' && token.ch.toLowerCase() === 'r') return startCreate({ ...state, step: 'review' });
  if (token.kind === 'escape') return { ...state, step: 'review', createError: undefined };
  return state;
}

function onRevealToken(state: WizardState, token: Token): WizardState {
  const reveal = state.reveal;
  if (reveal.deleting) return state;
  if (reveal.askingToLeave) {
    if (token.kind !== 'char' && token.kind !== 'escape') return state;
    const answer = token.kind === 'escape' ? 'n' : token.ch.toLowerCase();
    if (answer === 'y') {
      const key = state.result!.key;
      return finish(state, 'done', 0, `Key '${key.name}' is ready (hint ${key.hint}, expires ${formatUtc(key.endDateTime)}).`);
    }
    if (answer === 'n') return { ...state, reveal: { ...reveal, askingToLeave: false } };
    if (answer === 'd') return issue({ ...state, reveal: { ...reveal, deleting: true } }, { kind: 'deleteKey', deployment: state.deployment!, name: state.result!.key.name });
    return state;
  }
  if (token.kind === 'char') {
    const ch = token.ch.toLowerCase();
    if (ch === 'r') {
      const shown = !reveal.shown;
      return { ...state, reveal: { ...reveal, shown, ...(shown ? { shownAt: state.now.getTime() } : {}) } };
    }
    if (ch === 'c') return issue({ ...state, reveal: { ...reveal, copyMessage: 'Copying…' } }, { kind: 'copy', secret: state.secret });
    if (ch === 'q') return { ...state, reveal: { ...reveal, askingToLeave: true, shown: false } };
  }
  if (token.kind === 'enter') return { ...state, reveal: { ...reveal, askingToLeave: true, shown: false } };
  return state;
}

function onFailedToken(state: WizardState, token: Token): WizardState {
  if (token.kind === 'char' && token.ch.toLowerCase() === 'r') {
    return issue({ ...state, step: 'loading', failure: undefined, loadingMessage: 'Trying again…' }, { kind: 'discover' });
  }
  if (token.kind === 'enter' || token.kind === 'escape' || (token.kind === 'char' && token.ch.toLowerCase() === 'q')) {
    return finish(state, 'done', 1, state.failure?.message ?? 'Stopped.');
  }
  return state;
}
