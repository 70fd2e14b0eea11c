/**
 * Handing a new key to what consumes it, for `create`, `rotate` and the wizard: the files (NLK
 * values, nginx-asg-sync config, dotenv) are checked before any request, staged (0600) before the
 * PUT like a key file, and moved into place once the key exists — or may exist, so the secret is
 * held somewhere; a Key Vault secret is stored once the key exists, as a new version.
 */
import {
  handoffFile,
  handoffNextLines,
  handoffNextStep,
  type HandoffFacts,
  type HandoffTarget,
} from '../domain/handoff';
import { GatewayError, STORE_OUTCOME_UNKNOWN, type Gateway } from '../port/gateway';
import { describeFsError } from '../files/fs-error';
import {
  checkSecretOut,
  StagedFileLost,
  stageSecretFile,
  type FileNaming,
  type StagedSecretFile,
} from '../files/secret-file';
import { UsageError } from '../port/usage-error';
import { lstatSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export interface HandoffResult {
  target: HandoffTarget;
  ok: boolean;
  /** What was done, or why it failed, in words. */
  said: string;
  /** What the person does next (a command that reads the file, never the key). */
  next?: string;
  /** The same, in short lines for a terminal. */
  nextLines?: string[];
  /** A Key Vault store that may have been carried out although it failed: its newest version may hold the key. */
  uncertain?: boolean;
}

/** Every destination, checked before anything is sent: a file's path, and no two the same. */
export function checkHandoffTargets(targets: readonly HandoffTarget[], force: boolean, secretOut?: string): void {
  const seen = new Set<string>(secretOut !== undefined ? [placeOf(secretOut)] : []);
  for (const target of targets) {
    const where = target.kind === 'keyvault' ? target.url : target.path;
    const place = target.kind === 'keyvault' ? target.url.toLowerCase() : placeOf(target.path);
    if (seen.has(place)) throw new UsageError(`two destinations are the same: ${where}`);
    seen.add(place);
    if (target.kind !== 'keyvault') checkSecretOut(target.path, force, `--emit ${target.kind}`);
  }
}

/** A file hand-off whose destination is a regular file already: it is replaced only when asked. */
export function replacesAFile(target: HandoffTarget): boolean {
  if (target.kind === 'keyvault') return false;
  try {
    return lstatSync(target.path).isFile();
  } catch {
    return false;
  }
}

/** Where a file would really be: `x`, `./x` and `../here/x` are one place (its folder's real path). */
function placeOf(path: string): string {
  const full = resolve(path);
  try {
    return join(realpathSync(dirname(full)), basename(full));
  } catch {
    return full;
  }
}

export interface StagedHandoffs {
  files: { target: HandoffTarget & { path: string }; staged: StagedSecretFile }[];
}

/** `naming`: how a refusal names a file; a command's --emit flag unless told (the wizard says it in words). */
export function stageHandoffFiles(
  targets: readonly HandoffTarget[],
  facts: HandoffFacts,
  force: boolean,
  naming: (kind: HandoffTarget['kind']) => string | FileNaming = (kind) => `--emit ${kind}`,
): StagedHandoffs {
  const files: StagedHandoffs['files'] = [];
  try {
    for (const target of targets) {
      if (target.kind === 'keyvault') continue;
      files.push({
        target,
        staged: stageSecretFile(target.path, handoffFile(target.kind, facts), force, naming(target.kind)),
      });
    }
  } catch (error) {
    for (const file of files) file.staged.discard();
    throw error;
  }
  return { files };
}

export function discardHandoffFiles(staged: StagedHandoffs | undefined): void {
  for (const file of staged?.files ?? []) file.staged.discard();
}

/** Moves the staged files into place; when the key exists (`stored`), stores the vault secrets too. */
export async function deliverHandoffs(
  gateway: Gateway,
  targets: readonly HandoffTarget[],
  staged: StagedHandoffs | undefined,
  facts: HandoffFacts,
  options: {
    keyExists: boolean;
    /** The run's first signal: no store is started after it. */
    signal?: AbortSignal;
    /** The run's second signal: a store under way is let finish until it, so that its outcome is known. */
    forceSignal?: AbortSignal;
  },
): Promise<HandoffResult[]> {
  const results: HandoffResult[] = [];
  for (const file of staged?.files ?? []) {
    try {
      file.staged.commit();
      results.push({
        target: file.target,
        ok: true,
        said: `wrote ${file.target.path} (mode 0600)`,
        next: handoffNextStep(file.target),
        nextLines: handoffNextLines(file.target),
      });
    } catch (error) {
      results.push({
        target: file.target,
        ok: false,
        said:
          error instanceof StagedFileLost
            ? `could not write it to ${file.target.path}: ${error.message}`
            : `could not move it to ${file.target.path} (${describeFsError(error)}); it is in ${file.staged.stagingPath} (mode 0600)`,
      });
    }
  }
  for (const target of targets) {
    if (target.kind !== 'keyvault') continue;
    if (!options.keyExists) {
      results.push({ target, ok: false, said: `not stored in ${target.url}: it is not known whether the key exists` });
      continue;
    }
    if (options.signal?.aborted) {
      results.push({ target, ok: false, said: `not stored in ${target.url}: the run was stopped before it was sent` });
      continue;
    }
    try {
      const stored = await gateway.storeSecret(target, facts.secret, {
        expiresOn: facts.endDateTime,
        tags: { deployment: facts.deploymentId, keyName: facts.keyName },
        signal: options.forceSignal ?? options.signal,
      });
      results.push({
        target,
        ok: true,
        said: `stored as ${target.url}`,
        next: `Version ${stored.version}. ${handoffNextStep(target)}`,
        nextLines: [`Version ${stored.version}.`, ...handoffNextLines(target)],
      });
    } catch (error) {
      const uncertain = error instanceof GatewayError && error.code === STORE_OUTCOME_UNKNOWN;
      results.push({
        target,
        ok: false,
        said: `could not store it in ${target.url}: ${(error as Error).message}`,
        ...(uncertain ? { uncertain: true } : {}),
      });
    }
  }
  return results;
}
