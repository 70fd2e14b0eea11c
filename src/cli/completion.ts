/**
 * `nginxaas-keys completion bash|zsh|fish`: a completion script made from the option schema, so it
 * knows every command, each command's own flags, and the values of the flags that take a choice.
 * Nothing in it runs the program or reaches Azure while completing.
 */
import { COMMAND_ALIASES, COMMANDS, type Mode, type Shell } from './command-table';
import { OPTION_SPECS, type OptionSpec } from './options';
import { SETTING_NAMES } from '../domain/settings';

const flagsOf = (mode: Mode): OptionSpec[] => OPTION_SPECS.filter((o) => o.modes.includes(mode));
const MODES: Mode[] = ['wizard', ...COMMANDS];
const CHOOSERS = OPTION_SPECS.filter((o) => o.choices);
const FILES = ['secret-file', 'secret-out', 'arm-ca', 'seed', 'state'];
/** A command and the other names it answers to (`extend`, `update`). */
const namesOf = (mode: Mode): string[] => [
  mode,
  ...Object.keys(COMMAND_ALIASES).filter((a) => COMMAND_ALIASES[a] === mode),
];
/** Every word that names a command, aliases included. */
const WORDS = COMMANDS.flatMap(namesOf);
/** `config`'s own words: what it does, then the name it does it to. */
const CONFIG_VERBS = 'set get unset list';
const SETTINGS = SETTING_NAMES.join(' ');

export function completionScript(shell: Shell): string {
  if (shell === 'bash') return bash();
  if (shell === 'zsh') return zsh();
  return fish();
}

function bash(): string {
  const cases = MODES.map((mode) => {
    const words = flagsOf(mode).flatMap((o) => [`--${o.name}`, ...(o.short ? [`-${o.short}`] : [])]);
    return `    ${mode === 'wizard' ? '""' : namesOf(mode).join('|')}) flags="${words.join(' ')}" ;;`;
  });
  const values = CHOOSERS.map(
    (o) =>
      `    --${o.name}${o.short ? `|-${o.short}` : ''}) COMPREPLY=($(compgen -W "${(o.choices ?? []).join(' ')}" -- "$cur")); return ;;`,
  );
  return `# bash completion for nginxaas-keys (nginxaas-keys completion bash)
_nginxaas_keys() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" command="" flags="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${WORDS.join('|')}|help) command="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$prev" in
${values.join('\n')}
    ${FILES.map((f) => `--${f}`).join('|')}) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  if [[ "$command" == completion ]]; then COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")); return; fi
  if [[ "$command" == config && "$cur" != -* ]]; then
    case "$prev" in
      config) COMPREPLY=($(compgen -W "${CONFIG_VERBS}" -- "$cur")); return ;;
      set|get|unset) COMPREPLY=($(compgen -W "${SETTINGS}" -- "$cur")); return ;;
    esac
  fi
  if [[ "$command" == help ]]; then COMPREPLY=($(compgen -W "${WORDS.join(' ')}" -- "$cur")); return; fi
  case "$command" in
${cases.join('\n')}
  esac
  if [[ -z "$command" && "$cur" != -* ]]; then
    COMPREPLY=($(compgen -W "${WORDS.join(' ')} help" -- "$cur"))
  else
    COMPREPLY=($(compgen -W "$flags" -- "$cur"))
  fi
}
complete -F _nginxaas_keys nginxaas-keys
`;
}

const quoteZsh = (text: string) =>
  text.replace(/'/g, `'\\''`).replace(/\[/g, '(').replace(/\]/g, ')').replace(/:/g, '\\:');

function zshSpec(o: OptionSpec): string {
  const help = quoteZsh(o.help);
  const value = o.choices
    ? `:${o.name}:(${o.choices.join(' ')})`
    : FILES.includes(o.name)
      ? ':file:_files'
      : o.type === 'string'
        ? `:${o.name}:`
        : '';
  const repeat = o.multiple ? '*' : '';
  if (o.short) return `'${repeat}(-${o.short} --${o.name})'{-${o.short},--${o.name}}'[${help}]${value}'`;
  return `'${repeat}--${o.name}[${help}]${value}'`;
}

function zsh(): string {
  const words = (mode: Mode) => (mode === 'config' ? ` '1:verb:(${CONFIG_VERBS})' '2:name:(${SETTINGS})'` : '');
  const cases = COMMANDS.map(
    (mode) => `    ${namesOf(mode).join('|')}) _arguments ${flagsOf(mode).map(zshSpec).join(' ')}${words(mode)} ;;`,
  );
  return `#compdef nginxaas-keys
# zsh completion for nginxaas-keys (nginxaas-keys completion zsh)
_nginxaas_keys() {
  local line state
  _arguments -C ${flagsOf('wizard').map(zshSpec).join(' ')} '1: :->command' '*:: :->args'
  case $state in
    command) _values 'command' ${WORDS.map((c) => `'${c}'`).join(' ')} 'help' ;;
    args)
      case $line[1] in
${cases.map((c) => `    ${c}`).join('\n')}
        help) _values 'command' ${WORDS.map((c) => `'${c}'`).join(' ')} ;;
      esac ;;
  esac
}
_nginxaas_keys "$@"
`.replace(/completion\) _arguments [^\n]*;;/, "completion) _values 'shell' bash zsh fish ;;");
}

function fish(): string {
  const lines = ['# fish completion for nginxaas-keys (nginxaas-keys completion fish)', 'complete -c nginxaas-keys -f'];
  const none = `not __fish_seen_subcommand_from ${WORDS.join(' ')} help`;
  for (const command of [...WORDS, 'help']) lines.push(`complete -c nginxaas-keys -n '${none}' -a ${command}`);
  lines.push(`complete -c nginxaas-keys -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'`);
  lines.push(`complete -c nginxaas-keys -n '__fish_seen_subcommand_from help' -a '${WORDS.join(' ')}'`);
  lines.push(
    `complete -c nginxaas-keys -n '__fish_seen_subcommand_from config; and not __fish_seen_subcommand_from ${CONFIG_VERBS}' -a '${CONFIG_VERBS}'`,
    `complete -c nginxaas-keys -n '__fish_seen_subcommand_from config; and __fish_seen_subcommand_from set get unset' -a '${SETTINGS}'`,
  );
  for (const o of OPTION_SPECS) {
    const commands = o.modes.filter((m) => m !== 'wizard').flatMap(namesOf);
    const condition = o.modes.includes('wizard')
      ? `not __fish_seen_subcommand_from ${
          COMMANDS.filter((c) => !o.modes.includes(c))
            .flatMap(namesOf)
            .join(' ') || 'help'
        }`
      : `__fish_seen_subcommand_from ${commands.join(' ')}`;
    const parts = [
      `complete -c nginxaas-keys -n '${condition}' -l ${o.name}`,
      ...(o.short ? [`-s ${o.short}`] : []),
      // -x: a value is required and only the choices are offered (-r alone offers files too).
      ...(o.type === 'string' ? [o.choices ? '-x' : '-r'] : []),
      ...(o.choices ? [`-a '${o.choices.join(' ')}'`] : []),
      ...(FILES.includes(o.name) ? ['-F'] : []),
      `-d '${o.help.replace(/'/g, "\\'")}'`,
    ];
    lines.push(parts.join(' '));
  }
  return `${lines.join('\n')}\n`;
}
