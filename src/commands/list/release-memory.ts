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

const NODE_22_OR_LATER = Number(process.versions.node.split('.')[0]) >= 22;
/** Node 22 and later turn Maglev on (`node --v8-options` says so); Node 20's V8 has it off. */
const MAGLEV_BY_DEFAULT = NODE_22_OR_LATER;

function collector(): Collect | null {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const found: unknown = runInNewContext('typeof gc === "function" ? gc : null');
      // Back to V8's default once fetched: the code cache written at the end of the run records
      // V8's flags, and one made under others is refused at every start (src/cli/code-cache.ts).
      setFlagsFromString('--no-expose-gc');
      collect = typeof found === 'function' ? (found as Collect) : null;
    } catch {
      collect = null;
    }
  }
  return collect;
}

/**
 * Holds a fleet list's memory down until the returned function is called: V8's young generation
 * at the size it has now, and Maglev (Node 22 and later) not used.
 *
 * The young generation grows (doubling, up to 32 MB on Node 20 and 64 MB on Node 24) when many
 * objects outlive a collection, and thousands of requests in flight do just that: the sweep's
 * peak held 32 and 64 MB of it where ~5 MB are alive at a time. What outlives a small young
 * generation goes to the old one, which the full collections above keep down.
 * `--max-semi-space-size` would cap it, but only as a flag at start; the growth factor is read
 * at each growth, so it can be set to 1 here.
 *
 * Maglev, the compiler between the baseline and the optimizing one, compiles on background
 * threads whose memory the C library keeps: ~6 MB of a sweep's peak on Node 24 (102–103 MB with
 * it, 96–97 MB without, at the same 2.8–2.9 s). The flag is read at each tier-up, so it takes
 * effect here; code already compiled keeps running.
 */
export function holdMemoryDown(): () => void {
  try {
    // Given back first: the start may have grown it already (Node 24's to 16 MB).
    collector()?.({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    setFlagsFromString('--semi-space-growth-factor=1');
    if (MAGLEV_BY_DEFAULT) setFlagsFromString('--no-maglev');
  } catch {
    return () => {};
  }
  // V8's defaults.
  return () => {
    setFlagsFromString('--semi-space-growth-factor=2');
    if (MAGLEV_BY_DEFAULT) setFlagsFromString('--maglev');
  };
}

/**
 * How many answers of a sweep between two full collections (~6 ms each). Node 24's peak is the
 * one near the 100 MB mark: every 125 answers takes ~3 MB off it for ~10 % more CPU and no wall
 * time there (2.8–2.9 s); on Node 20, 89 MB against 92 MB, it cost ~1 % of the wall time, close
 * to the 3.0 s mark, and is not taken.
 */
export const ANSWERS_A_COLLECTION = NODE_22_OR_LATER ? 125 : 250;

/** Returns a callback to call once per unit of work: every `every` calls, a full collection. */
export function releaseMemoryEvery(every: number): () => void {
  let count = 0;
  return () => {
    if (++count % every === 0) collector()?.();
  };
}
