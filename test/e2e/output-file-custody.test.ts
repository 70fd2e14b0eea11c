/**
 * --output-file gathers a command's report and writes it at the end. When that write fails, the
 * report that said where a new key is reached no one: the closing step names the key and where its
 * secret is, as if nothing had been said. (Found by an attack on custody: the run once ended with a
 * raw errno on a temporary file, and the live key, with its secret in a vault, was never named.)
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_VAULT } from '../../src/emulator/sample-data';
import { cliWorld, runCli } from '../helpers/cli';
import { WEB_ARGV } from '../helpers/sample';
import { waitUntil } from '../helpers/wait';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('output-file-custody-');

describe('an --output-file that cannot be written at the end', () => {
  it('names the live key and where its secret is, and the file in plain words', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    const url = `https://${DEMO_VAULT}/secrets/reported`;
    const outDir = join(tempDir(), 'out');
    const report = join(outDir, 'report.txt');
    mkdirSync(outDir);
    emulator.faults.add({ method: 'PUT', path: '/apiKeys/', delayMs: 800 });
    const putArrived = () => emulator.requests.some((r) => r.method === 'PUT' && r.path.includes('/apiKeys/'));
    const result = await runCli(
      ['create', ...WEB_ARGV, '--name', 'reported', '--emit', `keyvault=${url}`, '--output-file', report],
      // The folder goes while the key is being made (a cleanup job, an unmounted share).
      {
        env,
        onSpawn: () => void waitUntil(putArrived, 20_000, 'the PUT').then(() => rmSync(outDir, { recursive: true })),
      },
    );
    expect(emulator.world.vaultSecretVersions(DEMO_VAULT, 'reported')[0]?.value).toBe(secretOf('reported'));
    expect(existsSync(report)).toBe(false);
    expect(result.stderr).toContain(
      `error: --output-file ${report} was not written (no such file or folder): what the command printed is lost\n`,
    );
    expect(result.stderr).toMatch(new RegExp(`key 'reported' was created on web-01: .*${url.replace(/[.]/g, '\\.')}`));
    expect(result.stderr).toContain('--name reported --yes');
    expect(result.code).toBe(1);
  });
});
