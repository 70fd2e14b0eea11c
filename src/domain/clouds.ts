/** The Azure clouds: where Resource Manager is and where one signs in. Data, shared by the CLI and src/azure. */
export const CLOUDS = {
  AzureCloud: { arm: 'https://management.azure.com', authority: 'https://login.microsoftonline.com' },
  AzureChinaCloud: { arm: 'https://management.chinacloudapi.cn', authority: 'https://login.chinacloudapi.cn' },
  AzureUSGovernment: { arm: 'https://management.usgovcloudapi.net', authority: 'https://login.microsoftonline.us' },
} as const;

export type CloudName = keyof typeof CLOUDS;

export function isCloudName(name: string): name is CloudName {
  return Object.hasOwn(CLOUDS, name);
}

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

/** 127.0.0.0/8, localhost and ::1: this machine (an emulator), not a cloud. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

export type AudienceResult = { ok: true; audience: string } | { ok: false; problem: string };

/**
 * The audience of the token sent to Resource Manager: a token is for one audience, and is sent to
 * no other host. A cloud's own ARM takes that cloud's audience; another host (Azure Stack, a
 * proxy) its own origin, or what --arm-audience says; a public cloud's audience is never sent to
 * a host that is not that cloud's ARM, except to this machine (the emulator accepts it).
 */
export function armAudience(input: { cloud: CloudName; armEndpoint?: string; audience?: string }): AudienceResult {
  const fallback = CLOUDS[input.cloud].arm;
  if (!input.armEndpoint) return { ok: true, audience: input.audience ?? fallback };
  const endpoint = new URL(input.armEndpoint);
  const cloudOfHost = Object.values(CLOUDS).find((c) => new URL(c.arm).origin === endpoint.origin);
  if (cloudOfHost) return { ok: true, audience: cloudOfHost.arm };
  if (isLoopbackHost(endpoint.hostname)) return { ok: true, audience: input.audience ?? fallback };
  if (input.audience === undefined) return { ok: true, audience: endpoint.origin };
  const audienceCloud = Object.entries(CLOUDS).find(([, c]) => sameOrigin(c.arm, input.audience ?? ''));
  if (audienceCloud) {
    return {
      ok: false,
      problem: `--arm-audience ${input.audience} is ${audienceCloud[0]}'s Resource Manager, but --arm-endpoint is ${endpoint.host}: a token for ${audienceCloud[0]} is never sent to another host`,
    };
  }
  return { ok: true, audience: input.audience };
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
