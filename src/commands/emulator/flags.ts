/** The flags `emulator` owns: read by its parse, and by the command line's one schema (help, completion). */
import type { FlagSpec } from '../shared/flags';

export const EMULATOR_FLAGS = [
  { name: 'port', type: 'string', value: '<n>', help: 'port on 127.0.0.1 (default: a free one)' },
  { name: 'seed', type: 'string', value: '<file>', help: 'start from this JSON world instead of the sample data' },
  { name: 'state', type: 'string', value: '<file>', help: 'load and keep the world in this JSON file (mode 0600)' },
  {
    name: 'seed-fleet',
    type: 'string',
    value: '<SxD>',
    help: 'start from a generated fleet: S subscriptions with D deployments each, one key each (1000x3)',
  },
  {
    name: 'latency',
    type: 'string',
    value: '<ms>',
    help: 'add this many milliseconds to every answer, as a far-away ARM would',
  },
] as const satisfies readonly FlagSpec[];
