/**
 * Full garbage collections on demand, for the one run that needs them: a fleet sweep. Each of
 * its thousands of requests leaves ~70 KB of short-lived objects (the SDK's pipeline, Node's HTTP
 * client) that are still in flight when the young generation is swept, so V8 promotes them and
 * lets the old generation grow with the length of the run: 128 MB at 3,000 deployments and
 * 205 MB at 9,000, while under 13 MB was ever alive. Collecting every few hundred answers keeps
 * it flat, for ~5 ms each. V8 exposes `gc` only behind a flag; set at run time, it takes effect
 * for contexts made afterwards, so one is made to fetch it. Without it, nothing happens.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** V8's `gc`; `{ flavor: 'last-resort' }` also gives back what the heap holds unused (the young generation's growth). */
type Collect = (options?: { type: 'major'; execution: 'sync'; flavor: 'regular' | 'last-resort' }) => void;
let collect: Collect | null | undefined;

function collector(): Collect | null {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const found: unknown = runInNewContext('typeof gc === "function" ? gc : null');
      collect = typeof found === 'function' ? (found as Collect) : null;
    } catch {
      collect = null;
    }
  }
  return collect;
}

/**
 * Keeps V8's young generation at the size it has now, until the returned function is called. It
 * grows (doubling, up to 32 MB on Node 20 and 64 MB on Node 24) when many objects outlive a
 * collection, and thousands of requests in flight do just that: the sweep's peak held 32 and 64 MB
 * of it where ~5 MB are alive at a time. What outlives a small young generation goes to the old
 * one, which the full collections above keep down. `--max-semi-space-size` would cap it, but only
 * as a flag at start; the growth factor is read at each growth, so it can be set to 1 here.
 */
export function holdYoungGeneration(): () => void {
  try {
    // Given back first: the start may have grown it already (Node 24's to 16 MB).
    collector()?.({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    setFlagsFromString('--semi-space-growth-factor=1');
  } catch {
    return () => {};
  }
  // V8's default.
  return () => setFlagsFromString('--semi-space-growth-factor=2');
}

/** Returns a callback to call once per unit of work: every `every` calls, a full collection. */
export function releaseMemoryEvery(every: number): () => void {
  let count = 0;
  return () => {
    if (++count % every === 0) collector()?.();
  };
}
