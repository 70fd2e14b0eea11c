/** `--help` text, made from the option schema so that the two never disagree. */
import { OPTION_SPECS, type Mode } from './cli-options';

const SUMMARIES: Record<Mode, { usage: string; about: string }> = {
  wizard: {
    usage: 'nginxaas-keys [options]',
    about: 'the interactive wizard: choose a deployment, name the key, pick an expiry, create it, see it once',
  },
  create: {
    usage: 'nginxaas-keys create -d <deployment> [-g <rg>] --name <key-name> [options]',
    about: 'create a key without prompts (scripts, CI)',
  },
  list: {
    usage: 'nginxaas-keys list (-d <deployment> [-g <rg>] | --all) [options]',
    about: 'keys of one deployment, or of every deployment (--all)',
  },
  show: {
    usage: 'nginxaas-keys show -d <deployment> [-g <rg>] --name <key-name> [options]',
    about: 'one key: hint, expiry, days left',
  },
  delete: {
    usage: 'nginxaas-keys delete -d <deployment> [-g <rg>] --name <key-name> [--yes]',
    about: 'delete a key (asks first unless --yes)',
  },
  rotate: {
    usage: 'nginxaas-keys rotate -d <deployment> [-g <rg>] --name <old-key> [--new-name <key>] [options]',
    about: 'new key beside the old one, then retire the old one (asks first unless --yes or --keep-old)',
  },
  endpoint: {
    usage: 'nginxaas-keys endpoint -d <deployment> [-g <rg>] [--nplus]',
    about: "print the deployment's dataplane API endpoint",
  },
  emulator: {
    usage: 'nginxaas-keys emulator [--port N] [--seed FILE] [--state FILE]',
    about: 'run the local NGINXaaS emulator in the foreground',
  },
};

const COMMAND_LIST = `Commands:
  (none)      the interactive wizard (needs a terminal; --plain for line prompts)
  create      create a key without prompts (scripts, CI)
  list        keys of one deployment, or of every deployment (--all)
  show        one key: hint, expiry, days left
  delete      delete a key (asks first unless --yes)
  rotate      new key beside the old one, then retire the old one
  endpoint    print the deployment's dataplane API endpoint
  emulator    run the local NGINXaaS emulator in the foreground`;

const FOOTER = `Exit codes: 0 done, 1 the operation failed, 2 bad usage or input, 3 list --expiring-within
found keys expiring, 130 cancelled.
Keys are never taken from arguments. Try it without Azure: nginxaas-keys --demo`;

function optionLine(o: (typeof OPTION_SPECS)[number]): string {
  const flag = `${o.short ? `-${o.short}, ` : '    '}--${o.name}${o.value ? ` ${o.value}` : ''}`;
  return `  ${flag.padEnd(34)} ${o.help}`;
}

export function helpText(mode: Mode): string {
  const summary = SUMMARIES[mode];
  const options = OPTION_SPECS.filter((o) => o.modes.includes(mode))
    .map(optionLine)
    .join('\n');
  const parts = [`Usage: ${summary.usage}`, '', `${summary.about[0]?.toUpperCase()}${summary.about.slice(1)}.`, ''];
  if (mode === 'wizard')
    parts.push(COMMAND_LIST, '', `Run 'nginxaas-keys <command> --help' for a command's options.`, '');
  parts.push('Options:', options, '', FOOTER);
  return `${parts.join('\n')}\n`;
}
