/** The sign-in screen in lines: why no token could be had, the ways numbered, q quits. */
import { choose, SUBMIT } from '../wizard/intents';
import type { StateAt } from '../wizard/state';
import { SIGN_IN_WORDS } from '../wizard/steps/sign-in';
import { answers, ask, byWord, chosenIndex, type LineStep } from './line-answers';

export function signInStep(state: StateAt<'signIn'>): LineStep | undefined {
  const signIn = state.signIn;
  // A sign-in under way waits on Azure (or a person elsewhere): nothing to ask here.
  if (!signIn || signIn.stage !== 'choose') return undefined;
  const problem = `${signIn.problem.message}${signIn.problem.code ? ` (${signIn.problem.code})` : ''}`;
  const offered = answers(state);
  return {
    lines: [
      `✖ ${problem}`,
      'Ways to sign in:',
      ...signIn.choices.map((how, i) => `  ${i + 1}. ${SIGN_IN_WORDS[how]}${i === signIn.cursor ? ' (Enter)' : ''}`),
    ],
    block: `sign-in:${problem}`,
    question: { message: ask(`Sign in: a number (Enter takes ${signIn.cursor + 1})`, offered) },
    answer(text) {
      const answer = text.trim().toLowerCase();
      const word = byWord(offered, state, answer);
      if (word) return word;
      if (answer === '') return [SUBMIT];
      const index = chosenIndex(answer, signIn.choices.length);
      if (index === undefined) return `Answer a number from 1 to ${signIn.choices.length}, or q.`;
      return [choose(index)];
    },
  };
}
