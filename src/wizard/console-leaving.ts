/**
 * The key console's own request (`d`'s DELETE, `e`'s PUT of a new expiry) under a Ctrl+C or a
 * signal: let finish, as the `delete` and `extend` commands let theirs, and the run ends with what
 * Azure did; a second interruption leaves at once, saying the outcome is not known.
 */
import { formatUtc } from '../domain/expiry';
import type { ApiKey } from '../port/gateway';
import { answerMayBeLost } from './commands';
import { commandFor, finish } from './effects';
import type { Problem, StateAt, WizardState } from './state';
import { onExtended, onExtendFailed } from './steps/extend';
import { onConsoleDeleted, onConsoleDeleteFailed } from './steps/keys';

/** What the console changed in Azure before the run was stopped, said after what it says; '' if nothing. */
export function doneBefore(state: WizardState): string {
  return state.changes.length > 0 ? `Done before that: ${state.changes.join(' ')}` : '';
}

/** The key console's own request in flight (a delete, a new expiry): what it does, in words. */
function consoleRequest(state: WizardState): { key: string; doing: string } | undefined {
  if (state.step !== 'keys') return undefined;
  const { confirm, extend } = state.console;
  if (confirm?.kind === 'delete' && confirm.working)
    return { key: confirm.key.name, doing: `key '${confirm.key.name}' was being deleted` };
  if (!extend?.working) return undefined;
  const to = extend.expiry.chosen ? ` to ${formatUtc(extend.expiry.chosen)}` : '';
  return { key: extend.key.name, doing: `the expiry of key '${extend.key.name}' was being moved${to}` };
}

/**
 * A first Ctrl+C or signal while the console's delete or new expiry is in flight: it is let
 * finish, and the run ends with what it did (consoleLeft).
 */
export function holdWhileConsoleBusy(state: WizardState, why: 'key' | 'signal'): WizardState | undefined {
  if (state.leaving || !consoleRequest(state)) return undefined;
  return { ...state, leaving: why };
}

/** A second interruption while the console's own request is in flight: its outcome is not known. */
export function leftMidConsoleRequest(state: WizardState): WizardState | undefined {
  const underWay = consoleRequest(state);
  if (!underWay) return undefined;
  return finish(
    state,
    'cancelled',
    130,
    `Left while ${underWay.doing}: Azure may or may not have done it. Check with:${commandFor(state, 'show', underWay.key)}${doneBefore(state)}`,
  );
}

/** The console's request answered after a first interruption: the run ends, saying what it did. */
function consoleLeft(state: WizardState, words: string): WizardState | undefined {
  if (state.step !== 'keys' || !state.leaving) return undefined;
  const before = doneBefore(state);
  const joined = before && !words.endsWith('\n') ? ` ${before}` : before;
  return finish({ ...state, leaving: undefined }, 'cancelled', 130, `${words}${joined}`);
}

/** The console's DELETE answered; a 204 for a key listed a moment ago is gone all the same (onConsoleDeleted says why). */
export function onConsoleDeleteAnswered(state: StateAt<'keys'>): WizardState {
  const name = state.console.confirm?.key.name ?? '';
  return consoleLeft(state, `Cancelled, but only after Azure deleted key '${name}'.`) ?? onConsoleDeleted(state);
}

/** The console's DELETE failed; `mayBeDone`: no answer came, so the key may be gone already. */
export function onConsoleDeleteRefused(state: StateAt<'keys'>, problem: string, mayBeDone: boolean): WizardState {
  const name = state.console.confirm?.key.name ?? '';
  const words = mayBeDone
    ? `Cancelled. Deleting key '${name}' got no answer (${problem}): it may be gone already. Check with:${commandFor(state, 'show', name)}`
    : `Cancelled. Could not delete key '${name}': ${problem}. It is still active.`;
  return consoleLeft(state, words) ?? onConsoleDeleteFailed(state, problem, mayBeDone);
}

/** The console's new expiry answered (steps/extend.ts), or the run ends here with it if it was asked to. */
export function onConsoleExtended(state: StateAt<'keys'>, key: ApiKey): WizardState {
  const words = `Cancelled, but only after Azure moved the expiry of key '${key.name}' to ${formatUtc(key.endDateTime)}; its secret is the same.`;
  return consoleLeft(state, words) ?? onExtended(state, key);
}

export function onConsoleExtendFailed(state: StateAt<'keys'>, problem: Problem): WizardState {
  const name = state.console.extend?.key.name ?? '';
  const words = answerMayBeLost(problem)
    ? `Cancelled. Moving the expiry of key '${name}' got no answer (${problem.message}): it may have moved. Check with:${commandFor(state, 'show', name)}`
    : `Cancelled. Key '${name}' was not changed: ${problem.message}.`;
  return consoleLeft(state, words) ?? onExtendFailed(state, problem);
}
