/**
 * `emulator`: the local NGINXaaS emulator — its summary, usage, help and examples, its flags, and how it is
 * prepared (its code loads only when it runs). The command line's table (cli/command-table.ts) lists it.
 */
import type { ModeEntry } from '../shared/command-spec';
import { EMULATOR_FLAGS } from './flags';

export const emulatorSpec = {
  summary: 'run the local NGINXaaS emulator in the foreground',
  usage: 'nginxaas-keys emulator [--seed FILE | --seed-fleet SxD] [--state FILE] [flags]',
  about: 'Run the local NGINXaaS emulator (ARM, dataplane, Key Vault, on 127.0.0.1) in the foreground.',
  examples: ['nginxaas-keys emulator --state ./world.json', 'nginxaas-keys emulator --seed-fleet 1000x3 --latency 50'],
  flags: EMULATOR_FLAGS,
} as const satisfies ModeEntry;
