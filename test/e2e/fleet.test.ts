/**
 * `list --all` over a fleet, as cron runs it: the built binary with its output in a pipe. The
 * whole JSON arrives (more than a pipe's 64 KiB), and text rows stream in the table's order.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fleetWorld } from '../../src/emulator/fleet';
import { envFor, runCli } from '../helpers/cli';
import { useEmulator } from '../helpers/emulator';
import { ROOT } from '../helpers/pty';
import { json } from '../helpers/schemas';

describe('list --all over a fleet', () => {
  it('prints the whole JSON document through a pipe, and text rows in order with the summary last', async () => {
    const emulator = await useEmulator({ data: fleetWorld({ subscriptions: 150, deployments: 3 }, new Date()) });
    const env = envFor(emulator);
    const asJson = await runCli(['list', '--all', '-o', 'json'], { env });
    expect(asJson.code).toBe(0);
    expect(asJson.stdout.length).toBeGreaterThan(65_536 * 2);
    const document = json(asJson.stdout);
    expect(document.deployments).toHaveLength(450);
    expect(document.summary.keys).toBe(450);

    const text = await runCli(['list', '--all'], { env });
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^DEPLOYMENT\s+RESOURCE GROUP\s+SUBSCRIPTION\s+NAME\s+HINT\s+EXPIRES\s+STATUS$/);
    const names = lines.slice(1, -1).map((line) => line.split(/\s+/)[0] ?? '');
    expect(names).toHaveLength(450);
    expect(names.slice(0, 4)).toEqual(['edge-0-0', 'edge-0-1', 'edge-0-2', 'edge-1-0']);
    expect(lines.at(-1)).toMatch(/of 450 keys expire within 30 days/);
  });

  it("holds V8's young generation while it sweeps (src/commands/release-memory.ts)", async () => {
    // Left to grow, it doubles to 32 MB (Node 20) or 64 MB (Node 24) over a sweep of this size:
    // most of the sweep's peak memory. Held, it stays at V8's small start (8 MB at most).
    const emulator = await useEmulator({ data: fleetWorld({ subscriptions: 150, deployments: 3 }, new Date()) });
    const file = join(mkdtempSync(join(tmpdir(), 'young-')), 'largest');
    const probe = join(ROOT, 'test', 'helpers', 'young-generation-probe.cjs');
    const swept = await runCli(['list', '--all', '-o', 'json'], {
      env: { ...envFor(emulator), NODE_OPTIONS: `--require ${probe}`, NGINXAAS_YOUNG_GENERATION_FILE: file },
    });
    expect(swept.code, swept.stderr).toBe(0);
    expect(json(swept.stdout).deployments).toHaveLength(450);
    expect(Number(readFileSync(file, 'utf8'))).toBeLessThanOrEqual(8 * 1024 * 1024);
  });

  it('the emulator command checks --seed-fleet and --latency before it starts', async () => {
    const bad = await runCli(['emulator', '--seed-fleet', '1000by3']);
    expect([bad.code, bad.stderr.split('\n')[0]]).toEqual([
      2,
      "error: --seed-fleet '1000by3' is not SUBSCRIPTIONSxDEPLOYMENTS (such as 1000x3, at most 100000 in all)",
    ]);
    const slow = await runCli(['emulator', '--latency', 'soon']);
    expect(slow.stderr.split('\n')[0]).toBe("error: --latency 'soon' is not a number of milliseconds (0 to 60000)");
  });
});
