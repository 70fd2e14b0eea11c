/**
 * Issue 9's promise, as a new user meets it: one wizard run on --demo goes from nothing to a
 * verified key, a ready NLK values file (0600, in the folder the user is in) and a Key Vault secret
 * in the demo vault, through the hand-off menu of the reveal panel.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, KEY, runInPty, walkToReview } from '../helpers/pty';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('demo-handoff-git-');

describe('the wizard on --demo, after the key', () => {
  it('verifies the key, writes nlk-values.yaml and stores the key in the demo vault', async () => {
    const folder = tempDir();
    const run = runInPty(
      process.execPath,
      [BIN, '--demo', '-d', 'web-01', '--name', 'nlk-demo'],
      {},
      { cols: 100, rows: 40 },
      folder,
    );
    await walkToReview(run);
    await run.type(KEY.enter);
    await run.waitFor('The dataplane accepted the key');
    expect(run.screen()).toContain('h hand off');

    await run.type('h');
    await run.waitFor('Hand the key to');
    await run.type(KEY.enter);
    await run.waitFor('Where should the NLK Helm values file go?');
    await run.type(KEY.enter);
    await run.waitFor('nlk: wrote nlk-values.yaml (mode 0600)');
    expect(run.screen().replace(/ \\\n\s*/g, ' ')).toContain('--version 1.2.6 -f nlk-values.yaml');
    const values = join(folder, 'nlk-values.yaml');
    expect(statSync(values).mode & 0o777).toBe(0o600);
    expect(readFileSync(values, 'utf8')).toMatch(/dataplaneApiKey: "[0-9a-f-]{36}"/);

    await run.type('h', KEY.down, KEY.down, KEY.down, KEY.enter);
    await run.waitFor('https://contoso-keys.vault.azure.net/secrets/nlk-demo');
    await run.type(KEY.enter);
    await run.waitFor(
      /keyvault: stored as https:\/\/contoso-keys\.vault\.azure\.net\/secrets\/nlk-demo\n\s+Version [0-9a-f]{32}\./,
    );

    await run.type('q');
    await run.waitFor('Have you saved the key?');
    await run.type('y');
    expect(await run.exit).toBe(0);
    const secret = /dataplaneApiKey: "([0-9a-f-]{36})"/.exec(readFileSync(values, 'utf8'))?.[1] ?? '';
    expect(run.text()).not.toContain(secret);
  });
});

/**
 * A demo wizard run in a fresh git work tree `folder` (with `ignored` in its .gitignore), walked
 * to a new key's NLK hand-off with its default destination entered; `leave` answers the saved-it
 * question. The folder goes when the test ends.
 */
async function nlkHandoffInGit(name: string, ignored?: string) {
  const folder = tempDir();
  execFileSync('git', ['init', '-q', folder]);
  if (ignored) writeFileSync(join(folder, '.gitignore'), `${ignored}\n`);
  const run = runInPty(
    process.execPath,
    [BIN, '--demo', '-d', 'web-01', '--name', name],
    {},
    { cols: 100, rows: 40 },
    folder,
  );
  await walkToReview(run);
  await run.type(KEY.enter);
  await run.waitFor('The dataplane accepted the key');
  await run.type('h');
  await run.waitFor('Hand the key to');
  await run.type(KEY.enter);
  await run.waitFor('Where should the NLK Helm values file go?');
  await run.type(KEY.enter);
  const leave = async () => {
    await run.type('q');
    await run.waitFor('Have you saved the key?');
    await run.type('y');
    return run.exit;
  };
  return { folder, run, leave };
}

describe('a hand-off file inside a git work tree', () => {
  it('is said before it is written, and written only when Enter is pressed on it again', async () => {
    const { folder, run, leave } = await nlkHandoffInGit('nlk-git');
    await run.waitFor('git would commit it');
    expect(run.screen().replace(/\s+/g, ' ')).toContain(
      `git would commit it: nlk-values.yaml is in the work tree ${folder}, not ignored. Enter again writes it anyway`,
    );
    expect(existsSync(join(folder, 'nlk-values.yaml'))).toBe(false);
    await run.type(KEY.enter);
    await run.waitFor('nlk: wrote nlk-values.yaml (mode 0600)');
    expect(statSync(join(folder, 'nlk-values.yaml')).mode & 0o777).toBe(0o600);
    expect(await leave()).toBe(0);
  });

  it('an ignored name is written at once', async () => {
    const { run, leave } = await nlkHandoffInGit('nlk-ign', 'nlk-values.yaml');
    await run.waitFor('nlk: wrote nlk-values.yaml (mode 0600)');
    expect(run.text()).not.toContain('git would commit it');
    expect(await leave()).toBe(0);
  });
});

describe('a hand-off over a file that exists', () => {
  it('is said with the way on: Enter again replaces it (0600, the new key), and no --force is named', async () => {
    const folder = tempDir();
    const values = join(folder, 'nlk-values.yaml');
    writeFileSync(values, 'an older values file\n', { mode: 0o644 });
    const run = runInPty(
      process.execPath,
      [BIN, '--demo', '-d', 'web-01', '--name', 'nlk-over'],
      {},
      { cols: 100, rows: 40 },
      folder,
    );
    await walkToReview(run);
    await run.type(KEY.enter);
    await run.waitFor('The dataplane accepted the key');
    await run.type('h');
    await run.waitFor('Hand the key to');
    await run.type(KEY.enter);
    await run.waitFor('Where should the NLK Helm values file go?');
    await run.type(KEY.enter);
    await run.waitFor("'nlk-values.yaml' exists: Enter again replaces it, or type another path.");
    expect(run.text()).not.toContain('--force');
    expect(readFileSync(values, 'utf8')).toBe('an older values file\n');
    await run.type(KEY.enter);
    await run.waitFor('nlk: wrote nlk-values.yaml (mode 0600)');
    expect(statSync(values).mode & 0o777).toBe(0o600);
    expect(readFileSync(values, 'utf8')).toMatch(/dataplaneApiKey: "[0-9a-f-]{36}"/);
    await run.type('q');
    await run.waitFor('Have you saved the key?');
    await run.type('y');
    expect(await run.exit).toBe(0);
  });
});
