/**
 * One core-client pipeline to Azure Resource Manager (bearer token, retries honouring
 * Retry-After, user agent, TLS options, a redacting request log), and JSON calls over it.
 */
import { ServiceClient } from '@azure/core-client';
import {
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineRequest,
  type HttpClient,
  type PipelineRetryOptions,
  type TlsSettings,
} from '@azure/core-rest-pipeline';
import type { TokenCredential } from '@azure/core-auth';
import { pageShape, unreadableAnswer, type Shape } from './answer-shapes';
import { boundedBodyPolicy } from './bounded-body';
import { requestLogPolicy, withoutIdlePolicies } from './pipeline-policies';
import { ArmError } from './errors';
import { throttlingPolicy, ThrottledTooLong } from './throttling';
import { pagedList, type PagedAsyncIterableIterator } from './paging';
import type { ArmErrorEnvelope, PagedList } from '../wire/types';

export interface ArmClientOptions {
  endpoint: string;
  credentialScopes: string[];
  tlsOptions?: TlsSettings;
  retryOptions?: PipelineRetryOptions;
  /** One line per request and answer, for --verbose. Never given headers or bodies. */
  log?: (line: string) => void;
  userAgent?: string;
  /** Per attempt; a hung connection must not hang a script forever. Default 60 s. */
  timeoutMs?: number;
  /** Of one request with its retries, from the first byte sent to the last read. Default 3 × timeoutMs. */
  deadlineMs?: number;
  maxBodyBytes?: number;
}

export interface ArmCallOptions {
  query?: Record<string, string>;
  body?: unknown;
  abortSignal?: AbortSignal | undefined;
  /** Extra request headers (If-None-Match); never a credential. */
  headers?: Record<string, string>;
  /** What a success must hold (answer-shapes.ts); a body that lacks it is an UnreadableAnswer. */
  shape?: Shape;
}

export interface ArmAnswer<T> {
  status: number;
  body: T;
}

/** Where core-rest-pipeline finds a proxy: behind one, connections are the proxy's to open. */
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'];

const positive = (ms: number | undefined) => (ms !== undefined && ms > 0 ? ms : undefined);

export class ArmClient extends ServiceClient {
  readonly endpoint: string;
  private readonly timeoutMs: number;
  private readonly deadlineMs: number;
  private readonly http: HttpClient;
  private readonly tlsSettings: TlsSettings | undefined;
  private readonly log: ((line: string) => void) | undefined;

  constructor(credential: TokenCredential, options: ArmClientOptions) {
    // Our own HTTP client (not the process-wide default), so that preconnect() warms the very
    // connections this pipeline's requests will take.
    const http = createDefaultHttpClient();
    super({
      httpClient: http,
      endpoint: options.endpoint,
      credential,
      credentialScopes: options.credentialScopes,
      requestContentType: 'application/json; charset=utf-8',
      userAgentOptions: { userAgentPrefix: options.userAgent ?? 'nginxaas-keys' },
      tlsOptions: options.tlsOptions,
      retryOptions: options.retryOptions,
      // Both sit per retry, so each attempt shows in the log and each 429 is looked at.
      additionalPolicies: [
        {
          policy: throttlingPolicy({
            baseMs: options.retryOptions?.retryDelayInMs ?? 1000,
            maxMs: options.retryOptions?.maxRetryDelayInMs ?? 16_000,
          }),
          position: 'perRetry' as const,
        },
        ...(options.log ? [{ policy: requestLogPolicy(options.log), position: 'perRetry' as const }] : []),
        // Last, so innermost: the body is read here, capped and within the deadline.
        { policy: boundedBodyPolicy(options.maxBodyBytes), position: 'perRetry' as const },
      ],
    });
    withoutIdlePolicies(this.pipeline);
    this.http = http;
    this.tlsSettings = options.tlsOptions;
    this.log = options.log;
    this.endpoint = options.endpoint;
    // Every request has an end: a 0 (or less) would mean none to the pipeline, so it is the default too.
    this.timeoutMs = positive(options.timeoutMs) ?? 60_000;
    this.deadlineMs = positive(options.deadlineMs) ?? 3 * this.timeoutMs;
  }

  /**
   * Opens connections to ARM while the token is still being fetched, so that the first requests
   * skip the TCP and TLS handshakes (two round trips to Azure). Each is a `HEAD /` with no
   * credential at all, through this client's keep-alive agent, which keeps the socket for what
   * follows. Nothing is said of a failure: the real requests will say what is wrong.
   */
  preconnect(connections: number, env: NodeJS.ProcessEnv = process.env): void {
    if (PROXY_VARIABLES.some((name) => env[name])) return;
    for (let i = 0; i < connections; i++) {
      const request = createPipelineRequest({ url: `${this.endpoint}/`, method: 'HEAD', timeout: 10_000 });
      // As the pipeline's TLS policy sets it: the key by which the client picks its agent.
      if (this.tlsSettings) request.tlsSettings = this.tlsSettings;
      this.log?.(`→ HEAD ${this.endpoint}/ (opening a connection while signing in; no credential)`);
      this.http.sendRequest(request).catch(() => undefined);
    }
  }

