/**
 * Each state of the wizard's machine as the line faces draw it: the lines to say, the question
 * to ask (the step's own words from its keymap), and the intents an answer stands for. The machine
 * decides every rule; nothing here calls Azure or checks a name, a date or a key itself.
 */
import { formatUtc } from '../domain/expiry';
import { formatDaysFromNow } from '../domain/expiry-words';
import { EXPIRING_FROM_THE_START_WORDS, expiringFromTheStart } from '../domain/readiness';
import type { Deployment } from '../port/gateway';
import { markOf } from '../wizard/fleet-marks';
import {
  deploymentMarkWords,
  existingKey,
  permissionWarning,
  readiness,
  visibleDeployments,
} from '../wizard/selectors';
import type { StateAt, Step, WizardState } from '../wizard/state';
import { choose, CANCEL, setText, SUBMIT, type Intent } from '../wizard/intents';
import { asksNow } from '../wizard/step-table';
import {
  answers,
  ask,
  BACK,
  byWord,
  chosenIndex,
  linePage,
  pageLines,
  refusal,
  turnPage,
  type LineStep,
} from './line-answers';
import { keyConsole } from './line-console';
import { signInStep } from './line-sign-in';
import { expiryQuestion } from './line-expiry';
import { reveal } from './line-reveal';

export type { LineStep } from './line-answers';
export { BACK, LINE_PAGE } from './line-answers';

/** Ctrl+C at a question: the machine's own cancel (the reveal panel asks first). */
export const INTERRUPT: Intent = CANCEL;
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

function chooseDeployment(state: StateAt<'chooseDeployment'>): LineStep {
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
  const offered = answers(state);
  return {
    lines,
    block: `list:${state.filter}:${list.length}:${start}:${state.listMessage ?? ''}`,
    question: {
      message: ask(
        `Deployment: a number, ${paged ? '+ or - for more, ' : ''}or words to filter by (name, group, subscription, region; ! expiring)${state.filter ? '; empty clears the filter' : ''}`,
        offered,
      ),
      short: 'Deployment',
    },
    answer(text) {
      const index = chosenIndex(text, list.length);
      if (index !== undefined) return [choose(index)];
      const page = turnPage(text, state.cursor, list.length);
      if (page) return page;
      const word = byWord(offered, state, text);
      if (word) return word;
      if (text.trim() === '')
        return list.length === 1 ? [choose(0)] : `Type a number from 1 to ${list.length}, or words to filter by.`;
      // Words filter; when they leave one deployment it is chosen, as Enter would choose it.
      const next = visibleDeployments({ ...state, filter: text.trim() });
      return next.length === 1 ? [setText('filter', text.trim()), SUBMIT] : [setText('filter', text.trim())];
    },
  };
}

function keyName(state: StateAt<'keyName'>): LineStep {
  const problems = [
    ...(typeof state.keys === 'object' && 'error' in state.keys
      ? [`Could not read the existing keys (${state.keys.error}); the create step checks again.`]
      : []),
    ...(state.nameError ? [`✖ ${state.nameError}`] : []),
  ];
  const offered = answers(state);
  return {
    lines: problems,
    block: `name:${state.nameError ?? ''}`,
    question: {
      message: ask(
        `Key name (1-30 letters, digits, inner hyphens)${state.name ? `; Enter keeps '${state.name}'` : ''}`,
        offered,
      ),
    },
    answer(text) {
      const word = byWord(offered, state, text);
      if (word) return word;
      return text.trim() === '' ? [SUBMIT] : [setText('name', text.trim()), SUBMIT];
    },
  };
}

function expiry(state: StateAt<'expiry'>): LineStep {
  return expiryQuestion(state, state.expiry, { field: 'expiry', block: 'expiry' });
}

function keyValue(state: StateAt<'keyValue'>): LineStep {
  const offered = answers(state);
  return {
    lines: state.secretError
      ? [`✖ ${state.secretError}`]
      : [
          'The key: Enter generates one (UUIDv4), or type your own: at least 12 characters, 3 of lowercase, uppercase, digits, symbols.',
        ],
    block: `secret:${state.secretError ?? ''}`,
    question: { message: ask('Key (hidden; Enter generates one)', offered), hidden: true },
    answer(text) {
      // A key is read as typed: only a lone '<' is a word here.
      if (text === BACK) return byWord(offered, state, text) ?? [];
      return [setText('secret', text), SUBMIT];
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
    ...(end && expiringFromTheStart(end, state.now) ? [`  Note: ${EXPIRING_FROM_THE_START_WORDS}.`] : []),
    ...(existing
      ? [`  A key named '${existing.name}' exists (hint ${existing.hint}): whatever uses it stops working.`]
      : []),
    ...(state.reviewError && !existing ? [`✖ ${state.reviewError}`] : []),
    ...[permissionWarning(state, 'write')].filter(Boolean).map((words) => `⚠ ${words}`),
  ];
  const offered = answers(state);
  return {
    lines,
    block: `review:${state.reviewError ?? ''}`,
    question: { message: ask(existing ? `Replace the key '${existing.name}'?` : 'Create it?', offered) },
    answer: (text) => byWord(offered, state, text) ?? refusal(offered),
  };
}

function creating(state: StateAt<'creating'>): LineStep {
  const error = state.createError;
  const offered = answers(state);
  return {
    // Azure's code too, as the Ink face says it: when its words are hidden, the code is what is left.
    lines: error
      ? [
          `✖ Could not create key '${state.name}': ${error.message.replace(/\.$/, '')}${error.code ? ` (${error.code})` : ''}.`,
          ...(error.uncertain ? ['Sending the same key again is safe: it creates it, or finds it there.'] : []),
        ]
      : [],
    block: `creating:${error?.message ?? ''}`,
    question: { message: ask('', offered) },
    answer: (text) => byWord(offered, state, text) ?? refusal(offered),
  };
}

function failed(state: StateAt<'failed'>): LineStep {
  const offered = answers(state);
  return {
    lines: [`✖ ${state.failure?.message ?? 'Something failed.'}`],
    block: `failed:${state.failure?.message ?? ''}`,
    question: { message: ask('', offered) },
    answer: (text) => byWord(offered, state, text) ?? refusal(offered),
  };
}

type Questions = { [S in Step]: ((state: StateAt<S>) => LineStep | undefined) | undefined };

/** Each step's question; a step that never asks has none. Typed by Step: a new step must say how it asks. */
const QUESTIONS: Questions = {
  loading: undefined,
  signIn: signInStep,
  chooseDeployment,
  keys: keyConsole,
  keyName,
  expiry,
  keyValue,
  review,
  creating,
  reveal,
  failed,
  cancelled: undefined,
  done: undefined,
};

/** The step as lines and a question; undefined while the machine waits on Azure, not a person. */
export function lineStep(state: WizardState): LineStep | undefined {
  if (!asksNow(state)) return undefined;
  const question = QUESTIONS[state.step] as ((state: WizardState) => LineStep | undefined) | undefined;
  return question?.(state);
}
