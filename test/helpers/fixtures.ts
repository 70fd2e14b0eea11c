/** Deployments, keys and discoveries for tests that do not need the emulator. */
import type { ApiKey, Deployment, Discovery } from '../../src/port/gateway';

export const NOW = new Date('2026-11-26T12:00:00Z');

const sub = (n: number) => `${n}${n}${n}${n}${n}${n}${n}${n}-0000-4000-8000-000000000000`;

export function deployment(name: string, extra: Partial<Deployment> = {}): Deployment {
  const subscriptionId = extra.subscriptionId ?? sub(1);
  const resourceGroup = extra.resourceGroup ?? 'edge-rg';
  return {
    subscriptionId,
    resourceGroup,
    name,
    id: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Nginx.NginxPlus/nginxDeployments/${name}`,
    location: 'eastus2',
    provisioningState: 'Succeeded',
    dataplaneApiEndpoint: `https://${name}-000000000000.eastus2.nginxaas.net/`,
    subscriptionName: 'Production',
    ...extra,
  };
}

export const WEB = deployment('web-01');
export const STAGE_WEB = deployment('stage-web', {
  subscriptionId: sub(2),
  resourceGroup: 'staging-rg',
  subscriptionName: 'Staging',
});
export const BROKEN = deployment('broken-01', { provisioningState: 'Failed', dataplaneApiEndpoint: undefined });
export const SANDBOX = deployment('sandbox', { subscriptionId: sub(3), subscriptionName: 'Sandbox' });

export function discovery(deployments: Deployment[] = [BROKEN, SANDBOX, STAGE_WEB, WEB]): Discovery {
  return {
    deployments,
    searched: [
      { subscriptionId: sub(1), displayName: 'Production', state: 'Enabled' },
      { subscriptionId: sub(2), displayName: 'Staging', state: 'Enabled' },
      { subscriptionId: sub(3), displayName: 'Sandbox', state: 'Disabled' },
    ],
    via: 'resource-graph',
    problems: [],
  };
}

export function key(name: string, days = 20, hint = 'e17'): ApiKey {
  return { id: `${WEB.id}/apiKeys/${name}`, name, hint, endDateTime: new Date(NOW.getTime() + days * 86_400_000) };
}
