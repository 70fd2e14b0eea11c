/** The flags `show` owns: read by its parse, and by the command line's one schema (help, completion). */
import { KEY_NAME_FLAG, TARGET_FLAGS, type FlagSpec } from '../shared/flags';

export const SHOW_FLAGS = [...TARGET_FLAGS, KEY_NAME_FLAG] as const satisfies readonly FlagSpec[];
