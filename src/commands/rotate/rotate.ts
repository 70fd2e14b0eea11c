/**
 * `nginxaas-keys rotate`: replace a key without an outage. A new key beside the old one, made
 * through the same path as `create`; the dataplane asked whether it takes it; handed off to the
 * same --emit targets; put in place at each --apply consumer and proven there (checked before the
 * key is made, rolled back on a failure); then, once the integrations use it (every consumer
 * proven, and Enter on a terminal or --yes), asked again, and only then the old key deleted or
 * given a shorter life (--retire). A failure at any step stops with both keys in place and names
 * the one command that continues.
 */
import { flag, text, type CommandValues } from '../shared/flags';
import { ROTATE_FLAGS } from './flags';
import { rotatedName } from '../../domain/key-name';
import { keyCommand } from '../../domain/resource-id';
import { GatewayError } from '../../port/gateway';
import { stopWords } from '../../port/io';
import { NOT_CHECKED } from '../../keys/verify';
import { UsageError } from '../../port/usage-error';
import { verifyNewKey } from '../create/create';
import type { CommandDeps } from '../shared/deps';
import { expiryText } from '../shared/format';
import { stoppedAfterIssue, reportIssuedText, reportVerification, secretWriteFailed } from '../shared/issued-report';
import { issueNewKey, readyDeployment } from '../shared/new-key';
import { parseNewKeyOptions, readSecret, type NewKeyOptions } from '../shared/new-key-options';
import { refuseStdoutToNowhere, reported } from '../shared/secret-output';
import { Custody } from '../../keys/custody';
import { existingKey, parseKeyName, parseTarget, type TargetOptions } from '../shared/target';
import {
  applyArgs,
  applyToConsumers,
  checkConsumers,
  parseApplyOptions,
  parseRetire,
  type ApplyOptions,
  type RetireHow,
} from '../shared/apply-step';
import type { Consumer } from '../../apply/consumer';
import { extendKey } from '../../keys/extend-key';
import { dryRun } from '../shared/dry-run';
import { sayFinishing } from '../shared/let-finish';
import { finishRotation, type Rotation, type Stage } from './rotation-end';
import { goOnUnchecked, provenRetire, switched, unprovenRetire } from './retire-questions';

export interface RotateOptions {
  target: TargetOptions;
  oldName: string;
  /** Undefined: the old name with the first free -2, -3, … suffix. */
  newName?: string;
  key: NewKeyOptions;
  retire: 'ask' | 'yes' | 'keep';
  /** What becomes of the old key: deleted (the default), or given a shorter life. */
  retireHow: RetireHow;
  /** The consumers that take the new key (--apply), and --dry-run. */
  apply: ApplyOptions;
  json: boolean;
  /** --no-verify: the dataplane is not asked; the new key is said to be not checked. */
  noVerify: boolean;
}

export function parseRotateOptions(values: CommandValues<typeof ROTATE_FLAGS>, now: Date): RotateOptions {
  const target = parseTarget(values);
  const oldName = parseKeyName(values);
  const newName = text(values, 'new-name') === undefined ? undefined : parseKeyName(values, 'new-name');
  if (newName?.toLowerCase() === oldName.toLowerCase())
    throw new UsageError('the new key needs a name of its own: pass another --new-name');
  if (flag(values, 'keep-old') && flag(values, 'yes')) throw new UsageError('use either --keep-old or --yes, not both');
  if (flag(values, 'keep-old') && text(values, 'retire') !== undefined)
    throw new UsageError('use either --keep-old or --retire, not both');
  const apply = parseApplyOptions(values);
  const retireHow = parseRetire(text(values, 'retire'), now);
  const key = parseNewKeyOptions(values, now, apply.targets.length);
  const retire = flag(values, 'yes') ? 'yes' : flag(values, 'keep-old') ? 'keep' : 'ask';
  const json = values.output === 'json';
  // The JSON document is the run's last word: a key held only there would be unheld when the old one goes.
  if (
    retire === 'yes' &&
    json &&
    key.source.kind === 'generate' &&
    key.secretOut === undefined &&
    key.emit.length === 0 &&
    apply.targets.length === 0
  )
    throw new UsageError(
      'with -o json the new key reaches you only in the document printed at the end, after --yes has deleted the old key: add --secret-out <file> or --emit, or leave out --yes and delete the old key once you hold the new one',
    );
  const noVerify = flag(values, 'no-verify');
  return { target, oldName, key, retire, retireHow, apply, json, noVerify, newName };
}

