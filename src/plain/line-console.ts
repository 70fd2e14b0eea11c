/** The key console in lines: its keys numbered, then its keymap's words (n, r N, e N, d N, < or q); and the questions of r, e and d. */
import { formatUtc } from '../domain/expiry';
import { formatDaysFromNow, labelBeside } from '../domain/expiry-words';
import { deletingWords } from '../domain/readiness';
import type { ApiKey } from '../port/gateway';
import { consoleKeys, rotationPlan } from '../wizard/selectors';
import { keyHistoryWords } from '../wizard/key-history';
import type { StateAt } from '../wizard/state';
import { setText, SUBMIT } from '../wizard/intents';
import { expiryQuestion } from './line-expiry';
import { answers, ask, byWord, linePage, pageLines, refusal, turnPage, type LineStep } from './line-answers';

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
  const offered = answers(state);
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
      question: { message: ask(`Rotate '${confirm.key.name}'?`, offered) },
      answer: (text) => byWord(offered, state, text) ?? refusal(offered),
    };
  }
  const extend = state.console.extend;
  if (extend?.shorter) {
    const { key, shorter } = extend;
    return {
      lines: [
        `'${key.name}' expires ${formatUtc(key.endDateTime)} (${formatDaysFromNow(key.endDateTime, state.now)}); ${labelBeside(shorter.label, shorter.endDateTime) ?? 'the new one'} is ${formatUtc(shorter.endDateTime)}, ${shorter.words}: shorter, not longer.`,
      ],
      block: `shorten:${key.name}:${shorter.endDateTime.toISOString()}`,
      question: { message: ask(`Shorten '${key.name}'?`, offered) },
      answer: (text) => byWord(offered, state, text) ?? refusal(offered),
    };
  }
  if (extend) {
    const key = extend.key;
    return expiryQuestion(state, extend.expiry, {
      field: 'extend',
      block: `extend:${key.name}`,
      before: [
        `A new expiry for '${key.name}' (now ${formatUtc(key.endDateTime)}, ${formatDaysFromNow(key.endDateTime, state.now)}); its secret stays the same.`,
      ],
      after: extend.working ? [`Saving the new expiry of '${key.name}'…`] : extend.failed ? [`✖ ${extend.failed}`] : [],
    });
  }
  if (confirm?.kind === 'delete') {
    return {
      lines: confirm.error
        ? [`✖ ${confirm.error}`]
        : [`Deleting '${confirm.key.name}'. ${deletingWords(confirm.key, state.now)}`],
      block: `delete:${confirm.key.name}:${confirm.error ?? ''}`,
      question: { message: ask(`Type the key's name, ${confirm.key.name}, to delete it`, offered) },
      answer: (text) => byWord(offered, state, text) ?? [setText('confirm', text.trim()), SUBMIT],
    };
  }
  return {
    lines: head,
    block: `console:${keys.map((k) => k.name).join(',')}:${start}:${message?.text ?? ''}:${state.keyHistory?.entries.length ?? ''}`,
    question: {
      message: `${keys.length > shown.length ? '+/- more · ' : ''}${ask('', offered, 'menu')}`,
      short: 'Keys',
    },
    answer: (text) =>
      turnPage(text, state.console.cursor, keys.length) ??
      byWord(offered, state, text, keys.length) ??
      refusal(offered),
  };
}
