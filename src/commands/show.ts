/** `nginxaas-keys show`: one key's hint, expiry and days left. */
import type { Values } from '../cli-options';
import { nplusUrl } from '../domain/endpoint';
import { GatewayError, type Gateway } from '../gateway';
import { EXIT, type Io } from '../io';
import { deploymentJson, describeDeployment, expiryText, keyJson, statusWords } from './format';
import { requireKeyName, resolveDeployment } from './target';

export async function runShow(gateway: Gateway, values: Values, io: Io): Promise<number> {
  const name = requireKeyName(values);
  const deployment = await resolveDeployment(gateway, values, io.signal);
  const key = await gateway.getKey(deployment, name, { signal: io.signal });
  if (!key) throw new GatewayError('notFound', `no key named '${name}' on ${describeDeployment(deployment)}`, 'ResourceNotFound', 404);
  const now = io.now();
  const endpoint = deployment.dataplaneApiEndpoint;
  if (values.output === 'json') {
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
