/**
 * `--help` in gh's layout, made from the option schema so that the two never disagree: what the
 * command does, its usage, its own flags, the flags every command inherits, then examples that
 * work as written. Wrapped to the terminal's width (80 when not a terminal), with a hanging indent.
 */
import type { Mode } from './commands';
import { OPTION_SPECS, type OptionSpec } from './options';

const SUMMARIES: Record<Mode, { usage: string; about: string }> = {
  wizard: {
    usage: 'nginxaas-keys [flags]',
    about:
      'The interactive wizard: choose a deployment, see its keys with their expiry (rotate or delete one), or make a new one: name it, pick an expiry, create it, see it once, hand it off. It needs a terminal; --plain asks the same questions line by line.',
  },
  create: {
    usage: 'nginxaas-keys create -d <deployment> [-g <rg>] --name <key-name> [flags]',
    about:
      'Create a key without prompts, for scripts and CI. Every check happens before any request; the key goes only where you ask (a 0600 file, stdout, or a hand-off), never on a command line.',
  },
  list: {
    usage: 'nginxaas-keys list (<deployment> [-g <rg>] | --all) [flags]',
    about:
      'The keys of one deployment, or of every deployment (--all), with their expiry and a summary of what expires soon.',
  },
  show: {
    usage: 'nginxaas-keys show <deployment> <key-name> [-g <rg>] [flags]',
    about: 'One key: its hint, expiry, days left and the endpoint it works on.',
  },
  delete: {
    usage: 'nginxaas-keys delete <deployment> <key-name> [-g <rg>] [--yes] [--if-exists]',
    about: 'Delete a key. It asks first unless --yes; whatever uses the key stops working at once.',
  },
  rotate: {
    usage: 'nginxaas-keys rotate <deployment> <old-key> [-g <rg>] [flags]',
    about:
      'Replace a key without an outage: a new key, verified, handed off; then, once your integrations use it, verified again and the old key deleted.',
  },
  endpoint: {
    usage: 'nginxaas-keys endpoint <deployment> [-g <rg>] [--nplus]',
    about: "Print the deployment's dataplane API endpoint, or the …/nplus form NLK and nginx-asg-sync take.",
  },
  emulator: {
    usage: 'nginxaas-keys emulator [--seed FILE | --seed-fleet SxD] [--state FILE] [flags]',
    about: 'Run the local NGINXaaS emulator (ARM, dataplane, Key Vault, on 127.0.0.1) in the foreground.',
  },
  completion: {
    usage: 'nginxaas-keys completion <bash|zsh|fish>',
    about:
      'Print a shell completion script: commands, flags, and the values of --output, --auth and --cloud. Load it from your shell profile as the examples show.',
  },
};

const EXAMPLES: Record<Mode, string[]> = {
  wizard: ['nginxaas-keys --demo', 'nginxaas-keys -d web-01 -g edge-rg', 'nginxaas-keys --plain'],
  create: [
    'nginxaas-keys create -d web-01 --name nlk-prod --secret-out ./nlk-prod.key',
    'nginxaas-keys create -d web-01 --name nlk-prod --emit nlk=nlk.yaml --verify',
    'nginxaas-keys create -d web-01 --name nlk-prod --secret-stdin < key.txt',
  ],
  list: ['nginxaas-keys list -d web-01 -g edge-rg', 'nginxaas-keys list --all --expiring-within 30'],
  show: ['nginxaas-keys show web-01 nlk-prod', 'nginxaas-keys show -d web-01 -g edge-rg --name nlk-prod -o json'],
  delete: ['nginxaas-keys delete web-01 old-ci --yes'],
  rotate: ['nginxaas-keys rotate web-01 nlk-prod --emit nlk=nlk.yaml --force'],
  endpoint: ['nginxaas-keys endpoint web-01 --nplus'],
  emulator: ['nginxaas-keys emulator --state ./world.json', 'nginxaas-keys emulator --seed-fleet 1000x3 --latency 50'],
  completion: [
    'source <(nginxaas-keys completion bash)          # in ~/.bashrc',
    'nginxaas-keys completion zsh > "${fpath[1]}/_nginxaas-keys"',
    'nginxaas-keys completion fish | source  # in config.fish',
  ],
};

