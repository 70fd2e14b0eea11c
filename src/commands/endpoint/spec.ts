/**
 * `endpoint`: a deployment's dataplane endpoint — its summary, usage, help and examples, its flags, and how it is
 * prepared (its code loads only when it runs). The command line's table (cli/command-table.ts) lists it.
 */
import { lazily, type ModeEntry } from '../shared/command-spec';
import { ENDPOINT_FLAGS } from './flags';

export const endpointSpec = {
  summary: "print the deployment's dataplane API endpoint",
  usage: 'nginxaas-keys endpoint <deployment> [-g <rg>] [--nplus]',
  about: "Print the deployment's dataplane API endpoint, or the …/nplus form NLK and nginx-asg-sync take.",
  examples: ['nginxaas-keys endpoint web-01 --nplus --demo'],
  positionals: ['deployment'],
  flags: ENDPOINT_FLAGS,
  prepare: lazily(
    () => import('./endpoint'),
    (m) => [m.parseEndpointOptions, m.runEndpoint],
  ),
} as const satisfies ModeEntry;
