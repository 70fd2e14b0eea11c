/**
 * `create`: create a key without prompts — its summary, usage, help and examples, its flags, and how it is
 * prepared (its code loads only when it runs). The command line's table (cli/command-table.ts) lists it.
 */
import { lazily, type ModeEntry } from '../shared/command-spec';
import { CREATE_FLAGS } from './flags';

export const createSpec = {
  summary: 'create a key without prompts (scripts, CI)',
  usage: 'nginxaas-keys create -d <deployment> [-g <rg>] --name <key-name> [flags]',
  about:
    'Create a key without prompts, for scripts and CI. Every check happens before any request; the key goes only where you ask (a 0600 file, stdout, a hand-off, or a consumer with --apply, which installs NLK with helm upgrade --install where it is not there yet), never on a command line.',
  examples: [
    'nginxaas-keys create -d web-01 --name nlk-canary --secret-out nlk-canary.key --demo',
    'nginxaas-keys create -d web-01 --name nlk-east --emit nlk=nlk.yaml --verify --demo',
    'nginxaas-keys create -d web-01 --name nlk-west --secret-stdin --demo < key.txt',
  ],
  // No key name as a plain argument: the word after a deployment on a create line is where a
  // key gets pasted by mistake.
  positionals: ['deployment'],
  flags: CREATE_FLAGS,
  prepare: lazily(
    () => import('./create'),
    (m) => [m.parseCreateOptions, m.runCreate],
  ),
} as const satisfies ModeEntry;
