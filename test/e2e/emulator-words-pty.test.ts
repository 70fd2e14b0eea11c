/**
 * What `nginxaas-keys emulator` prints in a terminal: every row shorter than the terminal (never
 * wrapped by it), and the curl command to paste on lines of its own, laid out as a shell reads it,
 * so that joined back it is the command, with the CA file, token and URL the other lines name.
 */
import { describe, expect, it } from 'vitest';
import { BIN, KEY, runInPty } from '../helpers/pty';

describe.each([120])('the emulator at %i columns', (cols) => {
  it('prints rows shorter than the terminal and a curl command that joins back whole', async () => {
    const run = runInPty(process.execPath, [BIN, 'emulator'], { NO_COLOR: '1' }, { cols, rows: 40 });
    await run.waitFor('Ctrl+C stops it.');
    const rows = run.rows().filter((row) => row.text !== '');
    expect(rows.filter((row) => row.wrapped || row.full)).toEqual([]);
    const screen = run.screen();
    const url = /export NGINXAAS_ARM_ENDPOINT=(\S+)/.exec(screen)?.[1] ?? 'no url';
    const caFile = /export NGINXAAS_ARM_CA=(\S+)/.exec(screen)?.[1] ?? 'no CA file';
    const token = /export NGINXAAS_ACCESS_TOKEN=(\S+)/.exec(screen)?.[1] ?? 'no token';
    const after = screen.slice(screen.indexOf('Or:\n') + 'Or:\n'.length).split('\n');
    const command = after
      .slice(
        0,
        after.findIndex((line) => !line.startsWith('  ')),
      )
      .join('\n');
    // As a shell joins lines: a backslash before the line break goes, and so does the break.
    const joined = command.replace(/\\\n */g, '').trim();
    expect(joined.replace(/ +/g, ' ')).toBe(
      `curl --cacert ${caFile} -H "Authorization: Bearer ${token}" "${url}/subscriptions?api-version=2022-12-01"`,
    );
    run.pty.write(KEY.ctrlC);
    await run.exit;
  });
});
