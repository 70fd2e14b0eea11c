/**
 * The sweep reads ahead: deployments a search has found so far are read before the list is final,
 * and the final list keeps those reads. Each deployment is read once, reported by its place in the
 * final list with the final list's own record, never more than `concurrency` at once; a row that
 * did not make the list is not reported, and not read if its turn had not come.
 * (sweep.test.ts runs the same sweep against the emulator.)
 */
import { describe, expect, it } from 'vitest';
import { fleetSweep } from '../../src/keys/sweep';
import { GatewayError, type ApiKey, type Deployment, type Gateway } from '../../src/port/gateway';

const deployment = (name: string, subscription = 'sub-a'): Deployment => ({
  subscriptionId: subscription,
  resourceGroup: 'rg',
  name,
  id: `/subscriptions/${subscription}/resourceGroups/rg/providers/Nginx.NginxPlus/nginxDeployments/${name}`,
  location: 'westeurope',
  provisioningState: 'Succeeded',
});

const keyOf = (name: string): ApiKey => ({
  id: `${name}/apiKeys/k`,
  name: 'k',
  hint: name.slice(0, 3),
  endDateTime: new Date('2030-01-01T00:00:00Z'),
});

/** listKeys answers when the test says so; it records what was asked and how many were in flight. */
function heldGateway() {
  const asked: string[] = [];
  const waiting = new Map<string, { resolve: (keys: ApiKey[]) => void; reject: (error: unknown) => void }>();
  let inFlight = 0;
  let most = 0;
  const gateway = {
    listKeys: (d: Deployment) =>
      new Promise<ApiKey[]>((resolve, reject) => {
        asked.push(d.name);
        most = Math.max(most, ++inFlight);
        waiting.set(d.name, {
          resolve: (keys) => (inFlight--, resolve(keys)),
          reject: (error) => (inFlight--, reject(error)),
        });
      }),
  } as unknown as Gateway;
  const answer = async (name: string, outcome: ApiKey[] | Error = [keyOf(name)]) => {
    const held = waiting.get(name);
    if (!held) throw new Error(`${name} was not asked for`);
    waiting.delete(name);
    if (outcome instanceof Error) held.reject(outcome);
    else held.resolve(outcome);
    // Let the sweep take its next turn.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { gateway, asked, answer, most: () => most, pending: () => [...waiting.keys()] };
}

const named = (d: Deployment, subscriptionName: string) => ({ ...d, subscriptionName });

describe('fleetSweep reads ahead', () => {
  it('keeps what it read ahead, reads the rest once, and reports in the final order with the final record', async () => {
    const held = heldGateway();
    const sweep = fleetSweep(held.gateway, { concurrency: 8 });
    const [a, b, c] = [deployment('alpha'), deployment('bravo'), deployment('charlie')];
    sweep.readAhead([a, b]);
    expect(held.asked).toEqual(['alpha', 'bravo']);
    await held.answer('alpha');

    const arrivals: [number, string, string | undefined][] = [];
    const final = [named(c, 'Production'), named(b, 'Production'), named(a, 'Production')];
    const settled = sweep.settle(final, {
      onSwept: (index, swept) => arrivals.push([index, swept.deployment.name, swept.deployment.subscriptionName]),
    });
    // alpha was read already: reported at once, at its place in the final list; bravo is not asked again.
    expect(arrivals).toEqual([[2, 'alpha', 'Production']]);
    expect(held.asked).toEqual(['alpha', 'bravo', 'charlie']);
    await held.answer('charlie');
    await held.answer('bravo');
    const swept = await settled;
    expect(swept.map((s) => s.deployment.name)).toEqual(['charlie', 'bravo', 'alpha']);
    expect(swept.every((s) => s.deployment.subscriptionName === 'Production' && s.keys.length === 1)).toBe(true);
    expect(arrivals.map(([index]) => index)).toEqual([2, 0, 1]);
  });

  it('a row that did not make the list is not reported, and not read if its turn had not come', async () => {
    const held = heldGateway();
    const sweep = fleetSweep(held.gateway, { concurrency: 1 });
    const [a, stray, late] = [deployment('alpha'), deployment('stray', 'sub-gone'), deployment('late', 'sub-gone')];
    sweep.readAhead([stray, a, late]);
    expect(held.asked).toEqual(['stray']);
    const arrivals: string[] = [];
    const settled = sweep.settle([a], { onSwept: (_, s) => arrivals.push(s.deployment.name) });
    // stray was under way: it ends, unreported; late never goes out.
    await held.answer('stray');
    await held.answer('alpha');
    expect((await settled).map((s) => s.deployment.name)).toEqual(['alpha']);
    expect(arrivals).toEqual(['alpha']);
    expect(held.asked).toEqual(['stray', 'alpha']);
  });

  it('never has more than `concurrency` in flight, across reading ahead and settling', async () => {
    const held = heldGateway();
    const sweep = fleetSweep(held.gateway, { concurrency: 3 });
    const all = Array.from({ length: 10 }, (_, i) => deployment(`d${i}`));
    sweep.readAhead(all.slice(0, 5));
    sweep.readAhead(all.slice(3, 8));
    const settled = sweep.settle(all);
    while (held.pending().length > 0) await held.answer(held.pending()[0] as string);
    expect((await settled).map((s) => s.deployment.name)).toEqual(all.map((d) => d.name));
    expect(held.most()).toBe(3);
    expect(held.asked).toHaveLength(10);
  });

  it('a failure read ahead is worded when the list is final, by what is known then', async () => {
    const held = heldGateway();
    const sweep = fleetSweep(held.gateway);
    const a = deployment('alpha', 'sub-disabled');
    sweep.readAhead([a]);
    await held.answer('alpha', new GatewayError('forbidden', 'Azure refused the read', 'ReadOnlyDisabledSubscription'));
    const swept = await sweep.settle([a], { explain: (_, error) => `${error.plain} (subscription Disabled)` });
    expect(swept[0]?.keys).toEqual([]);
    expect(swept[0]?.problem).toMatch(/\(subscription Disabled\)$/);
  });

  it('a cancelled read ahead makes the settle fail; after stop nothing more is started', async () => {
    const held = heldGateway();
    const cancelled = fleetSweep(held.gateway, { concurrency: 1 });
    cancelled.readAhead([deployment('alpha'), deployment('bravo')]);
    await held.answer('alpha', new GatewayError('cancelled', 'cancelled'));
    await expect(cancelled.settle([deployment('alpha')])).rejects.toMatchObject({ kind: 'cancelled' });
    expect(held.asked).toEqual(['alpha']);

    const other = heldGateway();
    const stopped = fleetSweep(other.gateway, { concurrency: 1 });
    stopped.readAhead([deployment('alpha'), deployment('bravo')]);
    stopped.stop();
    await other.answer('alpha');
    stopped.readAhead([deployment('charlie')]);
    expect(other.asked).toEqual(['alpha']);
  });
  it('counts every answer, read ahead or not and failed or not, before the list is final', async () => {
    const held = heldGateway();
    let answers = 0;
    const sweep = fleetSweep(held.gateway, { concurrency: 4, onAnswer: () => (answers += 1) });
    const [a, b, c] = [deployment('a'), deployment('b'), deployment('c')];
    sweep.readAhead([a, b]);
    await held.answer('a');
    await held.answer('b', new GatewayError('notFound', 'gone'));
    expect(answers).toBe(2);
    const settled = sweep.settle([a, b, c]);
    await held.answer('c');
    await settled;
    expect(answers).toBe(3);
  });
});
