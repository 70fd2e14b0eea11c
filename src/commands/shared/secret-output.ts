/**
 * Where a new key's secret goes out (stdout, its key file) and what happens when it reaches
 * nobody: a stdout that is /dev/null is refused before any request, a write is waited for and its
 * error returned, a staged key file that cannot be moved into place says where the key is, and a
 * live key whose secret nobody holds is deleted again, in honest words.
 */
import { fstatSync, statSync } from 'node:fs';
import { keyCommand } from '../../domain/resource-id';
import { GatewayError, type Deployment } from '../../port/gateway';
import type { Io } from '../../port/io';
import { UsageError } from '../../port/usage-error';
import type { CommandDeps } from './deps';
import { describeFsError } from '../../files/fs-error';
import { StagedFileLost, type StagedSecretFile } from '../../files/secret-file';
import { Custody, hold, madeWords, takenBackWords } from '../../keys/custody';
import type { IssuedKey } from './new-key';

/**
 * The key's report reached the user whole: they were told where it is (and with --show-secret,
 * stdout holds it). A key meant only for a consumer (--apply) is held nowhere yet: it is told of
 * once a consumer holds it, and taken back by the closing step if none ever does.
 */
export function reported(issued: IssuedKey, options: { showSecret: boolean }): void {
  if (options.showSecret) hold(issued.custody, { kind: 'stdout' });
  issued.custody.told = Custody.held(issued.custody);
}

/**
 * A live key whose secret nobody holds is deleted again, and the words say only what happened:
 * "deleted again" when the delete was answered, else the command that deletes it. Always throws.
 */
export async function takeBackUnheldKey(
  deps: CommandDeps,
  deployment: Deployment,
  name: string,
  why: string,
): Promise<never> {
  const entry = deps.custody.find(deployment, name);
  // From the record, so that no caller forgets them: the key it replaced, a vault that may hold it.
  const after = takenBackWords(entry);
  const made = madeWords(entry);
  try {
    const deleting = deps.gateway.deleteKey(deployment, name, { signal: AbortSignal.timeout(15_000) });
    if (entry) entry.takingBack = deleting;
    await deleting;
  } catch (error) {
    const failure = error instanceof GatewayError ? error.plain : String(error);
    // The words below name the key and the command that deletes it.
    if (entry) entry.told = true;
    throw new GatewayError(
      'unknown',
      `key '${name}' ${made}, but ${why}, and deleting it again failed too (${failure}): nobody holds its secret. Delete it with: ${keyCommand('delete', deployment, name, deps)} --yes`,
    );
  }
  if (entry) {
    entry.state = 'gone';
    entry.holders = [];
  }
  throw new GatewayError('unknown', `key '${name}' ${made}, but ${why}, so it was deleted again.${after}`);
}

/**
 * --show-secret into /dev/null (or a stdout that was closed, which Node opens on /dev/null): the key
 * would reach nobody, so it is refused before any request.
 */
export function refuseStdoutToNowhere(io: Io): void {
  const fd = (io.stdout as { fd?: unknown }).fd;
  if (typeof fd !== 'number') return;
  try {
    const out = fstatSync(fd);
    const nowhere = statSync('/dev/null');
    if (out.isCharacterDevice() && out.rdev === nowhere.rdev)
      throw new UsageError(
        '--show-secret prints the key on standard output, which goes to /dev/null (or was closed): nobody could read it; use --secret-out <file>',
      );
  } catch (error) {
    if (error instanceof UsageError) throw error;
  }
}

/** Writes to stdout and waits for the write to be done: an error (ENOSPC, EPIPE) is returned. */
export function writeOut(io: Io, text: string): Promise<Error | undefined> {
  return new Promise((resolve) => {
    const onError = (error: Error) => resolve(error);
    io.stdout.once('error', onError);
    io.stdout.write(text, (error?: Error | null) => {
      // A failed write also emits 'error' after this: the listener stays to take it.
      if (!error) io.stdout.removeListener('error', onError);
      resolve(error ?? undefined);
    });
  });
}

/**
 * Moves a staged key file into place; a failure says where the key waits instead. `lost`: its
 * staged copy was taken away and could not be written again, so the file holds it nowhere.
 */
export function keepKeyFile(
  staged: StagedSecretFile | undefined,
  name: string,
  certain: boolean,
): { ok: true } | { ok: false; lost: boolean; message: string; why: string } {
  if (!staged) return { ok: true };
  const made = certain ? 'was created' : 'may exist';
  try {
    staged.commit();
    return { ok: true };
  } catch (error) {
    if (error instanceof StagedFileLost) {
      const why = `its file could not be written to ${staged.path}: ${error.message}`;
      return { ok: false, lost: true, why, message: `key '${name}' ${made}, but ${why}` };
    }
    // The key may exist now: never lose the only copy of it.
    const why = `its file could not be moved to ${staged.path} (${describeFsError(error)})`;
    return {
      ok: false,
      lost: false,
      why,
      message: `key '${name}' ${made}, but ${why}; the key is in ${staged.stagingPath} (mode 0600)`,
    };
  }
}
