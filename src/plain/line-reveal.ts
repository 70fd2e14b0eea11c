/** The key's panel in lines: its facts said once, then show, copy, hand off, leave; the rotation's last steps. */
import { nplusUrl } from '../domain/endpoint';
import { formatUtc } from '../domain/expiry';
import { formatDaysFromNow } from '../domain/expiry-words';
import { HANDOFF_KINDS } from '../domain/handoff';
import { couldNotCheck } from '../domain/reach';
import { racedWarning } from '../keys/create-key';
import type { StateAt } from '../wizard/state';
import { HANDOFF_LABELS } from '../wizard/steps/handoff';
import { heldByNoOne, newKeyUnseen, UNHELD, UNSURE_COPY } from '../wizard/steps/reveal';
import { choose, setText, SUBMIT } from '../wizard/intents';
import { consumerWords } from '../wizard/consumer-words';
import { answers, ask, byWord, chosenIndex, refusal, type LineStep } from './line-answers';

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
    'Save the key now: it is never shown again.',
    `Dataplane endpoint: ${endpoint}`,
    `For NLK and nginx-asg-sync: ${nplusUrl(endpoint)}`,
    ...(verify && verify !== 'pending'
      ? [
          verify.ok
            ? `✔ The dataplane accepted the key (GET /packages answered ${verify.status}).`
            : verify.unreachable
              ? `⚠ ${couldNotCheck('the key', verify.unreachable)}`
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
    ...(consumers?.offer ? [consumers.offer] : []),
  ];
  const offered = answers(state);
  const answer = (text: string) => byWord(offered, state, text) ?? refusal(offered);
  const menu = panel.handoff;
  if (menu?.stage === 'kind')
    return {
      lines: HANDOFF_KINDS.map((kind, i) => `  ${i + 1}. ${HANDOFF_LABELS[kind]}`),
      block: 'handoff-kind',
      question: { message: ask('Hand the key to: a number', offered) },
      answer(text) {
        const word = byWord(offered, state, text);
        if (word) return word;
        const index = chosenIndex(text, HANDOFF_KINDS.length);
        return index === undefined ? `Type a number from 1 to ${HANDOFF_KINDS.length}.` : [choose(index)];
      },
    };
  if (menu?.stage === 'destination')
    return {
      lines: menu.error ? [`✖ ${menu.error}`] : [],
      block: `handoff-destination:${menu.error ?? ''}`,
      question: { message: ask(`Where: Enter takes ${menu.text}`, offered) },
      answer(text) {
        const word = byWord(offered, state, text);
        if (word) return word;
        return text.trim() === '' ? [SUBMIT] : [setText('handoff', text.trim()), SUBMIT];
      },
    };
  if (rotation?.stage === 'stopping') {
    const fresh = state.result.key.name;
    const unheld = newKeyUnseen(state)
      ? ` It was never shown, copied or handed off, and no one can read it again: it cannot stay, so stopping deletes it again.`
      : '';
    return {
      lines: [`'${fresh}' is live beside '${rotation.old.name}'.${unheld}`],
      block: 'stopping',
      question: { message: ask('Stop the rotation?', offered) },
      answer,
    };
  }
  if (rotation?.stage === 'unchecked') {
    const fresh = state.result.key.name;
    return {
      lines: rotation.problem ? [`⚠ ${rotation.problem}`] : [],
      block: `unchecked:${rotation.problem ?? ''}`,
      // No default: an empty answer is asked again.
      question: { message: ask(`Delete '${rotation.old.name}' though '${fresh}' was not checked?`, offered) },
      answer,
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
      // No default: an empty answer, or y, is asked again.
      question: { message: ask(`Delete '${old}' though no one holds '${fresh}'?`, offered) },
      answer,
    };
  }
  if (panel.askingToLeave && heldByNoOne(state) && panel.copiedUnsure)
    return {
      lines: [`⚠ ${UNSURE_COPY}`],
      block: 'leaving-unsure',
      question: { message: ask('Have you saved the key?', offered) },
      answer,
    };
  if (panel.askingToLeave && heldByNoOne(state))
    return {
      lines: [`⚠ ${UNHELD}`],
      block: 'leaving-unheld',
      question: { message: ask('Go back to the key, or delete it again?', offered) },
      answer,
    };
  if (panel.askingToLeave)
    return {
      lines: [],
      block: 'leaving',
      question: { message: ask('Have you saved the key?', offered) },
      answer,
    };
  const switching = rotation
    ? [
        `Switch your integrations to '${state.name}', then answer y: it is checked again, and '${rotation.old.name}' is deleted.`,
      ]
    : [];
  return {
    lines: [...revealLines(state), ...switching, ...extra],
    scene: `reveal:${state.result.key.id}`,
    block: `reveal:${panel.notice ?? ''}:${extra.join('|')}:${typeof panel.verify === 'object' ? 'checked' : ''}`,
    question: { message: ask('', offered), short: rotation ? 'Rotation' : 'The key' },
    answer,
  };
}
