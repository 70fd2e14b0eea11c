/**
 * Each state of the wizard's machine as the line faces draw it: the lines to say, the question
 * to ask, and how an answer becomes the keys the machine already understands. The machine
 * decides every rule; nothing here calls Azure or checks a name, a date or a key itself.
 */
import { formatDaysFromNow, formatUtc } from '../domain/expiry';
import { EXPIRING_FROM_THE_START, expiringFromTheStart } from '../domain/readiness';
import type { Deployment } from '../port/gateway';
import { markOf } from '../wizard/fleet-marks';
import {
  deploymentMarkWords,
  existingKey,
  permissionWarning,
  readiness,
  visibleDeployments,
} from '../wizard/selectors';
import type { StateAt, WizardState } from '../wizard/state';
import {
  BACK,
  chosenIndex,
  CTRL_C,
  ENTER,
  ESCAPE,
  linePage,
  moveCursor,
  pageLines,
  replaceWith,
  turnPage,
  typed,
  type LineStep,
} from './line-answers';
import { keyConsole } from './line-console';
import { signInStep } from './line-sign-in';
import { expiryQuestion } from './line-expiry';
import { reveal } from './line-reveal';

export type { Keys, LineStep } from './line-answers';
export { BACK, INTERRUPT_KEYS } from './line-answers';

export { LINE_PAGE } from './line-answers';
export { deploymentMarkWords } from '../wizard/selectors';

function describeDeployment(state: WizardState, d: Deployment): string {
  return `${d.name}, group ${d.resourceGroup}, ${d.subscriptionName ?? d.subscriptionId}, ${d.location}: ${deploymentMarkWords(state, d)}`;
}

/**
 * Whether the list's page would be said before its marks: a deployment on it that can take a key
 * whose keys are still being read. The line face waits for them, so that the list is said once,
 * with its marks.
 */
export function pageMarksPending(state: WizardState): boolean {
  if (state.step !== 'chooseDeployment') return false;
  const { shown } = linePage(visibleDeployments(state), state.cursor);
  return shown.some((d) => readiness(state, d).ok && markOf(state.fleet, d.id) === undefined);
}

function chooseDeployment(state: WizardState): LineStep {
  const list = visibleDeployments(state);
  const total = state.discovery?.deployments.length ?? 0;
  const { start, shown } = linePage(list, state.cursor);
  const { before, after } = pageLines(list.length, start, shown.length, ', or type a word to narrow them');
  const lines = [
    state.filter ? `${list.length} of ${total} deployments match '${state.filter}':` : `${total} deployments:`,
    ...before,
    ...shown.map((d, i) => `  ${String(start + i + 1).padStart(2)}. ${describeDeployment(state, d)}`),
    ...after,
    ...(state.listMessage ? [`✖ ${state.listMessage}`] : []),
  ];
  const paged = list.length > shown.length;
  return {
    lines,
    block: `list:${state.filter}:${list.length}:${start}:${state.listMessage ?? ''}`,
    question: {
      message: `Deployment: a number, ${paged ? '+ or - for more, ' : ''}or words to filter by (name, group, subscription, region; ! expiring)${state.filter ? '; empty clears the filter' : ''}`,
      short: 'Deployment',
    },
    answer(text) {
      const index = chosenIndex(text, list.length);
      if (index !== undefined) return [...moveCursor(state.cursor, index), ENTER];
      const page = turnPage(text, state.cursor, list.length);
      if (page) return page;
      if (text.trim() === '') {
        if (state.filter) return [ESCAPE];
        return list.length === 1 ? [ENTER] : `Type a number from 1 to ${list.length}, or words to filter by.`;
      }
      // Words filter; when they leave one deployment it is chosen, as Enter would choose it.
      const next = visibleDeployments({ ...state, filter: text.trim() });
      return next.length === 1 ? [replaceWith(text.trim()), ENTER] : [replaceWith(text.trim())];
    },
  };
}

function keyName(state: WizardState): LineStep {
  const problems = [
    ...(typeof state.keys === 'object' && 'error' in state.keys
      ? [`Could not read the existing keys (${state.keys.error}); the create step checks again.`]
      : []),
    ...(state.nameError ? [`✖ ${state.nameError}`] : []),
  ];
  return {
    lines: problems,
    block: `name:${state.nameError ?? ''}`,
    question: {
      message: `Key name (1-30 letters, digits, inner hyphens)${state.name ? `; Enter keeps '${state.name}'` : ''}; ${BACK} goes back`,
    },
    answer(text) {
      if (text.trim() === BACK) return [ESCAPE];
      return text.trim() === '' ? [ENTER] : [replaceWith(text.trim()), ENTER];
    },
  };
}