export async function runRotate(options: RotateOptions, deps: CommandDeps): Promise<number> {
  const { io, gateway } = deps;
  if (options.key.showSecret) refuseStdoutToNowhere(io);
  const secret = await readSecret(options.key, io);
  const deployment = await readyDeployment(deps, options.target);
  const old = await existingKey(gateway, deployment, options.oldName, io.signal, ' to rotate');
  const newName =
    options.newName ??
    rotatedName(
      old.name,
      (await gateway.listKeys(deployment, { signal: io.signal })).map((k) => k.name),
    );
  const { retireHow } = options;
  if (retireHow.kind === 'expire' && retireHow.endDateTime.getTime() >= old.endDateTime.getTime())
    throw new UsageError(
      `--retire expire=${retireHow.given} would not shorten '${old.name}', which expires ${expiryText(old.endDateTime, io.now())} already. Nothing was changed`,
    );
  // Every consumer is checked before the new key is made: a refusal leaves everything as it was.
  const consumers =
    options.apply.targets.length > 0 ? await checkConsumers(options.apply, deps, deployment, old, false) : [];
  if (options.apply.dryRun)
    return dryRun(deps, {
      deployment,
      old,
      newName,
      consumers,
      key: options.key,
      apply: options.apply,
      retire: { how: retireHow, when: options.retire },
      json: options.json,
    });

  const issued = await issueNewKey(deps, deployment, newName, options.key, secret, {
    replace: false,
    remedy: 'Pass another --new-name.',
    json: options.json,
  });
  const failedWrite = options.json ? undefined : await reportIssuedText(deployment, options.key, issued, io);
  if (!options.json && !failedWrite) reported(issued, options.key);
  // The new key reached nobody: it is taken back, and the old key is left as it was.
  if (failedWrite && options.key.showSecret)
    return secretWriteFailed(deps, deployment, options.key, issued, failedWrite);
  const rotation: Rotation = { deployment, old, issued, oldAction: 'kept' };
  const deleteOld = keyCommand('delete', deployment, old.name, deps);
  const again = [keyCommand('rotate', deployment, old.name, deps), ...applyArgs(options.apply)].join(' ');
  const stop = (stage: Stage, why: string) => {
    rotation.stoppedAt = { stage, why, next: stage === 'apply' ? again : `${deleteOld} --yes` };
  };

  const stopped = stoppedAfterIssue(options.key, issued, io);
  if (stopped !== undefined) {
    io.stderr.write(`The old key '${old.name}' was kept. Retire it later with: ${deleteOld}\n`);
    // A JSON run still prints its one document: the new key, and where the rotation stopped.
    if (options.json) {
      stop('verify', stopWords(io).why);
      await finishRotation(rotation, options, deps);
    }
    return stopped;
  }
  await checkSwitchAndRetire(rotation, options, deps, secret, stop, consumers);
  return finishRotation(rotation, options, deps);
}

/**
 * After the new key exists: check it, wait for the switch, check again, delete the old key. Each
 * step that cannot go on stops the rotation there (Ctrl+C during a check included) and leaves.
 */
