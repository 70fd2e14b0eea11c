/**
 * Where Azure Resource Manager is, which token scope it takes, and which extra certificate to
 * trust for it. The only place that decides an endpoint.
 */
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import type { TlsSettings } from '@azure/core-rest-pipeline';

import { armAudience, CLOUDS, isCloudName, type CloudName } from '../domain/clouds';

export { CLOUDS, isCloudName, type CloudName };

export interface ArmTarget {
  cloud: CloudName;
  /** Base URL without a trailing slash. */
  endpoint: string;
  /** The token scope: the audience of this endpoint (domain/clouds.ts armAudience) + /.default. */
  scope: string;
  authorityHost: string;
  /** Not the cloud's own: no instance discovery, and the extra CA trusted for it when it is the ARM endpoint's host. */
  customAuthority?: boolean;
  /** An extra PEM certificate trusted for this endpoint (and its dataplane), beside the usual roots. */
  caPem?: string;
}

export type ArmTargetResult = { ok: true; target: ArmTarget } | { ok: false; problem: string };

export function resolveArmTarget(input: {
  cloud?: string;
  armEndpoint?: string;
  armAudience?: string;
  caPem?: string;
  authorityHost?: string;
}): ArmTargetResult {
  const cloud = input.cloud ?? 'AzureCloud';
  if (!isCloudName(cloud)) {
    return { ok: false, problem: `unknown cloud '${cloud}': use ${Object.keys(CLOUDS).join(', ')}` };
  }
  const defaults = CLOUDS[cloud];
  let endpoint: string = defaults.arm;
  if (input.armEndpoint !== undefined && input.armEndpoint !== '') {
    let url: URL;
    try {
      url = new URL(input.armEndpoint);
    } catch {
      return { ok: false, problem: `--arm-endpoint '${input.armEndpoint}' is not a URL` };
    }
    if (url.protocol !== 'https:') {
      return {
        ok: false,
        problem: `--arm-endpoint must use https (a bearer token is never sent over ${url.protocol.replace(':', '')})`,
      };
    }
    endpoint = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  }
  // A flag given as '' is no flag: absent (armAudience tells an undefined audience from a given one).
  const audience = armAudience({
    cloud,
    ...(input.armEndpoint ? { armEndpoint: endpoint } : {}),
    ...(input.armAudience ? { audience: input.armAudience } : {}),
  });
  if (!audience.ok) return audience;
  return {
    ok: true,
    target: {
      cloud,
      endpoint,
      scope: `${audience.audience.replace(/\/+$/, '')}/.default`,
      authorityHost: input.authorityHost ?? defaults.authority,
      ...(input.authorityHost ? { customAuthority: true } : {}),
      ...(input.caPem ? { caPem: input.caPem } : {}),
    },
  };
}

/** TLS options that add the target's certificate to the usual roots (never replace them). */
const contexts = new Map<string, TlsSettings>();

/**
 * The TLS settings that trust the extra CA (an emulator's) beside the system's roots. One secure
 * context per CA, made once: given as `ca`, Node would parse some 140 root certificates for every
 * new connection and fold them into every request's agent key, which a fleet sweep of thousands
 * of requests pays for in whole seconds.
 */
export function tlsOptionsFor(target: ArmTarget): TlsSettings | undefined {
  if (!target.caPem) return undefined;
  let settings = contexts.get(target.caPem);
  if (!settings) {
    const caPem = target.caPem;
    let made: SecureContext | undefined;
    // The SDK spreads its TLS settings into Node's https.Agent (which takes a secureContext too)
    // when the first request goes out: the context is made then, not while the first frame waits.
    settings = Object.defineProperty({}, 'secureContext', {
      enumerable: true,
      get: () => (made ??= trustingAlsoCa(caPem)),
    }) as TlsSettings;
    contexts.set(caPem, settings);
  }
  return settings;
}

/**
 * A context with Node's usual roots and the extra CA. Adding the CA to the default context takes
 * ~3 ms; listing the 144 roots beside it as `ca` made Node parse each again (~70 ms on two cores,
 * in front of the first answer). `context.addCACert` is Node's own way of adding one (the `ca`
 * option calls it per certificate); if a Node lacks it, the list is the fallback.
 */
function trustingAlsoCa(caPem: string): SecureContext {
  const context = createSecureContext();
  const native = (context as SecureContext & { context?: { addCACert?: (pem: string) => void } }).context;
  if (typeof native?.addCACert !== 'function') return createSecureContext({ ca: [...rootCertificates, caPem] });
  native.addCACert(caPem);
  return context;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Where a Key Vault is reached. On Azure, at its own host. When Resource Manager is a local
 * emulator (a loopback endpoint), the emulator serves the vault too, at `<endpoint>/<vault host>`,
 * trusting the same certificate.
 */
export function vaultUrlFor(target: ArmTarget, vaultHost: string): { url: string; emulated: boolean } {
  const endpoint = new URL(target.endpoint);
  if (LOOPBACK.has(endpoint.hostname)) return { url: `${target.endpoint}/${vaultHost}`, emulated: true };
  return { url: `https://${vaultHost}`, emulated: false };
}
