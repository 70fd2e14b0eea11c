/**
 * `nginxaas-keys create`: every check (deployment, name, expiry, key policy, where the key goes
 * and where it is handed off) before any request; then the one create path, so an existing key is
 * replaced only with --replace and a lost answer never loses the key; then, with --verify, the
 * dataplane is asked whether it takes the key; with --apply (first-time setup), each consumer is
 * checked before the key is made, given it once the dataplane takes it, and proven, or rolled back.
 */
import { flag, type CommandValues } from '../shared/flags';
import { CREATE_FLAGS } from './flags';
import { EXIT, stopWords, type Io, sayProgress } from '../../port/io';
import { verifyWithPatience, type Verification } from '../../keys/verify';
import type { CommandDeps } from '../shared/deps';
import {
  stoppedAfterIssue,
  issuedDocument,
  reportIssuedText,
  reportVerification,
  secretWriteFailed,
} from '../shared/issued-report';
import { issueNewKey, readyDeployment } from '../shared/new-key';
import { stoppedJson } from '../shared/let-finish';
import { parseNewKeyOptions, readSecret, type NewKeyOptions } from '../shared/new-key-options';
import { refuseStdoutToNowhere, reported, writeOut } from '../shared/secret-output';
import { parseKeyName, parseTarget, type TargetOptions } from '../shared/target';
import {
  appliedJson,
  applyToConsumers,
  checkConsumers,
  parseApplyOptions,
  type ApplyOptions,
} from '../shared/apply-step';
import { dryRun } from '../shared/dry-run';
import type { ApplyReport } from '../../apply/finish';

export interface CreateOptions {
  target: TargetOptions;
  name: string;
  key: NewKeyOptions;
  replace: boolean;
  verify: boolean;
  apply: ApplyOptions;
  json: boolean;
}

export function parseCreateOptions(values: CommandValues<typeof CREATE_FLAGS>, now: Date): CreateOptions {
  const target = parseTarget(values);
  const name = parseKeyName(values);
  const apply = parseApplyOptions(values);
  const key = parseNewKeyOptions(values, now, apply.targets.length);
  return {
    target,
    name,
    key,
    replace: flag(values, 'replace'),
    // A key is put in place at a consumer only once the dataplane takes it.
    verify: flag(values, 'verify') || apply.targets.length > 0,
    apply,
    json: values.output === 'json',
  };
}

/** How long a new key is given to reach the dataplane (NGINXAAS_KEYS_VERIFY_WAIT_MS tunes it). */
export function verifyWaitMs(io: Io): number | undefined {
  const text = io.env.NGINXAAS_KEYS_VERIFY_WAIT_MS;
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

/** Asks the dataplane, showing the wait on stderr while a new key is still refused. */
export async function verifyNewKey(endpoint: string, secret: string, deps: CommandDeps): Promise<Verification> {
  const { io } = deps;
  let said = false;
  const waitMs = verifyWaitMs(io);
  return verifyWithPatience(deps.gateway, endpoint, secret, {
    waitMs,
    signal: io.signal,
    onWait: (secondsLeft) => {
      if (said) return;
      said = true;
      sayProgress(io, `The dataplane does not take the key yet; trying again for up to ${secondsLeft} s…`);
    },
  });
}

export async function runCreate(options: CreateOptions, deps: CommandDeps): Promise<number> {
  const { io } = deps;
  if (options.key.showSecret) refuseStdoutToNowhere(io);
  const secret = await readSecret(options.key, io);
  const deployment = await readyDeployment(deps, options.target);
  // Every consumer is checked before the key is made: a refusal leaves everything as it was.
  const consumers =
    options.apply.targets.length > 0 ? await checkConsumers(options.apply, deps, deployment, undefined, true) : [];
  if (options.apply.dryRun)
    return dryRun(deps, {
      deployment,
      newName: options.name,
      consumers,
      key: options.key,
      apply: options.apply,
      json: options.json,
    });
  const issued = await issueNewKey(deps, deployment, options.name, options.key, secret, {
    replace: options.replace,
    remedy: 'Pass --replace to replace it.',
    json: options.json,
  });
  const verification = options.verify
    ? await verifyNewKey(deployment.dataplaneApiEndpoint ?? '', secret, deps)
    : undefined;
  let applied: ApplyReport | undefined;
  // A key the dataplane refused is not put anywhere; one that could not be asked from here is (the proofs tell).
  if (consumers.length > 0 && verification?.outcome !== 'refused' && !io.signal.aborted) {
    applied = await applyToConsumers(consumers, secret, issued.custody, deps, deployment, issued.key.name);
  } else if (consumers.length > 0)
    io.stderr.write(
      `${io.err('warning', 'note:')} the consumers were not changed: ${
        io.signal.aborted
          ? `${stopWords(io).why} before they were`
          : `the dataplane did not take the new key (${verification?.message ?? 'not checked'})`
      }.\n`,
    );
  let failedWrite: Error | undefined;
  if (options.json) {
    const document = {
      ...issuedDocument(deployment, options.key, issued, io.now(), verification),
      applied: applied && appliedJson(applied),
      ...stoppedJson(io),
    };
    failedWrite = await writeOut(io, `${JSON.stringify(document, null, 2)}\n`);
    deps.custody.documentPrinted = true;
  } else {
    failedWrite = await reportIssuedText(deployment, options.key, issued, io);
    if (verification) reportVerification(verification, io, options.key.showSecret);
  }
  if (!failedWrite) reported(issued, options.key);
  if (failedWrite && options.key.showSecret)
    return secretWriteFailed(deps, deployment, options.key, issued, failedWrite);
  const stopped = stoppedAfterIssue(options.key, issued, io);
  if (stopped !== undefined) return stopped;
  const handoffFailed = issued.handoffs.some((h) => !h.ok);
  const applyFailed = consumers.length > 0 && (applied === undefined || applied.failed);
  return verification?.outcome === 'refused' || handoffFailed || issued.raced || applyFailed ? EXIT.failed : EXIT.ok;
}
