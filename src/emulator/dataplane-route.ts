/**
 * The dataplane of each emulated deployment. A deployment's endpoint is served at
 * `https://127.0.0.1:<port>/<host>/`, where `<host>` is the name it would have in Azure
 * (`<name>-<12 hex>.<region>.nginxaas.net`); a request whose Host header is that name is
 * served too. Only `Authorization: ApiKey <base64 of a live key of that deployment>` is let in.
 * Reads of the NGINX Plus API, and the upstream server changes its consumers make (NLK,
 * nginx-asg-sync: `…/upstreams/<u>/servers`, POST, PATCH and DELETE of `…/servers/<id>`).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatedDeployment, EmulatedServer } from './data';
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
  /** The request's body as sent (a server to add or change). */
  rawBody?: string;
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
  const path = ctx.path.replace(/\/+$/, '') || '/';
  const upstreamPath = /^\/nplus\/9\/(http|stream)\/upstreams(?:\/([^/]+)(?:\/(servers)(?:\/([^/]+))?)?)?$/.exec(path);
  if (upstreamPath) return routeUpstreams(ctx, deployment, upstreamPath);
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
    return nplusError(405, 'MethodDisabled', 'the emulator serves reads only');
  }

  const version = deployment.nginxVersion ?? 'unknown';
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
  return nplusError(404, 'PathNotFound', 'path not found');
}

const SERVER_FIELDS = [
  'server',
  'max_conns',
  'max_fails',
  'fail_timeout',
  'slow_start',
  'weight',
  'down',
  'drain',
  'backup',
];

/** `/nplus/9/{http|stream}/upstreams[/<u>[/servers[/<id>]]]`: the reads, and the server changes consumers make. */
function routeUpstreams(ctx: DataplaneContext, deployment: EmulatedDeployment, match: RegExpExecArray): Reply {
  const kind = match[1] as 'http' | 'stream';
  const name = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
  const id = match[4];
  const read = ctx.method === 'GET' || ctx.method === 'HEAD';
  if (name === undefined) {
    if (!read) return nplusError(405, 'MethodDisabled', 'method disabled');
    const all = (deployment.upstreams ?? []).filter((u) => u.kind === kind);
    return { status: 200, body: Object.fromEntries(all.map((u) => [u.name, { peers: u.servers, zone: u.name }])) };
  }
  const upstream = ctx.world.upstream(deployment, kind, name);
  if (!upstream) return nplusError(404, 'UpstreamNotFound', `upstream not found: ${name}`);
  if (match[3] === undefined) {
    if (!read) return nplusError(405, 'MethodDisabled', 'method disabled');
    return { status: 200, body: { peers: upstream.servers, zone: upstream.name } };
  }
  if (id === undefined) {
    if (read) return { status: 200, body: upstream.servers };
    if (ctx.method !== 'POST') return nplusError(405, 'MethodDisabled', 'method disabled');
    const body = serverBody(ctx.rawBody);
    if (typeof body?.server !== 'string')
      return nplusError(400, 'UpstreamConfFormatError', 'the "server" field is required');
    const added = ctx.world.changeUpstream(deployment, kind, name, (u) => {
      const server = { ...body, id: u.servers.reduce((max, s) => Math.max(max, s.id + 1), 0) } as EmulatedServer;
      u.servers.push(server);
      return server;
    });
    return { status: 201, body: added };
  }
  const number = Number(id);
  const server = upstream.servers.find((s) => s.id === number);
  if (!server) return nplusError(404, 'UpstreamServerNotFound', `server not found: ${id}`);
  if (read) return { status: 200, body: server };
  if (ctx.method === 'DELETE') {
    const left = ctx.world.changeUpstream(deployment, kind, name, (u) => {
      u.servers = u.servers.filter((s) => s.id !== number);
      return u.servers;
    });
    return { status: 200, body: left };
  }
  if (ctx.method !== 'PATCH') return nplusError(405, 'MethodDisabled', 'method disabled');
  const body = serverBody(ctx.rawBody);
  if (!body) return nplusError(400, 'UpstreamConfFormatError', 'the body is not a JSON object');
  const changed = ctx.world.changeUpstream(deployment, kind, name, (u) => {
    const at = u.servers.find((s) => s.id === number);
    if (at) Object.assign(at, body, { id: number });
    return at;
  });
  return { status: 200, body: changed };
}

/** The fields of a server the NGINX Plus API takes; anything else is left out. */
function serverBody(raw: string | undefined): Partial<EmulatedServer> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw ?? '');
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  return Object.fromEntries(Object.entries(parsed).filter(([field]) => SERVER_FIELDS.includes(field)));
}
