/**
 * `nginxaas-keys extend` (alias `update`, as in az): a new expiry for a key, the same secret. A
 * value the user re-sends goes out with the PUT only once the dataplane has proven it is that
 * key's secret (keys/prove-value.ts): a value that merely starts with the hint would become the
 * key's secret, and every consumer would be refused. Where the dataplane cannot be asked, only the
 * expiry is sent. An expiry earlier than the current one asks for its own yes (--shorten). Either
 * way the key is read back afterwards to tell that its hint stayed and its expiry moved. A Key
 * Vault hand-off gets a new version with the new expiresOn, so the vault's near-expiry event
 * follows the key.
 */
import { flag, text, texts, type CommandValues } from '../shared/flags';
import type { EXTEND_FLAGS } from './flags';
import { formatUtc, parseExpiry, shortening } from '../../domain/expiry';
import { handoffFacts, parseHandoff, type HandoffTarget } from '../../domain/handoff';
import { keyCommand } from '../../domain/resource-id';
import { GatewayError, type ApiKey, type Deployment } from '../../port/gateway';
import { EXIT } from '../../port/io';
import { UsageError } from '../../port/usage-error';
import { extendKey, extendRefusal, valueMatchesHint, type Extended } from '../../keys/extend-key';
import { proveValue, type Proof } from '../../keys/prove-value';
import { confirmOnTerminal } from '../shared/ask';
import { checkHandoffTargets, deliverHandoffs, type HandoffResult } from '../../keys/handoff';
import { letFinish, sayFinishing, stoppedAfterChange } from '../shared/let-finish';
import type { CommandDeps } from '../shared/deps';
import { readyDeployment } from '../shared/new-key';
import { readSecret, type SecretSource } from '../shared/new-key-options';
import { reportExtended } from './report';
import { existingKey, parseKeyName, parseTarget, type TargetOptions } from '../shared/target';

type KeyVaultTarget = Extract<HandoffTarget, { kind: 'keyvault' }>;

export interface ExtendOptions {
  target: TargetOptions;
  name: string;
  endDateTime: Date;
  /** Where the key's current value comes from, when the user re-sends it. */
  source?: Exclude<SecretSource, { kind: 'generate' }>;
  /** Refuse, rather than send only the expiry, when the value cannot be proven. */
  verify: boolean;
  /** An expiry earlier than the current one is allowed without a question. */
  shorten: boolean;
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
    shorten: flag(values, 'shorten'),
    vaults,
    json: values.output === 'json',
    source,
  };
}

const sourceFlag = (options: ExtendOptions) => (options.source?.kind === 'stdin' ? '--secret-stdin' : '--secret-file');

