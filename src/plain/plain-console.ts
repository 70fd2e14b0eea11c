/**
 * The key console as line prompts (--plain, TERM=dumb): the deployment's keys, soonest expiry
 * first, then a numbered choice — a new key, rotate one, delete one, or leave — so that a
 * screen-reader user has what the full-screen console offers.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { formatDaysFromNow, formatUtc } from '../domain/expiry';
import { keyStatus } from '../domain/readiness';
import { keyCommand } from '../domain/resource-id';
import { generateUuidKey } from '../domain/secret';
import { GatewayError, type ApiKey, type Deployment, type Gateway } from '../port/gateway';
import { EXIT, type Io } from '../port/io';
import { createKey, racedWarning } from '../keys/create-key';
import { verifyWithPatience } from '../keys/verify';
import { consoleKeys, rotationPlan } from '../wizard/selectors';
import type { Prompts } from './prompts';

type Choice = 'new' | 'rotate' | 'delete' | 'leave';

export interface PlainConsole {
  gateway: Gateway;
  deployment: Deployment;
  prompts: Prompts;
  io: Io;
  demo: boolean;
  say: (line?: string) => void;
}

/** In the order the full-screen console lists them: soonest expiry first. */
const soonestFirst = (keys: ApiKey[]) => consoleKeys({ keys });

function describeKey(key: ApiKey, now: Date): string {
  const status = keyStatus(key.endDateTime, now);
  return `${key.name}, hint ${key.hint}, expires ${formatUtc(key.endDateTime).slice(0, 10)} (${formatDaysFromNow(key.endDateTime, now)}), ${status}`;
}

/**
 * Runs the console until a new key is asked for ('new': the caller goes on with its questions)
 * or the user leaves (an exit code).
 */
export async function runPlainConsole(run: PlainConsole, first: ApiKey[]): Promise<'new' | number> {
  let keys = first;
  for (;;) {
    const now = run.io.now();
    run.say(`Keys of ${run.deployment.name}, soonest expiry first:`);
    if (keys.length === 0) run.say('  none');
    soonestFirst(keys).forEach((k) => run.say(`  ${describeKey(k, now)}`));
    const choice = await run.prompts.select<Choice>({
      message: 'What now?',
      default: 'new',
      choices: [
        { name: 'Create a new key', value: 'new' },
        { name: 'Rotate a key', value: 'rotate', ...(keys.length ? {} : { disabled: 'no keys' }) },
        { name: 'Delete a key', value: 'delete', ...(keys.length ? {} : { disabled: 'no keys' }) },
        { name: 'Leave', value: 'leave' },
      ],
    });
    if (choice === 'new') return 'new';
    if (choice === 'leave') return EXIT.ok;
    const key = await chooseKey(run, keys, choice === 'rotate' ? 'Rotate which key?' : 'Delete which key?');
    if (choice === 'delete') await deleteOne(run, key);
    else await rotateOne(run, key, keys);
    keys = await run.gateway.listKeys(run.deployment, { signal: run.io.signal });
  }
}

function chooseKey(run: PlainConsole, keys: ApiKey[], message: string): Promise<ApiKey> {
  const now = run.io.now();
  return run.prompts.select<ApiKey>({
    message,
    choices: soonestFirst(keys).map((k) => ({ name: describeKey(k, now), value: k })),
  });
}

async function deleteOne(run: PlainConsole, key: ApiKey): Promise<void> {
  const alive = key.endDateTime.getTime() > run.io.now().getTime();
  run.say(
    alive
      ? `Deleting '${key.name}': whatever still uses it (NLK, nginx-asg-sync) is refused at once.`
      : `'${key.name}' has expired: nothing can be using it.`,
  );
  const typed = await run.prompts.input({
    message: `Type the key's name to delete it (empty keeps it)`,
    validate: (text) => (text === '' || text.trim() === key.name ? true : `That is not '${key.name}'.`),
  });
  if (typed === '') {
    run.say(`Key '${key.name}' kept.`);
    return;
  }
  const outcome = await run.gateway.deleteKey(run.deployment, key.name, { signal: run.io.signal });
  run.say(outcome === 'deleted' ? `Deleted key '${key.name}'.` : `Key '${key.name}' was already gone.`);
}

/**
 * A new key beside the old, checked, shown on request; after the user switches, checked again
 * and the old one deleted. Stopping at any question leaves both keys and says how to finish.
 */
async function rotateOne(run: PlainConsole, old: ApiKey, keys: ApiKey[]): Promise<void> {
  const { gateway, deployment, io, say } = run;
  const { name, endDateTime } = rotationPlan({ keys, now: io.now() }, old);
  const finish = keyCommand('delete', deployment, old.name, run.demo);
  say(`Rotating '${old.name}': a new key '${name}', generated, expiring ${formatUtc(endDateTime)}.`);
  if (!(await run.prompts.confirm({ message: `Create '${name}' beside '${old.name}'?`, default: true }))) {
    say('Nothing was changed.');
    return;
  }
  const secret = generateUuidKey({ randomUUID, randomBytes });
  const outcome = await createKey(
    gateway,
    deployment,
    name,
    { secret, endDateTime },
    { replace: false, signal: io.signal, forceSignal: io.forceSignal },
  );
  if (outcome.kind === 'exists')
    throw new GatewayError('alreadyExists', `a key named '${name}' appeared meanwhile; nothing was changed`);
  if (outcome.kind === 'unknown') {
    say(`The answer was lost and a check could not tell whether '${name}' exists. So that it is not lost: ${secret}`);
    say(`Both keys may exist; check with: ${keyCommand('show', deployment, name, run.demo)}`);
    return;
  }
  if (outcome.kind === 'raced') say(`Warning: ${racedWarning(name)}.`);
  const endpoint = deployment.dataplaneApiEndpoint ?? '';
  say(`Created key '${name}' (hint ${outcome.key.hint}). Azure never shows it again.`);
  const first = await verifyWithPatience(gateway, endpoint, secret, { signal: io.signal });
  say(first.outcome === 'accepted' ? 'The dataplane accepted the new key.' : `Not confirmed yet: ${first.message}.`);
  if (await run.prompts.confirm({ message: 'Show the new key now, once?', default: true })) say(`Key: ${secret}`);
  say(`Hand it to your integrations (for scripts: nginxaas-keys rotate … --emit nlk=FILE).`);
  const switched = await run.prompts.confirm({
    message: `Have your integrations switched to '${name}'? Yes checks it again and deletes '${old.name}'`,
    default: false,
  });
  if (!switched) {
    say(`Stopped: both keys stay. Once nothing uses '${old.name}': ${finish}`);
    return;
  }
  const again = await verifyWithPatience(gateway, endpoint, secret, { signal: io.signal });
  if (again.outcome === 'refused') {
    say(`The dataplane refused '${name}' (${again.message}): both keys stay. Finish later with: ${finish}`);
    return;
  }
  await gateway.deleteKey(deployment, old.name, { signal: io.signal });
  say(`Rotated: '${name}' is in use; '${old.name}' deleted.`);
}
