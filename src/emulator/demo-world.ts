/**
 * The --demo world kept between runs, so that a tutorial of create, list, show and delete works
 * as written: one JSON file in the user's state folder (0600, in a 0700 folder), the sample world
 * when there is none yet or it is to be started over.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { isEmulatorData, type EmulatorData } from './data';
import { DEMO_VAULT, sampleData } from './sample-data';

export function loadDemoWorld(path: string, reset: boolean): EmulatorData {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  if (reset) rmSync(path, { force: true });
  if (existsSync(path)) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
      if (isEmulatorData(parsed))
        return { ...parsed, vaults: parsed.vaults ?? [DEMO_VAULT], vaultSecrets: parsed.vaultSecrets ?? [] };
    } catch {
      // A damaged file: start over from the sample world (it is rewritten at once).
    }
  }
  return sampleData(new Date());
}
