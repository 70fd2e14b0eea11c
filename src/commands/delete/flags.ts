/** The flags `delete` owns: read by its parse, and by the command line's one schema (help, completion). */
import { KEY_NAME_FLAG, TARGET_FLAGS, type FlagSpec } from '../shared/flags';

export const DELETE_FLAGS = [
  ...TARGET_FLAGS,
  KEY_NAME_FLAG,
  { name: 'yes', short: 'y', type: 'boolean', help: 'do not ask before deleting' },
  {
    name: 'if-exists',
    type: 'boolean',
    help: 'a key that is not there is no error (exit 0): for scripts that clean up',
  },
] as const satisfies readonly FlagSpec[];
