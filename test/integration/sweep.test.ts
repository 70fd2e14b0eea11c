/**
 * The fleet sweep against the HTTPS emulator through the real gateway: every deployment reported
 * once, in any order but kept in place; a subscription that stays throttled past the pipeline's
 * retries rests and is read again; other failures are named, not thrown.
 */
import { describe, expect, it } from 'vitest';
import { fleetWorld } from '../../src/emulator/fleet';
import { fleetSweep, type Swept } from '../../src/keys/sweep';
import { gatewayFor, useEmulator } from '../helpers/emulator';
import { runInProcess } from '../helpers/in-process';
import { json } from '../helpers/schemas';

describe('fleetSweep', () => {
  it('reads every deployment of a fleet, each reported as it arrives and kept in its place', async () => {
    const emulator = await useEmulator({ data: fleetWorld({ subscriptions: 20, deployments: 3 }, new Date()) });
    const gateway = gatewayFor(emulator);
    const deployments = (await gateway.discoverDeployments({})).deployments;
    const arrivals: number[] = [];
    const swept = await fleetSweep(gateway, { concurrency: 16 }).settle(deployments, {
      onSwept: (index) => arrivals.push(index),
    });
    expect(swept.map((s) => s.deployment.id)).toEqual(deployments.map((d) => d.id));
    expect(swept.every((s) => s.keys.length === 1 && s.problem === undefined)).toBe(true);
    expect([...arrivals].sort((a, b) => a - b)).toEqual(deployments.map((_, i) => i));
    expect(emulator.requests.filter((r) => r.path.endsWith('/apiKeys'))).toHaveLength(60);
  });

  it('a subscription throttled past the retries rests, then is read; a broken one is named', async () => {
    const emulator = await useEmulator({ data: fleetWorld({ subscriptions: 3, deployments: 2 }, new Date()) });
    const gateway = gatewayFor(emulator);
    const deployments = (await gateway.discoverDeployments({})).deployments;
    const throttled = deployments[0]?.subscriptionId ?? '';
    const broken = deployments.find((d) => d.subscriptionId !== throttled) ?? deployments[1];
    // Three answers of 429 outlast the pipeline's two retries once; the sweep tries again later.
    emulator.faults.add({
      path: `${throttled}/resourceGroups/fleet-rg/providers/Nginx.NginxPlus/nginxDeployments/edge-0-0/apiKeys`,
      status: 429,
      retryAfter: 0,
      times: 3,
    });
    emulator.faults.add({ path: `nginxDeployments/${broken?.name}/apiKeys`, status: 500, times: -1 });
    const swept: Swept[] = await fleetSweep(gateway, { throttledPauseMs: 50 }).settle(deployments);
    const first = swept.find((s) => s.deployment.name === 'edge-0-0');
    expect([first?.keys.length, first?.problem]).toEqual([1, undefined]);
    const failed = swept.find((s) => s.deployment.name === broken?.name);
    expect(failed?.keys).toEqual([]);
    expect(failed?.problem).toContain('HTTP 500');
    expect(swept.filter((s) => s.problem === undefined)).toHaveLength(5);
    // Three throttled answers, then the read after the rest.
    expect(emulator.requests.filter((r) => r.path.endsWith('edge-0-0/apiKeys')).map((r) => r.status)).toEqual([
      429, 429, 429, 200,
    ]);
  });

  it('list --all reads keys as Resource Graph answers, while the subscription list is still paged through', async () => {
    // Six pages of subscriptions, each a round trip: Resource Graph answers in the first.
    const emulator = await useEmulator({
      data: fleetWorld({ subscriptions: 60, deployments: 2 }, new Date()),
      pageSize: 10,
      latencyMs: 20,
    });
    const result = await runInProcess(['list', '--all', '-o', 'json'], gatewayFor(emulator));
    expect(result.code).toBe(0);
    const arrived = [...emulator.requests].sort((a, b) => a.at - b.at);
    const keyReads = arrived.filter((r) => r.path.endsWith('/apiKeys'));
    const lastSubscriptionPage = arrived.findLast((r) => r.path === '/subscriptions');
    expect(arrived.filter((r) => r.path === '/subscriptions')).toHaveLength(6);
    expect(keyReads[0]!.at).toBeLessThan(lastSubscriptionPage!.at);
    // Read once each, and listed in order with their subscriptions' names, known only at the end.
    expect(new Set(keyReads.map((r) => r.path)).size).toBe(120);
    expect(keyReads).toHaveLength(120);
    const listed = json(result.stdout);
    expect(listed.deployments).toHaveLength(120);
    expect(
      listed.deployments.every((d: { deployment: { subscriptionName?: string } }) =>
        d.deployment.subscriptionName?.startsWith('Fleet '),
      ),
    ).toBe(true);
  });
});
