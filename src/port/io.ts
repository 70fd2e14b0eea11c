/** What a mode gets from the outside world, handed in so tests can give their own. */
import { stoppedByLimit } from './run-limit';
import type { Painter } from '../term/style';
import { hangingLines } from '../term/text-width';

export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  now(): Date;
  /** Painter for stdout and for stderr (each honours its own TTY and the colour settings). */
  out: Painter;
  err: Painter;
  /** Aborted by the first SIGINT, SIGTERM or SIGHUP: stop before anything more is sent. */
  signal: AbortSignal;
  /**
   * Aborted by a second signal: leave now, even while a key is being created. A request that
   * creates a key is not abandoned on the first signal, so that its outcome is known.
   */
  forceSignal: AbortSignal;
  /**
   * A command's wait for a person (a question on the terminal): the run's time limit stands still
   * and the status line gives way meanwhile. Absent where nobody keeps time (the wizard, tests).
   */
  askingPerson?<T>(asking: Promise<T>): Promise<T>;
  /** A command's status line: the count of a sweep on a terminal, and what the run waits on. */
  status?: { readonly draws: boolean; setBase(text: string | undefined): void };
}

/**
 * A line of progress ("Finding NGINXaaS deployments…"): on stderr only when it is a terminal, as
 * gh does; a pipe, a file or cron gets only what the run found and what went wrong. Laid out to
 * the terminal's width at spaces, so that the terminal never breaks a word.
 */
export function sayProgress(io: Pick<Io, 'stderr' | 'err'>, line: string): void {
  if (!io.stderr.isTTY) return;
  for (const row of hangingLines(line, layoutWidth(io.stderr))) io.stderr.write(`${io.err('muted', row)}\n`);
}

/** The width we lay a stream's lines out to: one short of a terminal's edge; none off a terminal. */
export function layoutWidth(stream: { isTTY?: boolean; columns?: number }): number | undefined {
  return stream.isTTY && stream.columns ? stream.columns - 1 : undefined;
}

/** How a run stopped by its signal says so: a person's Ctrl+C is 130, the run's time limit a failure. */
export function stopWords(io: Pick<Io, 'signal'>): { words: string; why: string; exit: number } {
  const limit = stoppedByLimit(io.signal);
  if (!limit) return { words: 'Cancelled', why: 'cancelled', exit: EXIT.cancelled };
  const words = `Gave up: ${limit.message}${limit.waitingOn ? `, while ${limit.waitingOn}` : ''}`;
  return { words, why: limit.message, exit: EXIT.failed };
}

/**
 * How long one request may wait for its answer: NGINXAAS_KEYS_REQUEST_TIMEOUT_MS (for slow links,
 * and for the tests of a service slower than the client), else the gateway's 60 s.
 */
export function requestTimeoutMs(env: NodeJS.ProcessEnv): number | undefined {
  const text = env.NGINXAAS_KEYS_REQUEST_TIMEOUT_MS;
  return text !== undefined && /^\d{1,7}$/.test(text) && Number(text) > 0 ? Number(text) : undefined;
}

export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  expiring: 3,
  /** Not signed in to Azure, or the sign-in expired (gh uses 4 too). */
  notSignedIn: 4,
  cancelled: 130,
} as const;
