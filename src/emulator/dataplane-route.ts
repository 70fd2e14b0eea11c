/**
 * The dataplane of each emulated deployment. A deployment's endpoint is served at
 * `https://127.0.0.1:<port>/<host>/`, where `<host>` is the name it would have in Azure
 * (`<name>-<12 hex>.<region>.nginxaas.net`); a request whose Host header is that name is
 * served too. Only `Authorization: ApiKey <base64 of a live key of that deployment>` is let in.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Reply } from './http';
import type { World } from './world';

export const DATAPLANE_HOST = /^[a-z0-9-]+\.[a-z0-9]+\.nginxaas\.net$/i;

export interface DataplaneContext {
  method: string;
  host: string;
  path: string;
  headers: IncomingHttpHeaders;
  world: World;
  now: Date;
}

/** The NGINX Plus API's error shape. */
function nplusError(status: number, code: string, text: string): Reply {
  return {
    status,
    body: { error: { status, text, code }, href: 'https://nginx.org/en/docs/http/ngx_http_api_module.html' },
  };
}

export function routeDataplane(ctx: DataplaneContext): Reply {
  const deployment = ctx.world.deploymentByHost(ctx.host);
  if (!deployment) return nplusError(404, 'DeploymentNotFound', `no deployment answers at ${ctx.host}`);

  const header = String(ctx.headers.authorization ?? '');
  const match = /^ApiKey\s+([A-Za-z0-9+/=]+)$/.exec(header);
  const secret = match ? Buffer.from(match[1] as string, 'base64').toString('utf8') : undefined;
  const key = secret === undefined ? undefined : ctx.world.keys(deployment).find((k) => k.secret === secret);
  if (!key) return nplusError(401, 'Unauthorized', 'a valid "Authorization: ApiKey <base64 key>" header is required');
  if (new Date(key.endDateTime).getTime() <= ctx.now.getTime()) {
    return nplusError(401, 'KeyExpired', `the API key '${key.name}' expired at ${key.endDateTime}`);
  }
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
    return nplusError(405, 'MethodDisabled', 'the emulator serves reads only');
  }

  const version = deployment.nginxVersion ?? 'unknown';
  const path = ctx.path.replace(/\/+$/, '') || '/';
  if (path === '/packages') {
    return { status: 200, body: { packages: [{ name: 'nginx-plus', version: version.replace(/^nginx\//, '') }] } };
  }
  if (path === '/nplus') return { status: 200, body: [1, 2, 3, 4, 5, 6, 7, 8, 9] };
  if (path === '/nplus/9')
    return {
      status: 200,
      body: ['nginx', 'processes', 'connections', 'slabs', 'http', 'stream', 'resolvers', 'ssl', 'workers'],
    };
  if (path === '/nplus/9/nginx')
    return { status: 200, body: { version, build: 'nginxaas-emulator', address: '127.0.0.1', generation: 1 } };
  if (path === '/nplus/9/http/upstreams' || path === '/nplus/9/stream/upstreams') return { status: 200, body: {} };
  const upstream = /^\/nplus\/9\/(?:http|stream)\/upstreams\/([^/]+)/.exec(path);
  if (upstream)
    return nplusError(404, 'UpstreamNotFound', `upstream not found: ${decodeURIComponent(upstream[1] as string)}`);
  return nplusError(404, 'PathNotFound', 'path not found');
}
