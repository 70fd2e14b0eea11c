/** What every command's `run` is handed: the way to Azure and the outside world, nothing global. */
import type { Gateway } from '../../port/gateway';
import type { Io } from '../../port/io';
import type { Custody } from '../../keys/custody';
import type { SettingSource } from '../../domain/settings';
import type { History } from '../../port/history';
import type { Runner } from '../../apply/run-program';

export interface CommandDeps {
  gateway: Gateway;
  io: Io;
  /** On --demo: the commands a message suggests say --demo too. */
  demo?: boolean;
  /** The program as this run was started (cli/program-name.ts), in the commands a message suggests. */
  program?: string;
  /** The run's record of every key it may have made live and where its secret is (keys/custody.ts). */
  custody: Custody;
  /** The saved defaults this run took, and its profile (cli/saved-settings.ts): said by status. */
  settings?: { profile?: string; used: { name: string; value: string; from: SettingSource }[] };
  /** The run's record of changes (port/history.ts): --apply writes each step at a consumer to it. */
  history?: History;
  /** The command that runs, for the history's entries. */
  command?: string;
  /** How helm, kubectl, az, systemctl and journalctl are run (--apply); the PATH's programs unless told. */
  runner?: Runner;
}
