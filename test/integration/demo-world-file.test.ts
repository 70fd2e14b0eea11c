/**
 * The emulator's world file between World objects, in-process (emulator/state-file.ts): a world
 * open in one place takes in what another wrote and never writes it away, and a lock whose owner
 * is gone is taken over. Between real processes (a wizard open beside a command): e2e/demo-world.test.ts.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { World } from '../../src/emulator/world';
import { sampleData, PRODUCTION } from '../../src/emulator/sample-data';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('world-file-');
const names = (path: string) =>
  (JSON.parse(readFileSync(path, 'utf8')) as { keys: { deployment: string; name: string }[] }).keys
    .filter((k) => k.deployment === 'web-01')
    .map((k) => k.name)
    .sort();

describe('one world file, two World objects', () => {
  it('a world open in one process takes in a key another wrote, and never writes it away', () => {
    const path = join(tempDir(), 'world.json');
    const open = new World(sampleData(new Date()), path);
    open.save();
    const beside = new World(JSON.parse(readFileSync(path, 'utf8')), path);
    const web = beside.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
    beside.putKey(web, 'made-beside', 'Beside-Secret-01', new Date(Date.now() + 86_400_000).toISOString());
    // The open world, still holding its old picture, deletes a key: the other's key stays.
    open.deleteKey(open.deployment(PRODUCTION, 'edge-rg', 'web-01')!, 'ci-2025');
    expect(names(path)).toEqual(['asg-sync', 'made-beside', 'nlk-prod']);
    open.refresh();
    expect(open.key(open.deployment(PRODUCTION, 'edge-rg', 'web-01')!, 'made-beside')?.secret).toBe('Beside-Secret-01');
  });

  it('a lock left by a process that is gone is taken over', () => {
    const path = join(tempDir(), 'world.json');
    const world = new World(sampleData(new Date()), path);
    // No process has pid 2^22 + 1 here (Linux's pid_max is 2^22 at most).
    writeFileSync(`${path}.lock`, String(4_194_305));
    world.save();
    expect(existsSync(path)).toBe(true);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });
});
