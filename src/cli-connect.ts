/**
 * Builds the Azure side of a run from its typed connect options: the ARM target, the credential
 * and the gateway, or the embedded emulator for --demo. The only module outside src/azure that
 * imports it; only src/cli.ts uses this.
 */
import type { EarlyToken } from './cli-az-token';
import { resolveArmTarget } from './azure/cloud';
import { AUTH_DESCRIPTIONS, createCredential } from './azure/credentials';
import { AzureGateway } from './azure/azure-gateway';
import type { ConnectOptions } from './cli-scope';
import type { Session } from './session';
import { UsageError } from './usage-error';

export const VERSION = process.env.NGINXAAS_KEYS_VERSION ?? 'dev';

export interface ConnectHooks {
  log?: (line: string) => void;
  onDeviceCode?: (message: string) => void;
  /** `az`'s token, asked for at the start of the run (--auth cli). */
  early?: EarlyToken;
}

export async function connect(options: ConnectOptions, env: NodeJS.ProcessEnv, hooks: ConnectHooks): Promise<Session> {
  const userAgent = `nginxaas-keys/${VERSION}`;
  const log = hooks.log ? { log: hooks.log } : {};
  if (options.demo) {
    const { startEmulator } = await import('./emulator/server');
    const { loadDemoWorld } = await import('./emulator/demo-world');
    const state = options.demoState;
    const world = state ? loadDemoWorld(state.path, state.reset) : undefined;
    const emulator = await startEmulator({ ...(world ? { data: world, statePath: state?.path } : {}) });
    emulator.world.save();
    const resolved = resolveArmTarget({ armEndpoint: emulator.url, caPem: emulator.caPem });
    if (!resolved.ok) throw new Error(resolved.problem);
    const credential = await createCredential('token', { target: resolved.target, accessToken: emulator.token });
    const gateway = new AzureGateway({
      credential,
      target: resolved.target,
      authDescription: 'the demo emulator',
      useCliDefaultSubscription: false,
      userAgent,
      ...log,
    });
    const { DEMO_VAULT } = await import('./emulator/sample-data');
    return { gateway, demo: true, demoVault: DEMO_VAULT, close: () => emulator.close() };
  }

  const resolved = resolveArmTarget({
    ...(options.cloud ? { cloud: options.cloud } : {}),
    ...(options.armEndpoint ? { armEndpoint: options.armEndpoint } : {}),
    ...(options.caPem ? { caPem: options.caPem } : {}),
  });
  if (!resolved.ok) throw new UsageError(resolved.problem);
  let credential;
  try {
    credential = await createCredential(options.auth, {
      target: resolved.target,
      env,
      ...(options.tenant ? { tenantId: options.tenant } : {}),
      ...(hooks.onDeviceCode ? { onDeviceCode: hooks.onDeviceCode } : {}),
      ...(hooks.early && hooks.early.scope === resolved.target.scope ? { early: hooks.early } : {}),
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const gateway = new AzureGateway({
    credential,
    target: resolved.target,
    authDescription: AUTH_DESCRIPTIONS[options.auth],
    useCliDefaultSubscription: options.auth === 'cli',
    userAgent,
    ...log,
  });
  return { gateway, demo: false, close: async () => {} };
}
