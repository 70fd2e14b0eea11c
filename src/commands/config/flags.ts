/** The flags `config` owns: read by its parse, and by the command line's one schema (help, completion). */
import type { FlagSpec } from '../shared/flags';

/** `config set|get|unset|list`: its words are read by the command itself (cli/config-command.ts). */
export const CONFIG_FLAGS = [
  { name: 'demo', type: 'boolean', help: "the demo's own saved defaults, kept apart from yours" },
] as const satisfies readonly FlagSpec[];
