/**
 * The --demo world kept between runs, so that a tutorial of create, list, show and delete works
 * as written: one JSON file in the user's state folder (0600, in a 0700 folder), the sample world
 * when there is none yet or it is to be started over. A file that is not a world (cut short, or
 * garbage) is never overwritten: it is kept beside as `demo-world.json.corrupt-<time>`, and said.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { readSmallFile } from '../files/small-file';

const MAX_WORLD_BYTES = 256 * 1024 * 1024;
import { dirname } from 'node:path';
import { isEmulatorData, type EmulatorData } from './data';
import { DEMO_VAULT, sampleData } from './sample-data';

export interface LoadedDemoWorld {
  data: EmulatorData;
  /** Words for the user when the file was damaged and set aside. */
  notice?: string;
}

export function loadDemoWorld(path: string, reset: boolean, now = new Date()): LoadedDemoWorld {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  if (reset) rmSync(path, { force: true });
  if (!existsSync(path)) return { data: sampleData(now) };
  // Only a regular file, read with a cap: a FIFO or a device put there must not hang the demo.
  const text = readSmallFile(path, MAX_WORLD_BYTES, 'the demo world');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (isEmulatorData(parsed))
    return { data: { ...parsed, vaults: parsed.vaults ?? [DEMO_VAULT], vaultSecrets: parsed.vaultSecrets ?? [] } };
  const aside = `${path}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  renameSync(path, aside);
  return {
    data: sampleData(now),
    notice: `The demo world in ${path} was damaged; it is kept as ${aside}, and the demo starts from the sample world.`,
  };
}
