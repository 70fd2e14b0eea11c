/**
 * `history`: what this machine changed — its summary, usage, help and examples, its flags, and how it is
 * prepared (its code loads only when it runs). The command line's table (cli/command-table.ts) lists it.
 */
import type { ModeEntry } from '../shared/command-spec';
import { HISTORY_FLAGS } from './flags';

export const historySpec = {
  summary: 'what this machine changed, newest first',
  usage: 'nginxaas-keys history [-d <deployment>] [--key <name>] [--since <when>]',
  about:
    "Every change this machine made to a key: created, extended, rotated, deleted, handed off, each with its hint, its expiry before and after, its outcome (done; failed, with ARM's code; unknown when the run ended before the answer came) and who the run was signed in as. Never a key's value. Kept in the state folder as JSON Lines (mode 0600), the oldest rotated out; the demo keeps its own (--demo).",
  examples: [
    'nginxaas-keys history --limit 5 --demo',
    'nginxaas-keys history -d web-01 --key nlk-canary -o json --demo',
  ],
  flags: HISTORY_FLAGS,
} as const satisfies ModeEntry;
