/**
 * `nginxaas-keys extend` (alias `update`, as in az): a new expiry for a key, the same secret. The
 * value is sent only when the user re-sends it; either way the key is read back afterwards to tell
 * that its hint stayed and its expiry moved. A Key Vault hand-off gets a new version with the new
 * expiresOn, so the vault's near-expiry event follows the key.
 */
import { flag, text, texts, type CommandValues, type EXTEND_FLAGS } from './flags';
import { parseExpiry } from '../domain/expiry';
import { handoffFacts, parseHandoff, type HandoffTarget } from '../domain/handoff';
import { keyCommand } from '../domain/resource-id';
import { nplusUrl } from '../domain/endpoint';
import { GatewayError, type ApiKey, type Deployment } from '../port/gateway';
import { EXIT } from '../port/io';
import { UsageError } from '../port/usage-error';
import { extendKey, extendRefusal, valueMatchesHint, type Extended } from '../keys/extend-key';
import { checkHandoffTargets, deliverHandoffs, type HandoffResult } from '../keys/handoff';
import { verifyWithPatience, type Verification } from '../keys/verify';
import { figures } from '../term/style';
import type { CommandDeps } from './deps';
import { deploymentJson, describeDeployment, expiryText, keyJson } from './format';
import { readSecret, readyDeployment, type SecretSource } from './new-key';
import { existingKey, parseKeyName, parseTarget, type TargetOptions } from './target';

type KeyVaultTarget = Extract<HandoffTarget, { kind: 'keyvault' }>;

export interface ExtendOptions {
  target: TargetOptions;
  name: string;
  endDateTime: Date;
  /** Where the key's current value comes from, when the user re-sends it. */
  source?: Exclude<SecretSource, { kind: 'generate' }>;
  verify: boolean;
  vaults: KeyVaultTarget[];
  json: boolean;
}

export function parseExtendOptions(values: CommandValues<typeof EXTEND_FLAGS>, now: Date): ExtendOptions {
  const target = parseTarget(values);
  const name = parseKeyName(values);
  const expires = text(values, 'expires');
  if (expires === undefined)
    throw new UsageError('--expires <when> is required: the new expiry (30d, 90d, 6mo, 1y, 2y or a date)');
  const parsed = parseExpiry(expires, now);
  if (!parsed.ok) throw new UsageError(parsed.problem);
  const file = text(values, 'secret-file');
  if (flag(values, 'secret-stdin') && file !== undefined)
    throw new UsageError('choose one of --secret-stdin and --secret-file');
  const source = flag(values, 'secret-stdin')
    ? ({ kind: 'stdin' } as const)
    : file !== undefined
      ? ({ kind: 'file', path: file } as const)
      : undefined;
  const verify = flag(values, 'verify');
  if (verify && !source)
    throw new UsageError("--verify checks the key's value: pass it with --secret-stdin or --secret-file");
  const vaults = texts(values, 'emit').map((entry) => {
    const handoff = parseHandoff(entry);
    if (!handoff.ok) throw new UsageError(handoff.problem);
    if (handoff.target.kind !== 'keyvault')
      throw new UsageError(
        `extend hands off only to Key Vault (--emit keyvault=<secret URL>); a ${handoff.target.kind} file is written when a key is made (create, rotate)`,
      );
    return handoff.target;
  });
  checkHandoffTargets(vaults, false);
  return {
    target,
    name,
    endDateTime: parsed.date,
    verify,
    vaults,
    json: values.output === 'json',
    ...(source ? { source } : {}),
  };
}

/** The value each vault gets: the one re-sent, else the vault's own newest version, if it is this key's. */
async function vaultValues(
  deps: CommandDeps,
  vaults: KeyVaultTarget[],
  key: ApiKey,
  secret: string | undefined,
): Promise<string[]> {
  const values: string[] = [];
  for (const vault of vaults) {
    if (secret !== undefined) {
      values.push(secret);
      continue;
    }
    const held = await deps.gateway.readSecret(vault, { signal: deps.io.signal });
    const resend = "pass the key's value with --secret-stdin or --secret-file";
    if (!held)
      throw new GatewayError('notFound', `${vault.url} does not exist, so it cannot get a new version: ${resend}`);
    if (!valueMatchesHint(held.value, key))
      throw new GatewayError(
        'invalid',
        `the newest version of ${vault.url} is not key '${key.name}' (it does not start with the hint ${key.hint}); nothing was changed: ${resend}`,
      );
    values.push(held.value);
  }
  return values;
}

