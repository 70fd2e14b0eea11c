/**
 * `list`: the keys of one deployment, or of all — its summary, usage, help and examples, its flags, and how it is
 * prepared (its code loads only when it runs). The command line's table (cli/command-table.ts) lists it.
 */
import { lazily, type ModeEntry } from '../shared/command-spec';
import { LIST_FLAGS } from './flags';

export const listSpec = {
  summary: 'keys of one deployment, or of every deployment (--all)',
  usage: 'nginxaas-keys list (<deployment> [-g <rg>] | --all) [flags]',
  about:
    'The keys of one deployment, or of every deployment (--all), with their expiry and a summary of what expires soon.',
  examples: [
    'nginxaas-keys list -d web-01 -g edge-rg --demo',
    'nginxaas-keys list --all --expiring-within 30 --demo  # exit 3: some expire',
    'nginxaas-keys list --all -o prometheus --output-file keys.prom --quiet --demo  # cron: silent when all is well',
  ],
  positionals: ['deployment'],
  flags: LIST_FLAGS,
  prepare: lazily(
    () => import('./list'),
    (m) => [m.parseListOptions, m.runList],
  ),
} as const satisfies ModeEntry;
