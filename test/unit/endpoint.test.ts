import { describe, expect, it } from 'vitest';
import { apiKeyHeaderValue, normaliseEndpoint, nplusUrl } from '../../src/domain/endpoint';
import {
  checkResourceGroup,
  deploymentId,
  keyCommand,
  parseDeploymentId,
  sameId,
  sameType,
} from '../../src/domain/resource-id';
import { armAudience } from '../../src/domain/clouds';
import { resolveArmTarget } from '../../src/azure/cloud';

describe('dataplane endpoint', () => {
  it.each([
    ['mynginx-75b3bf22a555.eastus2.nginxaas.net', 'https://mynginx-75b3bf22a555.eastus2.nginxaas.net/'],
    ['https://mynginx-75b3bf22a555.eastus2.nginxaas.net/', 'https://mynginx-75b3bf22a555.eastus2.nginxaas.net/'],
    ['https://mynginx-75b3bf22a555.eastus2.nginxaas.net', 'https://mynginx-75b3bf22a555.eastus2.nginxaas.net/'],
    ['HTTPS://MyNginx.eastus2.nginxaas.net//', 'https://mynginx.eastus2.nginxaas.net/'],
    [
      'https://127.0.0.1:4443/web-01-abc.eastus2.nginxaas.net/',
      'https://127.0.0.1:4443/web-01-abc.eastus2.nginxaas.net/',
    ],
    ['  host.example  ', 'https://host.example/'],
  ])('%j → %s', (raw, url) => {
    expect(normaliseEndpoint(raw)).toEqual({ ok: true, url });
  });

  it.each(['', 'http://plain.example/', 'https://'])('refuses %j', (raw) => {
    expect(normaliseEndpoint(raw).ok).toBe(false);
  });

  it('appends /nplus without a double slash', () => {
    expect(nplusUrl('https://a.eastus2.nginxaas.net/')).toBe('https://a.eastus2.nginxaas.net/nplus');
    expect(nplusUrl('https://127.0.0.1:1/x.y.nginxaas.net/')).toBe('https://127.0.0.1:1/x.y.nginxaas.net/nplus');
  });

  it('the header is ApiKey and the base64 of the exact key, no newline', () => {
    expect(apiKeyHeaderValue('Q7f-2c9b-41aa-8e1d')).toBe(
      `ApiKey ${Buffer.from('Q7f-2c9b-41aa-8e1d').toString('base64')}`,
    );
    expect(apiKeyHeaderValue('abc')).toBe('ApiKey YWJj');
  });
});

describe('resource ids', () => {
  const id =
    '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/Edge-RG/providers/NGINX.NGINXPLUS/nginxDeployments/web-01';
  it('parses any casing of the provider', () => {
    expect(parseDeploymentId(id)).toEqual({
      subscriptionId: '11111111-2222-3333-4444-555555555555',
      resourceGroup: 'Edge-RG',
      name: 'web-01',
    });
    expect(parseDeploymentId(id.toLowerCase())?.name).toBe('web-01');
    expect(parseDeploymentId(`${id}/apiKeys/nlk`)?.apiKeyName).toBe('nlk');
    expect(parseDeploymentId('/subscriptions/x/resourceGroups/y/providers/Microsoft.Web/sites/z')).toBeUndefined();
  });

  // ASCII names are checked without the Unicode classes; letters and digits of any script still pass.
  it.each([
    ['Edge-RG_(prod).1', undefined],
    ['grupo-año', undefined],
    ['データ-rg', undefined],
    ['٣-rg', undefined],
    ['edge rg', "has ' ' at position 5"],
    ['edge/rg', "has '/' at position 5"],
    ['año!', "has '!' at position 4"],
    ['rg.', "must not end in '.'"],
    ['', 'must be 1 to 90 characters long'],
    ['g'.repeat(91), 'must be 1 to 90 characters long'],
  ])('resource group %j: %s', (name, problem) => {
    const check = checkResourceGroup(name);
    if (problem === undefined) expect(check).toEqual({ ok: true });
    else expect(check.ok ? '' : check.problem).toContain(problem);
  });

  it('builds and compares ids and types without case', () => {
    const ref = { subscriptionId: 's', resourceGroup: 'g', name: 'd' };
    expect(deploymentId(ref)).toBe('/subscriptions/s/resourceGroups/g/providers/Nginx.NginxPlus/nginxDeployments/d');
    expect(sameId(id, id.toUpperCase())).toBe(true);
    expect(sameType('nginx.nginxplus/nginxdeployments', 'Nginx.NginxPlus/nginxDeployments')).toBe(true);
  });

  it('names the command that acts on one key, with the full address of its deployment', () => {
    expect(keyCommand('delete', { subscriptionId: 's', resourceGroup: 'g', name: 'd' }, 'k')).toBe(
      'nginxaas-keys delete -d d -g g --subscription s --name k',
    );
  });
});

