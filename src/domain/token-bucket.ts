/**
 * A token bucket: `capacity` requests at once, refilled at `perSecond`. ARM meters reads per
 * subscription this way (a bucket of 250, refilled at 25 a second; see nginxaas-api.md), so a
 * fleet sweep keeps one per subscription and never sends faster than ARM would answer. A 429
 * pauses the bucket until its Retry-After. The clock is passed in.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private pausedUntil = 0;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  /** Takes a token and returns 0, or returns how many milliseconds to wait before asking again. */
  take(now: number): number {
    if (now < this.pausedUntil) return this.pausedUntil - now;
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) * this.perSecond) / 1000);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) * 1000) / this.perSecond);
  }

  /** Nothing more until `until` (a 429's Retry-After), and then from an empty bucket. */
  pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
    this.tokens = 0;
    this.last = until;
  }
}
