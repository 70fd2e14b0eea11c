/**
 * What `nginxaas-keys emulator` prints in a terminal, at 60, 80 and 120 columns: every row shorter
 * than the terminal (never wrapped by it), and the commands to paste (the exports, the curl
 * command) on lines of their own, laid out as a shell reads them. bash itself reads them here, as
 * printed: the exports set the URL, CA file and token that the other lines name, and curl is
 * given exactly the words it should be.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cutMiddle } from '../../src/term/text-width';
import { BIN, KEY, runInPty } from '../helpers/pty';

/** The lines after the one that is `first`, up to (not with) the first that `end` matches. */
function block(lines: string[], first: string, end: (line: string) => boolean): string {
  const from = lines.indexOf(first) + 1;
  const to = lines.findIndex((line, i) => i >= from && end(line));
  return lines.slice(from, to).join('\n');
}

/** A labelled value: on the label's line, or alone on the line below it where both do not fit. */
function labelled(lines: string[], label: string): string {
  const at = lines.findIndex((line) => line.trimStart().startsWith(label));
  const rest = lines[at]?.trim().slice(label.length).trim();
  return rest ? rest : (lines[at + 1]?.trim() ?? `no ${label}`);
}

/** bash, given `script`: its stdout's lines. */
const bash = (script: string) => execFileSync('bash', ['-c', script], { encoding: 'utf8' }).split('\n').slice(0, -1);

describe.each([60, 80, 120])('the emulator at %i columns', (cols) => {
  it('prints rows shorter than the terminal, and exports and a curl command that bash reads whole', async () => {
    const run = runInPty(process.execPath, [BIN, 'emulator'], { NO_COLOR: '1' }, { cols, rows: 40 });
    await run.waitFor('Ctrl+C stops it.');
    const rows = run.rows().filter((row) => row.text !== '');
    expect(rows.filter((row) => row.wrapped || row.full)).toEqual([]);
    const lines = run.screen().split('\n');
    const url = /https:\/\/127\.0\.0\.1:\d+/.exec(lines[0] ?? '')?.[0] ?? 'no url';

    // The exports, then the program's own line (made harmless here), read by bash as printed.
    const exports = block(lines, 'Use it from another shell:', (line) => line === '');
    const [endpoint, caFile = 'no CA file', token = 'no token'] = bash(
      `node() { :; }; nginxaas-keys() { :; }\n${exports}\n` +
        'printf "%s\\n" "$NGINXAAS_ARM_ENDPOINT" "$NGINXAAS_ARM_CA" "$NGINXAAS_ACCESS_TOKEN"',
    );
    expect(endpoint).toBe(url);
    expect(existsSync(caFile)).toBe(true);
    expect(token).toMatch(/^emulator-\S+$/);
    // The lines above name the same CA file and token: whole, or a path too wide for the terminal
    // cut in its middle (to be read; the export carries it whole).
    expect([caFile, cutMiddle(caFile, cols - 5)]).toContain(labelled(lines, 'CA certificate'));
    expect(labelled(lines, 'access token')).toBe(token);

    const curl = block(lines, 'Or:', (line) => line.startsWith('Ctrl+C') || line.startsWith('State'));
    expect(bash(`curl() { printf '%s\\n' "$@"; }\n${curl}`)).toEqual([
      '--cacert',
      caFile,
      '-H',
      `Authorization: Bearer ${token}`,
      `${url}/subscriptions?api-version=2022-12-01`,
    ]);
    run.pty.write(KEY.ctrlC);
    await run.exit;
  });
});
