/**
 * Each command's two halves: `parse` reads its flags into typed options (every usage error, before
 * any sign-in or request), and the returned `run` does the work with the gateway and I/O it is
 * handed. cli.ts calls the first before it connects and the second after.
 */
import type { CommandName, Values } from '../cli-options';
import { parseCreateOptions, runCreate } from './create';
import { parseDeleteOptions, runDelete } from './delete';
import type { CommandDeps } from './deps';
import { parseEndpointOptions, runEndpoint } from './endpoint';
import { parseListOptions, runList } from './list';
import { parseRotateOptions, runRotate } from './rotate';
import { parseShowOptions, runShow } from './show';

export type PreparedCommand = (deps: CommandDeps) => Promise<number>;

type AzureCommand = Exclude<CommandName, 'emulator'>;

const COMMANDS: Record<AzureCommand, (values: Values, now: Date) => PreparedCommand> = {
  create: (values, now) => {
    const options = parseCreateOptions(values, now);
    return (deps) => runCreate(options, deps);
  },
  rotate: (values, now) => {
    const options = parseRotateOptions(values, now);
    return (deps) => runRotate(options, deps);
  },
  list: (values) => {
    const options = parseListOptions(values);
    return (deps) => runList(options, deps);
  },
  show: (values) => {
    const options = parseShowOptions(values);
    return (deps) => runShow(options, deps);
  },
  delete: (values) => {
    const options = parseDeleteOptions(values);
    return (deps) => runDelete(options, deps);
  },
  endpoint: (values) => {
    const options = parseEndpointOptions(values);
    return (deps) => runEndpoint(options, deps);
  },
};

/** Parses the command's flags (throwing UsageError) and returns the work, not yet started. */
export function prepareCommand(command: AzureCommand, values: Values, now: Date): PreparedCommand {
  return COMMANDS[command](values, now);
}