  /** Sends one JSON request; a status outside `ok` throws ArmError with the envelope read. */
  async call<T>(method: string, pathOrUrl: string, ok: number[], options: ArmCallOptions = {}): Promise<ArmAnswer<T>> {
    const url = pathOrUrl.startsWith('https://') ? new URL(pathOrUrl) : new URL(`${this.endpoint}${pathOrUrl}`);
    for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, value);
    const headers = createHttpHeaders({ accept: 'application/json' });
    if (options.body !== undefined) headers.set('content-type', 'application/json; charset=utf-8');
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
    // The idle timeout is per attempt; the deadline ends a trickling body and the retries too.
    const deadline = requestDeadline(this.deadlineMs, options.abortSignal);
    const request = createPipelineRequest({
      url: url.toString(),
      method: method as 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      abortSignal: deadline.signal,
      timeout: this.timeoutMs,
    });
    let response;
    try {
      response = await this.sendRequest(request);
    } catch (error) {
      if (error instanceof ThrottledTooLong) {
        const until = new Date(Date.now() + error.waitSeconds * 1000).toISOString().slice(11, 16);
        const said = error.armMessage ? `${error.armMessage} ` : '';
        throw new ArmError(
          429,
          error.code ?? 'TooManyRequests',
          `${said}Azure asked to wait ${error.waitSeconds} s (until ${until} UTC) before trying again; not waiting that long: try again then.`,
        );
      }
      // The pipeline reports its own timeout as an abort; only the caller's abort is a cancel.
      if ((error as Error).name === 'AbortError' && !options.abortSignal?.aborted) {
        const limit = deadline.expired() ? this.deadlineMs : this.timeoutMs;
        const words = deadline.expired() ? 'no complete answer within' : 'no answer within';
        throw Object.assign(new Error(`${words} ${seconds(limit)}`), { code: 'ETIMEDOUT' });
      }
      throw error;
    } finally {
      deadline.release();
    }
    const text = response.bodyAsText ?? '';
    let body: unknown;
    let parsed = true;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
      parsed = false;
    }
    // A success must carry the JSON object it promises (DELETE and HEAD promise none).
    const wantsBody = method !== 'DELETE' && method !== 'HEAD' && response.status !== 204;
    if (ok.includes(response.status) && wantsBody && (typeof body !== 'object' || body === null)) {
      const what =
        text.trim() === ''
          ? 'an empty body'
          : /^\s*</.test(text)
            ? 'an HTML page'
            : parsed
              ? 'no JSON object'
              : 'a body that is not JSON';
      throw unreadableAnswer(method, url.pathname, response.status, what);
    }
    const lacking = ok.includes(response.status) && wantsBody ? options.shape?.(body) : undefined;
    if (lacking) throw unreadableAnswer(method, url.pathname, response.status, lacking);
    if (!ok.includes(response.status)) {
      const detail = (body as ArmErrorEnvelope | undefined)?.error;
      throw new ArmError(
        response.status,
        detail?.code,
        detail?.message ?? `Azure answered HTTP ${response.status}`,
        response.headers.get('retry-after') ?? undefined,
      );
    }
    return { status: response.status, body: body as T };
  }

  /** A paged list: the first page from `path` with `query`, then each absolute nextLink as given. */
  listPaged<Wire, T>(
    path: string,
    query: Record<string, string>,
    convert: (item: Wire) => T,
    abortSignal: AbortSignal | undefined,
    itemShape: Shape,
  ): PagedAsyncIterableIterator<T> {
    const shape = pageShape(itemShape);
    return pagedList(async (nextLink) => {
      // The bearer token goes only where the endpoint is: a next page elsewhere is not followed.
      if (nextLink && new URL(nextLink).origin !== new URL(this.endpoint).origin) {
        throw new ArmError(
          502,
          'ForeignNextLink',
          `Azure returned a next page on another host (${new URL(nextLink).origin}); it was not followed, so the token was not sent there`,
        );
      }
      const answer = await this.call<PagedList<Wire>>('GET', nextLink ?? path, [200], {
        ...(nextLink ? {} : { query }),
        abortSignal,
        shape,
      });
      return answer.body;
    }, convert);
  }
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

/**
 * One request's signal: aborted by the caller's signal or at the deadline, and released as soon as
 * the request has its answer (its body read). `AbortSignal.timeout` and `AbortSignal.any` did the
 * same, but each request's timer stayed queued for the whole deadline (3 minutes) and each request
 * was registered on the run's one long-lived signal: in a fleet sweep of 3,000 requests that kept
 * ~4 MB more (a bisection found 55db2d9's step of the sweep's peak, 9 MB, about half of it here).
 */
function requestDeadline(ms: number, caller: AbortSignal | undefined) {
  const controller = new AbortController();
  let expired = false;
  const onCallerAbort = () => controller.abort(caller?.reason);
  const timer = setTimeout(() => {
    expired = true;
    controller.abort();
  }, ms);
  timer.unref?.();
  if (caller?.aborted) onCallerAbort();
  else caller?.addEventListener('abort', onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    expired: () => expired,
    release: () => {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
    },
  };
}
