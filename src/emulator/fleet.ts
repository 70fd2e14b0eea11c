/**
 * A big world for the emulator (`--seed-fleet 1000x3`): many subscriptions, a few deployments in
 * each, and keys with a spread of expiries, so that a fleet sweep can be rerun by anyone.
 * Deterministic: the same size gives the same names and expiries (relative to `now`).
 */
import type { EmulatorData } from './data';

export interface FleetSize {
  subscriptions: number;
  deployments: number;
}

/** `1000x3` (or `1000×3`); undefined when it is not that shape. */
export function parseFleetSize(text: string): FleetSize | undefined {
  // × escaped: the bundle stays ASCII (scripts/build.mjs).
  const match = /^(\d{1,5})\s*[x\u00d7]\s*(\d{1,3})$/i.exec(text.trim());
  if (!match) return undefined;
  const subscriptions = Number(match[1]);
  const deployments = Number(match[2]);
  if (subscriptions < 1 || deployments < 1 || subscriptions * deployments > 100_000) return undefined;
  return { subscriptions, deployments };
}

const DAY_MS = 86_400_000;

export function fleetWorld(size: FleetSize, now: Date): EmulatorData {
  const data: EmulatorData = { subscriptions: [], deployments: [], keys: [] };
  for (let s = 0; s < size.subscriptions; s++) {
    const subscriptionId = `${String(s).padStart(8, '0')}-0000-4000-8000-${String(s).padStart(12, '0')}`;
    data.subscriptions.push({
      subscriptionId,
      displayName: `Fleet ${s}`,
      state: 'Enabled',
      tenantId: '72f988bf-0000-4000-8000-000000000001',
      resourceGroups: ['fleet-rg'],
    });
    for (let d = 0; d < size.deployments; d++) {
      const name = `edge-${s}-${d}`;
      data.deployments.push({
        subscriptionId,
        resourceGroup: 'fleet-rg',
        name,
        location: 'eastus2',
        provisioningState: 'Succeeded',
        hasEndpoint: true,
        sku: 'standardv3_Monthly',
        nginxVersion: 'nginx/1.27.4',
      });
      // One key each, from expired to a year away, so the summary has something to count.
      const days = ((s * 7 + d * 13) % 400) - 20;
      data.keys.push({
        subscriptionId,
        resourceGroup: 'fleet-rg',
        deployment: name,
        name: 'nlk',
        secret: `Fleet-${s}-${d}-Secret!`,
        endDateTime: new Date(now.getTime() + days * DAY_MS).toISOString(),
      });
    }
  }
  return data;
}
