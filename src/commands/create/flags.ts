/** The flags `create` owns: read by its parse, and by the command line's one schema (help, completion). */
import { APPLY_FLAGS, KEY_NAME_FLAG, NEW_KEY_FLAGS, TARGET_FLAGS, type FlagSpec } from '../shared/flags';

export const CREATE_FLAGS = [
  ...TARGET_FLAGS,
  KEY_NAME_FLAG,
  ...NEW_KEY_FLAGS,
  ...APPLY_FLAGS,
  {
    name: 'verify',
    type: 'boolean',
    help: 'check the new key on the dataplane (GET <endpoint>/packages), waiting up to 30 s for it to take',
  },
  { name: 'replace', type: 'boolean', help: 'allow replacing an existing key of that name' },
] as const satisfies readonly FlagSpec[];
