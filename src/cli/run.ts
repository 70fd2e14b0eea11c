/**
 * What one run of the program holds while it runs: its stop signals, its streams, the custody
 * record every ending reads, the sessions and doors to close. main() makes one; the modes
 * (modes.ts) are built from it; its closing step and its end are the same for every mode.
 */
import { setMaxListeners } from 'node:events';
import { Custody } from '../keys/custody';
import type { Gateway } from '../port/gateway';
import type { History } from '../port/history';
import { EXIT, type Io } from '../port/io';
import type { RunTimeLimit } from '../port/run-limit';
import type { Session } from '../port/session';
import { colorEnabled, painter } from '../term/style';
import type { keepTime } from './clock';
import { closingOnce, type Outcome } from './closing';
import type { Mode } from './command-table';
import { flag, type Values } from './options';
import { thisProgram } from './program-name';
import { QuietStderr } from './quiet-stderr';
import type { SettingsInForce } from './saved-settings';

/** SIGHUP too: a closed terminal must not leave a key half-made without a word. */
const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export class Run {
  readonly aborter = new AbortController();
  /** Aborted by a second signal: leave at once (see Io.forceSignal). */
  readonly forcer = new AbortController();
  /** Every ending of a command reads the run's custody record, in one closing step (closing.ts). */
  readonly custody = new Custody();
  /** The commands this run prints name the program as it was started (npx, node bin/…, on PATH). */
  readonly program = thisProgram();
  /** --quiet holds what a command says on stderr, and lets it out only when the run did not go well. */
  readonly quiet = new QuietStderr(process.stderr);
  mode: Mode = 'wizard';
  values: Values = {};
  /** A command keeps time (its run limit); its clock adds to the streams. */
  clock: ReturnType<typeof keepTime> | undefined;
  /** Output meant for a file: gathered, and without colour. */
  toFile: Partial<Io> = {};
  session: Session | undefined;
  /** The gateway a command ran through: where the closing step deletes again a key nobody holds. */
  commandGateway: Gateway | undefined;
  history: History | undefined;
  /** The saved defaults this run took, said again when it fails where they chose the target. */
  ranWith: SettingsInForce | undefined;
  /** Lines of --verbose kept until a full-screen wizard has let go of the terminal. */
  readonly verboseLines: string[] = [];
  private readonly doors: { close(): Promise<void> }[] = [];
  private readonly onSignal = () => (this.aborter.signal.aborted ? this.forcer.abort() : this.aborter.abort());
  /** The terminal went away (EIO): stopped as by a first signal, which lets a DELETE under way finish. */
  readonly hangUp = () => {
    if (!this.aborter.signal.aborted) this.aborter.abort();
  };

  readonly close = closingOnce(() => ({
    custody: this.custody,
    io: this.io(),
    values: this.values,
    mode: this.mode,
    demo: this.session?.demo ?? false,
    gateway: this.commandGateway,
    history: this.history,
    program: this.program,
    argv: this.argv,
  }));

  constructor(readonly argv: string[]) {
    // Every request in flight listens on these (a fleet sweep has dozens at once): not a leak.
    setMaxListeners(1000, this.aborter.signal, this.forcer.signal);
    // The first signal asks to stop; a second one insists.
    for (const signal of STOP_SIGNALS) process.on(signal, this.onSignal);
  }

  /** The run's streams, with what a command adds or puts in their place (its clock, an output file). */
  io(): Io {
    const noColor = flag(this.values, 'no-color');
    return {
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      now: () => new Date(),
      out: painter(colorEnabled(process.stdout, process.env, noColor)),
      err: painter(colorEnabled(process.stderr, process.env, noColor)),
      signal: this.aborter.signal,
      forceSignal: this.forcer.signal,
      ...this.clock?.io,
      ...this.toFile,
      // Spreads, not keys: each layer replaces what is above it only where it has something to say.
      // A command's stderr may be held (--quiet); the wizard's faces draw on the terminal as it is.
      ...(this.mode !== 'wizard' ? { stderr: this.quiet.stream } : {}),
      ...(this.clock ? { askingPerson: this.asking } : {}),
    };
  }

  /** A person asked a question is never kept waiting on a held line (quiet-stderr.ts). */
  private readonly asking = <T>(question: Promise<T>): Promise<T> =>
    this.quiet.whileAsking(this.clock?.io.askingPerson ? this.clock.io.askingPerson(question) : question);

  /** The time limit's last step: the closing step (it may cut a network wait short, never itself), then leave. */
  readonly leave = (reason: RunTimeLimit): void => {
    void (async () => {
      const failure = new Error(`${reason.message}, and the run did not stop when asked: leaving now`);
      // An --output-file is not written by a run cut short: a report gathered for it reached no one.
      if (this.toFile.stdout) for (const entry of this.custody.mayBeLive()) entry.told = false;
      const code = await this.close({ failure });
      this.quiet.end(code === EXIT.ok);
      await flushed(process.stdout);
      await flushed(process.stderr);
      process.exit(code);
    })();
  };

  /** A door to close when the run ends (the sign-in screen's sessions). */
  opened(door: { close(): Promise<void> } | undefined): void {
    if (door) this.doors.push(door);
  }

  async end(): Promise<void> {
    this.clock?.end();
    for (const line of this.verboseLines) process.stderr.write(`${line}\n`);
    await this.session?.close();
    for (const door of this.doors) await door.close();
    for (const signal of STOP_SIGNALS) process.off(signal, this.onSignal);
  }
}

export type { Outcome };

/** Resolves once the stream has handed everything over (or its reader went away). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    stream.once('error', () => resolve());
    if (stream.writableLength === 0) resolve();
    else stream.write('', () => resolve());
  });
}
