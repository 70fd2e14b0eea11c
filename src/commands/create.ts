/**
 * `nginxaas-keys create`: every check (name, expiry, key policy, where a generated key goes)
 * before any request; then GET before PUT, so an existing key is replaced only with --replace.
 * The pieces are shared with `rotate`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { UsageError, type Values } from '../cli-options';
import { nplusUrl } from '../domain/endpoint';
import { defaultExpiry, parseExpiry } from '../domain/expiry';
import { evaluate } from '../domain/policy';
import { canTakeKey } from '../domain/readiness';
import { keyCommand } from '../domain/resource-id';
import { generateUuidKey } from '../domain/secret';
import { GatewayError, type ApiKey, type Deployment, type Gateway } from '../gateway';
import { EXIT, type Io } from '../io';
import { deploymentJson, describeDeployment, expiryText, keyJson } from './format';
import { readSecretFile, readSecretFromStream, stageSecretFile, checkSecretOut, type StagedSecretFile } from './secret-io';
import { requireKeyName, resolveDeployment, stringOption } from './target';
import { figures } from '../style';

type Source = 'stdin' | 'file' | 'generate';

/** What the flags ask for, checked, with the key in hand: nothing has been sent yet. */
export interface NewKeyInput {
  endDateTime: Date;
  secret: string;
  secretOut?: string;
  showSecret: boolean;
  force: boolean;
}

function secretSource(values: Values): Source {
  const chosen: Source[] = [];
  if (values['secret-stdin'] === true) chosen.push('stdin');
  if (values['secret-file'] !== undefined) chosen.push('file');
  if (values.generate === true) chosen.push('generate');
  if (chosen.length > 1) throw new UsageError('choose one of --secret-stdin, --secret-file and --generate');
  return chosen[0] ?? 'generate';
}

export async function readNewKeyInput(values: Values, io: Io): Promise<NewKeyInput> {
  const now = io.now();
  const expiresText = stringOption(values, 'expires');
  let endDateTime = defaultExpiry(now);
  if (expiresText !== undefined) {
    const parsed = parseExpiry(expiresText, now);
    if (!parsed.ok) throw new UsageError(parsed.problem);
    endDateTime = parsed.date;
  }
  const source = secretSource(values);
  const secretOut = stringOption(values, 'secret-out');
  const showSecret = values['show-secret'] === true;
  const force = values.force === true;
  if (source !== 'generate' && (secretOut !== undefined || showSecret)) {
    throw new UsageError('--secret-out and --show-secret are for generated keys; you already have yours');
  }
  if (source === 'generate' && secretOut === undefined && !showSecret) {
    throw new UsageError('a generated key must go somewhere: add --secret-out <file> or --show-secret (nobody could read it otherwise)');
  }
  if (secretOut !== undefined) checkSecretOut(secretOut, force);

  let secret: string;
  if (source === 'stdin') {
    if (io.stdin.isTTY) io.stderr.write('Type or paste the key, then press Ctrl+D:\n');
    secret = await readSecretFromStream(io.stdin);
  } else if (source === 'file') {
    secret = await readSecretFile(stringOption(values, 'secret-file') as string);
  } else {
    secret = generateUuidKey({ randomUUID, randomBytes });
  }
  const policy = evaluate(secret);
  if (!policy.ok) throw new UsageError(policy.problem ?? 'the key does not meet the policy');
  return { endDateTime, secret, showSecret, force, ...(secretOut !== undefined ? { secretOut } : {}) };
}

export async function readyDeployment(gateway: Gateway, values: Values, io: Io): Promise<Deployment> {
  const deployment = await resolveDeployment(gateway, values, io.signal);
  const ready = canTakeKey(deployment);
  if (!ready.ok) throw new GatewayError('invalid', `${describeDeployment(deployment)} cannot take a key now: ${ready.reason}`);
  return deployment;
}