export async function runExtend(options: ExtendOptions, deps: CommandDeps): Promise<number> {
  const { io, gateway } = deps;
  const secret = options.source ? await readSecret({ source: options.source }, io) : undefined;
  const deployment = await readyDeployment(deps, options.target);
  const key = await existingKey(gateway, deployment, options.name, io.signal);
  const refused = extendRefusal(key, io.now());
  if (refused)
    throw new GatewayError('invalid', `${refused}: ${keyCommand('rotate', deployment, key.name, deps.demo)}`);
  if (secret !== undefined && !valueMatchesHint(secret, key))
    throw new UsageError(
      `that value is not key '${key.name}': its first characters are not the key's hint (${key.hint}); nothing was sent`,
    );
  const values = await vaultValues(deps, options.vaults, key, secret);
  const verification = secret !== undefined && options.verify ? await checkValue(deployment, secret, deps) : undefined;
  const extended = await sendExpiry(deps, deployment, key, options.endDateTime, secret);
  const stored: HandoffResult[] = [];
  for (const [i, vault] of options.vaults.entries()) {
    const facts = handoffFacts(deployment, {
      keyName: key.name,
      secret: values[i] ?? '',
      endDateTime: extended.key.endDateTime,
    });
    stored.push(...(await deliverHandoffs(gateway, [vault], undefined, facts, { keyExists: true, signal: io.signal })));
  }
  report(options, deps, deployment, extended, stored, verification);
  return stored.every((s) => s.ok) ? EXIT.ok : EXIT.failed;
}

/** --verify: the value must work now, before its key is changed; a refusal or no answer changes nothing. */
async function checkValue(deployment: Deployment, secret: string, deps: CommandDeps): Promise<Verification> {
  const verification = await verifyWithPatience(deps.gateway, deployment.dataplaneApiEndpoint ?? '', secret, {
    waitMs: 0,
    signal: deps.io.signal,
  });
  if (verification.outcome !== 'accepted')
    throw new GatewayError('invalid', `${verification.message}; nothing was changed`, undefined, verification.status);
  return verification;
}

/** The PUT and the read-back. An answer lost on the way leaves the expiry unknown; the secret is the same either way. */
async function sendExpiry(
  deps: CommandDeps,
  deployment: Deployment,
  key: ApiKey,
  endDateTime: Date,
  secret: string | undefined,
): Promise<Extended> {
  try {
    return await extendKey(deps.gateway, deployment, key, endDateTime, {
      ...(secret !== undefined ? { secret } : {}),
      signal: deps.io.signal,
    });
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    const lost = error.kind === 'network' || (error.kind === 'unknown' && (error.status ?? 0) >= 500);
    if (!lost) throw error;
    throw new GatewayError(
      error.kind,
      `${error.message}; the expiry of '${key.name}' may or may not have moved (its secret is the same either way): check with ${keyCommand('show', deployment, key.name, deps.demo)}`,
      error.code,
      error.status,
    );
  }
}

function report(
  options: ExtendOptions,
  deps: CommandDeps,
  deployment: Deployment,
  extended: Extended,
  stored: HandoffResult[],
  verification: Verification | undefined,
): void {
  const { io } = deps;
  const now = io.now();
  const { key, previous } = extended;
  if (options.json) {
    const endpoint = deployment.dataplaneApiEndpoint;
    const document = {
      ...keyJson(key, now),
      previousEndDateTime: previous.endDateTime.toISOString(),
      ...(endpoint ? { dataplaneApiEndpoint: endpoint, nplusEndpoint: nplusUrl(endpoint) } : {}),
      deployment: deploymentJson(deployment),
      ...(verification ? { verification } : {}),
      ...(stored.length > 0 ? { handoffs: stored.map((s) => ({ kind: s.target.kind, ok: s.ok, said: s.said })) } : {}),
    };
    io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    return;
  }
  const earlier = key.endDateTime.getTime() < previous.endDateTime.getTime() ? ', earlier than before' : '';
  io.stdout.write(
    [
      `${io.out('success', figures.pass)} Key '${key.name}' on ${describeDeployment(deployment)} now expires ${expiryText(key.endDateTime, now)}${earlier}.`,
      `  was       ${expiryText(previous.endDateTime, now)}`,
      `  hint      ${key.hint} (the same secret: nothing that uses it needs to change)`,
      ...(verification ? [`  checked   ${verification.message}`] : []),
      '',
    ].join('\n'),
  );
  for (const s of stored)
    io.stderr.write(
      s.ok
        ? `${io.err('success', figures.pass)} Key Vault: ${s.said}. ${(s.nextLines ?? []).join(' ')}\n`
        : `${io.err('danger', figures.fail)} Key Vault: ${s.said}. The key's new expiry stands; store it again with --emit once the vault answers.\n`,
    );
}
