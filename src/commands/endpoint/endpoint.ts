/** `nginxaas-keys endpoint`: the deployment's dataplane API endpoint, or its …/nplus form. */
import { flag, type CommandValues } from '../shared/flags';
import { ENDPOINT_FLAGS } from './flags';
import { nplusUrl } from '../../domain/endpoint';
import { GatewayError } from '../../port/gateway';
import { EXIT } from '../../port/io';
import type { CommandDeps } from '../shared/deps';
import { deploymentJson, describeDeployment } from '../shared/format';
import { parseTarget, resolveDeployment, type TargetOptions } from '../shared/target';

export interface EndpointOptions {
  target: TargetOptions;
  nplus: boolean;
  json: boolean;
}

export function parseEndpointOptions(values: CommandValues<typeof ENDPOINT_FLAGS>): EndpointOptions {
  return { target: parseTarget(values), nplus: flag(values, 'nplus'), json: values.output === 'json' };
}

export async function runEndpoint(options: EndpointOptions, { gateway, io }: CommandDeps): Promise<number> {
  const deployment = await resolveDeployment(gateway, options.target, io.signal);
  const endpoint = deployment.dataplaneApiEndpoint;
  if (!endpoint) {
    throw new GatewayError(
      'invalid',
      `${describeDeployment(deployment)} has no dataplane API endpoint (state ${deployment.provisioningState})`,
    );
  }
  if (options.json) {
    const document = {
      dataplaneApiEndpoint: endpoint,
      nplusEndpoint: nplusUrl(endpoint),
      deployment: deploymentJson(deployment),
    };
    io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  } else {
    io.stdout.write(`${options.nplus ? nplusUrl(endpoint) : endpoint}\n`);
  }
  return EXIT.ok;
}
