/**
 * Where requests go, through the built binary: the emulator's certificate refused without its CA,
 * a deployment name in two subscriptions refused with both ids, and a sovereign cloud's token
 * asked of az with the tenant.
 */
import { describe, expect, it } from 'vitest';
import { PRODUCTION } from '../../src/emulator/sample-data';
import { cliWorld, envFor, runCli } from '../helpers/cli';
import { useEmulator } from '../helpers/emulator';
import { makeFakeAz } from '../helpers/fake-az';
import { WEB_ARGV } from '../helpers/sample';

const world = cliWorld;

describe('TLS through the binary', () => {
  it('without the emulator’s CA the certificate is refused, said in words, and nothing reaches it', async () => {
    const { env, emulator } = await world();
    const result = await runCli(['list', ...WEB_ARGV], { env: { ...env, NGINXAAS_ARM_CA: undefined } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: the certificate of https:\/\/127\.0\.0\.1:\d+ is not trusted \(\w+\); pass its CA with --arm-ca/,
    );
    // Its code said once, where the words put it.
    expect(result.stderr.match(/SELF_SIGNED|UNABLE_TO_VERIFY|CERT_/g)).toHaveLength(1);
    expect(emulator.requests).toHaveLength(0);
  });
});

describe('which deployment, which cloud', () => {
  it('a deployment name shared by two subscriptions is refused with both listed, never the wrong one chosen', async () => {
    const { sampleData, STAGING } = await import('../../src/emulator/sample-data');
    const data = sampleData(new Date());
    data.deployments.push({ ...data.deployments[0]!, subscriptionId: STAGING, resourceGroup: 'staging-rg' });
    const emulator = await useEmulator({ data });
    const result = await runCli(['endpoint', '-d', 'web-01'], { env: envFor(emulator) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("more than one deployment is named 'web-01'");
    expect(result.stderr).toContain(
      `/subscriptions/${PRODUCTION}/resourceGroups/edge-rg/providers/Nginx.NginxPlus/nginxDeployments/web-01`,
    );
    expect(result.stderr).toContain(
      `/subscriptions/${STAGING}/resourceGroups/staging-rg/providers/Nginx.NginxPlus/nginxDeployments/web-01`,
    );
    expect(result.stdout).toBe('');
  });

  it.each([
    ['AzureChinaCloud', 'https://management.chinacloudapi.cn'],
    ['AzureUSGovernment', 'https://management.usgovcloudapi.net'],
  ])('--cloud %s asks az for a token of that cloud, and --tenant reaches the credential', async (cloud, resource) => {
    const { emulator, env } = await world();
    const az = makeFakeAz({ token: emulator.token });
    const result = await runCli(
      ['endpoint', ...WEB_ARGV, '--cloud', cloud, '--tenant', '72f988bf-0000-4000-8000-000000000009', '--auth', 'cli'],
      {
        env: { ...env, NGINXAAS_ACCESS_TOKEN: undefined, PATH: az.path },
      },
    );
    expect(result.code).toBe(0);
    expect(az.calls()).toContain(
      `account get-access-token --output json --resource ${resource} --tenant 72f988bf-0000-4000-8000-000000000009`,
    );
  });
});
