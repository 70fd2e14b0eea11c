/**
 * The demo keeps its emulator's port between runs, so a file handed off in one demo names an
 * endpoint that answers in the next; where that port is taken, the demo takes another and says
 * that the files of before name the old one.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { BIN, runInPty } from '../helpers/pty';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('demo-port-');
const portOf = (url: string) => Number(/^https:\/\/127\.0\.0\.1:(\d+)\//m.exec(url)?.[1]);

function hold(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('the demo emulator port', () => {
  it('is the same in the next demo, so a hand-off file of before still names it', async () => {
    const home = tempDir();
    const env = { XDG_STATE_HOME: join(home, 'state') };
    const made = await runCli(['create', '--demo', '-d', 'web-01', '--name', 'kept-port', '--emit', 'env=x.env'], {
      env,
      cwd: home,
    });
    expect(made.code, made.stderr).toBe(0);
    const handedOff = readFileSync(join(home, 'x.env'), 'utf8');
    const next = await runCli(['endpoint', 'web-01', '--demo'], { env });
    expect(next.code, next.stderr).toBe(0);
    expect(handedOff).toContain(next.stdout.trim());
    expect(next.stderr).toBe('');
  });

  it('taken by another program: another port, said with the old one, and remembered', async () => {
    const env = { XDG_STATE_HOME: join(tempDir(), 'state') };
    const first = portOf((await runCli(['endpoint', 'web-01', '--demo'], { env })).stdout);
    const squatter = await hold(first);
    try {
      const moved = await runCli(['endpoint', 'web-01', '--demo'], { env });
      expect(moved.code).toBe(0);
      const second = portOf(moved.stdout);
      expect(second).not.toBe(first);
      expect(moved.stderr).toContain(
        `The demo's emulator is on port ${second} this time (its port of before, ${first}, is taken): files handed off in an earlier demo name https://127.0.0.1:${first}/ and reach no demo now.`,
      );
      const again = await runCli(['endpoint', 'web-01', '--demo'], { env });
      expect([portOf(again.stdout), again.stderr]).toEqual([second, '']);
    } finally {
      squatter.close();
    }
  });

  it('said on a terminal, the notice is laid out to its width: no word broken by the terminal', async () => {
    const env = { XDG_STATE_HOME: join(tempDir(), 'state') };
    const first = portOf((await runCli(['endpoint', 'web-01', '--demo'], { env })).stdout);
    const squatter = await hold(first);
    try {
      const run = runInPty(
        process.execPath,
        [BIN, 'endpoint', 'web-01', '--demo'],
        { ...env, NO_COLOR: '1' },
        {
          cols: 60,
          rows: 20,
        },
      );
      expect(await run.exit).toBe(0);
      // The notice's rows (the endpoint printed after it is a URL wider than the terminal: whole, as output).
      const all = run.rows();
      const start = all.findIndex((row) => row.text.startsWith("The demo's emulator"));
      const end = all.findIndex((row, i) => i >= start && row.text.endsWith('now.'));
      expect([start >= 0, end >= start]).toEqual([true, true]);
      const rows = all.slice(start, end + 1);
      expect(rows.filter((row) => row.wrapped || row.full)).toEqual([]);
      expect(rows.map((row) => row.text.trim()).join(' ')).toContain(
        `(its port of before, ${first}, is taken): files handed off in an earlier demo name https://127.0.0.1:${first}/ and reach no demo now.`,
      );
    } finally {
      squatter.close();
    }
  });
});
