/** The flags `extend` owns: read by its parse, and by the command line's one schema (help, completion). */
import { KEY_NAME_FLAG, TARGET_FLAGS, type FlagSpec } from '../shared/flags';

/** A new expiry for an existing key; the value only when the user re-sends it. */
export const EXTEND_FLAGS = [
  ...TARGET_FLAGS,
  KEY_NAME_FLAG,
  {
    name: 'expires',
    type: 'string',
    value: '<when>',
    help: 'the new expiry (required): 30d, 90d, 6mo, 1y, 2y, a date 2027-05-01 or an RFC 3339 time',
  },
  { name: 'secret-stdin', type: 'boolean', help: "re-send the key's current value, read from standard input" },
  { name: 'secret-file', type: 'string', value: '<path>', help: "re-send the key's current value, read from a file" },
  {
    name: 'verify',
    type: 'boolean',
    help: 'refuse rather than change only the expiry when the dataplane cannot be asked to prove that value',
  },
  {
    name: 'shorten',
    type: 'boolean',
    help: 'allow an expiry earlier than the current one (asked on a terminal; required in scripts)',
  },
  {
    name: 'emit',
    type: 'string',
    value: '<kind=dest>',
    help: 'keyvault=<secret URL>: a new version of that secret, with the same value and the new expiresOn',
    multiple: true,
  },
] as const satisfies readonly FlagSpec[];
