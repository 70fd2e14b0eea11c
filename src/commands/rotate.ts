/**
 * `nginxaas-keys rotate`: a new key beside the old one, then the old one retired.
 * The new key is made through the same path as `create`. The old key is deleted only when you
 * say so (a prompt, or --yes): integrations keep working on it until you have moved them. Without
 * a terminal and without --yes it is kept, and the command to delete it is printed.
 */
import { flag, text, type Values } from '../cli-options';
import { rotatedName } from '../domain/key-name';
import { keyCommand } from '../domain/resource-id';
import { GatewayError } from '../gateway';
import { EXIT, type Io } from '../io';
import { figures } from '../style';
import { UsageError } from '../usage-error';
import { confirmOnTerminal } from './ask';
import type { CommandDeps } from './deps';
import { describeDeployment, expiryText } from './format';
import {
  cancelledAfterIssue,
  issueNewKey,
  issuedDocument,
  parseNewKeyOptions,
  readSecret,
  readyDeployment,
  reportIssuedText,
  type NewKeyOptions,
} from './new-key';
import { parseKeyName, parseTarget, type TargetOptions } from './target';

export interface RotateOptions {
  target: TargetOptions;
  oldName: string;
  newName: string;
  key: NewKeyOptions;
  retire: 'ask' | 'yes' | 'keep';
  json: boolean;
}

export function parseRotateOptions(values: Values, now: Date): RotateOptions {
  const target = parseTarget(values);
  const oldName = parseKeyName(values);
  const newName = text(values, 'new-name') === undefined ? rotatedName(oldName, now) : parseKeyName(values, 'new-name');
  if (newName.toLowerCase() === oldName.toLowerCase())
    throw new UsageError('the new key needs a name of its own: pass --new-name');
  if (flag(values, 'keep-old') && flag(values, 'yes')) throw new UsageError('use either --keep-old or --yes, not both');
  const key = parseNewKeyOptions(values, now);
  const retire = flag(values, 'yes') ? 'yes' : flag(values, 'keep-old') ? 'keep' : 'ask';
  return { target, oldName, newName, key, retire, json: values.output === 'json' };
}

async function retireOld(options: RotateOptions, io: Io, question: string): Promise<boolean> {
  if (options.retire !== 'ask') return options.retire === 'yes';
  if (!(io.stdin.isTTY && io.stderr.isTTY)) return false;
  return confirmOnTerminal(io, question);
}

export async function runRotate(options: RotateOptions, deps: CommandDeps): Promise<number> {
  const { io, gateway } = deps;
  const secret = await readSecret(options.key, io);
  const deployment = await readyDeployment(deps, options.target);
  const old = await gateway.getKey(deployment, options.oldName, { signal: io.signal });
  if (!old)
    throw new GatewayError(
      'notFound',
      `no key named '${options.oldName}' on ${describeDeployment(deployment)} to rotate`,
      'ResourceNotFound',
      404,
    );

  const issued = await issueNewKey(deps, deployment, options.newName, options.key, secret, {
    replace: false,
    remedy: 'Pass another --new-name.',
  });
  if (!options.json) reportIssuedText(deployment, options.key, issued, io);
  if (cancelledAfterIssue(options.key, issued, io)) {
    io.stderr.write(
      `The old key '${old.name}' was kept. Retire it later with: ${keyCommand('delete', deployment, old.name)}\n`,
    );
    return EXIT.cancelled;
  }

  const retire = await retireOld(
    options,
    io,
    `Delete the old key '${old.name}' (hint ${old.hint}) now? Move your integrations to '${options.newName}' first.`,
  );
  let oldAction: 'deleted' | 'kept' | 'already-gone' = 'kept';
  if (retire)
    oldAction =
      (await gateway.deleteKey(deployment, old.name, { signal: io.signal })) === 'deleted' ? 'deleted' : 'already-gone';

  if (options.json) {
    const rotatedFrom = {
      name: old.name,
      hint: old.hint,
      endDateTime: old.endDateTime.toISOString(),
      action: oldAction,
    };
    io.stdout.write(
      `${JSON.stringify({ ...issuedDocument(deployment, options.key, issued, io.now()), rotatedFrom }, null, 2)}\n`,
    );
  }
  if (oldAction === 'kept') {
    io.stderr.write(
      `The old key '${old.name}' still works until ${expiryText(old.endDateTime, io.now())}. When your integrations use '${options.newName}', retire it: ${keyCommand('delete', deployment, old.name)}\n`,
    );
  } else {
    io.stderr.write(`${io.err('success', figures.pass)} Deleted the old key '${old.name}'.\n`);
  }
  return EXIT.ok;
}
