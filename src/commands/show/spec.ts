/**
 * `show`: one key — its summary, usage, help and examples, its flags, and how it is
 * prepared (its code loads only when it runs). The command line's table (cli/command-table.ts) lists it.
 */
import { lazily, type ModeEntry } from '../shared/command-spec';
import { SHOW_FLAGS } from './flags';

export const showSpec = {
  summary: 'one key: hint, expiry, days left',
  usage: 'nginxaas-keys show <deployment> <key-name> [-g <rg>] [flags]',
  about: 'One key: its hint, expiry, days left and the endpoint it works on.',
  examples: [
    'nginxaas-keys show web-01 nlk-prod --demo',
    'nginxaas-keys show -d web-01 -g edge-rg --name nlk-prod -o json --demo',
  ],
  positionals: ['deployment', 'name'],
  flags: SHOW_FLAGS,
  prepare: lazily(
    () => import('./show'),
    (m) => [m.parseShowOptions, m.runShow],
  ),
} as const satisfies ModeEntry;
