/**
 * Builds the Azure side of a run from its typed connect options: the ARM target, the credential
 * and the gateway, or the embedded emulator for --demo. The only module outside src/azure that
 * imports it; only src/cli/main.ts uses this. The SDK and the emulator load inside connect(), so that
 * the wizard can draw before they do.
 */
import type { EarlyToken } from './az-token';
import type { ConnectOptions } from './scope';
import { rememberDemoPort, rememberedDemoPort } from '../files/demo-port-file';
import { dirname, join } from 'node:path';
import { AUTH_DESCRIPTIONS } from '../domain/auth-modes';
import { DEMO_VAULT } from '../emulator/sample-data';
import { requestTimeoutMs } from '../port/io';
import type { Session } from '../port/session';
import { UsageError } from '../port/usage-error';
import { GatewayError } from '../port/gateway';
import { missingEnvironment, SIGN_IN } from '../domain/sign-in';

const DEMO_DESCRIPTION = 'the demo emulator';

/** What the loading screen calls the way this run signs in, known before connecting. */
export function authDescription(options: ConnectOptions): string {
  return options.demo ? DEMO_DESCRIPTION : AUTH_DESCRIPTIONS[options.auth];
}

/** The Key Vault the demo's emulator serves, offered as the hand-off's default. */
export function demoVault(options: ConnectOptions): string | undefined {
  return options.demo ? DEMO_VAULT : undefined;
}

export const VERSION = process.env.NGINXAAS_KEYS_VERSION ?? 'dev';

export interface ConnectHooks {
  log?: (line: string) => void;
  onDeviceCode?: (info: { message: string; userCode: string; verificationUri: string }) => void;
  /** Something the user should know that is not an error (a damaged demo world set aside). */
  onNotice?: (message: string) => void;
  /** `az`'s token, asked for at the start of the run (--auth cli). */
  early?: EarlyToken;
}

export async function connect(options: ConnectOptions, env: NodeJS.ProcessEnv, hooks: ConnectHooks): Promise<Session> {
  const timeoutMs = requestTimeoutMs(env);
  const userAgent = `nginxaas-keys/${VERSION}`;
  const [{ resolveArmTarget }, { createCredential }, { AzureGateway }] = await Promise.all([
    import('../azure/cloud'),
    import('../azure/credentials'),
    import('../azure/azure-gateway'),
  ]);
  if (options.demo) {
    const { startEmulator } = await import('../emulator/server');
    const { loadDemoWorld } = await import('../emulator/demo-world');
    const state = options.demoState;
    const loaded = state ? loadDemoWorld(state.path, state.reset) : undefined;
    if (loaded?.notice) hooks.onNotice?.(loaded.notice);
    const world = loaded ? { data: loaded.data, statePath: state?.path } : {};
    // The port of the last demo where it is free, so that what an earlier demo handed off still answers.
    const portFile = state ? demoPortPath(state.path) : undefined;
    const before = portFile ? rememberedDemoPort(portFile) : undefined;
    const emulator = await startEmulator({ ...world, port: before }).catch((error: unknown) => {
      if (before === undefined) throw error;
      return startEmulator(world).then((moved) => {
        hooks.onNotice?.(
          `The demo's emulator is on port ${moved.port} this time (its port of before, ${before}, is taken): files handed off in an earlier demo name https://127.0.0.1:${before}/ and reach no demo now.`,
        );
        return moved;
      });
    });
    if (portFile && emulator.port !== before) rememberDemoPort(portFile, emulator.port);
    emulator.world.save();
    const resolved = resolveArmTarget({ armEndpoint: emulator.url, caPem: emulator.caPem });
    if (!resolved.ok) throw new Error(resolved.problem);
    const credential = await createCredential('token', { target: resolved.target, accessToken: emulator.token });
    const gateway = new AzureGateway({
      credential,
      target: resolved.target,
      authDescription: authDescription(options),
      useCliDefaultSubscription: false,
      userAgent,
      timeoutMs,
      log: hooks.log,
    });
    return { gateway, demo: true, demoVault: DEMO_VAULT, close: () => emulator.close() };
  }

  // Never empty where set: parseConnectOptions checks each (a cloud is one of its choices).
  const resolved = resolveArmTarget({
    cloud: options.cloud,
    armEndpoint: options.armEndpoint,
    armAudience: options.armAudience,
    caPem: options.caPem,
    authorityHost: options.authorityHost,
  });
  if (!resolved.ok) throw new UsageError(resolved.problem);
  if (options.auth === 'env') {
    const missing = missingEnvironment(env);
    if (missing.length > 0)
      throw new GatewayError(
        'unauthenticated',
        `--auth env needs ${missing.join(', ')}; not set here`,
        SIGN_IN.envIncomplete,
      );
  }
  let credential;
  try {
    credential = await createCredential(options.auth, {
      target: resolved.target,
      env,
      tenantId: options.tenant,
      onDeviceCode: hooks.onDeviceCode,
      early: hooks.early?.scope === resolved.target.scope ? hooks.early : undefined,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const gateway = new AzureGateway({
    credential,
    target: resolved.target,
    authDescription: authDescription(options),
    useCliDefaultSubscription: options.auth === 'cli',
    cliSubscription:
      options.auth === 'cli' ? hooks.early?.token.then((t) => t.subscription).catch(() => undefined) : undefined,
    preconnect: options.auth !== 'token',
    userAgent,
    timeoutMs,
    log: hooks.log,
  });
  return { gateway, demo: false, close: async () => {} };
}

/** The demo emulator's port is kept beside its world. */
function demoPortPath(worldPath: string): string {
  return join(dirname(worldPath), 'demo-port.json');
}
