/**
 * The expiry marks of the deployment list, by deployment id, kept so that adding a batch copies a
 * little instead of everything: ids are spread over 64 small buckets, and a batch copies the list
 * of buckets and the buckets it touches. Copying one object of 5,000 marks per batch of 8 took
 * ~3.4 ms, hundreds of times over while a big list was read, and keystrokes waited behind it.
 * Values never change in place: a state keeps seeing the marks it was made with.
 */
export type FleetMark = { keys: number; expired: number; expiring: number } | { error: string };

type Bucket = Readonly<Record<string, FleetMark>>;

export interface FleetMarks {
  readonly size: number;
  readonly buckets: readonly Bucket[];
}

const BUCKETS = 64;

export const NO_MARKS: FleetMarks = { size: 0, buckets: Array.from({ length: BUCKETS }, () => ({})) };

function bucketOf(id: string): number {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  return (hash >>> 0) % BUCKETS;
}

export function markOf(marks: FleetMarks, id: string): FleetMark | undefined {
  return marks.buckets[bucketOf(id)]?.[id];
}

export function withMarks(marks: FleetMarks, entries: Iterable<readonly [string, FleetMark]>): FleetMarks {
  const buckets = [...marks.buckets];
  const copied = new Set<number>();
  let size = marks.size;
  for (const [id, mark] of entries) {
    const index = bucketOf(id);
    if (!copied.has(index)) {
      buckets[index] = { ...buckets[index] };
      copied.add(index);
    }
    const bucket = buckets[index] as Record<string, FleetMark>;
    if (!Object.hasOwn(bucket, id)) size++;
    bucket[id] = mark;
  }
  return { size, buckets };
}
