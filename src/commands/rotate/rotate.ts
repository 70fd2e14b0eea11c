/**
 * `nginxaas-keys rotate`: replace a key without an outage. A new key beside the old one, made
 * through the same path as `create`; the dataplane asked whether it takes it; handed off to the
 * same --emit targets; then, once the integrations use it (Enter on a terminal, or --yes), asked
 * again, and only then the old key deleted. A failure at any step stops with both keys in place and
 * names the one command that continues.
 */
import { flag, ROTATE_FLAGS, text, type CommandValues } from '../shared/flags';
import { rotatedName } from '../../domain/key-name';
import { keyCommand } from '../../domain/resource-id';
import { GatewayError, type ApiKey, type Deployment } from '../../port/gateway';
import { EXIT, stopWords, type Io } from '../../port/io';
import { NOT_CHECKED, type Verification } from '../../keys/verify';
import { figures } from '../../term/style';
import { UsageError } from '../../port/usage-error';
import { confirmOnTerminal } from '../shared/ask';
import { verifyNewKey } from '../create/create';
import type { CommandDeps } from '../shared/deps';
import { expiryText } from '../shared/format';
import {
  stoppedAfterIssue,
  issuedDocument,
  reportIssuedText,
  reportVerification,
  secretWriteFailed,
} from '../shared/issued-report';
import {
  issueNewKey,
  parseNewKeyOptions,
  readSecret,
  readyDeployment,
  type IssuedKey,
  type NewKeyOptions,
} from '../shared/new-key';
import { refuseStdoutToNowhere, reported, writeOut } from '../shared/secret-output';
import { Custody } from '../../keys/custody';
import { existingKey, parseKeyName, parseTarget, type TargetOptions } from '../shared/target';

export interface RotateOptions {
  target: TargetOptions;
  oldName: string;
  /** Undefined: the old name with the first free -2, -3, … suffix. */
  newName?: string;
  key: NewKeyOptions;
  retire: 'ask' | 'yes' | 'keep';
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
  const key = parseNewKeyOptions(values, now);
  const retire = flag(values, 'yes') ? 'yes' : flag(values, 'keep-old') ? 'keep' : 'ask';
  const json = values.output === 'json';
  // The JSON document is the run's last word: a key held only there would be unheld when the old one goes.
  if (
    retire === 'yes' &&
    json &&
    key.source.kind === 'generate' &&
    key.secretOut === undefined &&
    key.emit.length === 0
  )
    throw new UsageError(
      'with -o json the new key reaches you only in the document printed at the end, after --yes has deleted the old key: add --secret-out <file> or --emit, or leave out --yes and delete the old key once you hold the new one',
    );
  const noVerify = flag(values, 'no-verify');
  return { target, oldName, key, retire, json, noVerify, ...(newName ? { newName } : {}) };
}

type Stage = 'verify' | 'handoff' | 'switch' | 'verify-again' | 'retire';

