/**
 * Builds the Azure side of a run from the flags: the ARM target, the credential and the gateway,
 * or the embedded emulator for --demo. Only src/cli.ts uses this.
 */
import { readFileSync } from 'node:fs';
import { resolveArmTarget, type ArmTarget } from './azure/cloud';
import { AUTH_DESCRIPTIONS, createCredential, isAuthMode, type AuthMode } from './azure/credentials';
import { AzureGateway } from './azure/azure-gateway';
import { UsageError, type Values } from './cli-options';
import type { Gateway } from './gateway';

export interface Connection {
  gateway: Gateway;
  target: ArmTarget;
  auth: AuthMode;
  demo: boolean;
  close(): Promise<void>;
}

const VERSION = process.env.NGINXAAS_KEYS_VERSION ?? 'dev';

function readCa(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the CA file '${path}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) throw new UsageError(`'${path}' holds no PEM certificate`);
  return text;
}

export async function connect(
  values: Values,
  env: NodeJS.ProcessEnv,
  hooks: { log?: (line: string) => void; onDeviceCode?: (message: string) => void },
): Promise<Connection> {
  const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);

  if (values.demo === true) {
    const { startEmulator } = await import('./emulator/server');
    const emulator = await startEmulator();
    const resolved = resolveArmTarget({ armEndpoint: emulator.url, caPem: emulator.caPem });
    if (!resolved.ok) throw new Error(resolved.problem);
    const credential = await createCredential('token', { target: resolved.target, accessToken: emulator.token });
    const gateway = new AzureGateway({
      credential,
      target: resolved.target,
      authDescription: 'the demo emulator',
      useCliDefaultSubscription: false,
      userAgent: `nginxaas-keys/${VERSION}`,
      ...(hooks.log ? { log: hooks.log } : {}),
    });
    return { gateway, target: resolved.target, auth: 'token', demo: true, close: () => emulator.close() };
  }

  const authText = str('auth') ?? (env.NGINXAAS_ACCESS_TOKEN ? 'token' : 'cli');
  if (!isAuthMode(authText)) {
    throw new UsageError(`unknown --auth '${authText}': use cli, default, device-code, browser, env or token`);
  }
  const caPath = str('arm-ca') ?? env.NGINXAAS_ARM_CA;
  const resolved = resolveArmTarget({
    ...(str('cloud') ? { cloud: str('cloud') } : {}),
    ...((str('arm-endpoint') ?? env.NGINXAAS_ARM_ENDPOINT) ? { armEndpoint: str('arm-endpoint') ?? env.NGINXAAS_ARM_ENDPOINT } : {}),
    ...(caPath ? { caPem: readCa(caPath) } : {}),
  });
  if (!resolved.ok) throw new UsageError(resolved.problem);
  const tenantId = str('tenant');
  let credential;
  try {
    credential = await createCredential(authText, {
      target: resolved.target,
      env,
      ...(tenantId ? { tenantId } : {}),
      ...(hooks.onDeviceCode ? { onDeviceCode: hooks.onDeviceCode } : {}),
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const gateway = new AzureGateway({
    credential,
    target: resolved.target,
    authDescription: AUTH_DESCRIPTIONS[authText],
    useCliDefaultSubscription: authText === 'cli',
    userAgent: `nginxaas-keys/${VERSION}`,
    ...(hooks.log ? { log: hooks.log } : {}),
  });
  return { gateway, target: resolved.target, auth: authText, demo: false, close: async () => {} };
}

export { VERSION };
