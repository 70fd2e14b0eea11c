/** Runs one non-interactive command through the gateway of the connection. */
import type { CommandName, Values } from '../cli-options';
import type { Connection } from '../cli-connect';
import { EXIT, type Io } from '../io';
import { runCreate } from './create';
import { runDelete } from './delete';
import { runEndpoint } from './endpoint';
import { runList } from './list';
import { runRotate } from './rotate';
import { runShow } from './show';

export async function runCommand(mode: CommandName | 'wizard', connection: Connection, values: Values, io: Io): Promise<number> {
  const gateway = connection.gateway;
  switch (mode) {
    case 'create':
      return runCreate(gateway, values, io);
    case 'list':
      return runList(gateway, values, io);
    case 'show':
      return runShow(gateway, values, io);
    case 'delete':
      return runDelete(gateway, values, io);
    case 'endpoint':
      return runEndpoint(gateway, values, io);
    case 'rotate':
      return runRotate(gateway, values, io);
    default:
      return EXIT.usage;
  }
}
