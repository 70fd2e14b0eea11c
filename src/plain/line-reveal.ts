/** The key's panel in lines: its facts said once, then show, copy, hand off, leave; the rotation's last steps. */
import { nplusUrl } from '../domain/endpoint';
import { formatDaysFromNow, formatUtc } from '../domain/expiry';
import { HANDOFF_KINDS } from '../domain/handoff';
import { racedWarning } from '../keys/create-key';
import type { StateAt } from '../wizard/state';
import { HANDOFF_LABELS } from '../wizard/steps/handoff';
import { newKeyUnseen } from '../wizard/steps/rotation';
import { consumerWords } from '../wizard/consumer-words';
import { BACK, chosenIndex, ENTER, ESCAPE, moveCursor, replaceWith, typed, type LineStep } from './line-answers';

/** The panel's facts, said once: the key, the endpoint, what the integrations take, the check. */
function revealLines(state: StateAt<'reveal'>): string[] {
  const result = state.result;
  const endpoint = state.deployment.dataplaneApiEndpoint ?? '';
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

export function reveal(state: StateAt<'reveal'>): LineStep {
  const { reveal: panel, rotation } = state;
  const done = panel.handedOff.map((h) => [
    `${h.ok ? '✔' : '✖'} ${h.said}`,
    ...(h.nextLines ?? []).map((l) => `  ${l}`),
  ]);
  const consumers = consumerWords(state);
  const MARK = { pass: '✔ ', warn: '⚠ ', fail: '✖ ', none: '' } as const;
  const extra = [
    ...done.flat(),
    ...(panel.copyMessage ? [panel.copyMessage] : []),
    ...(rotation?.problem ? [`✖ ${rotation.problem}`] : []),
    ...(consumers?.lines ?? []).map((line) => `${MARK[line.mark]}${line.text}`),
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
  if (rotation?.stage === 'stopping') {
    const fresh = state.result.key.name;
    const unheld = newKeyUnseen(state) ? ` It was never shown, copied or handed off.` : '';
    return {
      lines: [`'${fresh}' is live beside '${rotation.old.name}'.${unheld}`],
      block: 'stopping',
      question: {
        message: `Stop the rotation? y stops, both keys stay · d deletes '${fresh}' again · n goes back`,
      },
      answer(text) {
        const answer = text.trim().toLowerCase();
        return ['y', 'n', 'd'].includes(answer) ? [typed(answer)] : 'Answer y, n or d.';
      },
    };
  }
  if (rotation?.stage === 'unheld') {
    const fresh = state.result.key.name;
    const old = rotation.old.name;
    return {
      lines: [
        `⚠ '${fresh}' was never shown, copied or handed off: its secret is in no place, and Azure cannot show it again. Whatever uses '${old}' would be refused.`,
      ],
      block: 'unheld',
      question: {
        message: `Delete '${old}' though no one holds '${fresh}'? r shows it · c copies it · h hands it off · d deletes '${old}' anyway · s stops here`,
      },
      // No default: an empty answer, or y, is asked again.
      answer(text) {
        const answer = text.trim().toLowerCase();
        if (answer === 's') return [ESCAPE];
        return ['r', 'c', 'h', 'd'].includes(answer) ? [typed(answer)] : 'Answer r, c, h, d or s.';
      },
    };
  }
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
    scene: `reveal:${state.result.key.id}`,
    block: `reveal:${extra.join('|')}:${typeof panel.verify === 'object' ? 'checked' : ''}`,
    question: {
      message: rotation
        ? `${choices}${consumers?.offer ? ` · ${consumers.offer}` : ''} · y once everything uses '${state.name}' (checked again, then '${rotation.old.name}' deleted) · s stops here`
        : `${choices} · q leaves`,
    },
    answer(text) {
      const answer = text.trim().toLowerCase();
      if (answer === 'r' || answer === 'c' || answer === 'h') return [typed(answer)];
      if (answer === 'a' && consumers?.offer) return [typed('a')];
      if (rotation && answer === 'y') return [ENTER];
      if (rotation && answer === 's') return [ESCAPE];
      if (!rotation && (answer === 'q' || answer === '')) return [typed('q')];
      return rotation ? `Answer r, c, h${consumers?.offer ? ', a' : ''}, y or s.` : 'Answer r, c, h or q.';
    },
  };
}
