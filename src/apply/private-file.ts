/**
 * A key handed to a program in a file, when it takes no standard input (`az … --configuration-
 * settings-file`): a folder of its own (0700) under the temporary folder, the file in it 0600 from
 * its first byte, both removed when the program is done, whatever it did.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSecretFile } from '../files/secret-file';

export async function withPrivateFile<T>(name: string, content: string, use: (path: string) => Promise<T>): Promise<T> {
  const folder = mkdtempSync(join(tmpdir(), 'nginxaas-keys-'));
  try {
    chmodSync(folder, 0o700);
    const path = join(folder, name);
    writeSecretFile(path, content);
    return await use(path);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
