/**
 * The dataplane check (keys/verify.ts) in-process, against the emulator's dataplane over HTTPS: an
 * expired key and a wrong one are refused with the dataplane's words. The check through the built
 * binary, in each outcome: e2e/handoff.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { PRODUCTION } from '../../src/emulator/sample-data';
import { verifyWithPatience } from '../../src/keys/verify';
import { gatewayFor, useEmulator } from '../helpers/emulator';

describe('the dataplane check', () => {
  it('an expired key is refused (KeyExpired) and a wrong one too', async () => {
    const emulator = await useEmulator();
    const gateway = gatewayFor(emulator);
    const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
    const endpoint = `${emulator.url}/${emulator.world.endpointHost(web)}/`;
    emulator.world.putKey(web, 'stale', 'Stale-Secret-001', new Date(Date.now() - 60_000).toISOString());
    const expired = await verifyWithPatience(gateway, endpoint, 'Stale-Secret-001', { waitMs: 0 });
    expect(expired).toMatchObject({ outcome: 'refused', status: 401, message: expect.stringContaining('expired') });
    const wrong = await verifyWithPatience(gateway, endpoint, 'Wrong-Secret-0001', { waitMs: 0 });
    expect(wrong).toMatchObject({ outcome: 'refused', status: 401 });
  });
});
