/**
 * A change already sent to Azure is let finish on a first Ctrl+C (or the run's time limit), so
 * that its outcome is known and said; a second leaves at once. Nothing is sent after the first.
 */
import { GatewayError } from '../../port/gateway';
import { EXIT, stopWords, type Io } from '../../port/io';
import { graceFrom, spokenDuration, stoppedByLimit } from '../../port/run-limit';

/**
 * Runs `change` with the run's second signal as its abort; told of the first, it says that the
 * request is being finished. `doing` names it: "deletes key 'web'".
 */
export async function letFinish<T>(io: Io, doing: string, change: (signal: AbortSignal) => Promise<T>): Promise<T> {
  if (io.signal.aborted) throw new GatewayError('cancelled', `the request that ${doing} was not sent`);
  const quiet = sayFinishing(io, doing);
  try {
    return await change(io.forceSignal);
  } finally {
    quiet();
  }
}

/** Until the returned function is called, a first signal is answered with `finishingWords`. */
export function sayFinishing(io: Io, doing: string): () => void {
  const held = () => io.stderr.write(finishingWords(io, doing));
  io.signal.addEventListener('abort', held, { once: true });
  return () => io.signal.removeEventListener('abort', held);
}

/** What is said when the first signal comes while the request that `doing` is under way. */
export function finishingWords(io: Io, doing: string): string {
  return stoppedByLimit(io.signal)
    ? `The run's time limit passed; finishing the request that ${doing} (for ${spokenDuration(graceFrom(io.env).forceAfterMs)} at the most), so that its outcome is known.\n`
    : `Finishing the request that ${doing}, so that its outcome is known; a second Ctrl+C leaves at once.\n`;
}

/** After a change let finish: the words that the run was stopped, but only after it was done, and the exit code; undefined if not stopped. */
export function stoppedAfterChange(io: Io, done: string): number | undefined {
  if (!io.signal.aborted) return undefined;
  const stopped = stopWords(io);
  io.stderr.write(`${stopped.words}, but only after Azure ${done}.\n`);
  return stopped.exit;
}

/**
 * In a JSON document: why the run ends with 130 or 1 though its change was made (a signal, the
 * time limit), so that the document and the exit code agree.
 */
export function stoppedJson(io: Io): { stopped?: { kind: 'cancelled' | 'timeLimit'; message: string } } {
  if (!io.signal.aborted) return {};
  const stopped = stopWords(io);
  return { stopped: { kind: stopped.exit === EXIT.cancelled ? 'cancelled' : 'timeLimit', message: stopped.words } };
}
