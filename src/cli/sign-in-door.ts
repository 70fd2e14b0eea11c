/**
 * The ways the wizard's sign-in screen can sign this run in, without ending it: `az login` in
 * this terminal (the wizard hands the terminal over and takes it back), a device code or a
 * browser through @azure/identity, or the demo's emulator. Each new sign-in becomes the gateway
 * every later call goes to. What this machine can offer is found here too: whether `az` is on
 * PATH, and whether a browser can be opened.
 */
import type { ChildProcess } from 'node:child_process';
import { azInvocation } from '../domain/platform';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { AUTH_DESCRIPTIONS } from '../domain/auth-modes';
import type { SwitchableGateway } from '../port/switchable-gateway';
import type { Session } from '../port/session';
import type { SignInDoor } from '../wizard/door';
import type { SignInFacts } from '../wizard/state';
import { connect, type ConnectHooks } from './connect';
import { demoStatePath, type ConnectOptions } from './scope';

/** Microsoft Entra ID's device codes live 15 minutes (identity does not pass the exact end on). */
const DEVICE_CODE_MS = 15 * 60 * 1000;

/** The wizard's door (wizard/door.ts), with the sessions it opened closed at the end of the run. */
export interface ClosingDoor extends SignInDoor {
  close(): Promise<void>;
}

function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  const names = process.platform === 'win32' ? [`${command}.cmd`, `${command}.exe`] : [command];
  return (env.PATH ?? '').split(delimiter).some((folder) =>
    names.some((name) => {
      try {
        accessSync(join(folder, name), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    }),
  );
}

/** How long a Ctrl+C from the terminal, which az gets itself, is given before it is passed on. */
const TERMINAL_INTERRUPT_GRACE_MS = 300;

/**
 * SIGTERM and SIGHUP sent to this run are passed to az, which is waited for. SIGINT is too,
 * unless az ends at once: a Ctrl+C on the terminal reaches az itself (it is in the terminal's
 * foreground group), and a second one so close could cut its own clean-up short.
 */
function passSignals(child: ChildProcess): () => void {
  const running = () => child.exitCode === null && child.signalCode === null;
  const timers = new Set<NodeJS.Timeout>();
  const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((signal) => {
    const pass = () => {
      if (signal !== 'SIGINT') return void (running() && child.kill(signal));
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (running()) child.kill(signal);
      }, TERMINAL_INTERRUPT_GRACE_MS);
      timers.add(timer);
    };
    process.on(signal, pass);
    return [signal, pass] as const;
  });
  return () => {
    for (const [signal, pass] of handlers) process.off(signal, pass);
    for (const timer of timers) clearTimeout(timer);
  };
}

export function signInFacts(env: NodeJS.ProcessEnv): SignInFacts {
  const desktop = process.platform === 'darwin' || process.platform === 'win32';
  return { azInstalled: onPath('az', env), browser: desktop || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY) };
}

export function signInDoor(
  options: ConnectOptions,
  env: NodeJS.ProcessEnv,
  hooks: ConnectHooks,
  gateway: SwitchableGateway,
): ClosingDoor {
  const sessions: Session[] = [];
  let attempt: AbortController | undefined;
  return {
    facts: signInFacts(env),
    async signIn(how, onDeviceCode, signal) {
      attempt = new AbortController();
      const stop = AbortSignal.any([signal, attempt.signal]);
      if (how === 'demo') {
        const demo = { ...options, demo: true, demoState: { path: demoStatePath(env), reset: false } };
        const session = await connect(demo, env, hooks);
        sessions.push(session);
        gateway.use(session.gateway);
        return { authDescription: 'the demo emulator', demoVault: session.demoVault };
      }
      const auth = how === 'browser' ? 'browser' : 'device-code';
      const session = await connect({ ...options, auth }, env, {
        ...hooks,
        onDeviceCode: (info) =>
          onDeviceCode({
            message: info.message,
            userCode: info.userCode,
            url: info.verificationUri,
            expiresAt: Date.now() + DEVICE_CODE_MS,
          }),
      });
      sessions.push(session);
      // The first request signs in: it waits for the person, until Esc, Ctrl+C or the code's end.
      await session.gateway.listSubscriptions({ signal: stop });
      gateway.use(session.gateway);
      return { authDescription: AUTH_DESCRIPTIONS[auth] };
    },
    cancel: () => attempt?.abort(),
    handOver(how, force) {
      const args = ['login', ...(options.tenant ? ['--tenant', options.tenant] : [])];
      if (how === 'az-login-device') args.push('--use-device-code');
      // The tenant is checked when the options are read: az takes it, also through cmd.exe.
      const az = azInvocation(args, process.platform, env);
      return new Promise<void>((resolve) => {
        // This module loads with the wizard's screens; node:child_process only when az is handed the terminal.
        const { spawn } = process.getBuiltinModule('node:child_process');
        const child = spawn(az.file, az.args, {
          stdio: 'inherit',
          env,
          windowsVerbatimArguments: az.windowsVerbatimArguments,
        });
        const stopPassing = passSignals(child);
        const giveUp = () => {
          child.kill('SIGKILL');
          over();
        };
        const over = () => {
          stopPassing();
          force?.removeEventListener('abort', giveUp);
          resolve();
        };
        if (force?.aborted) giveUp();
        force?.addEventListener('abort', giveUp, { once: true });
        child.on('error', over);
        child.on('close', () => {
          gateway.signInAgain?.();
          over();
        });
      });
    },
    async close() {
      await Promise.all(sessions.map((session) => session.close()));
    },
  };
}