interface Rotation {
  deployment: Deployment;
  old: ApiKey;
  issued: IssuedKey;
  first?: Verification;
  second?: Verification;
  oldAction: 'deleted' | 'kept' | 'already-gone';
  stoppedAt?: { stage: Stage; why: string; next: string };
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
  const stop = (stage: Stage, why: string) => {
    rotation.stoppedAt = { stage, why, next: `${deleteOld} --yes` };
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
  await checkSwitchAndRetire(rotation, options, deps, secret, stop);
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
  if (!(await switched(options, io, old, issued.key.name))) return;
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
  // The delete is let finish on a first Ctrl+C (a second abandons it), so its outcome is known.
  try {
    await gateway.deleteKey(deployment, old.name, { signal: io.forceSignal });
    rotation.oldAction = 'deleted';
  } catch (error) {
    const failure = error instanceof GatewayError ? error : new GatewayError('unknown', String(error));
    const mayBeGone = failure.kind === 'cancelled' || failure.kind === 'network' || (failure.status ?? 500) >= 500;
    const check = keyCommand('show', deployment, old.name, deps);
    stop(
      'retire',
      mayBeGone
        ? `deleting '${old.name}' got no answer (${failure.plain}); it may be gone already: check with ${check}`
        : `deleting '${old.name}' failed: ${failure.plain}`,
    );
  }
}

/**
 * The dataplane could not be asked after the switch: a person may go on after a yes that says the
 * new key was not checked; a script (--yes) stops, and --no-verify is how it goes on.
 */
async function goOnUnchecked(options: RotateOptions, io: Io, old: ApiKey, newName: string): Promise<boolean> {
  if (options.retire !== 'ask' || !(io.stdin.isTTY && io.stderr.isTTY)) return false;
  return confirmOnTerminal(
    io,
    `'${newName}' was not checked: it could not be asked from here. Delete '${old.name}' (hint ${old.hint}) all the same?`,
  );
}

/** Whether the integrations use the new key now: --yes says so; on a terminal, Enter does. */
async function switched(options: RotateOptions, io: Io, old: ApiKey, newName: string): Promise<boolean> {
  if (options.retire === 'yes') return true;
  if (options.retire === 'keep' || !(io.stdin.isTTY && io.stderr.isTTY)) return false;
  io.stderr.write(`Now move what uses '${old.name}' to '${newName}' (see "next" above: restart what reads the key).\n`);
  return confirmOnTerminal(
    io,
    `Does everything use '${newName}' now? Yes checks it once more and deletes '${old.name}' (hint ${old.hint}).`,
  );
}

async function finishRotation(rotation: Rotation, options: RotateOptions, deps: CommandDeps): Promise<number> {
  const { io } = deps;
  const { deployment, old, issued } = rotation;
  if (options.json) {
    const rotatedFrom = {
      name: old.name,
      hint: old.hint,
      endDateTime: old.endDateTime.toISOString(),
      action: rotation.oldAction,
    };
    const document = {
      ...issuedDocument(deployment, options.key, issued, io.now(), rotation.first),
      rotatedFrom,
      ...(rotation.second ? { verificationAfterSwitch: rotation.second } : {}),
      newKeyChecked: checkedOnDataplane(rotation),
      ...(rotation.stoppedAt ? { stoppedAt: rotation.stoppedAt } : {}),
    };
    const failed = await writeOut(io, `${JSON.stringify(document, null, 2)}\n`);
    deps.custody.documentPrinted = true;
    if (failed && options.key.showSecret) return secretWriteFailed(deps, deployment, options.key, issued, failed);
    if (!failed) reported(issued, options.key);
  }
  if (rotation.stoppedAt) {
    const { stage, why, next } = rotation.stoppedAt;
    const keys =
      stage === 'retire'
        ? `'${issued.key.name}' is the new key; the old key '${old.name}' may still be there. To finish, once it is unused: ${next}`
        : `Both keys are in place: '${old.name}' still works until ${expiryText(old.endDateTime, io.now())}, and '${issued.key.name}' is new. When '${issued.key.name}' works for your integrations, finish with: ${next}`;
    io.stderr.write(`${io.err('danger', figures.fail)} Rotation stopped at ${stage}: ${why}. ${keys}\n`);
    return io.signal.aborted ? stopWords(io).exit : EXIT.failed;
  }
  if (rotation.oldAction === 'kept') {
    io.stderr.write(
      `The old key '${old.name}' still works until ${expiryText(old.endDateTime, io.now())}. When your integrations use '${issued.key.name}', retire it: ${keyCommand('delete', deployment, old.name, deps)}\n`,
    );
  } else {
    const unchecked = checkedOnDataplane(rotation)
      ? ''
      : ` It was not checked on the dataplane: make sure what uses it works.`;
    io.stderr.write(
      `${io.err('success', figures.pass)} Deleted the old key '${old.name}'. Rotation done: '${issued.key.name}' is the key now.${unchecked}\n`,
    );
  }
  return EXIT.ok;
}

/** Whether the dataplane took the new key at either check. */
function checkedOnDataplane(rotation: Rotation): boolean {
  return rotation.first?.outcome === 'accepted' || rotation.second?.outcome === 'accepted';
}
