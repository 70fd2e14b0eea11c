/**
 * Plain mode's questions as bare lines, for TERM=dumb (Emacs shells, some screen readers, serial
 * consoles): a question, then an answer read as a whole line. The terminal stays in its cooked
 * mode, so Backspace, Ctrl+U and Ctrl+W are the terminal's own line editing and nothing is ever
 * redrawn. Only a hidden answer takes raw mode, to keep it from echoing.
 */
import type { Io } from '../port/io';
import type { Prompts, Validate } from './prompts';

export function linePrompts(io: Io): Prompts {
  const reader = new LineReader(io);
  const say = (line: string) => io.stdout.write(`${line}\n`);
  // Ctrl+C or the end of input leaves the cursor after the question (and the terminal's "^C"):
  // end that line, so that what is said next has a line of its own.
  const answered = async (read: Promise<string>) => {
    try {
      return await read;
    } catch (error) {
      io.stdout.write('\n');
      throw error;
    }
  };

  async function ask(message: string, validate?: Validate, fallback?: string): Promise<string> {
    for (;;) {
      io.stdout.write(`? ${message}${fallback ? ` [${fallback}]` : ''}: `);
      const typed = await answered(reader.line());
      const answer = typed === '' && fallback !== undefined ? fallback : typed;
      const verdict = validate ? validate(answer) : true;
      if (verdict === true) return answer;
      say(`✖ ${verdict}`);
    }
  }

  return {
    input: (q) => ask(q.message, q.validate, q.default),
    async password(q) {
      for (;;) {
        io.stdout.write(`? ${q.message}: `);
        const typed = await answered(reader.hidden());
        io.stdout.write('\n');
        const verdict = q.validate ? q.validate(typed) : true;
        if (verdict === true) return typed;
        say(`✖ ${verdict}`);
      }
    },
  };
}

/** Lines from stdin as the terminal's line discipline hands them over, and one hidden read. */
class LineReader {
  private buffered = '';
  private waiting: ((line: string) => void) | undefined;
  private failing: ((error: Error) => void) | undefined;
  private ended = false;

  constructor(private readonly io: Io) {
    io.stdin.setEncoding?.('utf8');
    io.stdin.on('data', (chunk: string | Buffer) => {
      this.buffered += chunk.toString();
      this.deliver();
    });
    io.stdin.on('end', () => {
      this.ended = true;
      this.deliver();
    });
    io.signal?.addEventListener('abort', () => this.failing?.(cancelled()), { once: true });
  }

  line(): Promise<string> {
    return new Promise((resolve, reject) => {
      if (this.io.signal?.aborted) return reject(cancelled());
      this.waiting = resolve;
      this.failing = reject;
      this.io.stdin.resume();
      this.deliver();
    });
  }

  /** A line typed in raw mode so that it is not echoed; Backspace, Ctrl+U and Ctrl+W still edit. */
  async hidden(): Promise<string> {
    const stdin = this.io.stdin as NodeJS.ReadStream;
    if (!stdin.isTTY || typeof stdin.setRawMode !== 'function') return this.line();
    stdin.setRawMode(true);
    try {
      let value = '';
      for (;;) {
        const chunk = await this.chunk();
        for (const ch of chunk) {
          if (ch === '\r' || ch === '\n') return value;
          if (ch === '\u0003') throw cancelled();
          if (ch === '\u007f' || ch === '\b') value = Array.from(value).slice(0, -1).join('');
          else if (ch === '\u0015') value = '';
          else if (ch === '\u0017') value = value.replace(/\S*\s*$/, '');
          else value += ch;
        }
      }
    } finally {
      stdin.setRawMode(false);
    }
  }

  private chunk(): Promise<string> {
    return new Promise((resolve, reject) => {
      if (this.buffered !== '') {
        const taken = this.buffered;
        this.buffered = '';
        return resolve(taken);
      }
      this.failing = reject;
      this.waiting = (line) => resolve(line);
      this.io.stdin.resume();
    });
  }

  private deliver(): void {
    const waiting = this.waiting;
    if (!waiting) return;
    const end = this.buffered.indexOf('\n');
    const stdin = this.io.stdin as NodeJS.ReadStream;
    const raw = stdin.isRaw === true;
    if (raw && this.buffered !== '') {
      // A hidden read takes whatever arrived, key by key.
      const taken = this.buffered;
      this.buffered = '';
      this.waiting = undefined;
      return waiting(taken);
    }
    if (end >= 0) {
      const line = this.buffered.slice(0, end).replace(/\r$/, '');
      this.buffered = this.buffered.slice(end + 1);
      this.waiting = undefined;
      // Paused between questions, so that the program can end after the last one.
      this.io.stdin.pause();
      return waiting(line);
    }
    if (this.ended) {
      this.waiting = undefined;
      this.failing?.(cancelled());
    }
  }
}

function cancelled(): Error {
  return Object.assign(new Error('cancelled'), { name: 'AbortError' });
}
