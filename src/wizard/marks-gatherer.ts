/**
 * The answers of the list's background reads, handed to the machine gathered: at most once per
 * `gatherMs`, and not while keys are being typed. Each hand-over redraws the whole list and starts
 * the next reads; while someone types, both wait until the keys have been quiet for `quietMs`
 * (so a key never waits behind a redraw of marks, nor behind the answers of reads it did not
 * ask for), but never longer than `holdMs` after the first answer gathered, so marks still
 * arrive under steady typing.
 */
export interface GathererTimers {
  now: () => number;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
}

export interface GatherTimes {
  gatherMs: number;
  quietMs: number;
  holdMs: number;
}

export class MarksGatherer<T> {
  private results: T[] = [];
  private answered = 0;
  private since: number | undefined;
  private lastKey = -Infinity;
  private timer: unknown;

  constructor(
    private readonly handOver: (results: T[], answered: number) => void,
    private readonly times: GatherTimes,
    private readonly timers: GathererTimers,
  ) {}

  add(results: T[], answered: number): void {
    this.results.push(...results);
    this.answered += answered;
    if (this.since === undefined) {
      this.since = this.timers.now();
      this.arm(this.times.gatherMs);
    }
  }

  /** A key was typed: the next hand-over waits for the keys to be quiet. */
  typed(): void {
    this.lastKey = this.timers.now();
  }

  dispose(): void {
    if (this.timer !== undefined) this.timers.clearTimer(this.timer);
    this.timer = undefined;
  }

  private arm(ms: number): void {
    this.timer = this.timers.setTimer(() => this.due(), ms);
  }

  private due(): void {
    this.timer = undefined;
    const now = this.timers.now();
    const quietAt = this.lastKey + this.times.quietMs;
    const latest = (this.since ?? now) + this.times.holdMs;
    if (now < quietAt && now < latest) {
      this.arm(Math.min(quietAt, latest) - now);
      return;
    }
    const { results, answered } = this;
    this.results = [];
    this.answered = 0;
    this.since = undefined;
    this.handOver(results, answered);
  }
}
