/**
 * The one runner of the machine's commands, for both faces: each command runs once (by its id)
 * with an AbortController of its own, so a finished wizard, Ctrl+C or an unmount cancels what is
 * in flight; its answer comes back as the machine's event. The answers of the background reads
 * for the list's marks may be gathered for a moment and handed over together: at one redraw per
 * answer, a list of thousands kept a screen busy and typed keys waited. While keys are typed, the
 * marks (and the reads after them) wait for a pause (marks-gatherer.ts).
 */
import type { Gateway } from '../port/gateway';
import { perform } from './perform';
import type { SignInDoor } from './door';
import { MarksGatherer, type GatherTimes } from './marks-gatherer';
import type { Command, CopyOutcome, PeekResult, WizardEvent, WizardScope } from './state';

/** What the commands need, read anew for every command (a face may hand over new objects). */
export interface RunnerDeps {
  gateway: Gateway;
  scope: WizardScope;
  now: () => Date;
  copy: (secret: string) => Promise<CopyOutcome>;
  /** The sign-in screen's ways, where this run has them. */
  door?: Pick<SignInDoor, 'signIn' | 'cancel'>;
}

export interface RunnerOptions {
  /** Gather the answers of the marks' reads before handing them over, and hold them while keys are typed (without: one by one). */
  gatherMarks?: GatherTimes;
  /** Told when a command cancelled meanwhile has come back (its answer is dropped). */
  onDropped?: () => void;
}

/** Work a person need not wait for: the list's marks, a copy to the clipboard. */
const BACKGROUND: ReadonlySet<Command['kind']> = new Set(['peekKeys', 'copy']);

export class CommandRunner {
  private lastRun = 0;
  private readonly running = new Map<number, { kind: Command['kind']; controller: AbortController }>();
  private readonly marks: MarksGatherer<PeekResult> | undefined;

  constructor(
    private readonly deps: () => RunnerDeps,
    private readonly dispatch: (event: WizardEvent) => void,
    private readonly options: RunnerOptions = {},
  ) {
    this.marks = options.gatherMarks
      ? new MarksGatherer<PeekResult>(
          (results, answered) => this.dispatch({ type: 'peeked', results, answered }),
          options.gatherMarks,
          { now: () => performance.now(), setTimer: setTimeout, clearTimer: (t) => clearTimeout(t as NodeJS.Timeout) },
        )
      : undefined;
  }

  /** A key was typed: the marks wait for a pause in typing (at most their hold). */
  typed(): void {
    this.marks?.typed();
  }

  /** Starts every command not started yet, in order. */
  run(commands: readonly Command[]): void {
    for (const command of commands) {
      if (command.id <= this.lastRun) continue;
      this.lastRun = command.id;
      this.start(command);
    }
  }

  /** The machine starts again from a state of its own (back from a hand-over): its commands count anew. */
  restart(): void {
    this.lastRun = 0;
  }

  /** Cancels everything in flight: the wizard has ended, or its face is going away. */
  abortAll(): void {
    for (const { controller } of this.running.values()) controller.abort();
  }

  /** Cancels everything, and drops the marks not yet handed over. */
  stop(): void {
    this.abortAll();
    this.marks?.dispose();
  }

  /** Whether something a person waits for is in flight (not the marks, not a copy). */
  busy(): boolean {
    return [...this.running.values()].some((r) => !BACKGROUND.has(r.kind));
  }

  /** Whether a command of this kind is in flight (the list's marks, which a line face may wait for). */
  isRunning(kind: Command['kind']): boolean {
    return [...this.running.values()].some((r) => r.kind === kind);
  }

  private start(command: Command): void {
    const controller = new AbortController();
    this.running.set(command.id, { kind: command.kind, controller });
    const deps = this.deps();
    void perform(command, {
      gateway: deps.gateway,
      scope: deps.scope,
      signal: controller.signal,
      now: deps.now,
      copy: deps.copy,
      onProgress: (message) => this.dispatch({ type: 'progress', message }),
      onDeviceCode: (code) => this.dispatch({ type: 'deviceCode', ...code }),
      ...(deps.door ? { signIn: deps.door.signIn, cancelSignIn: () => deps.door?.cancel() } : {}),
    })
      .then((event) => {
        this.running.delete(command.id);
        if (controller.signal.aborted) return this.options.onDropped?.();
        if (event.type === 'peeked' && this.marks) return this.marks.add(event.results, event.answered);
        this.dispatch(event);
      })
      .catch(() => this.running.delete(command.id));
  }
}