/** Stages the key file, PUTs the key, then moves the file into place (or removes it on failure). */
export async function putNewKey(
  gateway: Gateway,
  deployment: Deployment,
  name: string,
  input: NewKeyInput,
  existing: ApiKey | undefined,
  io: Io,
): Promise<{ key: ApiKey; created: boolean }> {
  let staged: StagedSecretFile | undefined;
  if (input.secretOut !== undefined) staged = stageSecretFile(input.secretOut, input.secret, input.force);
  let result;
  try {
    result = await gateway.putKey(deployment, name, { secret: input.secret, endDateTime: input.endDateTime }, { signal: io.signal });
  } catch (error) {
    staged?.discard();
    if (error instanceof GatewayError && error.kind === 'network') {
      throw new GatewayError(
        'network',
        `${error.message}. Azure may have created the key before the connection broke: check with '${keyCommand('show', deployment, name)}'`,
        error.code,
      );
    }
    throw error;
  }
  try {
    staged?.commit();
  } catch (error) {
    // The key exists now: never lose the only copy of it.
    throw new GatewayError(
      'unknown',
      `key '${name}' was created, but could not be moved to ${staged?.path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the key is in ${staged?.stagingPath} (mode 0600)`,
    );
  }
  // The SDK retries a PUT whose answer was lost; the retry then finds our own key and answers
  // 200. We saw the name free a moment ago, so this run created it.
  return { key: result.key, created: result.created || !existing };
}

export function createdDocument(deployment: Deployment, input: NewKeyInput, result: { key: ApiKey; created: boolean }, now: Date) {
  const endpoint = deployment.dataplaneApiEndpoint as string;
  return {
    ...keyJson(result.key, now),
    action: result.created ? 'created' : 'replaced',
    dataplaneApiEndpoint: endpoint,
    nplusEndpoint: nplusUrl(endpoint),
    deployment: deploymentJson(deployment),
    ...(input.secretOut !== undefined ? { secretFile: input.secretOut } : {}),
    ...(input.showSecret ? { secret: input.secret } : {}),
  };
}

/** Text output. With --show-secret, stdout carries the key alone (KEY=$(nginxaas-keys create ...)). */
export function reportCreatedText(deployment: Deployment, input: NewKeyInput, result: { key: ApiKey; created: boolean }, io: Io): void {
  const now = io.now();
  const summary = input.showSecret ? io.stderr : io.stdout;
  const p = input.showSecret ? io.err : io.out;
  const endpoint = deployment.dataplaneApiEndpoint as string;
  summary.write(
    [
      `${p('success', figures.pass)} ${result.created ? 'Created' : 'Replaced'} key '${result.key.name}' on ${describeDeployment(deployment)}`,
      `  hint      ${result.key.hint}`,
      `  expires   ${expiryText(result.key.endDateTime, now)}`,
      `  endpoint  ${endpoint}`,
      `  nplus     ${nplusUrl(endpoint)}`,
      ...(input.secretOut !== undefined ? [`  key file  ${input.secretOut} (mode 0600)`] : []),
      `${p('warning', figures.warning)} Azure never shows this key again.`,
      '',
    ].join('\n'),
  );
  if (input.showSecret) io.stdout.write(`${input.secret}\n`);
}

export async function runCreate(gateway: Gateway, values: Values, io: Io): Promise<number> {
  const name = requireKeyName(values);
  const input = await readNewKeyInput(values, io);
  const deployment = await readyDeployment(gateway, values, io);

  const existing = await gateway.getKey(deployment, name, { signal: io.signal });
  if (existing && values.replace !== true) {
    io.stderr.write(
      `${io.err('danger', 'error:')} a key named '${existing.name}' already exists on ${describeDeployment(deployment)} (hint ${existing.hint}, expires ${expiryText(existing.endDateTime, io.now())}); nothing was changed. Pass --replace to replace it.\n`,
    );
    return EXIT.failed;
  }
  const result = await putNewKey(gateway, deployment, name, input, existing, io);
  if (values.output === 'json') io.stdout.write(`${JSON.stringify(createdDocument(deployment, input, result, io.now()), null, 2)}\n`);
  else reportCreatedText(deployment, input, result, io);
  return EXIT.ok;
}
