/** The sign-in screen in lines: why no token could be had, the ways numbered, q quits. */
import type { StateAt } from '../wizard/state';
import { SIGN_IN_WORDS } from '../wizard/steps/sign-in';
import { chosenIndex, ENTER, moveCursor, typed, type LineStep } from './line-answers';

export function signInStep(state: StateAt<'signIn'>): LineStep | undefined {
  const signIn = state.signIn;
  // A sign-in under way waits on Azure (or a person elsewhere): nothing to ask here.
  if (!signIn || signIn.stage !== 'choose') return undefined;
  const problem = `${signIn.problem.message}${signIn.problem.code ? ` (${signIn.problem.code})` : ''}`;
  return {
    lines: [
      `✖ ${problem}`,
      'Ways to sign in:',
      ...signIn.choices.map((how, i) => `  ${i + 1}. ${SIGN_IN_WORDS[how]}${i === signIn.cursor ? ' (Enter)' : ''}`),
    ],
    block: `sign-in:${problem}`,
    question: { message: `Sign in: a number (Enter takes 1) · q quits` },
    answer(text) {
      const answer = text.trim().toLowerCase();
      if (answer === 'q') return [typed('q')];
      if (answer === '') return [ENTER];
      const index = chosenIndex(answer, signIn.choices.length);
      if (index === undefined) return `Answer a number from 1 to ${signIn.choices.length}, or q.`;
      return [...moveCursor(signIn.cursor, index), ENTER];
    },
  };
}
