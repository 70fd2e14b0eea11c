/**
 * A local NGINXaaS: ARM routes, Resource Graph, each deployment's dataplane and fault injection,
 * over HTTPS on 127.0.0.1 with a certificate made for the run. Used by `--demo`,
 * `nginxaas-keys emulator` and every test.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { routeArm } from './arm-routes';
import { makeLoopbackCertificate } from './certificate';
import type { EmulatorData } from './data';
import { DATAPLANE_HOST, routeDataplane } from './dataplane-route';
import { routeVault, VAULT_HOST } from './vault-route';
import { FaultBook } from './faults';
import { carriesSecret, RequestLog, type RequestRecord } from './request-log';
import { controlRoute } from './control-route';
import { answerAltered, answeredInstead } from './fault-answers';
import { routeGraph } from './graph-route';
import { ArmFailure, parseJson, readBody, requireBearer, send, type Reply } from './http';
import { sampleData } from './sample-data';
import { World } from './world';
import { EntraEmulator } from './entra-route';
import { authKind } from './http';
import type { Behaviour } from './data';

export type { Behaviour, RequestRecord };

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  data?: EmulatorData;
  /** Rewrite this JSON file after every change (mode 0600). */
  statePath?: string;
  /** The bearer token to accept; a random one by default. */
  token?: string;
  /** Items per page of every ARM list (Resource Graph pages by $top). */
  pageSize?: number;
  /** The emulator's clock; tests move it. */
  now?: () => Date;
  /** Added to every answer (not the control routes), as a far-away ARM would be: for benchmarks. */
  latencyMs?: number;
  behaviour?: Partial<Behaviour>;
}

