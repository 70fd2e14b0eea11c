/**
 * What Microsoft Entra ID says reaches a terminal only escaped (issue 31): a device code's
 * `message` carrying OSC 0 (the window title), OSC 52 (the clipboard), an OSC 8 `javascript:`
 * link and CSI 2J (clear the screen) is shown as text on stderr and on the wizard's loading
 * screen, never acted on.
 */
import { describe, expect, it } from 'vitest';
import { envFor, runCli } from '../helpers/cli';
import { useEmulator } from '../helpers/emulator';
import { BIN, KEY, runInPty } from '../helpers/pty';
import { WEB_ARGV } from '../helpers/sample';

const HOSTILE =
  'To sign in, open the page and enter the code. \u001b]0;PWNED-TITLE\u0007 ' +
  '\u001b]52;c;UFdORUQ=\u0007 \u001b]8;;javascript:alert(1)\u0007click\u001b]8;;\u0007 CLEAR\u001b[2J done';

const ACTED_ON = ['\u001b]0;PWNED', '\u001b]52;', '\u001b]8;;javascript:', 'CLEAR\u001b[2J', '\u0007'];

async function hostileAuthority(polls: number) {
  const emulator = await useEmulator({ behaviour: { deviceCodePolls: polls, deviceCodeMessage: HOSTILE } });
  const env = {
    ...envFor(emulator),
    NGINXAAS_ACCESS_TOKEN: undefined,
    NGINXAAS_AUTHORITY_HOST: emulator.url,
    PATH: '/usr/bin:/bin',
  };
  return { emulator, env };
}

describe("a device code's message from the authority", () => {
  it('is written to stderr escaped: no title, clipboard, link or clearing reaches the terminal', async () => {
    const { env } = await hostileAuthority(1);
    const result = await runCli(['list', ...WEB_ARGV, '--auth', 'device-code'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('\\x1b]0;PWNED-TITLE\\x07');
    expect(result.stderr).toContain('\\x1b]52;c;UFdORUQ=');
    for (const sequence of ACTED_ON) expect(result.stderr).not.toContain(sequence);
  });

  it("is drawn escaped on the wizard's loading screen", async () => {
    const { emulator, env } = await hostileAuthority(1000);
    const run = runInPty(process.execPath, [BIN, '--auth', 'device-code'], env, { cols: 120, rows: 30 });
    await run.waitFor('PWNED-TITLE', 20_000);
    expect(run.screen()).toContain('\\x1b]0;PWNED-TITLE');
    emulator.behaviour.deviceCodePolls = 0;
    await run.waitFor('? Choose a deployment', 20_000);
    run.pty.write(KEY.ctrlC);
    expect(await run.exit).toBe(130);
    for (const sequence of ACTED_ON) expect(run.raw()).not.toContain(sequence);
  });
});
