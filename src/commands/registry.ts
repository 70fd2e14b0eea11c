/**
 * Each command's two halves: `parse` reads its flags into typed options (every usage error, before
 * any sign-in or request), and the returned `run` does the work with the gateway and I/O it is
 * handed. cli/main.ts calls the first before it connects and the second after.
 */
import type { CommandName } from '../cli/commands';
import type { Values } from '../cli/options';
import { parseCreateOptions, runCreate } from './create';
import { parseDeleteOptions, runDelete } from './delete';
import type { CommandDeps } from './deps';
import { parseEndpointOptions, runEndpoint } from './endpoint';
import { parseListOptions, runList } from './list';
import { parseRotateOptions, runRotate } from './rotate';
import { parseShowOptions, runShow } from './show';

export type PreparedCommand = (deps: CommandDeps) => Promise<number>;

type AzureCommand = Exclude<CommandName, 'emulator' | 'completion'>;

/** Pairs a command's parse with its run: the options are read now, the work is done later. */
function command<O>(parse: (values: Values, now: Date) => O, run: (options: O, deps: CommandDeps) => Promise<number>) {
  return (values: Values, now: Date): PreparedCommand => {
    const options = parse(values, now);
    return (deps) => run(options, deps);
  };
}

const COMMANDS: Record<AzureCommand, (values: Values, now: Date) => PreparedCommand> = {
  create: command(parseCreateOptions, runCreate),
  rotate: command(parseRotateOptions, runRotate),
  list: command(parseListOptions, runList),
  show: command(parseShowOptions, runShow),
  delete: command(parseDeleteOptions, runDelete),
  endpoint: command(parseEndpointOptions, runEndpoint),
};

/** Parses the command's flags (throwing UsageError) and returns the work, not yet started. */
export function prepareCommand(command: AzureCommand, values: Values, now: Date): PreparedCommand {
  return COMMANDS[command](values, now);
}
