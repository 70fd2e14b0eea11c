/**
 * Reading the keys of a whole fleet: many deployments at once (far more than a handful), but no
 * subscription faster than ARM meters its reads — a token bucket per subscription — and a
 * subscription that answers 429 even after the pipeline's own retries is paused and its
 * deployments tried again later. Each deployment is reported as soon as its keys arrive, so a
 * caller can stream, and nothing but the keys themselves is kept.
 *
 * Reading may start before the list is final: a search's first rows (Resource Graph answers
 * before the subscription list is read to its end) are read ahead, and the final list keeps
 * what was read of it and reads the rest. A row that did not make the list is not reported.
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
  clock?: () => number;
  /** Called once per answer (keys or a failure), read ahead or not: a long sweep's unit of work. */
  onAnswer?: () => void;
}

export interface SettleOptions {
  /** Each deployment, by its index in the final list, as soon as its keys are read. */
  onSwept?: (index: number, swept: Swept) => void;
  /** Words for a failure that is not the key's (e.g. the subscription is disabled). */
  explain?: (deployment: Deployment, error: GatewayError) => string;
}

export interface FleetSweep {
  /** Starts reading these deployments' keys before the list is final (a search's first rows). */
  readAhead(deployments: Deployment[]): void;
  /** The final list: each read once (ahead or now), answered in its order. */
  settle(deployments: Deployment[], options?: SettleOptions): Promise<Swept[]>;
  /** Starts nothing more (the search failed); reads under way end on their own. */
  stop(): void;
}

export const SWEEP_CONCURRENCY = 64;
export const ARM_READ_BUCKET = { capacity: 250, perSecond: 25 };
const TRIES_WHEN_THROTTLED = 3;

interface Entry {
  deployment: Deployment;
  tries: number;
  started: boolean;
  /** Read ahead, then left off the final list before its turn came. */
  dropped: boolean;
  outcome?: { keys: ApiKey[] } | { error: GatewayError };
  /** Its places in the final list, once that is known. */
  places?: number[];
}

export function fleetSweep(gateway: Gateway, options: SweepOptions = {}): FleetSweep {
  const clock = options.clock ?? (() => Date.now());
  const concurrency = Math.max(1, options.concurrency ?? SWEEP_CONCURRENCY);
  const bucketSize = options.bucket ?? ARM_READ_BUCKET;
  const buckets = new Map<string, TokenBucket>();
  const entries = new Map<string, Entry>();
  const queue: Entry[] = [];
  let cursor = 0;
  let running = 0;
  let stopped = false;
  let failure: { error: unknown } | undefined;
  let final: { results: Swept[]; left: number; options: SettleOptions } | undefined;
  let settled: { resolve: (swept: Swept[]) => void; reject: (error: unknown) => void } | undefined;

  const bucketOf = (d: Deployment) => {
    const key = d.subscriptionId.toLowerCase();
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = new TokenBucket(bucketSize.capacity, bucketSize.perSecond, clock())));
    return bucket;
  };

  function entryOf(deployment: Deployment): Entry {
    const id = deployment.id.toLowerCase();
    let entry = entries.get(id);
    if (!entry) {
      entry = { deployment, tries: 0, started: false, dropped: false };
      entries.set(id, entry);
      queue.push(entry);
    }
    return entry;
  }

  async function readOne(entry: Entry): Promise<void> {
    const bucket = bucketOf(entry.deployment);
    for (let wait = bucket.take(clock()); wait > 0; wait = bucket.take(clock())) await sleep(wait, options.signal);
    try {
      const keys = await gateway
        .listKeys(entry.deployment, options.signal ? { signal: options.signal } : {})
        .finally(() => options.onAnswer?.());
      arrived(entry, { keys });
    } catch (error) {
      if (!(error instanceof GatewayError) || error.kind === 'cancelled') throw error;
      if (error.kind === 'throttled' && ++entry.tries < TRIES_WHEN_THROTTLED) {
        bucket.pause(clock() + (options.throttledPauseMs ?? 10_000));
        queue.push(entry);
        return;
      }
      arrived(entry, { error });
    }
  }

  function arrived(entry: Entry, outcome: NonNullable<Entry['outcome']>): void {
    entry.outcome = outcome;
    if (final && entry.places) report(entry, final);
  }

  function report(entry: Entry, into: NonNullable<typeof final>): void {
    const outcome = entry.outcome;
    if (!outcome) return;
    const deployment = entry.deployment;
    const swept: Swept =
      'keys' in outcome
        ? { deployment, keys: outcome.keys }
        : {
            deployment,
            keys: [],
            problem: into.options.explain?.(deployment, outcome.error) ?? outcome.error.plain,
          };
    for (const place of entry.places ?? []) {
      into.results[place] = swept;
      into.options.onSwept?.(place, swept);
      into.left -= 1;
    }
    if (into.left === 0) settled?.resolve(into.results);
  }

  async function worker(): Promise<void> {
    running += 1;
    try {
      while (!stopped && !failure && cursor < queue.length) {
        const entry = queue[cursor++] as Entry;
        if (entry.dropped) continue;
        entry.started = true;
        await readOne(entry);
      }
    } catch (error) {
      failure ??= { error };
      settled?.reject(error);
    } finally {
      running -= 1;
    }
  }

  function pump(): void {
    while (!stopped && !failure && running < concurrency && cursor < queue.length) void worker();
  }

  return {
    readAhead(deployments) {
      if (final || stopped) return;
      for (const deployment of deployments) entryOf(deployment);
      pump();
    },
    settle(deployments, settleOptions = {}) {
      return new Promise<Swept[]>((resolve, reject) => {
        if (failure) return reject(failure.error);
        settled = { resolve, reject };
        const into = (final = {
          results: new Array<Swept>(deployments.length),
          left: deployments.length,
          options: settleOptions,
        });
        const onList = new Set<Entry>();
        deployments.forEach((deployment, place) => {
          const entry = entryOf(deployment);
          // The final list's own record (subscription names, an endpoint read since) is the one reported.
          entry.deployment = deployment;
          (entry.places ??= []).push(place);
          onList.add(entry);
        });
        for (const entry of entries.values()) if (!onList.has(entry) && !entry.started) entry.dropped = true;
        if (into.left === 0) return resolve(into.results);
        for (const entry of onList) if (entry.outcome) report(entry, into);
        pump();
      });
    },
    stop() {
      stopped = true;
    },
  };
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
