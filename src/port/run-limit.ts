/**
 * Every command ends by itself: the whole run has a time limit (--timeout, NGINXAAS_KEYS_TIMEOUT,
 * 10 minutes unless told), as each request has its own. When it passes, the run stops as on a
 * first Ctrl+C (a key being created is let finish, so that its outcome is known); 30 s later as on
 * a second one; and if even that has not ended it, 10 s later the process leaves with a word.
 * Time spent waiting on a person (a question on the terminal) does not count.
 */
import { spokenDuration } from '../domain/spoken-duration';
import { UsageError } from './usage-error';

export { spokenDuration };

export const DEFAULT_RUN_LIMIT_MS = 10 * 60_000;
const LONGEST_MS = 24 * 3_600_000;
export const FORCE_AFTER_MS = 30_000;
export const LEAVE_AFTER_MS = 10_000;

export interface Grace {
  /** After the limit, how long a key being created is let finish before the run insists. */
  forceAfterMs: number;
  /** After insisting, how long before the process leaves (through the run's closing step). */
  leaveAfterMs: number;
}

/**
 * The grace periods, 30 s and 10 s; NGINXAAS_KEYS_GRACE_MS=<force>,<leave> shortens them (the
 * property test of custody runs hundreds of runs through every step of the limit).
 */
export function graceFrom(env: NodeJS.ProcessEnv): Grace {
  const match = /^(\d{1,6}),(\d{1,6})$/.exec(env.NGINXAAS_KEYS_GRACE_MS ?? '');
  if (!match) return { forceAfterMs: FORCE_AFTER_MS, leaveAfterMs: LEAVE_AFTER_MS };
  return { forceAfterMs: Number(match[1]), leaveAfterMs: Number(match[2]) };
}

const UNITS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/** `90`, `90s`, `5m`, `1h`: a whole number of seconds, minutes or hours, from 1 s to 24 h. */
export function parseRunLimit(text: string, from: string): number {
  const match = /^(\d{1,6})(s|m|min|h)?$/.exec(text.trim());
  const ms = match ? Number(match[1]) * (UNITS[match[2] ?? ''] ?? 1000) : NaN;
  if (!(ms >= 1000 && ms <= LONGEST_MS))
    throw new UsageError(`${from} takes a time from 1s to 24h, such as 90s, 5m or 1h, not '${text}'`);
  return ms;
}

/** The reason the run's signal carries when the limit, not a person, stopped it. */
export class RunTimeLimit extends Error {
  /** What the run was waiting on when the limit passed, in words, for the message that ends it. */
  waitingOn: string | undefined;

  constructor(readonly limitMs: number) {
    super(`the run's time limit of ${spokenDuration(limitMs)} passed (--timeout changes it)`);
    this.name = 'RunTimeLimit';
  }
}

export function stoppedByLimit(signal: AbortSignal | undefined): RunTimeLimit | undefined {
  return signal?.aborted && signal.reason instanceof RunTimeLimit ? signal.reason : undefined;
}

export interface RunLimitActions {
  stop(reason: RunTimeLimit): void;
  force(reason: RunTimeLimit): void;
  leave(reason: RunTimeLimit): void;
}

/** The run's clock: it runs while the program works and waits for Azure, not while a person answers. */
export class RunLimit {
  private remainingMs: number;
  private startedAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private holders = 0;
  private readonly later: NodeJS.Timeout[] = [];

  constructor(
    readonly limitMs: number,
    private readonly actions: RunLimitActions,
    private readonly clock: () => number = Date.now,
    readonly grace: Grace = { forceAfterMs: FORCE_AFTER_MS, leaveAfterMs: LEAVE_AFTER_MS },
  ) {
    this.remainingMs = limitMs;
    this.run();
  }

  /** How long the run may still take, as of now. */
  left(): number {
    return this.timer === undefined ? this.remainingMs : this.remainingMs - (this.clock() - this.startedAt);
  }

  /** The clock stands still until `waiting` settles: a person is being asked something. */
  async hold<T>(waiting: Promise<T>): Promise<T> {
    if (this.holders++ === 0) this.pause();
    try {
      return await waiting;
    } finally {
      if (--this.holders === 0) this.run();
    }
  }

  end(): void {
    this.pause();
    for (const timer of this.later) clearTimeout(timer);
  }

  private run(): void {
    if (this.remainingMs <= 0) return;
    this.startedAt = this.clock();
    this.timer = setTimeout(() => this.expire(), this.remainingMs).unref();
  }

  private pause(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.remainingMs -= this.clock() - this.startedAt;
    this.timer = undefined;
  }

  private expire(): void {
    this.timer = undefined;
    this.remainingMs = 0;
    const reason = new RunTimeLimit(this.limitMs);
    this.actions.stop(reason);
    this.later.push(
      setTimeout(() => this.actions.force(reason), this.grace.forceAfterMs).unref(),
      setTimeout(() => this.actions.leave(reason), this.grace.forceAfterMs + this.grace.leaveAfterMs).unref(),
    );
  }
}
