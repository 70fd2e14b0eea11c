/** Starting the real emulator for a test, and plain HTTPS requests to it. */
import { request } from 'node:https';
import { afterEach } from 'vitest';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/server';
import { AzureGateway } from '../../src/azure/azure-gateway';
import { resolveArmTarget } from '../../src/azure/cloud';
import { staticTokenCredential } from '../../src/azure/credentials';
import type { TokenCredential } from '@azure/core-auth';
import { PRODUCTION } from '../../src/emulator/sample-data';

const running: RunningEmulator[] = [];

/** Starts an emulator that is closed after the current test. */
export async function useEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emulator = await startEmulator(options);
  running.push(emulator);
  return emulator;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

/** web-01 of the sample world as the emulator holds it: the deployment, a key's secret, its endpoint. */
export function sampleWeb(emulator: RunningEmulator) {
  const web = () => emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
  const secretOf = (name: string) => emulator.world.key(web(), name)?.secret;
  const endpoint = () => `${emulator.url}/${emulator.world.endpointHost(web())}/`;
  return { web, secretOf, endpoint };
}

export function targetFor(emulator: RunningEmulator) {
  const resolved = resolveArmTarget({ armEndpoint: emulator.url, caPem: emulator.caPem });
  if (!resolved.ok) throw new Error(resolved.problem);
  return resolved.target;
}

/** The real gateway over the real pipeline, with small retry delays so fault cases stay quick. */
export function gatewayFor(
  emulator: RunningEmulator,
  options: {
    credential?: TokenCredential;
    useCli?: boolean;
    log?: (l: string) => void;
    timeoutMs?: number;
    preconnect?: boolean;
  } = {},
) {
  return new AzureGateway({
    credential: options.credential ?? staticTokenCredential(emulator.token),
    target: targetFor(emulator),
    authDescription: 'test',
    useCliDefaultSubscription: options.useCli ?? false,
    retryOptions: { maxRetries: 2, retryDelayInMs: 20, maxRetryDelayInMs: 50 },
    ...(options.log ? { log: options.log } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.preconnect ? { preconnect: true } : {}),
  });
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
  text: string;
}

export function raw(
  emulator: RunningEmulator,
  method: string,
  path: string,
  options: { body?: unknown; token?: string | null; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  const url = new URL(path, emulator.url);
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? emulator.token : options.token;
  if (token !== null && !headers.authorization) headers.authorization = `Bearer ${token}`;
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  if (payload) headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, ca: emulator.caPem }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export const API = 'api-version=2025-11-01';

/** The names of a deployment's keys in the emulator's world, sorted: what tests compare after each step. */
export function keyNames(emulator: RunningEmulator, subscriptionId: string, group: string, name: string): string[] {
  const deployment = emulator.world.deployment(subscriptionId, group, name);
  if (!deployment) throw new Error(`no deployment ${name} in the emulator`);
  return emulator.world
    .keys(deployment)
    .map((k) => k.name)
    .sort();
}
