/**
 * `nginxaas-keys delete`: asks first unless --yes (and refuses to guess without a terminal).
 * A 204 from Azure means the key was already gone: that is success, said in words.
 */
import { UsageError, type Values } from '../cli-options';
import type { Gateway } from '../gateway';
import { EXIT, type Io } from '../io';
import { confirmOnTerminal } from './ask';
import { describeDeployment } from './format';
import { requireKeyName, resolveDeployment } from './target';
import { figures } from '../style';

export async function runDelete(gateway: Gateway, values: Values, io: Io): Promise<number> {
  const name = requireKeyName(values);
  if (values.yes !== true && !(io.stdin.isTTY && io.stderr.isTTY)) {
    throw new UsageError('delete asks for confirmation and there is no terminal: pass --yes');
  }
  const deployment = await resolveDeployment(gateway, values, io.signal);
  if (values.yes !== true) {
    const sure = await confirmOnTerminal(io, `Delete key '${name}' from ${describeDeployment(deployment)}? Integrations using it stop working.`);
    if (!sure) {
      io.stderr.write('Nothing was deleted.\n');
      return EXIT.cancelled;
    }
  }
  const outcome = await gateway.deleteKey(deployment, name, { signal: io.signal });
  if (values.output === 'json') {
    io.stdout.write(`${JSON.stringify({ name, result: outcome === 'deleted' ? 'deleted' : 'already-gone', deployment: deployment.id })}\n`);
  } else if (outcome === 'deleted') {
    io.stdout.write(`${io.out('success', figures.pass)} Deleted key '${name}' from ${describeDeployment(deployment)}.\n`);
  } else {
    io.stdout.write(`Key '${name}' was already gone from ${describeDeployment(deployment)}; nothing to delete.\n`);
  }
  return EXIT.ok;
}
