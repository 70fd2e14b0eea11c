/** What every command's `run` is handed: the way to Azure and the outside world, nothing global. */
import type { Gateway } from '../port/gateway';
import type { Io } from '../port/io';

export interface CommandDeps {
  gateway: Gateway;
  io: Io;
  /** On --demo: the commands a message suggests say --demo too. */
  demo?: boolean;
}
