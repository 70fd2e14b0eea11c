/**
 * What the SDK's retry policy does not do for us with 429 Too Many Requests:
 * - a 429 without Retry-After is not retried at all: we give it an exponential backoff (through the
 *   retry-after-ms header the SDK's throttling strategy reads), so a burst of reads recovers;
 * - a Retry-After longer than MAX_WAIT_SECONDS would be slept through in silence (an hour, for
 *   3600): we stop and say how long Azure asked to wait instead.
 * Sits per attempt, after the retry policy, so it sees every answer.
 */
import type { PipelinePolicy, PipelineRequest, PipelineResponse } from '@azure/core-rest-pipeline';

export const MAX_WAIT_SECONDS = 60;

/** Thrown (not a RestError, so never retried) when Azure asks for a longer wait than we make. */
export class ThrottledTooLong extends Error {
  override readonly name = 'ThrottledTooLong';
  constructor(
    readonly waitSeconds: number,
    readonly code: string | undefined,
    readonly armMessage: string | undefined,
  ) {
    super(`Azure asked to wait ${waitSeconds} s before trying again`);
  }
}

function requestedWaitMs(response: PipelineResponse): number | undefined {
  for (const [header, factor] of [
    ['retry-after-ms', 1],
    ['x-ms-retry-after-ms', 1],
    ['retry-after', 1000],
  ] as const) {
    const value = response.headers.get(header);
    if (value === undefined || value.trim() === '') continue;
    const number = Number(value);
    if (Number.isFinite(number)) return Math.max(0, number * factor);
    const date = Date.parse(value);
    if (header === 'retry-after' && Number.isFinite(date)) return Math.max(0, date - Date.now());
  }
  return undefined;
}

function armError(response: PipelineResponse): { code?: string; message?: string } {
  try {
    return (JSON.parse(response.bodyAsText ?? '') as { error?: { code?: string; message?: string } }).error ?? {};
  } catch {
    return {};
  }
}

export function throttlingPolicy(backoff: { baseMs: number; maxMs: number }): PipelinePolicy {
  const attempts = new WeakMap<PipelineRequest, number>();
  return {
    name: 'nginxaasKeysThrottling',
    async sendRequest(request, next) {
      const response = await next(request);
      if (response.status !== 429) return response;
      const waitMs = requestedWaitMs(response);
      if (waitMs === undefined) {
        const attempt = attempts.get(request) ?? 0;
        attempts.set(request, attempt + 1);
        const jitter = 0.8 + Math.random() * 0.4;
        const delay = Math.min(backoff.maxMs, backoff.baseMs * 2 ** attempt) * jitter;
        response.headers.set('retry-after-ms', String(Math.round(delay)));
        return response;
      }
      if (waitMs > MAX_WAIT_SECONDS * 1000) {
        const { code, message } = armError(response);
        throw new ThrottledTooLong(Math.ceil(waitMs / 1000), code, message);
      }
      return response;
    },
  };
}
