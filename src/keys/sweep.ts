/**
 * Reading the keys of a whole fleet: many deployments at once (far more than a handful), but no
 * subscription faster than ARM meters its reads — a token bucket per subscription — and a
 * subscription that answers 429 even after the pipeline's own retries is paused and its
 * deployments tried again later. Each deployment is reported as soon as its keys arrive, so a
 * caller can stream, and nothing but the keys themselves is kept.
 */
import { TokenBucket } from '../domain/token-bucket';
import { GatewayError, type ApiKey, type Deployment, type Gateway } from '../port/gateway';

export interface Swept {
  deployment: Deployment;
  keys: ApiKey[];
  /** Why its keys could not be read (the keys are then empty). */
  problem?: string;
}

export interface SweepOptions {
  /** Requests in flight at once, across every subscription. */
  concurrency?: number;
  /** ARM's read bucket per subscription (nginxaas-api.md): 250, refilled at 25 a second. */
  bucket?: { capacity: number; perSecond: number };
  /** How long a subscription rests after a 429 that outlasted the pipeline's retries. */
  throttledPauseMs?: number;
  signal?: AbortSignal;
  /** Each deployment, by its index in the list given, as soon as its keys are read. */
  onSwept?: (index: number, swept: Swept) => void;
  /** Words for a failure that is not the key's (e.g. the subscription is disabled). */
  explain?: (deployment: Deployment, error: GatewayError) => string;
  clock?: () => number;
}

export const SWEEP_CONCURRENCY = 64;
export const ARM_READ_BUCKET = { capacity: 250, perSecond: 25 };
const TRIES_WHEN_THROTTLED = 3;

export async function sweepKeys(
  gateway: Gateway,
  deployments: Deployment[],
  options: SweepOptions = {},
): Promise<Swept[]> {
  const clock = options.clock ?? (() => Date.now());
  const bucketSize = options.bucket ?? ARM_READ_BUCKET;
  const buckets = new Map<string, TokenBucket>();
  const bucketOf = (d: Deployment) => {
    const key = d.subscriptionId.toLowerCase();
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = new TokenBucket(bucketSize.capacity, bucketSize.perSecond, clock())));
    return bucket;
  };
  const results = new Array<Swept>(deployments.length);
  const queue = deployments.map((deployment, index) => ({ deployment, index, tries: 0 }));
  let cursor = 0;

  async function readOne(item: (typeof queue)[number]): Promise<void> {
    const bucket = bucketOf(item.deployment);
    for (let wait = bucket.take(clock()); wait > 0; wait = bucket.take(clock())) await sleep(wait, options.signal);
    try {
      const keys = await gateway.listKeys(item.deployment, options.signal ? { signal: options.signal } : {});
      finish(item.index, { deployment: item.deployment, keys });
    } catch (error) {
      if (!(error instanceof GatewayError) || error.kind === 'cancelled') throw error;
      if (error.kind === 'throttled' && ++item.tries < TRIES_WHEN_THROTTLED) {
        bucket.pause(clock() + (options.throttledPauseMs ?? 10_000));
        queue.push(item);
        return;
      }
      const problem = options.explain?.(item.deployment, error) ?? error.plain;
      finish(item.index, { deployment: item.deployment, keys: [], problem });
    }
  }

  function finish(index: number, swept: Swept): void {
    results[index] = swept;
    options.onSwept?.(index, swept);
  }

  async function worker(): Promise<void> {
    while (cursor < queue.length) {
      const item = queue[cursor++] as (typeof queue)[number];
      await readOne(item);
    }
  }
  const workers = Math.max(1, Math.min(options.concurrency ?? SWEEP_CONCURRENCY, deployments.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(Object.assign(new Error('cancelled'), { name: 'AbortError' }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
