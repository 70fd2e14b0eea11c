/**
 * `rotate`: replace a key without an outage — its summary, usage, help and examples, its flags, and how it is
 * prepared (its code loads only when it runs). The command line's table (cli/command-table.ts) lists it.
 */
import { lazily, type ModeEntry } from '../shared/command-spec';
import { ROTATE_FLAGS } from './flags';

export const rotateSpec = {
  summary: 'new key, verified and handed off, then retire the old one',
  usage: 'nginxaas-keys rotate <deployment> <old-key> [-g <rg>] [flags]',
  about:
    'Replace a key without an outage: a new key, verified, handed off; then, once your integrations use it, verified again and the old key deleted. With --apply it finishes the job at the consumers: every NLK release, AKS extension or nginx-asg-sync unit named is checked before the key is made (the right chart and deployment, the old key in use, no GitOps owner), given the new key (on standard input or in a 0600 file, never an argument), and proven to run on it (--settle, 60 s); the first failure rolls every one back and keeps both keys. The old key is retired (--retire delete, or expire=<when>) only after every proof; --dry-run says every command it would run.',
  examples: [
    'nginxaas-keys rotate web-01 nlk-prod --emit nlk=nlk.yaml --force --demo',
    'nginxaas-keys rotate web-01 nlk-prod --apply nlk-helm=nlk --kube-context aks-prod --yes --demo',
  ],
  positionals: ['deployment', 'name'],
  flags: ROTATE_FLAGS,
  prepare: lazily(
    () => import('./rotate'),
    (m) => [m.parseRotateOptions, m.runRotate],
  ),
} as const satisfies ModeEntry;
