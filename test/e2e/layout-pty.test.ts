/**
 * The wizard in terminals as people have them (issue 12, #3): 80×24 and 60×20, and a window
 * dragged narrower and back. The screen is read as xterm draws it.
 */
import { describe, expect, it } from 'vitest';
import { envFor } from '../helpers/cli';
import { useEmulator } from '../helpers/emulator';
import { BIN, childEnv, KEY, runInPty, walkToReview } from '../helpers/pty';

const count = (text: string, part: string) => text.split(part).length - 1;

describe('the wizard at common sizes', () => {
  it('a resize 100 → 60 → 100 leaves one frame on screen, no stale lines', async () => {
    const emulator = await useEmulator();
    const run = runInPty(process.execPath, [BIN], envFor(emulator), { cols: 100, rows: 30 });
    await run.waitFor('Choose a deployment');
    // Each resize is followed by the frame drawn at the new size (a wait on the output, not a sleep).
    let from = run.raw().length;
    run.resize(60, 20);
    await run.waitForAfter(from, 'Choose a deployment');
    from = run.raw().length;
    run.resize(100, 30);
    await run.waitForAfter(from, 'Choose a deployment');
    const screen = run.screen();
    expect(count(screen, 'NGINXaaS dataplane API key')).toBe(1);
    expect(count(screen, 'Choose a deployment')).toBe(1);
    expect(count(screen, 'deployments in')).toBe(1);
    run.pty.write(KEY.ctrlC);
    expect(await run.exit).toBe(130);
  });

  it.each([
    [80, 24],
    [60, 20],
  ])('at %i×%i the rows are cut, not wrapped, and r shows the key on screen', async (cols, rows) => {
    const emulator = await useEmulator();
    const run = runInPty(process.execPath, [BIN], envFor(emulator), { cols, rows });
    await run.waitFor('Choose a deployment');
    // Every deployment row is one screen line: its name, then (perhaps cut) the rest.
    const listed = run.screen().split('\n');
    for (const name of ['web-01', 'api-gateway', 'broken-01', 'stage-upgrading'])
      expect(listed.filter((line) => line.includes(name)).length).toBe(1);
    await run.type(...'web-01'.split(''), KEY.enter);
    await walkToReview(run, 'layout-key');
    await run.type(KEY.enter);
    await run.waitFor('The dataplane accepted the key');
    await run.type('r');
    await run.waitFor('(hides in');
    // The key is within the visible rows (not scrolled above them), whole on its line.
    expect(run.screen()).toMatch(/\(hides in \d+ s\)\n\s+[0-9a-f-]{36}\n/);
    run.pty.write('q');
    await run.waitFor('Have you saved the key?');
    run.pty.write('y');
    expect(await run.exit).toBe(0);
  });
});

describe('the header outside the demo', () => {
  it('names the signed-in account, the tenant and the subscriptions searched, from the token az gave', async () => {
    const { makeFakeAz } = await import('../helpers/fake-az');
    const claims = { upn: 'alice@contoso.com', tid: '72f988bf-86f1-41af-91ab-2d7cd011db47' };
    const jwt = ['{"alg":"none"}', JSON.stringify(claims), 'sig']
      .map((p) => Buffer.from(p).toString('base64url'))
      .join('.');
    const emulator = await useEmulator({ token: jwt });
    const az = makeFakeAz({ token: jwt });
    const env = { ...envFor(emulator), NGINXAAS_ACCESS_TOKEN: undefined, PATH: az.path };
    const run = runInPty(process.execPath, [BIN, '--auth', 'cli'], env, { cols: 120, rows: 30 });
    await run.waitFor('Choose a deployment');
    expect(run.screen().split('\n')[0]).toBe(
      'NGINXaaS dataplane API key · alice@contoso.com · tenant 72f988bf-86f1-41af-91ab-2d7cd011db47 · 3 subscriptions',
    );
    // The header read the token the run already had: az was asked for it once.
    expect(az.calls().filter((call) => call.startsWith('account get-access-token'))).toHaveLength(1);
    run.pty.write(KEY.ctrlC);
    expect(await run.exit).toBe(130);
  });
});

describe('the last frame', () => {
  it.each([
    [120, 30],
    [60, 20],
  ])('at %i columns, Ctrl+C leaves the farewell on lines of its own, the shell prompt below it', async (cols, rows) => {
    const emulator = await useEmulator();
    const shell = `"${process.execPath}" "${BIN}"; echo "exit=$?"`;
    const run = runInPty('/bin/sh', ['-c', shell], envFor(emulator), { cols, rows });
    await run.waitFor('Choose a deployment');
    run.pty.write(KEY.ctrlC);
    await run.waitFor(/exit=\d+/);
    const lines = run.screen().split('\n');
    expect(lines).toContain('exit=130');
    expect(lines.some((line) => line.includes('Cancelled. Nothing was created.') && !line.includes('exit='))).toBe(
      true,
    );
  });
});

describe('the first frame comes before the connection', () => {
  it('when connecting fails after the wizard drew, the frame is taken away and the error reported as usual', async () => {
    // The demo keeps its world under XDG_STATE_HOME: a path under /dev/null cannot be made.
    const run = runInPty(process.execPath, [BIN, '--demo'], childEnv({ XDG_STATE_HOME: '/dev/null/state' }), {
      cols: 80,
      rows: 24,
    });
    expect(await run.exit).toBe(1);
    expect(run.text()).toContain('NGINXaaS dataplane API key');
    const screen = run.screen();
    expect(screen).not.toContain('NGINXaaS dataplane API key');
    expect(screen).toMatch(/^error: ENOTDIR: not a directory, mkdir '\/dev\/null\/state\/nginxaas-keys'$/m);
  });
});
