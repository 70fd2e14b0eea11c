/**
 * The gateway keeps its word (issue 20.6), through the real pipeline against the emulator: every
 * failure is a GatewayError, one caller's Ctrl+C does not fail another's wait for the shared list
 * of subscriptions, and "several subscriptions" is told apart from a lone disabled one.
 */
import { describe, expect, it } from 'vitest';
import { sampleData, SANDBOX } from '../../src/emulator/sample-data';
import { GatewayError, SEVERAL_SUBSCRIPTIONS } from '../../src/port/gateway';
import { gatewayFor, useEmulator } from '../helpers/emulator';

describe('the gateway keeps its word', () => {
  it('a caller that gives up on the list of subscriptions fails only itself; the list is fetched once', async () => {
    const emulator = await useEmulator();
    emulator.faults.add({ method: 'GET', path: '^/subscriptions\\?', delayMs: 400 });
    const gateway = gatewayFor(emulator);
    const first = new AbortController();
    const impatient = gateway.listSubscriptions({ signal: first.signal });
    const patient = gateway.listSubscriptions({ signal: new AbortController().signal });
    first.abort();
    await expect(impatient).rejects.toMatchObject({ kind: 'cancelled' });
    expect((await patient).length).toBeGreaterThan(1);
    expect(emulator.requests.filter((r) => /^\/subscriptions(\?|$)/.test(r.path))).toHaveLength(1);
  });

  it('several enabled subscriptions and none named: the one code target.ts searches on', async () => {
    const emulator = await useEmulator();
    const failure = await gatewayFor(emulator)
      .defaultSubscription()
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(GatewayError);
    expect(failure).toMatchObject({ kind: 'invalid', code: SEVERAL_SUBSCRIPTIONS });
  });

  it('a lone disabled subscription is said as such, not as "more than one"', async () => {
    const data = sampleData(new Date());
    data.subscriptions = data.subscriptions.filter((s) => s.subscriptionId === SANDBOX);
    const emulator = await useEmulator({ data });
    const failure = (await gatewayFor(emulator)
      .defaultSubscription()
      .catch((e: unknown) => e)) as GatewayError;
    expect(failure).toBeInstanceOf(GatewayError);
    expect(failure.code).not.toBe(SEVERAL_SUBSCRIPTIONS);
    expect(failure.message).toContain('no enabled subscription is visible to this sign-in');
    expect(failure.message).toContain(`${SANDBOX} (Old Sandbox, Disabled)`);
  });

  it('a dataplane check that cannot even be sent is a GatewayError, not a raw TypeError', async () => {
    const emulator = await useEmulator();
    const failure = await gatewayFor(emulator)
      .verifyKey('not a url', 'Secret-Value-123')
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(GatewayError);
    expect(failure).toMatchObject({ kind: 'unknown', message: 'Invalid URL' });
  });
});
