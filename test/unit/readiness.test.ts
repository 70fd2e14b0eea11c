import { describe, expect, it } from 'vitest';
import { canTakeKey, keyStatus } from '../../src/domain/readiness';
import { inDays } from '../helpers/sample';

const endpoint = 'https://x.eastus2.nginxaas.net/';

describe('which deployments can take a key', () => {
  it.each([
    [{ provisioningState: 'Succeeded', dataplaneApiEndpoint: endpoint }, 'ok'],
    [{ provisioningState: 'Succeeded', dataplaneApiEndpoint: endpoint, subscriptionState: 'Enabled' }, 'ok'],
    [{ provisioningState: 'Succeeded', dataplaneApiEndpoint: endpoint, subscriptionState: 'Warned' }, 'ok'],
    [{ provisioningState: 'Succeeded', dataplaneApiEndpoint: endpoint, subscriptionState: 'PastDue' }, 'ok'],
    // A subscription named with --subscription but not in the visible list: let Azure decide.
    [{ provisioningState: 'Succeeded', dataplaneApiEndpoint: endpoint, subscriptionState: 'Unknown' }, 'ok'],
    [
      { provisioningState: 'Succeeded', dataplaneApiEndpoint: endpoint, subscriptionState: 'Disabled' },
      'subscription disabled',
    ],
    [
      { provisioningState: 'Succeeded', dataplaneApiEndpoint: endpoint, subscriptionState: 'Deleted' },
      'subscription deleted',
    ],
    [{ provisioningState: 'Failed' }, 'deployment failed'],
    [{ provisioningState: 'Updating', dataplaneApiEndpoint: endpoint }, 'deployment updating'],
    [{ provisioningState: 'Succeeded' }, 'no dataplane endpoint'],
  ])('%j → %s', (facts, expected) => {
    const result = canTakeKey(facts);
    expect(result.ok ? 'ok' : result.reason).toBe(expected);
  });
});

describe('key status', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  it.each([
    [-1, 'expired'],
    [0, 'expired'],
    [0.5, 'expiring'],
    [29.9, 'expiring'],
    [30, 'ok'],
    [400, 'ok'],
  ])('%d days → %s', (days, status) => {
    expect(keyStatus(inDays(days, now), now)).toBe(status);
  });
});
