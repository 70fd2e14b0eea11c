/** The flags `history` owns: read by its parse, and by the command line's one schema (help, completion). */
import type { FlagSpec } from '../shared/flags';

/** `history`: what this machine changed, filtered. */
export const HISTORY_FLAGS = [
  {
    name: 'deployment',
    short: 'd',
    type: 'string',
    value: '<name|id>',
    help: "only this deployment's changes (its name or full ARM resource id)",
  },
  { name: 'key', type: 'string', value: '<key-name>', help: "only this key's changes" },
  {
    name: 'since',
    type: 'string',
    value: '<when>',
    help: 'only changes since then: 12h, 7d, 2w, a date 2026-05-01 or an RFC 3339 time',
  },
  { name: 'limit', type: 'string', value: '<n>', help: 'at most this many entries, newest first (default 50)' },
  { name: 'demo', type: 'boolean', help: "the demo's own history, kept apart from yours" },
] as const satisfies readonly FlagSpec[];
