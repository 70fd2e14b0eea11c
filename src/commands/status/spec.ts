/**
 * `status`: who is signed in, what is visible, whether a key works — its summary, usage, help and examples, its flags, and how it is
 * prepared (its code loads only when it runs). The command line's table (cli/command-table.ts) lists it.
 */
import { lazily, type ModeEntry } from '../shared/command-spec';
import { STATUS_FLAGS } from './flags';

export const statusSpec = {
  summary: 'who is signed in, what is visible, and whether a key works',
  usage: 'nginxaas-keys status [<deployment> [-g <rg>]] [--secret-stdin | --secret-file <path> | --keyvault <url>]',
  about:
    "How this run signs in and as whom, the subscriptions and deployments it can see; with a deployment, its dataplane endpoint and whether it answers; with a key's value, which key record it is (by hint), its expiry, and whether the dataplane takes it. Exit 0 when all is well, 1 when something is not, 4 when the run cannot sign in.",
  examples: [
    'nginxaas-keys status --demo',
    'nginxaas-keys status web-01 --secret-file nlk-canary.key --demo',
    'nginxaas-keys status web-01 --secret-file nlk-canary.key -o json --demo',
  ],
  positionals: ['deployment'],
  flags: STATUS_FLAGS,
  prepare: lazily(
    () => import('./status'),
    (m) => [m.parseStatusOptions, m.runStatus],
  ),
} as const satisfies ModeEntry;
