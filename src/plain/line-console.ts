/** The key console in lines: its keys numbered, then n, r N, e N, d N, < or q; and the questions of r, e and d. */
import { formatDaysFromNow, formatUtc } from '../domain/expiry';
import type { ApiKey } from '../port/gateway';
import { consoleKeys, rotationPlan } from '../wizard/selectors';
import { keyHistoryWords } from '../wizard/key-history';
import type { StateAt } from '../wizard/state';
import { expiryQuestion } from './line-expiry';
import {
  BACK,
  chosenIndex,
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

function describeKey(key: ApiKey, now: Date): string {
  const end = Number.isNaN(key.endDateTime.getTime()) ? 'an unknown time' : formatUtc(key.endDateTime);
  return `${key.name}, hint ${key.hint}, expires ${end} (${formatDaysFromNow(key.endDateTime, now)})`;
}

/** What this machine changed on the keys shown (history), one line each that has something. */
function historyLines(state: StateAt<'keys'>, shown: ApiKey[]): string[] {
  return shown.flatMap((k) => {
    const words = keyHistoryWords(state, k.name);
    return words ? [`      ${k.name}, changed here: ${words}`] : [];
  });
}

export function keyConsole(state: StateAt<'keys'>): LineStep {
  const keys = consoleKeys(state);
  const confirm = state.console.confirm;
  const deployment = state.deployment.name;
  const message = state.console.message;
  const unread = typeof state.keys === 'object' && 'error' in state.keys ? state.keys.error : undefined;
  const { start, shown } = linePage(keys, state.console.cursor);
  const { before, after } = pageLines(keys.length, start, shown.length);
  const head = [
    ...(message ? [`${message.ok ? '✔' : '✖'} ${message.text}`] : []),
    unread ? `✖ Could not read the keys of ${deployment}: ${unread}` : `Keys of ${deployment}, soonest expiry first:`,
    ...before,
    ...shown.map((k, i) => `  ${String(start + i + 1).padStart(2)}. ${describeKey(k, state.now)}`),
    ...after,
    ...historyLines(state, shown),
  ];
  if (confirm?.kind === 'rotate') {
    const plan = rotationPlan(state, confirm.key);
    return {
      lines: [
        `Rotate '${confirm.key.name}': a new key '${plan.name}', generated, expiring ${formatUtc(plan.endDateTime)}, made beside it and checked; '${confirm.key.name}' is deleted only after you say your integrations switched and the dataplane still takes the new key.`,
      ],
      block: `rotate:${confirm.key.name}`,
      question: { message: `Rotate '${confirm.key.name}'? y goes on · ${BACK} keeps everything as it is` },
      answer: (text) => (/^y(es)?$/i.test(text.trim()) ? [ENTER] : text.trim() === BACK ? [ESCAPE] : 'Answer y, or <.'),
    };
  }
  const extend = state.console.extend;
  if (extend?.shorter) {
    const { key, shorter } = extend;
    return {
      lines: [
        `'${key.name}' expires ${formatUtc(key.endDateTime)} (${formatDaysFromNow(key.endDateTime, state.now)}); ${shorter.label} is ${formatUtc(shorter.endDateTime)}, ${shorter.words}: shorter, not longer.`,
      ],
      block: `shorten:${key.name}:${shorter.endDateTime.toISOString()}`,
      question: { message: `Shorten '${key.name}'? y shortens it · n chooses again` },
      answer: (text) => {
        const answer = text.trim().toLowerCase();
        if (answer === 'y' || answer === 'yes') return [typed('y')];
        if (answer === 'n' || answer === 'no') return [typed('n')];
        if (answer === BACK) return [ESCAPE];
        return 'Answer y or n.';
      },
    };
  }
  if (extend) {
    const key = extend.key;
    return expiryQuestion(extend.expiry, state.now, {
      block: `extend:${key.name}`,
      before: [
        `A new expiry for '${key.name}' (now ${formatUtc(key.endDateTime)}, ${formatDaysFromNow(key.endDateTime, state.now)}); its secret stays the same.`,
      ],
      after: extend.working ? [`Saving the new expiry of '${key.name}'…`] : extend.failed ? [`✖ ${extend.failed}`] : [],
    });
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
    block: `console:${keys.map((k) => k.name).join(',')}:${start}:${message?.text ?? ''}:${state.keyHistory?.entries.length ?? ''}`,
    question: {
      message: `${keys.length > shown.length ? '+/- more · ' : ''}n new · r N rotate · e N extend · d N delete · ${BACK} back · q leave`,
      short: 'Keys',
    },
    answer(text) {
      const page = turnPage(text, state.console.cursor, keys.length);
      if (page) return page;
      const words = text.trim().toLowerCase().split(/\s+/);
      const [verb, which] = words;
      if (verb === 'n') return [typed('n')];
      if (verb === BACK) return [ESCAPE];
      if (verb === 'q') return [typed('q')];
      if (verb === 'r' || verb === 'd' || verb === 'e') {
        const index = which === undefined && keys.length === 1 ? 0 : chosenIndex(which ?? '', keys.length);
        if (index === undefined) return `Name the key by its number: ${verb} 1 to ${verb} ${keys.length}.`;
        return [...moveCursor(state.console.cursor, index), typed(verb)];
      }
      return `Answer n, r N, e N, d N, ${BACK} or q.`;
    },
  };
}
