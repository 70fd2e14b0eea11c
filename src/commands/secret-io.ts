/**
 * Where a key comes from (standard input, a file) and where a generated key goes (a file, mode
 * 0600, written atomically and never over an existing file unless asked).
 */
import { existsSync, linkSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UsageError } from '../cli-options';

/** One trailing line break is what `echo` and editors add; it is not part of the key. */
function withoutFinalNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

export async function readSecretFromStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  const text = withoutFinalNewline(Buffer.concat(chunks).toString('utf8'));
  if (text === '') throw new UsageError('standard input held no key');
  return text;
}

export async function readSecretFile(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the key file '${path}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  text = withoutFinalNewline(text);
  if (text === '') throw new UsageError(`the key file '${path}' is empty`);
  return text;
}

/**
 * A key file staged beside its destination before the key is created, so that a failed write
 * cannot leave a created key that nobody has; `commit` moves it into place, `discard` removes it.
 */
export interface StagedSecretFile {
  path: string;
  /** Where the key waits (mode 0600) until commit. */
  stagingPath: string;
  commit(): void;
  discard(): void;
}

export function checkSecretOut(path: string, force: boolean): void {
  if (existsSync(path) && !force) throw new UsageError(`'${path}' exists; pass --force to replace it`);
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`the folder of '${path}' does not exist`);
}

export function stageSecretFile(path: string, secret: string, force: boolean): StagedSecretFile {
  checkSecretOut(path, force);
  const staging = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  // Exactly the key, no line break: `helm --set-file` and `base64 < file` take the file whole.
  writeFileSync(staging, secret, { mode: 0o600, flag: 'wx' });
  return {
    path,
    stagingPath: staging,
    commit() {
      if (force) {
        renameSync(staging, path);
        return;
      }
      // link() fails if the destination appeared meanwhile: never overwrite without --force.
      linkSync(staging, path);
      unlinkSync(staging);
    },
    discard() {
      try {
        unlinkSync(staging);
      } catch {
        // Already gone.
      }
    },
  };
}
