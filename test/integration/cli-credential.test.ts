/** AzureCliCredential, for real, against a fake `az` first on PATH. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCredential } from '../../src/azure/credentials';
import { GatewayError } from '../../src/port/gateway';
import { PRODUCTION } from '../../src/emulator/sample-data';
import { gatewayFor, targetFor, useEmulator } from '../helpers/emulator';
import { makeFakeAz, noAzPath } from '../helpers/fake-az';

let savedPath: string | undefined;
beforeEach(() => {
  savedPath = process.env.PATH;
});
afterEach(() => {
  process.env.PATH = savedPath;
});

describe('--auth cli', () => {
  it('signs in through az once for many requests, with the management scope', async () => {
    const emulator = await useEmulator();
    const az = makeFakeAz({ token: emulator.token, subscription: PRODUCTION });
    process.env.PATH = az.path;
    const credential = await createCredential('cli', { target: targetFor(emulator) });
    const gateway = gatewayFor(emulator, { credential, useCli: true });
    expect((await gateway.listSubscriptions()).length).toBe(3);
    await gateway.getDeployment({ subscriptionId: PRODUCTION, resourceGroup: 'edge-rg', name: 'web-01' });
    await gateway.discoverDeployments({});
    const tokenCalls = az.calls().filter((c) => c.startsWith('account get-access-token'));
    expect(tokenCalls).toEqual(['account get-access-token --output json --resource https://management.azure.com']);
    expect(await gateway.defaultSubscription()).toBe(PRODUCTION);
    expect(az.calls()).toContain('account show --output json');
  });

  it('says the Azure CLI is missing when there is no az on PATH', async () => {
    const emulator = await useEmulator();
    process.env.PATH = noAzPath();
    const credential = await createCredential('cli', { target: targetFor(emulator) });
    const error = (await gatewayFor(emulator, { credential })
      .listSubscriptions()
      .catch((e: unknown) => e)) as GatewayError;
    expect(error.kind).toBe('unauthenticated');
    expect([error.message, error.code]).toEqual([
      'the Azure CLI (`az`) is not installed here, or not on PATH',
      'AzureCliNotFound',
    ]);
  });

  it('says to run az login when the CLI is signed out', async () => {
    const emulator = await useEmulator();
    process.env.PATH = makeFakeAz({ token: 'x', loggedOut: true }).path;
    const credential = await createCredential('cli', { target: targetFor(emulator) });
    const error = await gatewayFor(emulator, { credential })
      .listSubscriptions()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).kind).toBe('unauthenticated');
    expect([(error as GatewayError).message, (error as GatewayError).code]).toEqual([
      'not signed in to the Azure CLI',
      'AzureCliSignedOut',
    ]);
  });
});