async function checkSwitchAndRetire(
  rotation: Rotation,
  options: RotateOptions,
  deps: CommandDeps,
  secret: string,
  stop: (stage: Stage, why: string) => void,
  consumers: readonly Consumer[],
): Promise<void> {
  const { io, gateway } = deps;
  const { deployment, old, issued } = rotation;
  const endpoint = deployment.dataplaneApiEndpoint ?? '';
  // --no-verify: the dataplane is never asked, and every word says the new key was not checked.
  const check = () => (options.noVerify ? Promise.resolve(NOT_CHECKED) : verifyNewKey(endpoint, secret, deps));
  rotation.first = await check();
  // Ctrl+C while the new key is checked: stop here, both keys named (not "about the network").
  const stoppedHow = () => stopWords(io).why;
  if (io.signal.aborted) return stop('verify', `${stoppedHow()} while the new key was being checked`);
  if (!options.json) reportVerification(rotation.first, io, true);
  if (rotation.first.outcome === 'refused') return stop('verify', rotation.first.message);
  const failed = issued.handoffs.filter((h) => !h.ok);
  if (failed.length > 0) return stop('handoff', failed.map((h) => h.said).join('; '));
  if (consumers.length > 0) {
    const report = await applyToConsumers(consumers, secret, issued.custody, deps, deployment, issued.key.name);
    rotation.applied = report;
    // The report said where the key is (or that the consumers are back on the old one).
    issued.custody.told = Custody.held(issued.custody);
    if (report.failed) {
      const failure = report.results.find((r) => r.state === 'failed');
      const undone = report.rollbackFailed
        ? 'a rollback did not complete (see above)'
        : 'every consumer was rolled back';
      return stop('apply', `${failure?.where ?? 'a consumer'}: ${failure?.why ?? 'failed'}; ${undone}`);
    }
    if (io.signal.aborted) return stop('apply', `${stopWords(io).why} while the consumers were proven`);
    const retire = report.allProven
      ? await provenRetire(options, io, old, issued.key.name)
      : await unprovenRetire(report, options, io, old);
    if (!retire) return;
  } else if (!(await switched(options, io, old, issued.key.name))) return;
  rotation.second = options.noVerify ? undefined : await check();
  if (io.signal.aborted) return stop('verify-again', `${stoppedHow()} while the new key was being checked again`);
  if (rotation.second && !options.json) reportVerification(rotation.second, io, true, 'after the switch, ');
  if (rotation.second?.outcome === 'refused') return stop('verify-again', rotation.second.message);
  // Could not check from here: the old key goes only after a yes that says so (a person), or --no-verify (a script).
  if (rotation.second?.outcome === 'unreachable' && !(await goOnUnchecked(options, io, old, issued.key.name)))
    return stop(
      'verify-again',
      `${rotation.second.message}, so '${old.name}' was kept${options.retire === 'yes' ? ' (rotate --no-verify goes on without the check)' : ''}`,
    );
  // The custody record, not this path's memory, says whether anyone holds the new key.
  if (!Custody.delivered(issued.custody))
    return stop(
      'switch',
      `the secret of '${issued.key.name}' has reached no file, output or vault yet, so '${old.name}' was kept`,
    );
  if (io.signal.aborted) return stop('retire', `${stopWords(io).why} before '${old.name}' was retired`);
  // The delete is let finish on a first Ctrl+C (a second abandons it), so its outcome is known.
  const quiet = sayFinishing(
    io,
    options.retireHow.kind === 'expire' ? `shortens the old key '${old.name}'` : `deletes the old key '${old.name}'`,
  );
  try {
    if (options.retireHow.kind === 'expire') {
      const shortened = await extendKey(gateway, deployment, old, options.retireHow.endDateTime, {
        signal: io.forceSignal,
        purpose: 'retire-expire',
      });
      rotation.oldAction = 'shortened';
      rotation.shortenedTo = shortened.key.endDateTime;
      return;
    }
    // 204: it was gone before this DELETE (another's, or our retry meeting our first try's).
    const outcome = await gateway.deleteKey(deployment, old.name, { signal: io.forceSignal });
    rotation.oldAction = outcome === 'absent' ? 'already-gone' : 'deleted';
  } catch (error) {
    const failure = error instanceof GatewayError ? error : new GatewayError('unknown', String(error));
    const mayBeGone = failure.kind === 'cancelled' || failure.kind === 'network' || (failure.status ?? 500) >= 500;
    // Not known either way: the document does not say it was kept.
    if (mayBeGone) rotation.oldAction = 'unknown';
    const check = keyCommand('show', deployment, old.name, deps);
    const doing = options.retireHow.kind === 'expire' ? 'shortening' : 'deleting';
    stop(
      'retire',
      mayBeGone
        ? `${doing} '${old.name}' got no answer (${failure.plain}); it may be ${options.retireHow.kind === 'expire' ? 'shortened' : 'gone'} already: check with ${check}`
        : `${doing} '${old.name}' failed: ${failure.plain}`,
    );
  } finally {
    quiet();
  }
}
