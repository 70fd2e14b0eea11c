/**
 * `nginxaas-keys delete`: asks first unless --yes (and refuses to guess without a terminal).
 * A 204 from Azure means the key was already gone: that is success, said in words.
 */
import { flag, type Values } from '../cli-options';
import { EXIT } from '../io';
import { figures } from '../style';
import { UsageError } from '../usage-error';
import { confirmOnTerminal } from './ask';
import type { CommandDeps } from './deps';
import { deploymentJson, describeDeployment } from './format';
import { parseKeyName, parseTarget, resolveDeployment, type TargetOptions } from './target';

export interface DeleteOptions {
  target: TargetOptions;
  name: string;
  yes: boolean;
  json: boolean;
}

export function parseDeleteOptions(values: Values): DeleteOptions {
  return {
    target: parseTarget(values),
    name: parseKeyName(values),
    yes: flag(values, 'yes'),
    json: values.output === 'json',
  };
}

export async function runDelete(options: DeleteOptions, { gateway, io }: CommandDeps): Promise<number> {
  const { name } = options;
  if (!options.yes && !(io.stdin.isTTY && io.stderr.isTTY)) {
    throw new UsageError('delete asks for confirmation and there is no terminal: pass --yes');
  }
  const deployment = await resolveDeployment(gateway, options.target, io.signal);
  if (!options.yes) {
    const sure = await confirmOnTerminal(
      io,
      `Delete key '${name}' from ${describeDeployment(deployment)}? Integrations using it stop working.`,
    );
    if (!sure) {
      io.stderr.write('Nothing was deleted.\n');
      return EXIT.cancelled;
    }
  }
  const outcome = await gateway.deleteKey(deployment, name, { signal: io.signal });
  if (options.json) {
    io.stdout.write(
      `${JSON.stringify(
        {
          name,
          id: `${deployment.id}/apiKeys/${name}`,
          result: outcome === 'deleted' ? 'deleted' : 'already-gone',
          deployment: deploymentJson(deployment),
        },
        null,
        2,
      )}\n`,
    );
  } else if (outcome === 'deleted') {
    io.stdout.write(
      `${io.out('success', figures.pass)} Deleted key '${name}' from ${describeDeployment(deployment)}.\n`,
    );
  } else {
    io.stdout.write(`Key '${name}' was already gone from ${describeDeployment(deployment)}; nothing to delete.\n`);
  }
  return EXIT.ok;
}
