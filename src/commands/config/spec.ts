/**
 * `config`: saved defaults — its summary, usage, help and examples, its flags, and how it is
 * prepared (its code loads only when it runs). The command line's table (cli/command-table.ts) lists it.
 */
import { SETTING_NAMES } from '../../domain/settings';
import type { ModeEntry } from '../shared/command-spec';
import { CONFIG_FLAGS } from './flags';

export const configSpec = {
  summary: 'saved defaults, per profile: set, get, unset, list',
  usage: 'nginxaas-keys config set <name> <value> | get <name> | unset <name> | list',
  about: `Saved defaults, so that -d, -g and --subscription need not be given every time. Names: ${SETTING_NAMES.join(', ')} (accessible: --plain). Each value is checked as its flag is; a bad one is refused and the saved one kept. A flag wins over the environment, the environment over the profile (--profile or NGINXAAS_KEYS_PROFILE), the profile over the default section. Kept in the config folder (XDG_CONFIG_HOME, else ~/.config; %APPDATA% on Windows), mode 0600; the demo keeps its own.`,
  examples: [
    'nginxaas-keys config set resource-group edge-rg --demo',
    'nginxaas-keys config set deployment web-01 --profile stage --demo',
    'nginxaas-keys config list -o json --demo',
  ],
  words: true,
  flags: CONFIG_FLAGS,
} as const satisfies ModeEntry;
