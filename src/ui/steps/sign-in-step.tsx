/**
 * The sign-in screen: why no token could be had, the ways to sign in (the first taken by Enter),
 * and while a device code waits, its page and code on lines of their own with a countdown.
 */
import { Box, Text } from 'ink';
import type { SignInState } from '../../wizard/state';
import { SIGN_IN_WORDS } from '../../wizard/steps/sign-in';
import { Question } from '../components/question';
import { More } from '../components/more';
import { listRoom, windowOf } from '../../wizard/list-window';
import { Spinner } from '../components/spinner';
import { Problem, Words } from '../components/said';
import { colors, figures } from '../../term/style';

export interface SignInViewProps {
  signIn: SignInState;
  now: Date;
  /** The terminal's height: the ways are a window of it. */
  rows?: number;
  /** The step's keys (its keymap), as the hint line draws them. */
  hints: [string, string][];
}

/** mm:ss left, never below zero. */
export function countdown(expiresAt: number, now: Date): string {
  const left = Math.max(0, Math.round((expiresAt - now.getTime()) / 1000));
  return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
}

export function SignInStep({ signIn, now, rows = 24, hints }: SignInViewProps) {
  const code = signIn.deviceCode;
  if (signIn.stage === 'waiting' && code)
    return (
      <Question title="Sign in with a device code" hints={hints}>
        <Text>{'  Open this page in a browser, on any device:'}</Text>
        <Text>{`    ${code.url ?? ''}`}</Text>
        <Text>{'  and enter the code:'}</Text>
        <Text bold color={colors.accent}>{`    ${code.userCode ?? ''}`}</Text>
        <Spinner label={`Waiting for the sign-in · the code expires in ${countdown(code.expiresAt, now)}`} />
        {signIn.copyMessage ? <Words role="muted" indent={2} text={signIn.copyMessage} /> : null}
      </Question>
    );
  if (signIn.stage === 'working')
    return <Spinner label={`Signing in (${SIGN_IN_WORDS[signIn.how ?? 'device-code'].toLowerCase()})… Esc stops`} />;
  const shown = windowOf(signIn.choices.length, signIn.cursor, listRoom('signIn', rows));
  return (
    <Question title="Sign in to Azure" hints={hints}>
      <Problem text={`${signIn.problem.message}${signIn.problem.code ? ` (${signIn.problem.code})` : ''}`} />
      <More count={shown.start} direction="up" />
      <Box flexDirection="column" aria-role="listbox">
        {signIn.choices.slice(shown.start, shown.end).map((how, at) => {
          const i = shown.start + at;
          return (
            <Box
              key={how}
              aria-role="option"
              aria-state={{ selected: i === signIn.cursor }}
              aria-label={SIGN_IN_WORDS[how]}
            >
              <Text color={i === signIn.cursor ? colors.accent : undefined} wrap="truncate-end">
                {i === signIn.cursor ? `${figures.pointer} ` : '  '}
                {SIGN_IN_WORDS[how]}
              </Text>
            </Box>
          );
        })}
      </Box>
      <More count={shown.below} direction="down" />
    </Question>
  );
}
