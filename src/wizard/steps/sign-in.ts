/**
 * The sign-in screen: no token could be had (no Azure CLI, signed out, a sign-in that expired, a
 * tenant that wants its own), and the wizard does not end. ↑↓ and Enter choose a way — `az login`
 * in this terminal (the wizard hands it over and starts again where it was), a device code (its
 * code and page on screen, c copies the code, a countdown, Esc goes back), a browser where one
 * can open, the demo, or quit (exit 4, the ways said again).
 */
import { commandLine, commandParagraph } from '../../domain/started-as';
import { MOVES, moveTo, pageOf, within } from '../list-window';
import { SIGN_IN } from '../../domain/sign-in';
import { finish, issue } from '../effects';
import { action, BACK, CANCEL, SUBMIT, type Intent } from '../intents';
import type { Binding } from '../keymap';
import type { Problem, SignInHow, SignInState, StateAt, WizardState } from '../state';

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

const choosing = (s: StateAt<'signIn'>) => s.signIn?.stage === 'choose';
const signingIn = (s: StateAt<'signIn'>) => s.signIn !== undefined && s.signIn.stage !== 'choose';

export const SIGN_IN_KEYS: readonly Binding<StateAt<'signIn'>>[] = [
  {
    keys: MOVES,
    label: 'move',
    word: false,
    when: choosing,
    intent: (s, token) => moveTo(token, s.signIn?.cursor ?? 0, s.signIn?.choices.length ?? 0, pageOf('signIn', s.rows)),
  },
  { keys: ['enter'], label: 'choose', word: false, when: choosing, intent: SUBMIT },
  { keys: ['q'], label: 'quit', when: choosing, intent: action('leave') },
  { keys: ['escape'], word: false, when: choosing, intent: action('leave') },
  {
    keys: ['c'],
    label: 'copy the code',
    when: (s) => s.signIn?.stage === 'waiting' && s.signIn.deviceCode?.userCode !== undefined,
    intent: action('copy'),
  },
  { keys: ['escape', 'q'], label: 'other ways', word: false, when: signingIn, intent: BACK },
  { keys: ['ctrlC'], label: 'quit', word: false, when: (s) => s.signIn?.stage === 'waiting', intent: CANCEL },
];

export function onSignInIntent(state: StateAt<'signIn'>, intent: Intent): WizardState {
  const signIn = state.signIn;
  if (!signIn) return state;
  if (signIn.stage !== 'choose') {
    if (intent.type === 'back')
      return issue(withSignIn(state, { stage: 'choose', deviceCode: undefined }), { kind: 'cancelSignIn' });
    if (intent.type === 'action' && intent.name === 'copy' && signIn.deviceCode?.userCode)
      return issue(withSignIn(state, { copyMessage: 'Copying…' }), {
        kind: 'copy',
        secret: signIn.deviceCode.userCode,
      });
    return state;
  }
  switch (intent.type) {
    case 'select':
      return withSignIn(state, { cursor: within(intent.index, signIn.choices.length) });
    case 'choose':
      return choose(state, signIn.choices[within(intent.index, signIn.choices.length)] ?? 'quit');
    case 'submit':
      return choose(state, signIn.choices[signIn.cursor] ?? 'quit');
    case 'back':
      return quit(state);
    case 'action':
      return intent.name === 'leave' ? quit(state) : state;
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
    `Stopped: ${problem?.message ?? code}. Sign in with az login, or with a device code:${commandParagraph(commandLine('--auth device-code', { program: state.preset.program }))}or try the demo:${commandParagraph(commandLine('', { program: state.preset.program, demo: true }))}`,
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
