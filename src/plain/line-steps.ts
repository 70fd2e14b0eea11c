/**
 * Each state of the wizard's machine as the line faces draw it: the lines to say, the question
 * to ask, and how an answer becomes the keys the machine already understands. The machine
 * decides every rule; nothing here calls Azure or checks a name, a date or a key itself.
 */
import { nplusUrl } from '../domain/endpoint';
import { formatDaysFromNow, formatUtc, PRESETS, resolvePreset } from '../domain/expiry';
import { HANDOFF_KINDS } from '../domain/handoff';
import { EXPIRING_FROM_THE_START, expiringFromTheStart } from '../domain/readiness';
import { racedWarning } from '../keys/create-key';
import type { ApiKey, Deployment } from '../port/gateway';
import { markOf } from '../wizard/fleet-marks';
import { consoleKeys, existingKey, flagged, readiness, rotationPlan, visibleDeployments } from '../wizard/selectors';
import type { WizardState } from '../wizard/state';
import { HANDOFF_LABELS } from '../wizard/steps/handoff';
import type { KeyFlags } from '../wizard/tokens';

/** One input for the machine, as a terminal would have sent it. */
export interface Keys {
  input: string;
  key: KeyFlags;
}

export interface LineStep {
  /** Said before the question; `block` names it, so the same block is not said twice in a row. */
  lines: string[];
  block: string;
  /** Lines said at most once while this scene lasts (the panel's facts are not said after every answer). */
  scene?: string;
  question: { message: string; hidden?: boolean };
  /** The keys an answer stands for, or words saying why it means nothing here (asked again). */
  answer(text: string): Keys[] | string;
}

/** How many rows a list shows before it asks for a word that narrows it. */
export const LINE_PAGE = 20;
/** In a text question, this alone goes back a step (no name, date or key is a lone '<'). */
export const BACK = '<';

const typed = (input: string): Keys => ({ input, key: {} });
const ENTER: Keys = { input: '\r', key: { return: true } };
const ESCAPE: Keys = { input: '', key: { escape: true } };
const CTRL_C: Keys = { input: 'c', key: { ctrl: true } };
const UP: Keys = { input: '', key: { upArrow: true } };
const DOWN: Keys = { input: '', key: { downArrow: true } };
/** The field emptied (caret to the end, then all before it), then the answer typed in. */
const replaceWith = (text: string): Keys => typed(`\u0005\u0015${text}`);

function moveCursor(from: number, to: number): Keys[] {
  return Array.from({ length: Math.abs(to - from) }, () => (to > from ? DOWN : UP));
}

/** A whole number from 1 to `count`, as an index; undefined when the answer is not one. */
function chosenIndex(text: string, count: number): number | undefined {
  if (!/^\d+$/.test(text.trim())) return undefined;
  const index = Number(text) - 1;
  return index >= 0 && index < count ? index : undefined;
}

function describeDeployment(state: WizardState, d: Deployment): string {
  const ready = readiness(state, d);
  const mark = flagged(markOf(state.fleet, d.id)) ? ' ! a key expired or expiring' : '';
  const why = ready.ok ? '' : ` (cannot take a key: ${ready.reason})`;
  return `${d.name}, group ${d.resourceGroup}, ${d.subscriptionName ?? d.subscriptionId}, ${d.location}${why}${mark}`;
}

function describeKey(key: ApiKey, now: Date): string {
  const end = Number.isNaN(key.endDateTime.getTime()) ? 'an unknown time' : formatUtc(key.endDateTime);
  return `${key.name}, hint ${key.hint}, expires ${end} (${formatDaysFromNow(key.endDateTime, now)})`;
}

function chooseDeployment(state: WizardState): LineStep {
  const list = visibleDeployments(state);
  const total = state.discovery?.deployments.length ?? 0;
  const shown = list.slice(0, LINE_PAGE);
  const lines = [
    state.filter ? `${list.length} of ${total} deployments match '${state.filter}':` : `${total} deployments:`,
    ...shown.map((d, i) => `  ${String(i + 1).padStart(2)}. ${describeDeployment(state, d)}`),
    ...(list.length > shown.length ? [`  … ${list.length - shown.length} more: type a word to narrow them.`] : []),
    ...(state.listMessage ? [`✖ ${state.listMessage}`] : []),
  ];
  return {
    lines,
    block: `list:${state.filter}:${list.length}:${state.listMessage ?? ''}`,
    question: {
      message: `Deployment: a number, or words to filter by (name, group, subscription, region; ! expiring)${state.filter ? '; empty clears the filter' : ''}`,
    },
    answer(text) {
      const index = chosenIndex(text, shown.length);
      if (index !== undefined) return [...moveCursor(state.cursor, index), ENTER];
      if (text.trim() === '') {
        if (state.filter) return [ESCAPE];
        return list.length === 1 ? [ENTER] : `Type a number from 1 to ${shown.length}, or words to filter by.`;
      }
      // Words filter; when they leave one deployment it is chosen, as Enter would choose it.
      const next = visibleDeployments({ ...state, filter: text.trim() });
      return next.length === 1 ? [replaceWith(text.trim()), ENTER] : [replaceWith(text.trim())];
    },
  };
}

