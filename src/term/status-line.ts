/**
 * The last line of a terminal's stderr, kept for what the run is waiting on: a count that moves
 * (list --all) and, when a call to Azure has taken more than two seconds, what it waits for, for
 * how long, and when the run gives up. Anything else written to the terminal first clears the
 * line and then draws it again below, so the two never mix. Off the terminal (a pipe, a file,
 * TERM=dumb) there is no such line: the words would be escape codes there.
 */
import stringWidth from './display-width';
import { spokenDuration } from '../domain/spoken-duration';
import type { Painter } from './style';
import { cut } from './text-width';

type Terminal = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
type Write = Terminal['write'];

const SHOW_AFTER_MS = 2_000;
const CLEAR = '\r\u001b[2K';

export class StatusLine {
  private base: string | undefined;
  private readonly waits = new Map<number, { label: string; since: number }>();
  private nextWait = 0;
  private drawn = false;
  private held = 0;
  private atLineStart = true;
  private ticker: NodeJS.Timeout | undefined;
  private readonly restore: (() => void)[] = [];
  private readonly write: (text: string) => void;
  /** Whether the line is drawn at all (a terminal's stderr, not TERM=dumb). */
  readonly draws: boolean;

  constructor(
    private readonly terminal: Terminal,
    private readonly paint: Painter,
    /** Streams that draw on the same screen (stdout, when it is the terminal too); undefined: draw nothing. */
    sharing: Terminal[] | undefined,
    private readonly left?: () => number,
    private readonly clock: () => number = Date.now,
  ) {
    const own = terminal.write.bind(terminal) as Write;
    this.write = (text) => void own(text);
    this.draws = sharing !== undefined;
    for (const stream of sharing ? [terminal, ...sharing.filter((s) => s.isTTY && s !== terminal)] : [])
      this.guard(stream);
  }

  /** Drawn on a terminal's stderr; elsewhere the waits are only kept, for the words of a run that gives up. */
  static for(stderr: Terminal, stdout: Terminal, env: NodeJS.ProcessEnv, paint: Painter, left?: () => number) {
    const draws = stderr.isTTY === true && env.TERM !== 'dumb';
    return new StatusLine(stderr, paint, draws ? [stdout] : undefined, left);
  }

  /** The oldest call still waiting, in words. */
  waitingOn(): string | undefined {
    return this.oldest()?.label;
  }

  /** The count of a sweep, or undefined to take it away. */
  setBase(text: string | undefined): void {
    this.base = text;
    this.draw();
  }

  /** A call is waiting from now on; the function returned says it is over. */
  begin(label: string): () => void {
    const id = this.nextWait++;
    this.waits.set(id, { label, since: this.clock() });
    if (this.draws) this.ticker ??= setInterval(() => this.draw(), 1000).unref();
    return () => {
      this.waits.delete(id);
      if (this.waits.size === 0) this.stopTicking();
      this.draw();
    };
  }

  /** While a person is asked something the prompt owns the line. */
  async hold<T>(asking: Promise<T>): Promise<T> {
    this.held++;
    this.clear();
    try {
      return await asking;
    } finally {
      this.held--;
      this.atLineStart = true;
      this.draw();
    }
  }

  end(): void {
    this.stopTicking();
    this.clear();
    for (const undo of this.restore.splice(0)) undo();
  }

  /** What the line says now, or undefined when it has nothing to say. */
  text(): string | undefined {
    const now = this.clock();
    const oldest = this.oldest();
    const waited = oldest && now - oldest.since >= SHOW_AFTER_MS ? oldest : undefined;
    if (!waited) return this.base;
    const how = `${spokenDuration(now - waited.since)} waiting for Azure: ${waited.label}`;
    const left = this.left?.();
    const until = left !== undefined && left > 0 ? ` (the run gives up in ${spokenDuration(left)})` : '';
    return this.base ? `${this.base} · ${how}` : `${how}${until}`;
  }

  /** A Map keeps the order of insertion: the first wait is the oldest. */
  private oldest(): { label: string; since: number } | undefined {
    return this.waits.values().next().value;
  }

  private draw(): void {
    if (!this.draws || this.held > 0 || !this.atLineStart) return;
    const text = this.text();
    if (text === undefined) return this.clear();
    const width = Math.max(10, (this.terminal.columns ?? 80) - 1);
    const fitted = stringWidth(text) > width ? cut(text, width) : text;
    this.write(`${CLEAR}${this.paint('muted', fitted)}`);
    this.drawn = true;
  }

  private clear(): void {
    if (!this.drawn) return;
    this.write(CLEAR);
    this.drawn = false;
  }

  private stopTicking(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = undefined;
  }

  /** Every other write to `stream` clears the line first and draws it again after a whole line. */
  private guard(stream: Terminal): void {
    const original = stream.write;
    const guarded = (chunk: unknown, ...rest: unknown[]) => {
      this.clear();
      const result = (original as (...a: unknown[]) => boolean).call(stream, chunk, ...rest);
      const text = typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString() : '';
      if (text !== '') this.atLineStart = text.endsWith('\n');
      this.draw();
      return result;
    };
    stream.write = guarded as Write;
    this.restore.push(() => {
      stream.write = original;
    });
  }
}
