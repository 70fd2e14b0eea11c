/** The flags `rotate` owns: read by its parse, and by the command line's one schema (help, completion). */
import { rotatedName } from '../../domain/key-name';
import { APPLY_FLAGS, KEY_NAME_FLAG, NEW_KEY_FLAGS, TARGET_FLAGS, type FlagSpec } from '../shared/flags';

export const ROTATE_FLAGS = [
  ...TARGET_FLAGS,
  KEY_NAME_FLAG,
  ...NEW_KEY_FLAGS,
  {
    name: 'new-name',
    type: 'string',
    value: '<key-name>',
    // Said by the rule itself, so that help (and zsh's completion, which shows it) cannot drift.
    help: `name of the new key (default: the old name with the next free number: nlk-prod → ${rotatedName('nlk-prod', [])}, nlk-prod-2 → ${rotatedName('nlk-prod-2', [])})`,
  },
  { name: 'keep-old', type: 'boolean', help: 'keep the old key; print the command that deletes it later' },
  {
    name: 'no-verify',
    type: 'boolean',
    help: 'do not ask the dataplane (for a run that cannot reach it): the new key is not checked, and the words and the JSON say so',
  },
  { name: 'yes', short: 'y', type: 'boolean', help: 'delete the old key once the checks pass, without asking' },
  ...APPLY_FLAGS,
  {
    name: 'retire',
    type: 'string',
    value: '<how>',
    help: 'what becomes of the old key once every --apply target is proven: delete (default), or expire=<when> (a shorter life, as AWS keeps AWSPREVIOUS)',
  },
] as const satisfies readonly FlagSpec[];
