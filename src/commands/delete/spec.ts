/**
 * `delete`: delete a key — its summary, usage, help and examples, its flags, and how it is
 * prepared (its code loads only when it runs). The command line's table (cli/command-table.ts) lists it.
 */
import { lazily, type ModeEntry } from '../shared/command-spec';
import { DELETE_FLAGS } from './flags';

export const deleteSpec = {
  summary: 'delete a key (asks first unless --yes)',
  usage: 'nginxaas-keys delete <deployment> <key-name> [-g <rg>] [--yes] [--if-exists]',
  about: 'Delete a key. It asks first unless --yes; whatever uses the key stops working at once.',
  examples: ['nginxaas-keys delete web-01 ci-2025 --yes --demo'],
  positionals: ['deployment', 'name'],
  flags: DELETE_FLAGS,
  prepare: lazily(
    () => import('./delete'),
    (m) => [m.parseDeleteOptions, m.runDelete],
  ),
} as const satisfies ModeEntry;
