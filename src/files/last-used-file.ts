/**
 * What the wizard remembers between runs: the deployment last used, per profile (state, not a
 * setting: it lives in the state folder). JSON, 0600, replaced by rename; a damaged file is
 * forgotten rather than refused, since it only orders a list.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeSecretFile } from './secret-file';
import { readSmallFile } from './small-file';

interface LastUsed {
  /** Without a profile. */
  none?: string;
  profiles: Record<string, string>;
}

function read(path: string): LastUsed {
  if (!existsSync(path)) return { profiles: {} };
  try {
    const parsed = JSON.parse(readSmallFile(path, 64 * 1024, 'the last-used file')) as Partial<LastUsed>;
    const profiles: Record<string, string> = {};
    for (const [name, id] of Object.entries(parsed.profiles ?? {})) if (typeof id === 'string') profiles[name] = id;
    return { none: typeof parsed.none === 'string' ? parsed.none : undefined, profiles };
  } catch {
    return { profiles: {} };
  }
}

/** The deployment id last used with `profile` (none: without one). */
export function lastUsedDeployment(path: string, profile: string | undefined): string | undefined {
  const known = read(path);
  return profile === undefined ? known.none : known.profiles[profile];
}

export function rememberDeployment(path: string, profile: string | undefined, deploymentId: string): void {
  const known = read(path);
  const next: LastUsed =
    profile === undefined
      ? { ...known, none: deploymentId }
      : { ...known, profiles: { ...known.profiles, [profile]: deploymentId } };
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeSecretFile(path, `${JSON.stringify(next, null, 2)}\n`);
}
