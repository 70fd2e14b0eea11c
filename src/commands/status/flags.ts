/** The flags `status` owns: read by its parse, and by the command line's one schema (help, completion). */
import { TARGET_FLAGS, type FlagSpec } from '../shared/flags';

/** Who the run is, what it sees, and whether a key's value works. */
export const STATUS_FLAGS = [
  ...TARGET_FLAGS,
  { name: 'secret-stdin', type: 'boolean', help: "check a key's value read from standard input (with -d)" },
  { name: 'secret-file', type: 'string', value: '<path>', help: "check a key's value read from a file (with -d)" },
  {
    name: 'keyvault',
    type: 'string',
    value: '<secret URL>',
    help: "check the key's value in that Key Vault secret's newest version (with -d)",
  },
] as const satisfies readonly FlagSpec[];
