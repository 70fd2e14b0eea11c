/**
 * How a rotation ends: its one JSON document, and its last words on stderr — done, the old key kept
 * or shortened, or stopped at a stage with the command that continues — and the exit code.
 */
import type { ApiKey, Deployment } from '../../port/gateway';
import { EXIT, stopWords } from '../../port/io';
import type { Verification } from '../../keys/verify';
import { figures } from '../../term/style';
import type { CommandDeps } from '../shared/deps';
import { expiryText } from '../shared/format';
import { issuedDocument, secretWriteFailed } from '../shared/issued-report';
import type { IssuedKey } from '../shared/new-key';
import { reported, writeOut } from '../shared/secret-output';
import { Custody } from '../../keys/custody';
import { keyCommand } from '../../domain/resource-id';
import { appliedJson } from '../shared/apply-step';
import type { ApplyReport } from '../../apply/finish';
import { stoppedAfterChange, stoppedJson } from '../shared/let-finish';
import type { RotateOptions } from './rotate';

export type Stage = 'verify' | 'handoff' | 'apply' | 'switch' | 'verify-again' | 'retire';

export interface Rotation {
  deployment: Deployment;
  old: ApiKey;
  issued: IssuedKey;
  first?: Verification;
  second?: Verification;
  /** 'unknown': its DELETE or PUT got no answer, so it may be retired already, or not. */
  oldAction: 'deleted' | 'kept' | 'already-gone' | 'shortened' | 'unknown';
  /** The old key's expiry after --retire expire=. */
  shortenedTo?: Date;
  /** What the --apply consumers did. */
  applied?: ApplyReport;
  stoppedAt?: { stage: Stage; why: string; next: string };
}

export async function finishRotation(rotation: Rotation, options: RotateOptions, deps: CommandDeps): Promise<number> {
  const { io } = deps;
  const { deployment, old, issued } = rotation;
  if (options.json) {
    const rotatedFrom = {
      name: old.name,
      hint: old.hint,
      endDateTime: old.endDateTime.toISOString(),
      action: rotation.oldAction,
      shortenedTo: rotation.shortenedTo?.toISOString(),
    };
    const document = {
      ...issuedDocument(deployment, options.key, issued, io.now(), rotation.first),
      applied: rotation.applied && appliedJson(rotation.applied),
      rotatedFrom,
      verificationAfterSwitch: rotation.second,
      newKeyChecked: checkedOnDataplane(rotation),
      stoppedAt: rotation.stoppedAt,
      // Stopped (a signal, the time limit) while the old key was retired, which was let finish.
      ...(rotation.stoppedAt ? {} : stoppedJson(io)),
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
        : stage === 'apply'
          ? `'${old.name}' stays, and ${rotation.applied?.rollbackFailed ? 'not every consumer could be put back on it (see above)' : 'what uses it is back on it'}. ${Custody.held(issued.custody) ? `'${issued.key.name}' stays too, unused (delete it with ${keyCommand('delete', deployment, issued.key.name, deps)} --yes).` : `'${issued.key.name}' is held nowhere now, so it is deleted again.`} Once the cause is fixed, run the rotation again: ${next}`
          : `Both keys are in place: '${old.name}' still works until ${expiryText(old.endDateTime, io.now())}, and '${issued.key.name}' is new. When '${issued.key.name}' works for your integrations, finish with: ${next}`;
    io.stderr.write(`${io.err('danger', figures.fail)} Rotation stopped at ${stage}: ${why}. ${keys}\n`);
    return io.signal.aborted ? stopWords(io).exit : EXIT.failed;
  }
  if (rotation.oldAction === 'shortened') {
    io.stderr.write(
      `${io.err('success', figures.pass)} The old key '${old.name}' now expires ${expiryText(rotation.shortenedTo ?? old.endDateTime, io.now())}, kept as the last good one until then. Rotation done: '${issued.key.name}' is the key now.\n`,
    );
    return stoppedAfterChange(io, `shortened the old key '${old.name}'`) ?? EXIT.ok;
  }
  if (rotation.oldAction === 'kept') {
    io.stderr.write(
      `The old key '${old.name}' still works until ${expiryText(old.endDateTime, io.now())}. When your integrations use '${issued.key.name}', retire it: ${keyCommand('delete', deployment, old.name, deps)}\n`,
    );
  } else {
    const unchecked = checkedOnDataplane(rotation)
      ? ''
      : ` It was not checked on the dataplane: make sure what uses it works.`;
    const gone = rotation.oldAction === 'already-gone';
    io.stderr.write(
      `${io.err('success', figures.pass)} ${gone ? `The old key '${old.name}' was already gone` : `Deleted the old key '${old.name}'`}. Rotation done: '${issued.key.name}' is the key now.${unchecked}\n`,
    );
    return (
      stoppedAfterChange(
        io,
        gone ? `answered that the old key '${old.name}' was gone already` : `deleted the old key '${old.name}'`,
      ) ?? EXIT.ok
    );
  }
  return EXIT.ok;
}

/** Whether the dataplane took the new key at either check. */
function checkedOnDataplane(rotation: Rotation): boolean {
  return rotation.first?.outcome === 'accepted' || rotation.second?.outcome === 'accepted';
}
