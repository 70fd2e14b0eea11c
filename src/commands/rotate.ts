/**
 * `nginxaas-keys rotate`: a new key beside the old one, then the old one retired.
 * The new key is made exactly as `create` makes one. The old key is deleted only when you say
 * so (a prompt, or --yes): integrations keep working on it until you have moved them. Without a
 * terminal and without --yes it is kept, and the command to delete it is printed.
 */
import { UsageError, type Values } from '../cli-options';
import { checkKeyName, rotatedName } from '../domain/key-name';
import { keyCommand } from '../domain/resource-id';
import { GatewayError, type Gateway } from '../gateway';
import { EXIT, type Io } from '../io';
import { confirmOnTerminal } from './ask';
import { createdDocument, putNewKey, readNewKeyInput, readyDeployment, reportCreatedText } from './create';
import { describeDeployment, expiryText } from './format';
import { requireKeyName, stringOption } from './target';
import { figures } from '../style';

async function retireOld(values: Values, io: Io, question: string): Promise<boolean> {
  if (values['keep-old'] === true) return false;
  if (values.yes === true) return true;
  if (!(io.stdin.isTTY && io.stderr.isTTY)) return false;
  return confirmOnTerminal(io, question);
}

export async function runRotate(gateway: Gateway, values: Values, io: Io): Promise<number> {
  const oldName = requireKeyName(values);
  const newName = stringOption(values, 'new-name') ?? rotatedName(oldName, io.now());
  const check = checkKeyName(newName, 'new key name');
  if (!check.ok) throw new UsageError(check.problem);
  if (newName.toLowerCase() === oldName.toLowerCase()) throw new UsageError('the new key needs a name of its own: pass --new-name');
  if (values['keep-old'] === true && values.yes === true) throw new UsageError('use either --keep-old or --yes, not both');
  const input = await readNewKeyInput(values, io);
  const deployment = await readyDeployment(gateway, values, io);

  const old = await gateway.getKey(deployment, oldName, { signal: io.signal });
  if (!old) throw new GatewayError('notFound', `no key named '${oldName}' on ${describeDeployment(deployment)} to rotate`, 'ResourceNotFound', 404);
  const taken = await gateway.getKey(deployment, newName, { signal: io.signal });
  if (taken) {
    throw new GatewayError('alreadyExists', `a key named '${taken.name}' already exists on ${describeDeployment(deployment)} (hint ${taken.hint}); pass another --new-name`);
  }
  const result = await putNewKey(gateway, deployment, newName, input, undefined, io);
  if (values.output !== 'json') reportCreatedText(deployment, input, result, io);

  const retire = await retireOld(values, io, `Delete the old key '${old.name}' (hint ${old.hint}) now? Move your integrations to '${newName}' first.`);
  let oldAction: 'deleted' | 'kept' | 'already-gone' = 'kept';
  if (retire) oldAction = (await gateway.deleteKey(deployment, old.name, { signal: io.signal })) === 'deleted' ? 'deleted' : 'already-gone';

  if (values.output === 'json') {
    const document = { ...createdDocument(deployment, input, result, io.now()), rotatedFrom: { name: old.name, hint: old.hint, endDateTime: old.endDateTime.toISOString(), action: oldAction } };
    io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  }
  const say = (line: string) => io.stderr.write(`${line}\n`);
  if (oldAction === 'kept') {
    say(`The old key '${old.name}' still works until ${expiryText(old.endDateTime, io.now())}. When your integrations use '${newName}', retire it: ${keyCommand('delete', deployment, old.name)}`);
  } else {
    say(`${io.err('success', figures.pass)} Deleted the old key '${old.name}'.`);
  }
  return EXIT.ok;
}
