/**
 * Azure Key Vault's secrets API, as far as a key hand-off needs it: PUT a secret (a new version
 * each time), GET its latest or a given version, list its versions. A vault is served at
 * `https://127.0.0.1:<port>/<vault>.vault.azure.net/`, or by its Host header. Like the real one it
 * first answers 401 with a bearer challenge, which the SDK follows with a token for its resource.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatedVaultSecret } from './data';
import type { Reply } from './http';
import type { World } from './world';

export const VAULT_HOST = /^[a-z0-9-]{3,24}\.vault\.(azure\.net|azure\.cn|usgovcloudapi\.net)$/i;
const SECRET_NAME = /^[0-9a-zA-Z-]{1,127}$/;

export interface VaultContext {
  method: string;
  host: string;
  path: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: unknown;
  world: World;
  token: string;
  tenantId: string;
  now: Date;
}

function vaultError(status: number, code: string, message: string, headers: Record<string, string> = {}): Reply {
  return { status, body: { error: { code, message } }, headers };
}

function bundle(secret: EmulatedVaultSecret, withValue: boolean) {
  return {
    value: withValue ? secret.value : undefined,
    id: `https://${secret.vault}/secrets/${secret.name}/${secret.version}`,
    // Answered as JSON, where an undefined is no field; an empty content type is none.
    ...(secret.contentType ? { contentType: secret.contentType } : {}),
    attributes: {
      enabled: true,
      exp: secret.exp,
      created: secret.created,
      updated: secret.created,
      recoveryLevel: 'Recoverable+Purgeable',
      recoverableDays: 90,
    },
    tags: secret.tags,
  };
}

export function routeVault(ctx: VaultContext): Reply {
  const header = String(ctx.headers.authorization ?? '');
  if (header !== `Bearer ${ctx.token}`) {
    const challenge = `Bearer authorization="https://login.microsoftonline.com/${ctx.tenantId}", resource="https://vault.azure.net"`;
    const message = header === '' ? 'AKV10000: Request is missing a Bearer or PoP token.' : 'AKV10032: Invalid issuer.';
    return vaultError(401, 'Unauthorized', message, { 'www-authenticate': challenge });
  }
  if (!ctx.world.hasVault(ctx.host)) return vaultError(404, 'VaultNotFound', `No vault answers at ${ctx.host}.`);
  const version = ctx.url.searchParams.get('api-version') ?? '';
  if (!/^7\.\d+(-preview)?$/.test(version)) {
    return vaultError(
      400,
      'BadParameter',
      `The specified version (${version}) is not recognized. Consider using the latest supported version (7.6).`,
    );
  }
  const [collection, name = '', third] = ctx.path.split('/').filter(Boolean).map(decodeURIComponent);
  if (collection !== 'secrets' || !SECRET_NAME.test(name))
    return vaultError(400, 'BadParameter', 'The request URI is not a secret of this vault.');
  const versions = ctx.world.vaultSecretVersions(ctx.host, name);

  if (ctx.method === 'PUT' && third === undefined) {
    const request = (ctx.body ?? {}) as {
      value?: unknown;
      contentType?: unknown;
      tags?: unknown;
      attributes?: { exp?: unknown };
    };
    if (typeof request.value !== 'string') return vaultError(400, 'BadParameter', 'Property value is required.');
    const secret: EmulatedVaultSecret = {
      vault: ctx.host.toLowerCase(),
      name,
      version: randomBytes(16).toString('hex'),
      value: request.value,
      created: Math.floor(ctx.now.getTime() / 1000),
      contentType: typeof request.contentType === 'string' ? request.contentType : undefined,
      tags: request.tags && typeof request.tags === 'object' ? (request.tags as Record<string, string>) : undefined,
      exp: typeof request.attributes?.exp === 'number' ? request.attributes.exp : undefined,
    };
    ctx.world.addVaultSecret(secret);
    return { status: 200, body: bundle(secret, true) };
  }
  if (ctx.method === 'GET' && third === 'versions') {
    return { status: 200, body: { value: versions.map((s) => bundle(s, false)) } };
  }
  if (ctx.method === 'GET') {
    const found =
      third === undefined || third === '' ? versions[versions.length - 1] : versions.find((s) => s.version === third);
    if (!found)
      return vaultError(
        404,
        'SecretNotFound',
        `A secret with (name/id) ${name}${third ? `/${third}` : ''} was not found in this key vault.`,
      );
    return { status: 200, body: bundle(found, true) };
  }
  return vaultError(405, 'MethodNotAllowed', `The method ${ctx.method} is not served by this emulator.`);
}
