/**
 * The commands' tables in every zone of the zone tests and at 60, 80, 100 and 120 columns: local
 * times are wider where the zone is not UTC ("2027-05-26 17:30 GMT+5:30"), a subscription's name
 * can be CJK (two columns a character), and still no row is wider than the terminal, no row
 * wraps, and a key's name is whole wherever it fits at all.
 */
import { describe, expect, it } from 'vitest';
import stringWidth from '../../src/term/display-width';
import { sampleData, STAGING } from '../../src/emulator/sample-data';
import { gatewayFor, useEmulator } from '../helpers/emulator';
import { runInProcess } from '../helpers/in-process';
import { inZone, ZONES } from '../helpers/zone';

async function cjkWorld() {
  const data = sampleData(new Date());
  const staging = data.subscriptions.find((s) => s.subscriptionId === STAGING);
  if (staging) staging.displayName = '本番環境サブスクリプション';
  const emulator = await useEmulator({ data });
  return gatewayFor(emulator);
}

describe.each(ZONES)('in %s', (zone) => {
  it.each([60, 80, 100, 120])('list --all and list -d fit %i columns', async (columns) => {
    const gateway = await cjkWorld();
    await inZone(zone, async () => {
      for (const argv of [
        ['list', '--all'],
        ['list', '-d', 'stage-web', '--subscription', STAGING],
      ]) {
        const result = await runInProcess(argv, gateway, { tty: true, columns });
        expect(result.code, result.stderr).toBe(0);
        const lines = result.stdout.trimEnd().split('\n');
        const tooWide = lines.filter((line) => stringWidth(line) > columns);
        expect(tooWide).toEqual([]);
        // Every key of the sample world is named in full at 80 columns and more.
        if (columns >= 80)
          for (const name of ['nlk-prod', 'asg-sync', 'ci-2025']) {
            if (argv.includes('--all')) expect(lines.some((line) => line.includes(` ${name} `))).toBe(true);
          }
      }
    });
  });
});

describe("the local time in a table is the zone's own", () => {
  it('Asia/Kolkata: UTC + 5:30, named GMT+5:30, where the terminal has room', async () => {
    const gateway = await cjkWorld();
    const result = await inZone('Asia/Kolkata', () =>
      runInProcess(['list', '-d', 'stage-web', '--subscription', STAGING], gateway, { tty: true, columns: 120 }),
    );
    const row = result.stdout.split('\n').find((line) => line.startsWith('nlk-staging'));
    const [, utc] = /(\d{4}-\d{2}-\d{2} \d{2}:\d{2}) UTC/.exec(row ?? '') ?? [];
    const local = new Date(new Date(`${utc}Z`.replace(' ', 'T')).getTime() + 330 * 60_000);
    const expected = local.toISOString().slice(0, 16).replace('T', ' ');
    const shown = expected.slice(0, 10) === utc?.slice(0, 10) ? expected.slice(11) : expected;
    expect(row).toContain(`UTC · ${shown} GMT+5:30 (`);
  });
});
