/** The wizard's key console of web-01 in a real terminal (80×24) against an emulator of its own. */
import { PRODUCTION } from '../../src/emulator/sample-data';
import { envFor } from './cli';
import { keyNames, useEmulator } from './emulator';
import { BIN, runInPty } from './pty';
import { WEB_ARGV } from './sample';

export async function atWebConsole() {
  const emulator = await useEmulator();
  const run = runInPty(process.execPath, [BIN, ...WEB_ARGV], envFor(emulator), { cols: 80, rows: 24 });
  await run.waitFor('Keys of web-01');
  await run.waitFor('ci-2025');
  const names = () => keyNames(emulator, PRODUCTION, 'edge-rg', 'web-01');
  /** How many requests of `method` went to a path ending in `path` (its query aside). */
  const requested = (method: string, path: string) =>
    emulator.requests.filter((r) => r.method === method && r.path.split('?')[0]!.endsWith(path)).length;
  return { emulator, run, names, requested };
}
