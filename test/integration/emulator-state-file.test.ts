/**
 * The emulator's state file in-process: a link planted at the name an older version used for its
 * temporary file is never followed. Its system calls through the built binary: e2e/emulator-state-file.test.ts.
 */
import { readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRODUCTION } from '../../src/emulator/sample-data';
import { useEmulator } from '../helpers/emulator';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('state-link-');

describe('the emulator’s state file', () => {
  it('a link planted at the old predictable name is never followed', async () => {
    const dir = tempDir();
    const state = join(dir, 'world.json');
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, '', { mode: 0o644 });
    symlinkSync(victim, `${state}.${process.pid}.tmp`);
    const emulator = await useEmulator({ statePath: state });
    const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
    emulator.world.putKey(web, 'saved', 'Saved-Secret-001', new Date(Date.now() + 86_400_000).toISOString());
    expect(readFileSync(victim, 'utf8')).toBe('');
    expect(readFileSync(state, 'utf8')).toContain('Saved-Secret-001');
    expect(statSync(state).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') && !f.includes(String(process.pid)))).toEqual([]);
  });
});
