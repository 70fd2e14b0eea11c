/**
 * `--quiet` (`-q`): a command's stderr says nothing when all went well. What it would say (notes,
 * warnings) is held; the run's end lets it out in order when the exit code is not 0 — so an
 * error comes with what led to it — and drops it when the code is 0. A question for a person (a
 * confirmation, a hidden key, a device code) is never held: what was held so far comes first, then
 * the question and what it writes go straight out until it is answered.
 */
import { Writable } from 'node:stream';

export type Stderr = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

export class QuietStderr {
  private held: (Buffer | string)[] = [];
  private holding = false;
  private asking = 0;
  /** The stream a command writes its stderr to: the real one until `hold()`. */
  readonly stream: Stderr;

  constructor(private readonly real: Stderr) {
    const stream = new Writable({
      write: (chunk: Buffer | string, _encoding, done) => {
        if (this.holding && this.asking === 0) this.held.push(chunk);
        else this.real.write(chunk);
        done();
      },
    });
    // A prompt library pipes into stderr and ends the pipe when its question is answered: as
    // process.stderr does, this stream takes end() as a last write and stays open for the next one.
    const endless = Object.assign(stream, {
      end: (...args: unknown[]) => {
        const chunk = args[0];
        if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) stream.write(chunk);
        const done = args.find((arg) => typeof arg === 'function') as (() => void) | undefined;
        done?.();
        return endless;
      },
    });
    // Whether stderr is a terminal (the status line, prompts, progress) is the real one's.
    this.stream = Object.assign(endless, { isTTY: real.isTTY, columns: (real as { columns?: number }).columns });
  }

  hold(): void {
    this.holding = true;
  }

  /** A person is asked: out with what was held, and nothing held until the answer. */
  async whileAsking<T>(asking: Promise<T>): Promise<T> {
    this.letOut();
    this.asking += 1;
    try {
      return await asking;
    } finally {
      this.asking -= 1;
    }
  }

  /** Words a person must act on now (a device code): never held, and after what was. */
  sayNow(text: string): void {
    this.letOut();
    this.real.write(text);
  }

  /** The run's end: what was held goes out unless all went well. */
  end(allWell: boolean): void {
    if (allWell) this.held = [];
    else this.letOut();
    this.holding = false;
  }

  private letOut(): void {
    for (const chunk of this.held) this.real.write(chunk);
    this.held = [];
  }
}