describe('clouds', () => {
  it.each([
    ['AzureCloud', 'https://management.azure.com', 'https://login.microsoftonline.com'],
    ['AzureChinaCloud', 'https://management.chinacloudapi.cn', 'https://login.chinacloudapi.cn'],
    ['AzureUSGovernment', 'https://management.usgovcloudapi.net', 'https://login.microsoftonline.us'],
  ])(
    '%s: its ARM endpoint, token scope and authority; a custom endpoint keeps the cloud’s scope',
    (cloud, arm, authority) => {
      expect(resolveArmTarget({ cloud })).toEqual({
        ok: true,
        target: { cloud, endpoint: arm, scope: `${arm}/.default`, authorityHost: authority },
      });
      const custom = resolveArmTarget({ cloud, armEndpoint: 'https://127.0.0.1:8443/' });
      expect(custom).toMatchObject({
        ok: true,
        target: { endpoint: 'https://127.0.0.1:8443', scope: `${arm}/.default`, authorityHost: authority },
      });
    },
  );
});

describe('the audience of the ARM token (issue 18)', () => {
  it.each([
    ['the public cloud', 'AzureCloud', undefined, undefined, 'https://management.azure.com'],
    ['China', 'AzureChinaCloud', undefined, undefined, 'https://management.chinacloudapi.cn'],
    [
      "a cloud's own ARM named as the endpoint",
      'AzureCloud',
      'https://management.usgovcloudapi.net/',
      undefined,
      'https://management.usgovcloudapi.net',
    ],
    ['the emulator on loopback', 'AzureCloud', 'https://127.0.0.1:8443', undefined, 'https://management.azure.com'],
    [
      'another host: its own origin',
      'AzureCloud',
      'https://management.local.azurestack.external/x',
      undefined,
      'https://management.local.azurestack.external',
    ],
    [
      'another host with --arm-audience',
      'AzureCloud',
      'https://management.local.azurestack.external',
      'https://management.adfs.azurestack.local/0aa1b2c3-0000-4000-8000-000000000000',
      'https://management.adfs.azurestack.local/0aa1b2c3-0000-4000-8000-000000000000',
    ],
  ])('%s', (_label, cloud, armEndpoint, audience, expected) => {
    const result = armAudience({
      cloud: cloud as 'AzureCloud',
      ...(armEndpoint ? { armEndpoint } : {}),
      ...(audience ? { audience } : {}),
    });
    expect(result).toEqual({ ok: true, audience: expected });
  });

  it("a public cloud's audience for another host is refused", () => {
    const result = armAudience({
      cloud: 'AzureCloud',
      armEndpoint: 'https://arm.contoso.example',
      audience: 'https://management.azure.com/',
    });
    expect(result).toEqual({
      ok: false,
      problem:
        "--arm-audience https://management.azure.com/ is AzureCloud's Resource Manager, but --arm-endpoint is arm.contoso.example: a token for AzureCloud is never sent to another host",
    });
  });

  it('the target asks for a token for that audience', () => {
    const resolved = resolveArmTarget({ armEndpoint: 'https://arm.contoso.example/' });
    expect(resolved.ok && resolved.target.scope).toBe('https://arm.contoso.example/.default');
  });
});
