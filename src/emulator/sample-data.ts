/**
 * The sample world of `--demo` and of `nginxaas-keys emulator` without `--seed`: three
 * subscriptions (one disabled), deployments in several regions and states (one Failed without
 * an endpoint), and keys near and past expiry, all relative to the moment it starts.
 */
import { randomUUID } from '../domain/random';
import type { EmulatorData } from './data';

const DAY = 86_400_000;
export const SAMPLE_TENANT = '72f988bf-0000-4000-8000-000000000001';
export const PRODUCTION = '11111111-2222-4333-8444-555555555555';
export const STAGING = '22222222-3333-4444-8555-666666666666';
export const SANDBOX = '33333333-4444-4555-8666-777777777777';
/** The demo's Key Vault, for hand-offs on --demo. */
export const DEMO_VAULT = 'contoso-keys.vault.azure.net';

/** `uuid`: where the keys' values come from (a test gives one that repeats itself). */
export function sampleData(now: Date, uuid: () => string = randomUUID): EmulatorData {
  const inDays = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
  // The sample's keys never share a hint: a value re-sent is then always proven to be one of them
  // (by chance, one world in about 1,400 had two of web-01's three keys alike).
  const hints = new Set<string>();
  const keyValue = (): string => {
    for (;;) {
      const secret = uuid();
      const hint = secret.slice(0, 3);
      if (hints.has(hint)) continue;
      hints.add(hint);
      return secret;
    }
  };
  return {
    subscriptions: [
      {
        subscriptionId: PRODUCTION,
        displayName: 'Contoso Production',
        state: 'Enabled',
        tenantId: SAMPLE_TENANT,
        resourceGroups: ['edge-rg', 'platform-rg'],
      },
      {
        subscriptionId: STAGING,
        displayName: 'Contoso Staging',
        state: 'Enabled',
        tenantId: SAMPLE_TENANT,
        resourceGroups: ['staging-rg'],
      },
      {
        subscriptionId: SANDBOX,
        displayName: 'Old Sandbox',
        state: 'Disabled',
        tenantId: SAMPLE_TENANT,
        resourceGroups: ['sandbox-rg'],
      },
    ],
    deployments: [
      {
        subscriptionId: PRODUCTION,
        resourceGroup: 'edge-rg',
        name: 'web-01',
        location: 'eastus2',
        provisioningState: 'Succeeded',
        hasEndpoint: true,
        sku: 'standardv3_Monthly',
        nginxVersion: 'nginx/1.27.4 (nginx-plus-r34-p1)',
        // What nginx-asg-sync (and NLK) change through the NGINX Plus API: one upstream of each kind.
        upstreams: [
          {
            name: 'backend-one',
            kind: 'http',
            servers: [
              { id: 0, server: '10.0.0.4:80', max_conns: 0, max_fails: 1, fail_timeout: '10s', slow_start: '0s' },
              { id: 1, server: '10.0.0.5:80', max_conns: 0, max_fails: 1, fail_timeout: '10s', slow_start: '0s' },
            ],
          },
          { name: 'tcp-backend', kind: 'stream', servers: [{ id: 0, server: '10.0.1.4:5432', max_fails: 1 }] },
        ],
      },
      {
        subscriptionId: PRODUCTION,
        resourceGroup: 'edge-rg',
        name: 'api-gateway',
        location: 'westeurope',
        provisioningState: 'Succeeded',
        hasEndpoint: true,
        sku: 'standardv3_Monthly',
        nginxVersion: 'nginx/1.27.4 (nginx-plus-r34-p1)',
        providerCasing: 'NGINX.NGINXPLUS',
      },
      {
        subscriptionId: PRODUCTION,
        resourceGroup: 'platform-rg',
        name: 'broken-01',
        location: 'eastus',
        provisioningState: 'Failed',
        hasEndpoint: false,
        sku: 'standardv3_Monthly',
        nginxVersion: null,
      },
      {
        subscriptionId: STAGING,
        resourceGroup: 'staging-rg',
        name: 'stage-web',
        location: 'centralus',
        provisioningState: 'Succeeded',
        hasEndpoint: true,
        sku: 'basic_Monthly',
        nginxVersion: 'nginx/1.27.4 (nginx-plus-r34-p1)',
      },
      {
        subscriptionId: STAGING,
        resourceGroup: 'staging-rg',
        name: 'stage-upgrading',
        location: 'centralus',
        provisioningState: 'Updating',
        hasEndpoint: true,
        sku: 'basic_Monthly',
        nginxVersion: 'nginx/1.27.2 (nginx-plus-r33-p2)',
      },
      {
        subscriptionId: SANDBOX,
        resourceGroup: 'sandbox-rg',
        name: 'sandbox-nginx',
        location: 'northeurope',
        provisioningState: 'Succeeded',
        hasEndpoint: true,
        sku: 'basic_Monthly',
        nginxVersion: 'nginx/1.25.5 (nginx-plus-r32)',
      },
    ],
    vaults: [DEMO_VAULT],
    vaultSecrets: [],
    keys: [
      {
        subscriptionId: PRODUCTION,
        resourceGroup: 'edge-rg',
        deployment: 'web-01',
        name: 'nlk-prod',
        secret: keyValue(),
        endDateTime: inDays(20),
      },
      {
        subscriptionId: PRODUCTION,
        resourceGroup: 'edge-rg',
        deployment: 'web-01',
        name: 'asg-sync',
        secret: keyValue(),
        endDateTime: inDays(150),
      },
      {
        // Expired, beside one that expires soon: the console's demo deletes one and rotates the other.
        subscriptionId: PRODUCTION,
        resourceGroup: 'edge-rg',
        deployment: 'web-01',
        name: 'ci-2025',
        secret: keyValue(),
        endDateTime: inDays(-12),
      },
      {
        subscriptionId: PRODUCTION,
        resourceGroup: 'edge-rg',
        deployment: 'api-gateway',
        name: 'old-ci',
        secret: keyValue(),
        endDateTime: inDays(-3),
      },
      {
        subscriptionId: STAGING,
        resourceGroup: 'staging-rg',
        deployment: 'stage-web',
        name: 'nlk-staging',
        secret: keyValue(),
        endDateTime: inDays(400),
      },
    ],
  };
}