export interface RunningEmulator {
  url: string;
  port: number;
  caPem: string;
  token: string;
  world: World;
  faults: FaultBook;
  behaviour: Behaviour;
  requests: RequestRecord[];
  /** TLS connections accepted so far: shows whether a client reused its connections. */
  connections(): number;
  /** Resolves once no request is being handled (a slow PUT is carried out after its client left). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const now = options.now ?? (() => new Date());
  const world = new World(options.data ?? sampleData(now()), options.statePath);
  const faults = new FaultBook();
  const behaviour: Behaviour = { secretlessPut: 'keep', deviceCodePolls: 1, ...options.behaviour };
  const log = new RequestLog();
  const requests = log.records;
  const token = options.token ?? `emulator-${randomBytes(18).toString('base64url')}`;
  const polls = () => behaviour.deviceCodePolls;
  const entra = new EntraEmulator(
    () => baseUrl,
    token,
    polls,
    () => behaviour.deviceCodeMessage,
  );
  // The tenant a vault's bearer challenge names: the world's, as Azure's would be.
  const tenantId = world.subscriptions()[0]?.tenantId ?? '72f988bf-0000-4000-8000-000000000001';
  const { certPem, keyPem } = makeLoopbackCertificate(now());
  const pageSize = options.pageSize ?? 100;
  let baseUrl = '';

  let handling = 0;
  const whenIdle: (() => void)[] = [];
  const server: Server = createServer({ cert: certPem, key: keyPem }, (req, res) => {
    handling += 1;
    handle(req, res)
      .catch((error: unknown) => {
        if (!res.headersSent) send(res, new ArmFailure(500, 'InternalServerError', String(error)).reply());
      })
      .finally(() => {
        handling -= 1;
        if (handling === 0) for (const resolve of whenIdle.splice(0)) resolve();
      });
  });
  // Idle keep-alive sockets are kept a minute, longer than any retry's backoff, as Azure's front
  // doors keep theirs: at 2 s a retry could land on a socket the emulator had just closed ('socket
  // hang up' on a loaded machine). close() ends every connection itself (closeAllConnections below).
  server.keepAliveTimeout = 60_000;
  let connections = 0;
  server.on('secureConnection', () => connections++);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    const method = (req.method ?? 'GET').toUpperCase();
    const record = log.add({ method, path: url.pathname, authorization: authKind(req) });
    res.on('finish', () => log.answered(record, res.statusCode));

    if (url.pathname.startsWith('/_emulator/'))
      return send(res, controlRoute({ token, faults, requests, behaviour }, req, url, await readBody(req)));
    // What another process wrote to a shared state file (a command beside a --demo wizard).
    try {
      world.refresh();
    } catch (error) {
      return send(
        res,
        new ArmFailure(500, 'InternalServerError', `The emulator's state: ${(error as Error).message}`).reply(),
      );
    }

    const fault = faults.take(method, `${url.pathname}${url.search}`, record.authorization !== 'none');
    // The whole request is in hand before a delay, as on a real server that is merely slow: a
    // client that gives up while it waits does not stop the work from being done.
    const rawBody = fault?.reset ? '' : await readBody(req).catch(() => undefined);
    if (rawBody === undefined) return void req.socket.destroy();
    if (method === 'PUT' && carriesSecret(rawBody)) record.carriesSecret = true;
    const delay = (fault?.delayMs ?? 0) + (options.latencyMs ?? 0);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (fault?.holdUntil) await log.heldUntil(fault.holdUntil);
    if (fault?.reset) return void req.socket.destroy();
    // A fault that answers in place of the service (nothing is carried out).
    const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined;
    const dataplane =
      DATAPLANE_HOST.test(url.pathname.split('/')[1] ?? '') ||
      DATAPLANE_HOST.test(String(req.headers.host ?? '').replace(/:\d+$/, ''));
    if (fault && answeredInstead(res, fault, { rawBody, dataplane, authorization })) return;

    let reply: Reply;
    try {
      reply = route(req, url, method, rawBody);
    } catch (error) {
      if (!(error instanceof ArmFailure)) throw error;
      reply = error.reply();
    }
    if (fault?.commitThenDrop) return void req.socket.destroy();
    // Carried out; a fault may still change how the answer looks.
    if (fault) return answerAltered(res, fault, reply, `${baseUrl}${url.pathname}${url.search}`);
    send(res, reply);
  }

  function route(req: IncomingMessage, url: URL, method: string, rawBody: string): Reply {
    const hostHeader = String(req.headers.host ?? '').replace(/:\d+$/, '');
    const [first = '', ...rest] = url.pathname.split('/').slice(1);
    const vault = VAULT_HOST.test(first)
      ? { host: first, path: `/${rest.join('/')}` }
      : VAULT_HOST.test(hostHeader)
        ? { host: hostHeader, path: url.pathname }
        : undefined;
    if (vault) {
      const vaultContext = {
        method,
        url,
        headers: req.headers,
        body: parseJson(rawBody),
        world,
        token,
        tenantId,
        now: now(),
      };
      return routeVault({ ...vaultContext, ...vault });
    }
    // Microsoft Entra ID's device code flow: no bearer token yet, that is what it is for.
    const signIn = entra.route(method, url.pathname, rawBody, now());
    if (signIn) return signIn;
    if (DATAPLANE_HOST.test(first)) {
      return routeDataplane({
        method,
        host: first,
        path: `/${rest.join('/')}`,
        headers: req.headers,
        world,
        now: now(),
        rawBody,
      });
    }
    if (DATAPLANE_HOST.test(hostHeader)) {
      return routeDataplane({
        method,
        host: hostHeader,
        path: url.pathname,
        headers: req.headers,
        world,
        now: now(),
        rawBody,
      });
    }
    requireBearer(req, token);
    const body = parseJson(rawBody);
    if (/^\/providers\/microsoft\.resourcegraph\/resources\/?$/i.test(url.pathname)) {
      // Resource Graph pages by 1000 rows (its default and maximum), not by ARM's list page.
      return routeGraph({ method, url, body, world, baseUrl, pageSize: options.pageSize ?? 1000 });
    }
    const ifNoneMatch = req.headers['if-none-match'];
    return routeArm({
      method,
      url,
      body,
      world,
      baseUrl,
      pageSize,
      now: now(),
      behaviour,
      ifNoneMatch: typeof ifNoneMatch === 'string' ? ifNoneMatch : undefined,
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `https://127.0.0.1:${port}`;

  return {
    url: baseUrl,
    port,
    caPem: certPem,
    token,
    world,
    faults,
    behaviour,
    requests,
    connections: () => connections,
    idle: () => (handling === 0 ? Promise.resolve() : new Promise<void>((resolve) => whenIdle.push(resolve))),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
