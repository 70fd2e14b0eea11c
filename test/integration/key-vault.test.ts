/**
 * The real @azure/keyvault-secrets client, through the gateway, against the emulator's vault:
 * the bearer challenge, content type, expiry, tags, and a new version on each store.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_VAULT } from '../../src/emulator/sample-data';
import { gatewayFor, raw, useEmulator } from '../helpers/emulator';

describe('Key Vault secrets', () => {
  it('stores the key with its expiry and tags; a second store is a new version', { tags: ['clock'] }, async () => {
    const emulator = await useEmulator();
    const gateway = gatewayFor(emulator);
    // Half a year on from today (whole seconds, as Key Vault keeps them): never a date that turns into the past.
    const expiresOn = new Date(Math.floor(Date.now() / 1000) * 1000 + 182 * 86_400_000);
    const tags = {
      deployment: '/subscriptions/x/resourceGroups/edge-rg/providers/Nginx.NginxPlus/nginxDeployments/web-01',
      keyName: 'nlk-prod',
    };
    const first = await gateway.storeSecret({ vaultHost: DEMO_VAULT, secretName: 'nlk-prod' }, 'First-Secret-0001', {
      expiresOn,
      tags,
    });
    const second = await gateway.storeSecret({ vaultHost: DEMO_VAULT, secretName: 'nlk-prod' }, 'Second-Secret-002', {
      expiresOn,
      tags,
    });
    expect(first.id).toBe(`https://${DEMO_VAULT}/secrets/nlk-prod/${first.version}`);
    expect(second.version).not.toBe(first.version);
    const versions = emulator.world.vaultSecretVersions(DEMO_VAULT, 'nlk-prod');
    expect(versions.map((v) => v.value)).toEqual(['First-Secret-0001', 'Second-Secret-002']);
    expect(versions[1]).toMatchObject({ contentType: 'text/plain', exp: expiresOn.getTime() / 1000, tags });
    // Each store met the challenge first: an unauthenticated request, then the token.
    const vaultRequests = emulator.requests.filter((r) => r.path.includes('.vault.azure.net'));
    const seen = vaultRequests.map((r) => `${r.status} ${r.authorization}`);
    expect(seen).toEqual(['401 none', '200 bearer', '401 none', '200 bearer']);
    const latest = await raw(emulator, 'GET', `/${DEMO_VAULT}/secrets/nlk-prod?api-version=7.6`);
    expect(latest.body.value).toBe('Second-Secret-002');
  });

  it('a vault that does not exist is an error in words', async () => {
    const emulator = await useEmulator();
    await expect(
      gatewayFor(emulator).storeSecret({ vaultHost: 'nowhere.vault.azure.net', secretName: 'k' }, 'Some-Secret-0001', {
        expiresOn: new Date(Date.now() + 86_400_000),
        tags: {},
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('No vault answers at nowhere.vault.azure.net') });
  });
});

describe('a Key Vault store whose answer is lost', () => {
  const store = (emulator: Awaited<ReturnType<typeof useEmulator>>, value: string) =>
    gatewayFor(emulator).storeSecret({ vaultHost: DEMO_VAULT, secretName: 'lost-store' }, value, {
      expiresOn: new Date(Math.floor(Date.now() / 1000) * 1000 + 86_400_000),
      tags: {},
    });

  it('is settled by reading the newest version: stored once, not once per retry', async () => {
    const emulator = await useEmulator();
    emulator.faults.add({ method: 'PUT', path: '.vault.azure.net/secrets', withToken: true, commitThenDrop: true });
    const stored = await store(emulator, 'Lost-Store-Secret-1');
    const versions = emulator.world.vaultSecretVersions(DEMO_VAULT, 'lost-store');
    expect(versions.map((v) => v.value)).toEqual(['Lost-Store-Secret-1']);
    expect(stored.version).toBe(versions[0]?.version);
  });

  it('stored by nobody (the PUT never arrived): sent once more, one version', async () => {
    const emulator = await useEmulator();
    emulator.faults.add({ method: 'PUT', path: '.vault.azure.net/secrets', withToken: true, reset: true });
    await store(emulator, 'Lost-Store-Secret-2');
    expect(emulator.world.vaultSecretVersions(DEMO_VAULT, 'lost-store').map((v) => v.value)).toEqual([
      'Lost-Store-Secret-2',
    ]);
  });

  it('when it cannot be read back either, the error says the newest version may hold the key', async () => {
    const emulator = await useEmulator();
    emulator.faults.add({ method: 'PUT', path: '.vault.azure.net/secrets', withToken: true, commitThenDrop: true });
    emulator.faults.add({ method: 'GET', path: '.vault.azure.net/secrets', withToken: true, reset: true, times: -1 });
    await expect(store(emulator, 'Lost-Store-Secret-3')).rejects.toMatchObject({
      code: 'StoreOutcomeUnknown',
      message: expect.stringContaining('it is not known whether its newest version now holds this key'),
    });
  });
});
