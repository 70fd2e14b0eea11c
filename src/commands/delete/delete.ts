/**
 * `nginxaas-keys delete`: reads the key first, then asks unless --yes (and refuses to guess
 * without a terminal). A name with no key is exit 1 (a typo must not pass for done) unless
 * --if-exists. A key this run saw and asked to delete is "deleted", even when a lost answer made
 * the SDK's retry find it gone (204).
 */
import { deletingWords } from '../../domain/readiness';
import { flag, type CommandValues } from '../shared/flags';
import { DELETE_FLAGS } from './flags';
import { GatewayError, type Deployment } from '../../port/gateway';
import { EXIT, type Io } from '../../port/io';
import { figures } from '../../term/style';
import { UsageError } from '../../port/usage-error';
import { confirmOnTerminal } from '../shared/ask';
import { letFinish, stoppedAfterChange, stoppedJson } from '../shared/let-finish';
import { keyCommand } from '../../domain/resource-id';
import type { CommandDeps } from '../shared/deps';
import { deploymentJson, describeDeployment } from '../shared/format';
import { parseKeyName, parseTarget, resolveDeployment, type TargetOptions } from '../shared/target';

export interface DeleteOptions {
  target: TargetOptions;
  name: string;
  yes: boolean;
  ifExists: boolean;
  json: boolean;
}

export function parseDeleteOptions(values: CommandValues<typeof DELETE_FLAGS>): DeleteOptions {
  return {
    target: parseTarget(values),
    name: parseKeyName(values),
    yes: flag(values, 'yes'),
    ifExists: flag(values, 'if-exists'),
    json: values.output === 'json',
  };
}

export async function runDelete(options: DeleteOptions, deps: CommandDeps): Promise<number> {
  const { gateway, io } = deps;
  const { name } = options;
  if (!options.yes && !(io.stdin.isTTY && io.stderr.isTTY)) {
    throw new UsageError('delete asks for confirmation and there is no terminal: pass --yes');
  }
  const deployment = await resolveDeployment(gateway, options.target, io.signal);
  const seen = await gateway.getKey(deployment, name, { signal: io.signal });
  if (!seen) {
    const words = `there is no key '${name}' on ${describeDeployment(deployment)}`;
    if (!options.ifExists)
      throw new GatewayError('notFound', `${words}; nothing was deleted (--if-exists makes that no error)`);
    if (options.json) writeJson(io, name, deployment, 'already-gone');
    else io.stdout.write(`Key '${name}' is not on ${describeDeployment(deployment)}; nothing to delete.\n`);
    return EXIT.ok;
  }
  if (!options.yes) {
    const sure = await confirmOnTerminal(
      io,
      `Delete key '${name}' from ${describeDeployment(deployment)}? ${deletingWords(seen, io.now())}`,
    );
    if (!sure) {
      io.stderr.write('Nothing was deleted.\n');
      return EXIT.cancelled;
    }
  }
  // The key was there a moment ago and our request went out: a 204 now is our own retry meeting
  // what our first, unanswered try did (or another's delete just before): gone, in either case.
  // Let finish on a first Ctrl+C: once sent, only its answer tells whether the key is gone.
  try {
    await letFinish(io, `deletes key '${name}'`, (signal) => gateway.deleteKey(deployment, name, { signal }));
  } catch (error) {
    if (!(error instanceof GatewayError) || error.kind !== 'cancelled' || !io.forceSignal.aborted) throw error;
    throw new GatewayError(
      'cancelled',
      `key '${name}' may be deleted already (the request had gone out): check with ${keyCommand('show', deployment, name, deps)}`,
    );
  }
  if (options.json) writeJson(io, name, deployment, 'deleted');
  else
    io.stdout.write(
      `${io.out('success', figures.pass)} Deleted key '${name}' (hint ${seen.hint}) from ${describeDeployment(deployment)}.\n`,
    );
  return stoppedAfterChange(io, `deleted key '${name}'`) ?? EXIT.ok;
}

function writeJson(io: Io, name: string, deployment: Deployment, result: 'deleted' | 'already-gone'): void {
  const document = {
    name,
    id: `${deployment.id}/apiKeys/${name}`,
    result,
    deployment: deploymentJson(deployment),
    ...stoppedJson(io),
  };
  io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
}
