/** `nginxaas-keys endpoint`: the deployment's dataplane API endpoint, or its …/nplus form. */
import type { Values } from '../cli-options';
import { nplusUrl } from '../domain/endpoint';
import { GatewayError, type Gateway } from '../gateway';
import { EXIT, type Io } from '../io';
import { deploymentJson, describeDeployment } from './format';
import { resolveDeployment } from './target';

export async function runEndpoint(gateway: Gateway, values: Values, io: Io): Promise<number> {
  const deployment = await resolveDeployment(gateway, values, io.signal);
  const endpoint = deployment.dataplaneApiEndpoint;
  if (!endpoint) {
    throw new GatewayError('invalid', `${describeDeployment(deployment)} has no dataplane API endpoint (state ${deployment.provisioningState})`);
  }
  if (values.output === 'json') {
    const document = { dataplaneApiEndpoint: endpoint, nplusEndpoint: nplusUrl(endpoint), deployment: deploymentJson(deployment) };
    io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  } else {
    io.stdout.write(`${values.nplus === true ? nplusUrl(endpoint) : endpoint}\n`);
  }
  return EXIT.ok;
}