function keyConsole(state: WizardState): LineStep {
  const keys = consoleKeys(state);
  const confirm = state.console.confirm;
  const deployment = state.deployment?.name ?? '';
  const message = state.console.message;
  const unread = typeof state.keys === 'object' && 'error' in state.keys ? state.keys.error : undefined;
  const head = [
    ...(message ? [`${message.ok ? '✔' : '✖'} ${message.text}`] : []),
    unread ? `✖ Could not read the keys of ${deployment}: ${unread}` : `Keys of ${deployment}, soonest expiry first:`,
    ...keys.map((k, i) => `  ${String(i + 1).padStart(2)}. ${describeKey(k, state.now)}`),
  ];
  if (confirm?.kind === 'rotate') {
    const plan = rotationPlan(state, confirm.key);
    return {
      lines: [
        `Rotate '${confirm.key.name}': a new key '${plan.name}', generated, expiring ${formatUtc(plan.endDateTime)}, made beside it and checked; '${confirm.key.name}' is deleted only once nothing uses it.`,
      ],
      block: `rotate:${confirm.key.name}`,
      question: { message: `Rotate '${confirm.key.name}'? y goes on · ${BACK} keeps everything as it is` },
      answer: (text) => (/^y(es)?$/i.test(text.trim()) ? [ENTER] : text.trim() === BACK ? [ESCAPE] : 'Answer y, or <.'),
    };
  }
  if (confirm?.kind === 'delete') {
    return {
      lines: confirm.error ? [`✖ ${confirm.error}`] : [`Deleting '${confirm.key.name}': whatever uses it is refused.`],
      block: `delete:${confirm.key.name}:${confirm.error ?? ''}`,
      question: { message: `Type the key's name, ${confirm.key.name}, to delete it (empty keeps it)` },
      answer: (text) => (text.trim() === '' ? [ESCAPE] : [replaceWith(text.trim()), ENTER]),
    };
  }
  return {
    lines: head,
    block: `console:${keys.map((k) => k.name).join(',')}:${message?.text ?? ''}`,
    question: {
      message: `n a new key · r N rotates key N · d N deletes key N · ${BACK} back to the deployments · q leaves`,
    },
    answer(text) {
      const words = text.trim().toLowerCase().split(/\s+/);
      const [verb, which] = words;
      if (verb === 'n') return [typed('n')];
      if (verb === BACK) return [ESCAPE];
      if (verb === 'q') return [typed('q')];
      if (verb === 'r' || verb === 'd') {
        const index = which === undefined && keys.length === 1 ? 0 : chosenIndex(which ?? '', keys.length);
        if (index === undefined) return `Name the key by its number: ${verb} 1 to ${verb} ${keys.length}.`;
        return [...moveCursor(state.console.cursor, index), typed(verb)];
      }
      return `Answer n, r N, d N, ${BACK} or q.`;
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
  const own = PRESETS.length;
  const error = state.expiry.error ? [`✖ ${state.expiry.error}`] : [];
  if (state.expiry.editing)
    return {
      lines: error,
      block: `expiry-own:${state.expiry.error ?? ''}`,
      question: { message: `Expiry: a date (2027-05-01), 45d, or an RFC 3339 time; ${BACK} goes back` },
      answer: (text) => (text.trim() === BACK ? [ESCAPE] : [replaceWith(text.trim()), ENTER]),
    };
  const presets = PRESETS.map(
    (p, i) =>
      `  ${i + 1}. ${p.label}: ${formatUtc(resolvePreset(p.id, state.now))}${i === state.expiry.cursor ? ' (Enter)' : ''}`,
  );
  return {
    lines: [...presets, `  ${own + 1}. a date of your own`, ...error],
    block: `expiry:${state.expiry.error ?? ''}`,
    question: { message: `Expiry: a number, or a date of your own; ${BACK} goes back` },
    answer(text) {
      const answer = text.trim();
      if (answer === BACK) return [ESCAPE];
      if (answer === '') return [ENTER];
      const index = chosenIndex(answer, own + 1);
      if (index !== undefined) return [...moveCursor(state.expiry.cursor, index), ENTER];
      return [...moveCursor(state.expiry.cursor, own), ENTER, replaceWith(answer), ENTER];
    },
  };
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

function review(state: WizardState): LineStep {
  const existing = existingKey(state);
  const end = state.expiry.chosen;
  const d = state.deployment;
  const lines = [
    `Review: ${existing ? 'REPLACE' : 'CREATE'} key '${state.name}' on ${d ? `${d.name} (${d.resourceGroup}, ${d.subscriptionName ?? d.subscriptionId})` : ''}`,
    `  expires ${end ? `${formatUtc(end)} (${formatDaysFromNow(end, state.now)})` : '?'}; ${state.secretGenerated ? 'a generated key, shown after creation' : 'your own key'}`,
    ...(end && expiringFromTheStart(end, state.now) ? [`  Note: ${EXPIRING_FROM_THE_START}.`] : []),
    ...(existing
      ? [`  A key named '${existing.name}' exists (hint ${existing.hint}): whatever uses it stops working.`]
      : []),
    ...(state.reviewError && !existing ? [`✖ ${state.reviewError}`] : []),
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
    lines: error ? [`✖ Could not create key '${state.name}': ${error.message}.`] : [],
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

/** The panel's facts, said once: the key, the endpoint, what the integrations take, the check. */
function revealLines(state: WizardState): string[] {
  const result = state.result;
  const endpoint = state.deployment?.dataplaneApiEndpoint ?? '';
  if (!result) return [];
  const key = result.key;
  const verify = state.reveal.verify;
  return [
    ...(state.reveal.notice ? [state.reveal.notice] : []),
    ...(result.raced ? [`⚠ ${racedWarning(key.name)}.`] : []),
    `✔ ${result.created ? 'Created' : 'Replaced'} key '${key.name}'. Hint ${key.hint}. Expires ${formatUtc(key.endDateTime)} (${formatDaysFromNow(key.endDateTime, state.now)}).`,
    'Azure never shows this key again.',
    `Dataplane endpoint: ${endpoint}`,
    `For NLK and nginx-asg-sync: ${nplusUrl(endpoint)}`,
    ...(verify && verify !== 'pending'
      ? [
          verify.ok
            ? `✔ The dataplane accepted the key (GET /packages answered ${verify.status}).`
            : `✖ The dataplane did not accept the key: ${verify.message}`,
        ]
      : []),
  ];
}

function reveal(state: WizardState): LineStep {
  const { reveal: panel, rotation } = state;
  const done = panel.handedOff.map((h) => [
    `${h.ok ? '✔' : '✖'} ${h.said}`,
    ...(h.nextLines ?? []).map((l) => `  ${l}`),
  ]);
  const extra = [
    ...done.flat(),
    ...(panel.copyMessage ? [panel.copyMessage] : []),
    ...(rotation?.problem ? [`✖ ${rotation.problem}`] : []),
  ];
  const menu = panel.handoff;
  if (menu?.stage === 'kind')
    return {
      lines: HANDOFF_KINDS.map((kind, i) => `  ${i + 1}. ${HANDOFF_LABELS[kind]}`),
      block: 'handoff-kind',
      question: { message: `Hand the key to: a number; ${BACK} goes back` },
      answer(text) {
        if (text.trim() === BACK) return [ESCAPE];
        const index = chosenIndex(text, HANDOFF_KINDS.length);
        return index === undefined
          ? `Type a number from 1 to ${HANDOFF_KINDS.length}.`
          : [...moveCursor(menu.cursor, index), ENTER];
      },
    };
  if (menu?.stage === 'destination')
    return {
      lines: menu.error ? [`✖ ${menu.error}`] : [],
      block: `handoff-destination:${menu.error ?? ''}`,
      question: { message: `Where: Enter takes ${menu.text}; ${BACK} goes back` },
      answer(text) {
        if (text.trim() === BACK) return [ESCAPE];
        return text.trim() === '' ? [ENTER] : [replaceWith(text.trim()), ENTER];
      },
    };
  if (panel.askingToLeave)
    return {
      lines: [],
      block: 'leaving',
      question: { message: 'Have you saved the key? y leaves · n goes back to it · d deletes it again' },
      answer(text) {
        const answer = text.trim().toLowerCase();
        return ['y', 'n', 'd'].includes(answer) ? [typed(answer)] : 'Answer y, n or d.';
      },
    };
  const choices = 'r shows the key · c copies it · h hands it off';
  return {
    lines: [...revealLines(state), ...extra],
    scene: `reveal:${state.result?.key.id ?? ''}`,
    block: `reveal:${extra.join('|')}:${typeof panel.verify === 'object' ? 'checked' : ''}`,
    question: {
      message: rotation
        ? `${choices} · y once everything uses '${state.name}' (checked again, then '${rotation.old.name}' deleted) · s stops here, both keys stay`
        : `${choices} · q leaves`,
    },
    answer(text) {
      const answer = text.trim().toLowerCase();
      if (answer === 'r' || answer === 'c' || answer === 'h') return [typed(answer)];
      if (rotation && answer === 'y') return [ENTER];
      if (rotation && answer === 's') return [ESCAPE];
      if (!rotation && (answer === 'q' || answer === '')) return [typed('q')];
      return rotation ? 'Answer r, c, h, y or s.' : 'Answer r, c, h or q.';
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
    default:
      return undefined;
  }
}

/** Ctrl+C at a question: the machine's own Ctrl+C (the reveal panel asks first). */
export const INTERRUPT_KEYS: Keys = CTRL_C;
