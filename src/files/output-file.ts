/**
 * --output-file: a command's output written to a temporary file beside the destination and then
 * renamed over it, so that a reader (node_exporter's textfile collector, a cron job) never sees
 * half a file. Mode 0644: such a file is read by another user. Never for output that holds a key.
 */
import { checkSecretOut, writeSecretFile } from './secret-file';

/** Before any request: a folder that exists and can be written, and no link or folder at the path. */
export function checkOutputFile(path: string): void {
  checkSecretOut(path, true, '--output-file');
}

export function writeOutputFile(path: string, content: string): void {
  writeSecretFile(path, content, 0o644);
}
