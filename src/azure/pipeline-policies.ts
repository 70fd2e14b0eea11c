/**
 * The ARM pipeline's own policies, beside bounded-body.ts and throttling.ts: the request log of
 * --verbose, and the library policies left out because they cost every request and do nothing here.
 */
import type { PipelinePolicy } from '@azure/core-rest-pipeline';

/** One line per request and answer (--verbose): method, path and query, status, time; never headers or bodies. */
export function requestLogPolicy(log: (line: string) => void): PipelinePolicy {
  return {
    name: 'nginxaasKeysRequestLog',
    async sendRequest(request, next) {
      const started = Date.now();
      const url = new URL(request.url);
      log(`→ ${request.method} ${url.origin}${url.pathname}${url.search}`);
      try {
        const response = await next(request);
        const id = response.headers.get('x-ms-request-id');
        log(
          `← ${response.status} ${request.method} ${url.pathname} (${Date.now() - started} ms${id ? `, request id ${id}` : ''})`,
        );
        return response;
      } catch (error) {
        log(`✖ ${request.method} ${url.pathname}: ${(error as Error).message.split('\n')[0]}`);
        throw error;
      }
    },
  };
}

/**
 * Policies that do nothing for us but cost every request, dropped:
 * - We never send forms. core-rest-pipeline's form policy asks every request `body instanceof
 *   FormData`, and touching that global makes Node 20 load undici: ~26 ms before the first answer.
 * - We register no tracing instrumenter: the tracing policy would still build a span and sanitize
 *   the URL of each request for nobody.
 * - We send no operation specs: core-client's (de)serialization policies would only parse every
 *   JSON answer a second time (ArmClient.call reads the text itself, capped).
 * Measured on a fleet sweep of 3,000 requests: BENCHMARKS.md.
 */
export function withoutIdlePolicies<P extends { removePolicy(options: { name: string }): unknown }>(pipeline: P): P {
  for (const name of ['formDataPolicy', 'tracingPolicy', 'serializationPolicy', 'deserializationPolicy'])
    pipeline.removePolicy({ name });
  return pipeline;
}
