/** The expiry's question in lines: a new key's (step 3), and the key console's new expiry (e). */
import { formatUtc, LONGEST_WHY, PRESETS, resolvePreset } from '../domain/expiry';
import type { ExpiryState } from '../wizard/state';
import { BACK, chosenIndex, ENTER, ESCAPE, moveCursor, replaceWith, type LineStep } from './line-answers';

export function expiryQuestion(
  expiry: ExpiryState,
  now: Date,
  frame: { block: string; before?: string[]; after?: string[] },
): LineStep {
  const own = PRESETS.length;
  const error = expiry.error ? [`✖ ${expiry.error}`] : [];
  const after = frame.after ?? [];
  if (expiry.editing)
    return {
      lines: [...error, ...after],
      block: `${frame.block}-own:${expiry.error ?? ''}:${after.join()}`,
      question: { message: `Expiry: a date (2027-05-01), 45d, or an RFC 3339 time; ${BACK} goes back` },
      answer: (text) => (text.trim() === BACK ? [ESCAPE] : [replaceWith(text.trim()), ENTER]),
    };
  const presets = PRESETS.map(
    (p, i) =>
      `  ${i + 1}. ${p.label}: ${formatUtc(resolvePreset(p.id, now))}${i === expiry.cursor ? ' (Enter)' : ''}${p.id === '2y' ? `, the longest allowed (${LONGEST_WHY})` : ''}`,
  );
  return {
    lines: [...(frame.before ?? []), ...presets, `  ${own + 1}. a date of your own`, ...error, ...after],
    block: `${frame.block}:${expiry.error ?? ''}:${after.join()}`,
    question: { message: `Expiry: a number, or a date of your own; ${BACK} goes back` },
    answer(text) {
      const answer = text.trim();
      if (answer === BACK) return [ESCAPE];
      if (answer === '') return [ENTER];
      const index = chosenIndex(answer, own + 1);
      if (index !== undefined) return [...moveCursor(expiry.cursor, index), ENTER];
      return [...moveCursor(expiry.cursor, own), ENTER, replaceWith(answer), ENTER];
    },
  };
}
