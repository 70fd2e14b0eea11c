/** The flags `list` owns: read by its parse, and by the command line's one schema (help, completion). */
import { TARGET_FLAGS, type FlagSpec } from '../shared/flags';

export const LIST_FLAGS = [
  ...TARGET_FLAGS,
  { name: 'all', type: 'boolean', help: "list every deployment's keys across the subscriptions" },
  {
    name: 'expiring-within',
    type: 'string',
    value: '<days>',
    help: 'exit 3 when a listed key expires within that many days or has expired',
  },
] as const satisfies readonly FlagSpec[];
