/** The flags `endpoint` owns: read by its parse, and by the command line's one schema (help, completion). */
import { TARGET_FLAGS, type FlagSpec } from '../shared/flags';

export const ENDPOINT_FLAGS = [
  ...TARGET_FLAGS,
  { name: 'nplus', type: 'boolean', help: 'print the …/nplus form that NLK and nginx-asg-sync take' },
] as const satisfies readonly FlagSpec[];
