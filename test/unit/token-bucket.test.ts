/** The per-subscription read bucket as a table: burst, refill, and a pause after a 429. */
import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../src/domain/token-bucket';

describe('TokenBucket', () => {
  it('gives its capacity at once, then one per refill interval', () => {
    const bucket = new TokenBucket(3, 10, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([0, 0, 0]);
    expect(bucket.take(0)).toBe(100);
    expect(bucket.take(50)).toBe(50);
    expect(bucket.take(100)).toBe(0);
    expect(bucket.take(100)).toBe(100);
  });

  it('never holds more than its capacity, however long it rests', () => {
    const bucket = new TokenBucket(2, 25, 0);
    const taken = [10_000, 10_000, 10_000].map((t) => bucket.take(t));
    expect(taken).toEqual([0, 0, 40]);
  });

  it('a pause (Retry-After) holds every request until it ends, then starts from empty', () => {
    const bucket = new TokenBucket(250, 25, 0);
    bucket.pause(5_000);
    expect(bucket.take(1_000)).toBe(4_000);
    expect(bucket.take(5_000)).toBe(40);
    expect(bucket.take(5_040)).toBe(0);
  });
});