function expiry(state: WizardState): LineStep {
  return expiryQuestion(state.expiry, state.now, { block: 'expiry' });
}

function keyValue(state: WizardState): LineStep {
  return {
    lines: state.secretError
      ? [`✖ ${state.secretError}`]
      : [
          'The key: Enter generates one (UUIDv4), or type your own: at least 12 characters, 3 of lowercase, uppercase, digits, symbols.',
        ],
    block: `secret:${state.secretError ?? ''}`,
    question: { message: `Key (hidden; Enter generates one; ${BACK} goes back)`, hidden: true },
    answer(text) {
      if (text === BACK) return [ESCAPE];
      return text === '' ? [replaceWith(''), ENTER] : [replaceWith(text), ENTER];
    },
  };
}

function review(state: StateAt<'review'>): LineStep {
  const existing = existingKey(state);
  const end = state.expiry.chosen;
  const d = state.deployment;
  const lines = [
    `Review: ${existing ? 'REPLACE' : 'CREATE'} key '${state.name}' on ${d.name} (${d.resourceGroup}, ${d.subscriptionName ?? d.subscriptionId})`,
    `  expires ${end ? `${formatUtc(end)} (${formatDaysFromNow(end, state.now)})` : '?'}; ${state.secretGenerated ? 'a generated key, shown after creation' : 'your own key'}`,
    ...(end && expiringFromTheStart(end, state.now) ? [`  Note: ${EXPIRING_FROM_THE_START}.`] : []),
    ...(existing
      ? [`  A key named '${existing.name}' exists (hint ${existing.hint}): whatever uses it stops working.`]
      : []),
    ...(state.reviewError && !existing ? [`✖ ${state.reviewError}`] : []),
    ...[permissionWarning(state, 'write')].filter(Boolean).map((words) => `⚠ ${words}`),
  ];
  return {
    lines,
    block: `review:${state.reviewError ?? ''}`,
    question: {
      message: existing
        ? `Replace the key '${existing.name}'? y replaces it · ${BACK} goes back`
        : `Create it? y creates · ${BACK} goes back`,
    },
    answer(text) {
      const answer = text.trim().toLowerCase();
      if (answer === BACK || answer === 'n') return [ESCAPE];
      if (answer === 'y' || answer === 'yes') return existing ? [typed('y'), ENTER] : [ENTER];
      return `Answer y, or ${BACK}.`;
    },
  };
}

function creating(state: WizardState): LineStep {
  const error = state.createError;
  const uncertain = error?.uncertain === true;
  return {
    // Azure's code too, as the Ink face says it: when its words are hidden, the code is what is left.
    lines: error
      ? [
          `✖ Could not create key '${state.name}': ${error.message.replace(/\.$/, '')}${error.code ? ` (${error.code})` : ''}.`,
        ]
      : [],
    block: `creating:${error?.message ?? ''}`,
    question: {
      message: uncertain
        ? 'r sends the same key again (never a second key) · q leaves, saying what may exist'
        : `r tries again · ${BACK} back to the review`,
    },
    answer(text) {
      const answer = text.trim().toLowerCase();
      if (answer === 'r') return [typed('r')];
      if (answer === 'q') return [CTRL_C];
      if (answer === BACK && !uncertain) return [ESCAPE];
      return uncertain ? 'Answer r, or q.' : `Answer r, or ${BACK}.`;
    },
  };
}

function failed(state: WizardState): LineStep {
  return {
    lines: [`✖ ${state.failure?.message ?? 'Something failed.'}`],
    block: `failed:${state.failure?.message ?? ''}`,
    question: { message: 'r tries again · q leaves' },
    answer: (text) => (text.trim().toLowerCase() === 'r' ? [typed('r')] : [typed('q')]),
  };
}

/** The step as lines and a question; undefined while the machine waits on Azure, not a person. */
export function lineStep(state: WizardState): LineStep | undefined {
  switch (state.step) {
    case 'chooseDeployment':
      return chooseDeployment(state);
    case 'keys':
      return state.keys === 'loading' ? undefined : keyConsole(state);
    case 'keyName':
      return state.nameWaiting ? undefined : keyName(state);
    case 'expiry':
      return expiry(state);
    case 'keyValue':
      return keyValue(state);
    case 'review':
      return review(state);
    case 'creating':
      return state.createError ? creating(state) : undefined;
    case 'reveal':
      return reveal(state);
    case 'failed':
      return failed(state);
    case 'signIn':
      return signInStep(state);
    default:
      return undefined;
  }
}
