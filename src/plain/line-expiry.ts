/** The expiry's question in lines: a new key's (step 3), and the key console's new expiry (e). */
import { formatUtc, LONGEST_WHY, PRESETS, resolvePreset } from '../domain/expiry';
import { choose, setText, SUBMIT } from '../wizard/intents';
import type { ExpiryState, WizardState } from '../wizard/state';
import { answers, ask, byWord, chosenIndex, type LineStep } from './line-answers';

export function expiryQuestion(
  state: WizardState,
  expiry: ExpiryState,
  frame: { field: 'expiry' | 'extend'; block: string; before?: string[]; after?: string[] },
): LineStep {
  const own = PRESETS.length;
  const error = expiry.error ? [`✖ ${expiry.error}`] : [];
  const after = frame.after ?? [];
  const offered = answers(state);
  if (expiry.editing)
    return {
      lines: [...error, ...after],
      block: `${frame.block}-own:${expiry.error ?? ''}:${after.join()}`,
      question: { message: ask('Expiry: a date (2027-05-01), 45d, or an RFC 3339 time', offered) },
      answer: (text) => byWord(offered, state, text) ?? [setText(frame.field, text.trim()), SUBMIT],
    };
  const presets = PRESETS.map(
    (p, i) =>
      `  ${i + 1}. ${p.label}: ${formatUtc(resolvePreset(p.id, state.now))}${i === expiry.cursor ? ' (Enter)' : ''}${p.id === '2y' ? `, the longest allowed (${LONGEST_WHY})` : ''}`,
  );
  return {
    lines: [...(frame.before ?? []), ...presets, `  ${own + 1}. a date of your own`, ...error, ...after],
    block: `${frame.block}:${expiry.error ?? ''}:${after.join()}`,
    question: { message: ask('Expiry: a number, or a date of your own', offered) },
    answer(text) {
      const answer = text.trim();
      const word = byWord(offered, state, answer);
      if (word) return word;
      if (answer === '') return [SUBMIT];
      const index = chosenIndex(answer, own + 1);
      if (index !== undefined) return [choose(index)];
      // A date typed at once: the row of one's own, then the date in its field.
      return [choose(own), setText(frame.field, answer), SUBMIT];
    },
  };
}
