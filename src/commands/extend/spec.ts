/**
 * `extend`: a new expiry, the same secret — its summary, usage, help and examples, its flags, and how it is
 * prepared (its code loads only when it runs). The command line's table (cli/command-table.ts) lists it.
 */
import { lastDayOfNextYear } from '../../domain/example-dates';
import { lazily, type ModeEntry } from '../shared/command-spec';
import { EXTEND_FLAGS } from './flags';

export const extendSpec = {
  summary: 'a new expiry for a key, the same secret (alias: update, as in az)',
  usage: 'nginxaas-keys extend <deployment> <key-name> [-g <rg>] --expires <when> [flags]',
  about:
    "Give a key a new expiry and keep its secret, so nothing that uses it has to change. Without a value the request carries only the expiry (as `az nginx deployment api-key update` sends it); with --secret-stdin or --secret-file the key's value is re-sent, but only once the dataplane has proven it is that key's (it takes the value and no other key has its hint); where the dataplane cannot be asked, only the expiry is sent (--verify refuses instead). An expiry earlier than the current one is asked on a terminal and needs --shorten in a script. Either way the key is read back to confirm that its hint stayed and its expiry moved. An expired key is not extended: rotate it.",
  examples: [
    'nginxaas-keys extend web-01 nlk-canary --expires 6mo --demo',
    `nginxaas-keys extend web-01 nlk-canary --expires ${lastDayOfNextYear()} --secret-file nlk-canary.key --verify --demo`,
    'nginxaas-keys update web-01 nlk-canary --expires 2y --demo',
  ],
  positionals: ['deployment', 'name'],
  flags: EXTEND_FLAGS,
  prepare: lazily(
    () => import('./extend'),
    (m) => [m.parseExtendOptions, m.runExtend],
  ),
} as const satisfies ModeEntry;
