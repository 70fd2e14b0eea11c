/** What a mode gets from the outside world, handed in so tests can give their own. */
import type { Painter } from './style';

export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  now(): Date;
  /** Painter for stdout and for stderr (each honours its own TTY and the colour settings). */
  out: Painter;
  err: Painter;
  /** Aborted by the first SIGINT, SIGTERM or SIGHUP: stop before anything more is sent. */
  signal: AbortSignal;
  /**
   * Aborted by a second signal: leave now, even while a key is being created. A request that
   * creates a key is not abandoned on the first signal, so that its outcome is known.
   */
  forceSignal: AbortSignal;
}

/**
 * How long one request may wait for its answer: NGINXAAS_KEYS_REQUEST_TIMEOUT_MS (for slow links,
 * and for the tests of a service slower than the client), else the gateway's 60 s.
 */
export function requestTimeoutMs(env: NodeJS.ProcessEnv): number | undefined {
  const text = env.NGINXAAS_KEYS_REQUEST_TIMEOUT_MS;
  return text !== undefined && /^\d{1,7}$/.test(text) && Number(text) > 0 ? Number(text) : undefined;
}

export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  expiring: 3,
  cancelled: 130,
} as const;
