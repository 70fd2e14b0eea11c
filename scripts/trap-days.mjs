/**
 * The tests that read the clock (tagged `clock`, see vitest.config.ts), run again at the moments
 * where a calendar counted the wrong way shows: the first minutes of a year in UTC, 29 February,
 * 31 August (six months on is February's last day; a year on crosses a leap day), the last
 * minutes of a year, and the hours a zone's clocks go forward and back. Each moment runs in at
 * least two zones. libfaketime (`faketime`, Debian's faketime package) moves the clock of node and
 * of everything it starts, the emulator's certificates included; the clock runs on from there.
 *
 *   node scripts/trap-days.mjs [--today] [--reports <folder>] [--only <label part>] [vitest arguments...]
 *
 * Only the files that carry the tag are handed to vitest (loading every file to skip its tests
 * would cost minutes a run). --today runs them once on the real clock instead. With --reports,
 * each run also writes <folder>/trap-<n>.json (vitest's JSON reporter) for CI's closing line.
 * Exits 1 when any run failed, 2 when faketime is missing.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Each moment is a GNU `date -d` time with its zone written in, so it names one instant. */
export const TRAP_MOMENTS = [
  { label: '1 January 00:05 UTC', at: '2027-01-01 00:05:00 UTC', zones: ['Asia/Kolkata', 'America/New_York'] },
  { label: '29 February', at: '2028-02-29 10:00:00 UTC', zones: ['Asia/Kolkata', 'America/New_York'] },
  { label: '31 August', at: '2027-08-31 14:00:00 UTC', zones: ['America/New_York', 'Asia/Kolkata'] },
  { label: '31 December 23:55 UTC', at: '2026-12-31 23:55:00 UTC', zones: ['Europe/London', 'Asia/Kolkata'] },
  { label: '31 December 23:55 in New York', at: '2027-12-31 23:55:00 EST', zones: ['America/New_York'] },
  { label: 'New York clocks go back (the second 01:30)', at: '2027-11-07 01:30:00 EST', zones: ['America/New_York'] },
  { label: 'London clocks go back (the second 01:30)', at: '2027-10-31 01:30:00 GMT', zones: ['Europe/London'] },
  {
    label: 'New York clocks go forward (from 01:59:45: the run crosses 02:00)',
    at: '2027-03-14 01:59:45 EST',
    zones: ['America/New_York'],
  },
  {
    label: 'London clocks go forward (from 00:59:45: the run crosses 01:00)',
    at: '2027-03-28 00:59:45 GMT',
    zones: ['Europe/London'],
  },
];

const root = fileURLToPath(new URL('..', import.meta.url));
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');

/** The test files that tag a test or a describe `clock` (`{ tags: ['clock'] }`). */
export function clockFiles(folder = join(root, 'test')) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.test\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => /tags:\s*\[[^\]]*'clock'/.test(readFileSync(file, 'utf8')))
    .map((file) => relative(root, file))
    .sort();
}

function main(argv) {
  let reports;
  let only;
  let today = false;
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--today') today = true;
    else if (argv[i] === '--reports') reports = argv[++i];
    else if (argv[i] === '--only') only = argv[++i];
    else rest.push(argv[i]);
  }
  const files = clockFiles();
  console.log(`tests that read the clock: ${files.join(' ')}`);
  if (today) {
    const report = reports
      ? ['--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, 'clock-today.json')}`]
      : [];
    return (
      spawnSync(process.execPath, [vitest, 'run', '--tags-filter=clock', ...report, ...rest, ...files], {
        cwd: root,
        stdio: 'inherit',
      }).status ?? 1
    );
  }
  if (spawnSync('faketime', ['--help'], { stdio: 'ignore' }).error) {
    console.error('trap days: faketime is not installed (apt-get install faketime)');
    return 2;
  }
  const runs = TRAP_MOMENTS.flatMap((moment) => moment.zones.map((zone) => ({ ...moment, zone })));
  const chosen = runs.filter((run) => !only || `${run.label}, ${run.zone}`.includes(only));
  const failed = [];
  chosen.forEach((run, index) => {
    const name = `${run.label}, ${run.zone}`;
    console.log(`\n=== trap day ${index + 1}/${chosen.length}: ${name} (${run.at}) ===`);
    const report = reports
      ? ['--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, `trap-${index + 1}.json`)}`]
      : [];
    const result = spawnSync(
      'faketime',
      [run.at, process.execPath, vitest, 'run', '--tags-filter=clock', ...report, ...rest, ...files],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, TZ: run.zone },
      },
    );
    if (result.status !== 0) failed.push(name);
  });
  console.log(`\ntrap days: ${chosen.length - failed.length} of ${chosen.length} runs passed`);
  for (const name of failed) console.log(`  failed: ${name}`);
  return failed.length === 0 ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(main(process.argv.slice(2)));
