/**
 * Text from the network on a terminal, through the built binary: escape sequences in ARM messages,
 * codes, key hints and subscription names are shown escaped (\\x1b), never acted on; JSON keeps the
 * real text.
 */
import { describe, expect, it } from 'vitest';
import { cliWorld, runCli } from '../helpers/cli';
import { WEB_ARGV } from '../helpers/sample';
import { PRODUCTION } from '../../src/emulator/sample-data';
import { BIN, KEY, runInPty, walkToReview } from '../helpers/pty';
import { json } from '../helpers/schemas';

const world = cliWorld;

describe('text from the network on a terminal', () => {
  it('an escape sequence in an ARM error message or a key hint is shown escaped', async () => {
    const { env, emulator, web } = await world();
    emulator.faults.add({
      method: 'GET',
      path: '/apiKeys/evil',
      status: 400,
      code: 'Bad\u001b[2J',
      message: 'owned \u001b]0;title\u0007 \u001b[31mred',
    });
    const failed = await runCli(['show', ...WEB_ARGV, '--name', 'evil'], { env });
    expect(failed.code).toBe(1);
    expect(failed.stderr).not.toContain('\u001b');
    expect(failed.stderr).toContain('owned \\x1b]0;title\\x07 \\x1b[31mred (Bad\\x1b[2J)');
    emulator.world.putKey(
      web(),
      'planted',
      '\u001b[2JAb1-planted-key',
      new Date(Date.now() + 86_400_000).toISOString(),
    );
    const listed = await runCli(['list', ...WEB_ARGV], { env });
    expect(listed.stdout).not.toContain('\u001b');
    expect(listed.stdout).toMatch(/planted\s+\\x1b\[2/);
  });
});

describe('every server string through printable()', () => {
  const OSC_TITLE = '\u001b]0;owned\u0007';
  const OSC_CLIPBOARD = '\u001b]52;c;b3duZWQ=\u0007';
  /** The sample world, with subscriptions whose id and name carry terminal commands. */
  async function hostileWorld(onlyTheHostile = false) {
    const { sampleData } = await import('../../src/emulator/sample-data');
    const data = sampleData(new Date());
    const hostile = {
      subscriptionId: `${OSC_TITLE}44444444-5555-4666-8777-888888888888`,
      displayName: `Billing ${OSC_CLIPBOARD}`,
      state: 'Enabled' as const,
      tenantId: data.subscriptions[0]!.tenantId,
      resourceGroups: ['evil-rg'],
    };
    data.subscriptions = onlyTheHostile ? [hostile] : [...data.subscriptions, hostile];
    data.deployments.push({
      ...data.deployments[0]!,
      subscriptionId: hostile.subscriptionId,
      resourceGroup: 'evil-rg',
      name: 'evil-01',
    });
    for (const subscription of data.subscriptions)
      if (subscription.subscriptionId === PRODUCTION) subscription.displayName = `Production ${OSC_TITLE}`;
    return cliWorld({ data });
  }

  it('the wizard draws a subscription whose id and name hold OSC sequences escaped, never raw', async () => {
    const { env } = await hostileWorld();
    const run = runInPty(process.execPath, [BIN], env, { cols: 120, rows: 30 });
    await run.waitFor('web-01');
    expect(run.screen()).toContain('Production \\x1b]0;owned');
    await run.type(...'evil', KEY.enter);
    await walkToReview(run, 'hostile');
    // The id itself, as GET /subscriptions gave it, escaped in the review.
    expect(run.screen()).toContain('Subscription ID  \\x1b]0;owned\\x0744444444-5555-4666-8777-888888888888\n');
    run.pty.write(KEY.ctrlC);
    await run.exit;
    expect(run.raw()).not.toContain('\u001b]0;');
    expect(run.raw()).not.toContain('\u001b]52;');
  });

  it("list -o json carries the subscription's real name (escaping is for the terminal only)", async () => {
    const { env } = await hostileWorld();
    const result = await runCli(['list', '--all', '-o', 'json'], { env });
    const document = json(result.stdout);
    const names = document.deployments.map(
      (d: { deployment: { subscriptionName?: string } }) => d.deployment.subscriptionName,
    );
    expect(names).toContain(`Production ${OSC_TITLE}`);
    expect(names).toContain(`Billing ${OSC_CLIPBOARD}`);
    // JSON writes the control characters as \u001b: nothing raw reaches a terminal.
    expect(result.stdout).not.toContain('\u001b');
  });

  it('show, with the only visible subscription named by such an id, says it escaped on stderr', async () => {
    const { env } = await hostileWorld(true);
    const result = await runCli(['show', '-d', 'web-01', '-g', 'edge-rg', '--name', 'nlk-prod'], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('\\x1b]0;owned\\x07');
    expect(result.stderr).not.toContain('\u001b');
  });
});
