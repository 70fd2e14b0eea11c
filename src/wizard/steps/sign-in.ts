/**
 * The sign-in screen: no token could be had (no Azure CLI, signed out, a sign-in that expired, a
 * tenant that wants its own), and the wizard does not end. ↑↓ and Enter choose a way — `az login`
 * in this terminal (the wizard hands it over and starts again where it was), a device code (its
 * code and page on screen, c copies the code, a countdown, Esc goes back), a browser where one
 * can open, the demo, or quit (exit 4, the ways said again).
 */
import { commandLine } from '../../domain/started-as';
import { movedCursor, pageOf } from '../list-window';
import { SIGN_IN } from '../../domain/sign-in';
import { finish, issue } from '../effects';
import type { Token } from '../tokens';
import type { Problem, SignInHow, SignInState, WizardState } from '../state';

/** Each way as both faces say it. */
export const SIGN_IN_WORDS: Record<SignInHow, string> = {
  'az-login': 'Sign in with the Azure CLI (az login, in this terminal)',
  'az-login-device': 'Sign in with the Azure CLI and a code (az login --use-device-code)',
  'device-code': 'Sign in with a device code (no Azure CLI needed)',
  browser: 'Sign in in a browser',
  demo: 'Try the demo (the local emulator, no Azure account)',
  quit: 'Quit',
};

/** The choices this machine can offer, the first taken by Enter. */
export function signInChoices(state: WizardState): SignInHow[] {
  const facts = state.preset.signIn;
  return [
    ...(facts?.azInstalled ? (['az-login', 'az-login-device'] as const) : []),
    'device-code',
    ...(facts?.browser ? (['browser'] as const) : []),
    'demo',
    'quit',
  ];
}

/** Discovery could not sign in: offer the ways, where the command line said this run may. */
export function toSignIn(state: WizardState, problem: Problem): WizardState | undefined {
  if (problem.kind !== 'unauthenticated' || !state.preset.signIn || state.preset.demo) return undefined;
  const choices = signInChoices(state);
  return { ...state, step: 'signIn', signIn: { cursor: 0, choices, stage: 'choose', problem } };
}

function withSignIn(state: WizardState, change: Partial<SignInState>): WizardState {
  return state.signIn ? { ...state, signIn: { ...state.signIn, ...change } } : state;
}

export function onSignInToken(state: WizardState, token: Token): WizardState {
  const signIn = state.signIn;
  if (!signIn) return state;
  if (signIn.stage !== 'choose') {
    if (token.kind === 'escape' || (token.kind === 'char' && token.ch.toLowerCase() === 'q'))
      return issue(withSignIn(state, { stage: 'choose', deviceCode: undefined }), { kind: 'cancelSignIn' });
    if (token.kind === 'char' && token.ch.toLowerCase() === 'c' && signIn.deviceCode?.userCode)
      return issue(withSignIn(state, { copyMessage: 'Copying…' }), {
        kind: 'copy',
        secret: signIn.deviceCode.userCode,
      });
    return state;
  }
  const moved = movedCursor(token, signIn.cursor, signIn.choices.length, pageOf('signIn', state.rows));
  if (moved !== undefined) return withSignIn(state, { cursor: moved });
  switch (token.kind) {
    case 'char':
      return token.ch.toLowerCase() === 'q' ? quit(state) : state;
    case 'escape':
      return quit(state);
    case 'enter':
      return choose(state, signIn.choices[signIn.cursor] ?? 'quit');
    default:
      return state;
  }
}

function choose(state: WizardState, how: SignInHow): WizardState {
  if (how === 'quit') return quit(state);
  // az login reads the terminal itself: the wizard hands it over, and starts again afterwards.
  if (how === 'az-login' || how === 'az-login-device') return { ...finish(state, 'done', 0, ''), handOver: how };
  return issue(withSignIn(state, { stage: 'working', how, copyMessage: undefined }), { kind: 'signIn', how });
}

function quit(state: WizardState): WizardState {
  const problem = state.signIn?.problem;
  const code = problem?.code === SIGN_IN.azNotInstalled ? 'the Azure CLI is not installed' : 'not signed in to Azure';
  return finish(
    state,
    'done',
    4,
    `Stopped: ${problem?.message ?? code}. Sign in with az login, or with a device code: ${commandLine('--auth device-code', { program: state.preset.program })}; or try the demo: ${commandLine('', { program: state.preset.program, demo: true })}`,
  );
}

/** Back from `az login`: the wizard starts over from discovery, in the same run. */
export function afterHandOver(state: WizardState, now: Date): WizardState {
  const { exitCode: _exit, farewell: _said, endedAt: _at, handOver: _how, ...kept } = state;
  return {
    ...kept,
    step: 'loading',
    now,
    loadingMessage: 'Signing in with the Azure CLI…',
    signIn: undefined,
    commands: [{ id: state.nextCommandId, kind: 'discover' }],
    nextCommandId: state.nextCommandId + 1,
  };
}

export function onDeviceCode(state: WizardState, code: NonNullable<SignInState['deviceCode']>): WizardState {
  return state.step === 'signIn' ? withSignIn(state, { stage: 'waiting', deviceCode: code }) : state;
}

export function onSignedIn(state: WizardState, authDescription: string, demoVault?: string): WizardState {
  if (state.step !== 'signIn') return state;
  return issue(
    {
      ...state,
      step: 'loading',
      loadingMessage: `Signing in with ${authDescription}…`,
      signIn: undefined,
      ...(demoVault ? { preset: { ...state.preset, demo: true, demoVault } } : {}),
    },
    { kind: 'discover' },
  );
}

export function onSignInFailed(state: WizardState, problem: Problem): WizardState {
  if (state.step !== 'signIn') return state;
  return withSignIn(state, { stage: 'choose', problem, deviceCode: undefined });
}
