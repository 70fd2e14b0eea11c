/**
 * `completion`: shell completion scripts — its summary, usage, help and examples, its flags, and how it is
 * prepared (its code loads only when it runs). The command line's table (cli/command-table.ts) lists it.
 */
import type { ModeEntry } from '../shared/command-spec';

export const completionSpec = {
  summary: 'print a shell completion script (bash, zsh, fish)',
  usage: 'nginxaas-keys completion <bash|zsh|fish>',
  about:
    'Print a shell completion script: commands, flags, and the values of --output, --auth and --cloud. Load it from your shell profile as the examples show.',
  examples: [
    'source <(nginxaas-keys completion bash)          # in ~/.bashrc',
    'nginxaas-keys completion zsh > "${fpath[1]}/_nginxaas-keys"',
    'nginxaas-keys completion fish | source  # in config.fish',
  ],
  flags: [],
} as const satisfies ModeEntry;
