/**
 * `--dry-run` of `create` and `rotate`: every check made (the flags, the deployment, the old key,
 * each consumer's preflight: reads only), then every change and every command the run would make,
 * in order, on stdout; nothing is created, written, restarted or deleted.
 */
import { nplusUrl } from '../../domain/endpoint';
import { formatUtc } from '../../domain/expiry';
import { seconds, type Consumer } from '../../apply/consumer';
import type { ApiKey, Deployment } from '../../port/gateway';
import { EXIT } from '../../port/io';
import { consumerPlan, type ApplyOptions, type RetireHow } from './apply-step';
import type { CommandDeps } from './deps';
import { describeDeployment } from './format';
import type { NewKeyOptions } from './new-key-options';

export interface DryRunFacts {
  deployment: Deployment;
  newName: string;
  key: NewKeyOptions;
  apply: ApplyOptions;
  consumers: readonly Consumer[];
  /** A rotation: the key it replaces and what becomes of it. */
  old?: ApiKey;
  retire?: { how: RetireHow; when: 'ask' | 'yes' | 'keep' };
  json: boolean;
}

export function dryRunSteps(facts: DryRunFacts): string[] {
  const { deployment, key, old } = facts;
  const endpoint = deployment.dataplaneApiEndpoint ?? '';
  const steps = [
    `create key '${facts.newName}' on ${describeDeployment(deployment)}, expiring ${formatUtc(key.endDateTime)} (PUT …/dataPlaneApiKeys/${facts.newName}, If-None-Match: *)`,
    ...(key.secretOut !== undefined ? [`write the key to ${key.secretOut} (mode 0600)`] : []),
    ...key.emit.map((t) =>
      t.kind === 'keyvault'
        ? `store the key in ${t.url} (a new version)`
        : `write ${t.kind} file ${t.path} (mode 0600)`,
    ),
    `check it on the dataplane: GET ${endpoint}packages with the new key`,
    ...(facts.consumers.length > 0
      ? [
          `put it in place at each consumer and prove it there (settle ${seconds(facts.apply.settings.settleMs)}); the first failure rolls every one back:`,
          ...consumerPlan(facts.consumers).map((line) => `  ${line}`),
        ]
      : []),
  ];
  if (old && facts.retire) {
    const { how, when } = facts.retire;
    const retire =
      how.kind === 'expire'
        ? `give '${old.name}' (hint ${old.hint}) the expiry ${formatUtc(how.endDateTime)} instead of ${formatUtc(old.endDateTime)} (PUT, the expiry only)`
        : `delete '${old.name}' (hint ${old.hint})`;
    const gate =
      when === 'keep'
        ? `keep '${old.name}' (--keep-old); it could be retired later`
        : `${facts.consumers.length > 0 ? 'once every consumer is proven, ' : ''}${when === 'yes' ? '' : 'after asking on a terminal, '}check the new key again and ${retire}`;
    steps.push(gate);
  }
  return steps;
}

export function dryRun(deps: CommandDeps, facts: DryRunFacts): number {
  const { io } = deps;
  const steps = dryRunSteps(facts);
  if (facts.json) {
    io.stdout.write(
      `${JSON.stringify({ dryRun: true, deployment: facts.deployment.name, nplusEndpoint: nplusUrl(facts.deployment.dataplaneApiEndpoint ?? ''), steps }, null, 2)}\n`,
    );
    return EXIT.ok;
  }
  let number = 0;
  io.stdout.write(
    [
      'Dry run: nothing was created, written, restarted or deleted. This run would:',
      ...steps.map((step) => (step.startsWith('  ') ? `    ${step}` : `${String((number += 1)).padStart(2)}. ${step}`)),
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}
