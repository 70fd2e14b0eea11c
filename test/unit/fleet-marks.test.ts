import { describe, expect, it } from 'vitest';
import { markOf, NO_MARKS, withMarks, type FleetMark } from '../../src/wizard/fleet-marks';

const ok = (keys: number): FleetMark => ({ keys, expired: 0, expiring: 0 });
const id = (n: number) =>
  `/subscriptions/s-${n % 7}/resourceGroups/rg/providers/Nginx.NginxPlus/nginxDeployments/d-${n}`;

describe('fleet marks', () => {
  it('finds every mark added, across batches, and counts each id once', () => {
    let marks = NO_MARKS;
    for (let batch = 0; batch < 50; batch++)
      marks = withMarks(
        marks,
        Array.from({ length: 8 }, (_, i) => [id(batch * 8 + i), ok(batch)] as const),
      );
    marks = withMarks(marks, [[id(3), { error: 'forbidden' }]]);
    expect(marks.size).toBe(400);
    expect(markOf(marks, id(3))).toEqual({ error: 'forbidden' });
    expect(markOf(marks, id(399))).toEqual(ok(49));
    expect(markOf(marks, id(400))).toBeUndefined();
  });

  it('never changes the marks an earlier state holds', () => {
    const before = withMarks(NO_MARKS, [[id(1), ok(1)]]);
    const after = withMarks(before, [
      [id(1), ok(2)],
      [id(2), ok(3)],
    ]);
    expect(markOf(before, id(1))).toEqual(ok(1));
    expect(markOf(before, id(2))).toBeUndefined();
    expect(before.size).toBe(1);
    expect(markOf(after, id(1))).toEqual(ok(2));
    expect(after.size).toBe(2);
    expect(NO_MARKS.size).toBe(0);
    expect(NO_MARKS.buckets.every((bucket) => Object.keys(bucket).length === 0)).toBe(true);
  });

  it('copies only the buckets a batch touches', () => {
    const before = withMarks(NO_MARKS, [[id(1), ok(1)]]);
    const after = withMarks(before, [[id(2), ok(2)]]);
    const shared = after.buckets.filter((bucket, i) => bucket === before.buckets[i]).length;
    expect(shared).toBeGreaterThanOrEqual(after.buckets.length - 1);
  });
});
