/**
 * `nginxaas-keys create`: every check (name, expiry, key policy, where a generated key goes)
 * before any request; then GET before PUT, so an existing key is replaced only with --replace.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { UsageError, type Values } from '../cli-options';
import { nplusUrl } from '../domain/endpoint';
import { defaultExpiry, parseExpiry } from '../domain/expiry';
import { evaluate } from '../domain/policy';
import { canTakeKey } from '../domain/readiness';
import { generateUuidKey } from '../domain/secret';
import { GatewayError, type Gateway } from '../gateway';
import { EXIT, type Io } from '../io';
import { deploymentJson, describeDeployment, expiryText, keyJson } from './format';
import { readSecretFile, readSecretFromStream, stageSecretFile, checkSecretOut, type StagedSecretFile } from './secret-io';
import { requireKeyName, resolveDeployment, stringOption } from './target';

type Source = 'stdin' | 'file' | 'generate';

function secretSource(values: Values): Source {
  const chosen: Source[] = [];
  if (values['secret-stdin'] === true) chosen.push('stdin');
  if (values['secret-file'] !== undefined) chosen.push('file');
  if (values.generate === true) chosen.push('generate');
  if (chosen.length > 1) throw new UsageError('choose one of --secret-stdin, --secret-file and --generate');
  return chosen[0] ?? 'generate';
}

export async function runCreate(gateway: Gateway, values: Values, io: Io, options: { replaceAllowed?: boolean } = {}): Promise<number> {
  const now = io.now();
  const name = requireKeyName(values);
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

  const deployment = await resolveDeployment(gateway, values, io.signal);
  const ready = canTakeKey(deployment);
  if (!ready.ok) throw new GatewayError('invalid', `${describeDeployment(deployment)} cannot take a key now: ${ready.reason}`);

  const existing = await gateway.getKey(deployment, name, { signal: io.signal });
  const replaceAllowed = options.replaceAllowed ?? values.replace === true;
  if (existing && !replaceAllowed) {
    io.stderr.write(
      `${io.err('danger', 'error:')} a key named '${existing.name}' already exists on ${describeDeployment(deployment)} (hint ${existing.hint}, expires ${expiryText(existing.endDateTime, now)}); nothing was changed. Pass --replace to replace it.\n`,
    );
    return EXIT.failed;
  }

  let staged: StagedSecretFile | undefined;
  if (secretOut !== undefined) staged = stageSecretFile(secretOut, secret, force);
  let result;
  try {
    result = await gateway.putKey(deployment, name, { secret, endDateTime }, { signal: io.signal });
  } catch (error) {
    staged?.discard();
    if (error instanceof GatewayError && error.kind === 'network') {
      throw new GatewayError(
        'network',
        `${error.message}. Azure may have created the key before the connection broke: check with 'nginxaas-keys show -d ${deployment.name} -g ${deployment.resourceGroup} --name ${name}'`,
        error.code,
      );
    }
    throw error;
  }
  staged?.commit();

  const key = result.key;
  // The SDK retries a PUT whose answer was lost; the retry then finds our own key and answers
  // 200. We saw the name free a moment ago, so this run created it.
  const created = result.created || !existing;
  const endpoint = deployment.dataplaneApiEndpoint as string;
  if (values.output === 'json') {
    const document = {
      ...keyJson(key, now),
      action: created ? 'created' : 'replaced',
      dataplaneApiEndpoint: endpoint,
      nplusEndpoint: nplusUrl(endpoint),
      deployment: deploymentJson(deployment),
      ...(secretOut !== undefined ? { secretFile: secretOut } : {}),
      ...(showSecret ? { secret } : {}),
    };
    io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    return EXIT.ok;
  }

  // With --show-secret, stdout carries the key alone (KEY=$(nginxaas-keys create ...)).
  const summary = showSecret ? io.stderr : io.stdout;
  const p = showSecret ? io.err : io.out;
  summary.write(
    [
      `${p('success', '✔')} ${created ? 'Created' : 'Replaced'} key '${key.name}' on ${describeDeployment(deployment)}`,
      `  hint      ${key.hint}`,
      `  expires   ${expiryText(key.endDateTime, now)}`,
      `  endpoint  ${endpoint}`,
      `  nplus     ${nplusUrl(endpoint)}`,
      ...(secretOut !== undefined ? [`  key file  ${secretOut} (mode 0600)`] : []),
      `${p('warning', '⚠')} Azure never shows this key again.`,
      '',
    ].join('\n'),
  );
  if (showSecret) io.stdout.write(`${secret}\n`);
  return EXIT.ok;
}

