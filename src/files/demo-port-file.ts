/**
 * The demo emulator's port, kept between runs beside the demo's world: a hand-off file written
 * in one demo (an NLK values file, a dotenv file) names https://127.0.0.1:<port>/…, and it should
 * still answer in the next demo. State, not a setting: a damaged or missing file is forgotten.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeSecretFile } from './secret-file';
import { readSmallFile } from './small-file';

export function rememberedDemoPort(path: string): number | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const port = (JSON.parse(readSmallFile(path, 4096, 'the demo port file')) as { port?: unknown }).port;
    return typeof port === 'number' && Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
  } catch {
    return undefined;
  }
}

export function rememberDemoPort(path: string, port: number): void {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeSecretFile(path, `${JSON.stringify({ port })}\n`);
  } catch {
    // Only the port of the next demo: not worth a word.
  }
}
