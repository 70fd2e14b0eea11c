/**
 * What a command's spec is (commands/<name>/spec.ts): its words for --help, its flags, what it
 * takes as plain arguments, and how it is prepared — its code loaded only when it runs. The command
 * line's table (cli/command-table.ts) lists every spec.
 */
import type { CommandDeps } from './deps';
import type { FlagSpec, Values } from './flags';

/** A command's work once its flags are read: run with the gateway and I/O it is handed. */
export type PreparedCommand = (deps: CommandDeps) => Promise<number>;
export type Prepare = (values: Values, now: Date) => Promise<PreparedCommand>;

export interface ModeEntry {
  /** One line, for the list of commands in the wizard's --help. */
  summary: string;
  usage: string;
  about: string;
  examples: readonly string[];
  flags: readonly FlagSpec[];
  /**
   * What it takes as plain arguments, in order: `show web-01 nlk-prod` is
   * `show -d web-01 --name nlk-prod`.
   */
  positionals?: readonly ('deployment' | 'name')[];
  /** Reads its plain arguments itself (`config set <name> <value>`): parse.ts hands them over as they are. */
  words?: true;
  /** Reads the flags (every usage error, before any sign-in or request); the work is done later. */
  prepare?: Prepare;
}

/** Loads a command's module, then pairs its parse with its run. */
export function lazily<M, O>(
  load: () => Promise<M>,
  pick: (module: M) => [(values: Values, now: Date) => O, (options: O, deps: CommandDeps) => Promise<number>],
): Prepare {
  return async (values, now) => {
    const [parse, run] = pick(await load());
    const options = parse(values, now);
    return (deps) => run(options, deps);
  };
}