const COMMANDS: [string, string][] = [
  ['create', 'create a key without prompts (scripts, CI)'],
  ['list', 'keys of one deployment, or of every deployment (--all)'],
  ['show', 'one key: hint, expiry, days left'],
  ['delete', 'delete a key (asks first unless --yes)'],
  ['rotate', 'new key, verified and handed off, then retire the old one'],
  ['endpoint', "print the deployment's dataplane API endpoint"],
  ['emulator', 'run the local NGINXaaS emulator in the foreground'],
  ['completion', 'print a shell completion script (bash, zsh, fish)'],
];

/** The flags every command takes: listed apart, as gh lists its inherited flags. */
const GLOBAL = new Set([
  'subscription',
  'auth',
  'tenant',
  'arm-endpoint',
  'arm-ca',
  'cloud',
  'demo',
  'output',
  'no-color',
  'verbose',
  'help',
  'version',
]);

/** `head` as it is, then the words of `text` wrapped to `width`, later lines indented by `indent`. */
function wrap(head: string, text: string, width: number, indent: number): string {
  const lines: string[] = [];
  let line = head;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const joined = line.trim() === '' || line.endsWith(' ') ? `${line}${word}` : `${line} ${word}`;
    if (joined.length > width && line.trim() !== '') {
      lines.push(line.trimEnd());
      line = `${' '.repeat(indent)}${word}`;
    } else {
      line = joined;
    }
  }
  lines.push(line.trimEnd());
  return lines.join('\n');
}

function flagLines(specs: OptionSpec[], width: number): string[] {
  const labels = specs.map((o) => `  ${o.short ? `-${o.short}, ` : '    '}--${o.name}${o.value ? ` ${o.value}` : ''}`);
  const column = Math.min(34, Math.max(...labels.map((l) => l.length)) + 2);
  return specs.map((o, i) => {
    const label = labels[i] ?? '';
    // A label too long for the column gets the help on the line below.
    const head = label.length + 2 > column ? `${label}\n${' '.repeat(column)}` : label.padEnd(column);
    return wrap(head, o.help, width, column);
  });
}

export function helpText(mode: Mode, columns = 80): string {
  const width = Math.max(60, Math.min(columns, 120));
  const summary = SUMMARIES[mode];
  const specs = OPTION_SPECS.filter((o) => o.modes.includes(mode));
  const own = specs.filter((o) => !GLOBAL.has(o.name));
  const inherited = specs.filter((o) => GLOBAL.has(o.name));
  const parts = [wrap('', summary.about, width, 0), '', 'USAGE', `  ${summary.usage}`, ''];
  if (mode === 'wizard') {
    parts.push('COMMANDS', ...COMMANDS.map(([name, about]) => wrap(`  ${name.padEnd(12)}`, about, width, 14)), '');
  }
  if (own.length > 0) parts.push('FLAGS', ...flagLines(own, width), '');
  parts.push(mode === 'wizard' ? 'GLOBAL FLAGS' : 'INHERITED FLAGS', ...flagLines(inherited, width), '');
  parts.push('EXAMPLES', ...EXAMPLES[mode].map((e) => `  $ ${e}`), '');
  parts.push('LEARN MORE');
  if (mode === 'wizard')
    parts.push(wrap('  ', "Run 'nginxaas-keys <command> --help' for a command's flags.", width, 2));
  parts.push(
    wrap(
      '  ',
      'Exit codes: 0 done, 1 the operation failed, 2 bad usage or input, 3 list --expiring-within found keys expiring, 130 cancelled, 141 stdout closed early (the reader of a pipe left).',
      width,
      2,
    ),
    wrap('  ', 'Keys are never taken from arguments. Try it without Azure: nginxaas-keys --demo', width, 2),
  );
  return `${parts.join('\n')}\n`;
}
