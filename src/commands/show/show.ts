/** `nginxaas-keys show`: one key's hint, expiry and days left. */
import type { CommandValues } from '../shared/flags';
import type { SHOW_FLAGS } from './flags';
import { nplusUrl } from '../../domain/endpoint';
import { EXIT } from '../../port/io';
import type { CommandDeps } from '../shared/deps';
import { deploymentJson, describeDeployment, expiryText, keyJson, statusWords } from '../shared/format';
import { existingKey, parseKeyName, parseTarget, resolveDeployment, type TargetOptions } from '../shared/target';

export interface ShowOptions {
  target: TargetOptions;
  name: string;
  json: boolean;
}

export function parseShowOptions(values: CommandValues<typeof SHOW_FLAGS>): ShowOptions {
  return { target: parseTarget(values), name: parseKeyName(values), json: values.output === 'json' };
}

export async function runShow(options: ShowOptions, { gateway, io }: CommandDeps): Promise<number> {
  const deployment = await resolveDeployment(gateway, options.target, io.signal);
  const key = await existingKey(gateway, deployment, options.name, io.signal);
  const now = io.now();
  const endpoint = deployment.dataplaneApiEndpoint;
  if (options.json) {
    const document = {
      ...keyJson(key, now),
      ...(endpoint ? { dataplaneApiEndpoint: endpoint, nplusEndpoint: nplusUrl(endpoint) } : {}),
      deployment: deploymentJson(deployment),
    };
    io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    return EXIT.ok;
  }
  const p = io.out;
  io.stdout.write(
    [
      `${p('bold', key.name)} on ${describeDeployment(deployment)}`,
      `  hint      ${key.hint}`,
      `  expires   ${expiryText(key.endDateTime, now)}`,
      `  status    ${statusWords(key, now, p)}`,
      ...(endpoint ? [`  endpoint  ${endpoint}`, `  nplus     ${nplusUrl(endpoint)}`] : []),
      `  id        ${key.id}`,
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}
