/** The sign-in screen as a table of transitions: the machine alone, no Ink, no Azure. */
import { describe, expect, it } from 'vitest';
import { transition } from '../../src/wizard/machine';
import { initialState, type SignInFacts, type WizardEvent, type WizardState } from '../../src/wizard/state';
import { afterHandOver } from '../../src/wizard/steps/sign-in';
import { pressed, type KeyName } from '../helpers/keys';
import { NOW } from '../helpers/fixtures';

const SIGNED_OUT = {
  message: 'not signed in to the Azure CLI',
  code: 'AzureCliSignedOut',
  kind: 'unauthenticated' as const,
};
const send = (state: WizardState, ...events: WizardEvent[]) => events.reduce(transition, state);
const press = (state: WizardState, ...keys: (KeyName | string)[]) =>
  keys.reduce(
    (s, k) =>
      transition(s, {
        type: 'input',
        ...(k.length > 1 ? pressed(k as KeyName) : { input: k, key: {} }),
        now: s.now,
      }),
    state,
  );
const last = (s: WizardState) => s.commands[s.commands.length - 1];

function signedOut(facts: SignInFacts | null = { azInstalled: true, browser: false }) {
  return send(initialState(NOW, facts ? { signIn: facts } : {}), { type: 'deploymentsFailed', problem: SIGNED_OUT });
}

describe('the sign-in screen', () => {
  it.each([
    [{ azInstalled: true, browser: false }, ['az-login', 'az-login-device', 'device-code', 'demo', 'quit']],
    [{ azInstalled: false, browser: false }, ['device-code', 'demo', 'quit']],
    [{ azInstalled: false, browser: true }, ['device-code', 'browser', 'demo', 'quit']],
  ])('no token to be had, with %j: the ways offered are %j', (facts, choices) => {
    const s = signedOut(facts);
    expect([s.step, s.signIn?.choices, s.signIn?.problem]).toEqual(['signIn', choices, SIGNED_OUT]);
  });

  it('another failure, or a run without the screen (a command), is the failure screen as before', () => {
    expect(
      send(initialState(NOW, { signIn: { azInstalled: true, browser: false } }), {
        type: 'deploymentsFailed',
        problem: { message: 'HTTP 500', kind: 'unknown' },
      }).step,
    ).toBe('failed');
    expect(signedOut(null).step).toBe('failed');
  });

  it('Enter on az login hands the terminal over; back from it, discovery starts again in the same run', () => {
    const handed = press(signedOut(), 'enter');
    expect([handed.exitCode, handed.handOver]).toEqual([0, 'az-login']);
    const back = afterHandOver(handed, NOW);
    expect([back.step, back.exitCode, back.handOver, back.commands]).toEqual([
      'loading',
      undefined,
      undefined,
      [{ id: handed.nextCommandId, kind: 'discover' }],
    ]);
  });

  it('a device code: asked for, shown with a countdown, c copies the code, Esc goes back and stops it', () => {
    const working = press(signedOut(), 'down', 'down', 'enter');
    expect([working.signIn?.stage, last(working)]).toEqual([
      'working',
      { id: expect.any(Number), kind: 'signIn', how: 'device-code' },
    ]);
    const code = {
      message: 'open and enter',
      userCode: 'ABC123',
      url: 'https://x/devicelogin',
      expiresAt: NOW.getTime() + 900_000,
    };
    const waiting = send(working, { type: 'deviceCode', ...code });
    expect([waiting.signIn?.stage, waiting.signIn?.deviceCode]).toEqual(['waiting', code]);
    expect(last(press(waiting, 'c'))).toMatchObject({ kind: 'copy', secret: 'ABC123' });
    const back = press(waiting, 'esc');
    expect([back.signIn?.stage, last(back)?.kind]).toEqual(['choose', 'cancelSignIn']);
    // The stopped sign-in's own answer changes nothing.
    expect(send(back, { type: 'signInFailed', problem: { message: 'cancelled', kind: 'cancelled' } })).toEqual(back);
  });

  it('signed in: on to the deployments; the demo marks the run as the demo with its vault', () => {
    const working = press(signedOut(), 'down', 'down', 'down', 'enter');
    expect(last(working)).toMatchObject({ kind: 'signIn', how: 'demo' });
    const demo = send(working, {
      type: 'signedIn',
      authDescription: 'the demo emulator',
      demoVault: 'contoso-keys.vault.azure.net',
    });
    expect([demo.step, demo.loadingMessage, demo.preset.demo, last(demo)?.kind]).toEqual([
      'loading',
      'Signing in with the demo emulator…',
      true,
      'discover',
    ]);
  });

  it('a failed sign-in is said on the screen, which stays for another way', () => {
    const working = press(signedOut(), 'down', 'down', 'enter');
    const failed = send(working, {
      type: 'signInFailed',
      problem: {
        message: 'this machine cannot reach Microsoft Entra ID',
        code: 'EntraUnreachable',
        kind: 'unauthenticated',
      },
    });
    expect([failed.step, failed.signIn?.stage, failed.signIn?.problem.code]).toEqual([
      'signIn',
      'choose',
      'EntraUnreachable',
    ]);
  });

  it('q (or Quit) leaves with 4, saying how to sign in; q while signing in leaves with 130', () => {
    const quit = press(signedOut(), 'q');
    expect([quit.exitCode, quit.farewell]).toEqual([
      4,
      'Stopped: not signed in to the Azure CLI. Sign in with az login, or with a device code:\n$ nginxaas-keys --auth device-code\nor try the demo:\n$ nginxaas-keys --demo\n',
    ]);
    expect(press(initialState(NOW), 'q').exitCode).toBe(130);
  });
});
