/**
 * Every command the program prints runs as printed (issue 34, item 3): started as
 * `node bin/nginxaas-keys.js` in a checkout (as `npm run demo` starts it) with no nginxaas-keys on
 * PATH, a demo names itself so and says --demo; the command it prints, run in that shell, does
 * what it says.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withEnv } from '../helpers/child-env';
import { ROOT } from '../helpers/pty';

describe('a demo started from a checkout', () => {
  it('names node bin/nginxaas-keys.js … --demo, and that command runs there', () => {
    const home = mkdtempSync(join(tmpdir(), 'printed-'));
    // No nginxaas-keys on this PATH: only where node is.
    const env = withEnv({ PATH: join(process.execPath, '..'), XDG_STATE_HOME: join(home, 'state'), NO_COLOR: '1' });
    const shell = (line: string) =>
      spawnSync('/bin/sh', ['-c', line], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
    const rotated = shell(
      `node bin/nginxaas-keys.js rotate web-01 nlk-prod --keep-old --secret-out ${join(home, 'new.key')} --demo`,
    );
    expect(rotated.status, rotated.stderr).toBe(0);
    const printed = /retire it: (node bin\/nginxaas-keys\.js delete .* --demo)$/m.exec(rotated.stderr)?.[1] ?? '';
    expect(printed).toMatch(
      /^node bin\/nginxaas-keys\.js delete -d web-01 -g edge-rg --subscription \S+ --name nlk-prod --demo$/,
    );
    // As printed, with the --yes a script adds (without a terminal delete asks for it).
    const deleted = shell(`${printed} --yes`);
    expect([deleted.status, deleted.stdout]).toEqual([0, expect.stringContaining("Deleted key 'nlk-prod'")]);
  });
});