/** The value each vault gets: the one re-sent and proven, else the vault's own newest version, once proven this key's. */
async function vaultValues(
  deps: CommandDeps,
  deployment: Deployment,
  vaults: KeyVaultTarget[],
  key: ApiKey,
  keys: readonly ApiKey[],
  proven: string | undefined,
): Promise<string[]> {
  const values: string[] = [];
  for (const vault of vaults) {
    if (proven !== undefined) {
      values.push(proven);
      continue;
    }
    const held = await deps.gateway.readSecret(vault, { signal: deps.io.signal });
    const resend = "pass the key's value with --secret-stdin or --secret-file";
    if (!held)
      throw new GatewayError('notFound', `${vault.url} does not exist, so it cannot get a new version: ${resend}`);
    const proof = await proveValue(deps.gateway, deployment, key, held.value, keys, deps.io.signal);
    if (proof.outcome === 'notHint')
      throw new GatewayError(
        'invalid',
        `the newest version of ${vault.url} is not key '${key.name}' (it does not start with the hint ${key.hint}); nothing was changed: ${resend}`,
      );
    if (proof.outcome === 'refused')
      throw new GatewayError(
        'invalid',
        `the newest version of ${vault.url} is not key '${key.name}': ${proof.said}; nothing was changed: ${resend}`,
      );
    if (proof.outcome !== 'proven')
      throw new GatewayError(
        'invalid',
        `the newest version of ${vault.url} could not be proven to be key '${key.name}': ${proof.said}; nothing was changed: run it where the dataplane answers, or leave out --emit to change only the expiry`,
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
  if (refused) throw new GatewayError('invalid', `${refused}: ${keyCommand('rotate', deployment, key.name, deps)}`);
  if (secret !== undefined && !valueMatchesHint(secret, key))
    throw new UsageError(
      `that value is not key '${key.name}': its first characters are not the key's hint (${key.hint}); nothing was sent`,
    );
  if (!(await shorterAllowed(options, deps, key))) {
    io.stderr.write('Nothing was changed.\n');
    return EXIT.cancelled;
  }
  const keys =
    secret !== undefined || options.vaults.length > 0 ? await gateway.listKeys(deployment, { signal: io.signal }) : [];
  const proof = secret !== undefined ? await proveGiven(options, deps, deployment, key, keys, secret) : undefined;
  const sent = proof?.outcome === 'proven' ? secret : undefined;
  const values = await vaultValues(deps, deployment, options.vaults, key, keys, sent);
  const extended = await sendExpiry(deps, deployment, key, options.endDateTime, sent, proof);
  const stored: HandoffResult[] = [];
  for (const [i, vault] of options.vaults.entries()) {
    const facts = handoffFacts(deployment, {
      keyName: key.name,
      secret: values[i] ?? '',
      endDateTime: extended.key.endDateTime,
    });
    const handing = { keyExists: true, signal: io.signal, forceSignal: io.forceSignal };
    const quiet = sayFinishing(io, `stores key '${key.name}' in ${vault.url}`);
    stored.push(...(await deliverHandoffs(gateway, [vault], undefined, facts, handing).finally(quiet)));
  }
  reportExtended(options, deps, deployment, extended, stored, proof);
  const stopped = stoppedAfterChange(io, `moved the expiry of key '${key.name}'`);
  return stopped ?? (stored.every((s) => s.ok) ? EXIT.ok : EXIT.failed);
}

/**
 * An earlier expiry is a consequence of its own: with --shorten it is taken, on a terminal it is
 * asked (no is the default), in a script it is refused before anything is sent.
 */
async function shorterAllowed(options: ExtendOptions, deps: CommandDeps, key: ApiKey): Promise<boolean> {
  const shorter = shortening(key.endDateTime, options.endDateTime);
  if (!shorter || options.shorten) return true;
  const { io } = deps;
  const what = `'${key.name}' expires ${formatUtc(key.endDateTime)}; ${formatUtc(options.endDateTime)} is ${shorter.words}`;
  if (!(io.stdin.isTTY && io.stderr.isTTY))
    throw new UsageError(`${what}: nothing was sent; pass --shorten to move the expiry earlier`);
  return confirmOnTerminal(io, `Shorten it? ${what}.`);
}

/**
 * The value given is sent only when proven. A value the dataplane refuses, or one that several
 * keys' hints match, is refused (nothing sent); one that cannot be asked about is kept back and
 * only the expiry goes, unless --verify or a vault wants the value, which then refuse.
 */
async function proveGiven(
  options: ExtendOptions,
  deps: CommandDeps,
  deployment: Deployment,
  key: ApiKey,
  keys: readonly ApiKey[],
  secret: string,
): Promise<Proof> {
  const proof = await proveValue(deps.gateway, deployment, key, secret, keys, deps.io.signal);
  switch (proof.outcome) {
    case 'proven':
      return proof;
    case 'notHint':
    case 'refused':
      throw new UsageError(`that value is not key '${key.name}': ${proof.said}; nothing was sent`);
    case 'ambiguous':
      throw new UsageError(
        `that value cannot be proven to be key '${key.name}': ${proof.said}; nothing was sent: leave out ${sourceFlag(options)} to change only the expiry`,
      );
    case 'unasked':
      if (options.verify || options.vaults.length > 0)
        throw new GatewayError(
          'invalid',
          `that value could not be proven to be key '${key.name}' (${proof.said}); nothing was sent: run it where the dataplane answers, or leave out ${sourceFlag(options)}${options.vaults.length > 0 ? ' and --emit' : ' and --verify'} to change only the expiry`,
        );
      return proof;
  }
}

/** The PUT and the read-back. An answer lost on the way leaves the expiry unknown; the secret is the same either way. */
async function sendExpiry(
  deps: CommandDeps,
  deployment: Deployment,
  key: ApiKey,
  endDateTime: Date,
  secret: string | undefined,
  proof: Proof | undefined,
): Promise<Extended> {
  try {
    // Let finish on a first Ctrl+C, with its read-back: once sent, only they tell what the key is now.
    return await letFinish(deps.io, `changes the expiry of key '${key.name}'`, (signal) =>
      extendKey(deps.gateway, deployment, key, endDateTime, { secret, signal }),
    );
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    if (error.kind === 'cancelled' && deps.io.forceSignal.aborted)
      throw new GatewayError(
        'cancelled',
        `the expiry of '${key.name}' may or may not have moved (the request had gone out; its secret is the same either way): check with ${keyCommand('show', deployment, key.name, deps)}`,
      );
    if (error.kind === 'invalid' && secret === undefined && proof?.outcome === 'unasked')
      throw new GatewayError(
        'invalid',
        `${error.message}; the value given was not sent, since it could not be proven to be '${key.name}' (${proof.said}): run it where the dataplane answers`,
        error.code,
        error.status,
      );
    const lost = error.kind === 'network' || (error.kind === 'unknown' && (error.status ?? 0) >= 500);
    if (!lost) throw error;
    throw new GatewayError(
      error.kind,
      `${error.message}; the expiry of '${key.name}' may or may not have moved (its secret is the same either way): check with ${keyCommand('show', deployment, key.name, deps)}`,
      error.code,
      error.status,
    );
  }
}
