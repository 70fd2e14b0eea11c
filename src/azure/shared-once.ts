/**
 * One answer for every caller: fetched once, without any one caller's signal (a first caller that
 * gives up must not fail the others; the request's own deadline bounds it), and fetched again
 * after a failure. Each caller stops waiting when its own signal aborts.
 */
import { GatewayError } from '../port/gateway';

export class SharedOnce<T> {
  private pending: Promise<T> | undefined;

  constructor(private readonly fetch: () => Promise<T>) {}

  get(signal?: AbortSignal): Promise<T> {
    if (!this.pending) {
      this.pending = this.fetch();
      this.pending.catch(() => (this.pending = undefined));
    }
    return untilAborted(this.pending, signal);
  }
}

/** `work`, or a cancel as soon as `signal` aborts (the work itself goes on for its other callers). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(new GatewayError('cancelled', 'cancelled'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new GatewayError('cancelled', 'cancelled'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
