// Benchmarks of nginxaas-keys. Each figure is printed beside its baseline, measured side by side
// in this one run, with the ratio and the target from issues 11 and 35. Nothing here is a test: CI
// times nothing. Everything talks to 127.0.0.1 only. `npm run bench -- --record` also rewrites
// BENCHMARKS.md with the table, the machine and the Node version. `--node24` runs every measured
// program (and its bare-node baseline) on Node 24, the one the standalone executable carries
// (scripts/node24.mjs), in place of the Node running this script; each runtime has its own table.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'node:https';
import { spawn as spawnPty } from '@lydell/node-pty';
import { STANDALONE_DIR, STANDALONE_NAME } from '../scripts/bundle-options.mjs';
import { node24 } from '../scripts/node24.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'nginxaas-keys.js');
const probe = join(root, 'bench', 'rss-probe.cjs');
const scratch = mkdtempSync(join(tmpdir(), 'nginxaas-keys-bench-'));
// The npm command's code cache (src/cli/code-cache.ts) lives in the scratch folder too: the warm-up
// run of each figure fills it, as a user's first run does.
const env = { ...process.env, NO_COLOR: '1', XDG_STATE_HOME: scratch, XDG_CACHE_HOME: scratch, TZ: 'UTC' };
/** The Node that runs every measured program and its baseline. */
const node = process.argv.includes('--node24') ? node24() : process.execPath;
const nodeVersion = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
delete env.CI;
// A machine-wide NODE_EXTRA_CA_CERTS (this one's names the whole system bundle) makes every node,
// the bare baseline too, parse some 150 certificates before it starts: 40–90 ms here, which would
// hide the program's own start in a shared constant. The program needs none of it (the emulator's
// CA is trusted for its endpoint only), so neither side pays it.
delete env.NODE_EXTRA_CA_CERTS;
const rows = [];
// `--only=start,standalone,fleet,azure,filter` runs some sections (a quick look while working on one).
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const runs = (section) => !only || only.includes(section);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p95 = (values) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))];
const ms = (n) => `${n.toFixed(0)} ms`;
const mb = (n) => `${n.toFixed(0)} MB`;

/** One row: the figure, its baseline, the ratio, the target and whether it is met. */
function record(label, value, baseline, baselineLabel, target, met, unit = ms) {
  const row = {
    label,
    value: unit(value),
    baseline: `${unit(baseline)} (${baselineLabel})`,
    ratio: (value / baseline).toFixed(2),
    target,
    met: met ? 'yes' : 'no',
  };
  rows.push(row);
  console.log(
    `${label.padEnd(44)} ${row.value.padStart(8)}  vs ${row.baseline.padEnd(34)} ratio ${row.ratio.padStart(6)}  target ${target}  ${row.met}`,
  );
}

function timeOnce(args, extraEnv = {}, file = node) {
  const started = process.hrtime.bigint();
  const result = spawnSync(file, args, { env: { ...env, ...extraEnv }, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Runs a and b alternately (a warm-up each first), so drift in the machine hits both alike. */
async function sideBySide(a, b, runs) {
  await a();
  await b();
  const as = [];
  const bs = [];
  for (let i = 0; i < runs; i++) {
    as.push(await a());
    bs.push(await b());
  }
  return [median(as), median(bs)];
}

/**
 * Milliseconds from spawning `args` in a pty until its output shows each of `marks`, in order;
 * node runs them unless `file` names another program (the standalone executable).
 */
function inPty(args, marks, extraEnv = {}, size = { cols: 120, rows: 40 }, file = node) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const pty = spawnPty(file, args, {
      ...size,
      cwd: scratch,
      env: { ...env, TERM: 'xterm-256color', ...extraEnv },
    });
    let output = '';
    const times = [];
    const timer = setTimeout(() => (pty.kill(), reject(new Error(`no "${marks[times.length]}" within 60 s`))), 60_000);
    pty.onData((data) => {
      output += data;
      while (times.length < marks.length && marks[times.length].test(output)) times.push(performance.now() - started);
      if (times.length === marks.length) {
        clearTimeout(timer);
        pty.write('\u0003');
        pty.onExit(() => resolve(times));
        times.push(Infinity);
      }
    });
  });
}

function peakRss(args, extraEnv = {}) {
  const file = join(scratch, `rss-${Math.random().toString(36).slice(2)}`);
  const result = spawnSync(node, ['--require', probe, ...args], {
    env: { ...env, ...extraEnv, NGINXAAS_BENCH_RSS_FILE: file },
    stdio: 'ignore',
  });
  if (result.status !== 0 && result.status !== 3) throw new Error(`${args.join(' ')} exited ${result.status}`);
  return Number(readFileSync(file, 'utf8').trim().split('\n').pop()) / 1024;
}

/**
 * A bench app bundled as the npm command is (scripts/bundle-options.mjs): one minified CommonJS
 * file with the same patches; `asProgram` writes it as the program is written, one function
 * expression, for the program's launcher to load.
 */
async function bundledForBench(name, asProgram = false, define = {}, outName = name) {
  const { build } = await import('esbuild');
  const { COMMONJS_PATCHES, FUNCTION_WRAPPER, patchesPlugin, shared } = await import('../scripts/bundle-options.mjs');
  const outfile = join(scratch, `${outName}.cjs`);
  await build({
    ...shared,
    ...(asProgram ? FUNCTION_WRAPPER : {}),
    entryPoints: [join(root, 'bench', `${name}.mjs`)],
    outfile,
    format: 'cjs',
    define: { ...shared.define, ...define },
    plugins: [patchesPlugin('start-up-patches', COMMONJS_PATCHES)],
  });
  return outfile;
}

/** bench/ink-hello.mjs, compiled from its source at every start. */
const bundledInkHello = () => bundledForBench('ink-hello');

/**
 * bench/ink-floor.mjs (with its round trip when `trip`) and a file that loads it with the program's
 * launcher (dist/launch.cjs), so that it keeps a code cache as the wizard does.
 */
async function launchedInkFloor(trip) {
  const name = trip ? 'ink-floor-trip' : 'ink-floor';
  const define = { 'process.env.INK_FLOOR_TRIP': JSON.stringify(trip ? '1' : '0') };
  const bundle = await bundledForBench('ink-floor', true, define, name);
  const launcher = join(scratch, `${name}-launch.cjs`);
  writeFileSync(
    launcher,
    `require(${JSON.stringify(join(root, 'dist', 'launch.cjs'))}).launch(${JSON.stringify(bundle)}, process.argv.slice(2));\n`,
  );
  return launcher;
}

/** Milliseconds to the wizard's first frame: `args` run by node, or by `file` (the standalone executable). */
const FIRST_FRAME = /NGINXaaS dataplane API key/;
const timeToFirstFrame = (args, file = node) => inPty(args, [FIRST_FRAME], {}, undefined, file).then((t) => t[0]);

/** The emulator as `nginxaas-keys emulator` runs it, with its URL, CA file and token. */
async function emulator(...args) {
  const child = spawn(node, [bin, 'emulator', '-o', 'json', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const first = await new Promise((resolve) => child.stdout.once('data', (d) => resolve(String(d))));
  const info = JSON.parse(first);
  return {
    ...info,
    child,
    env: { NGINXAAS_ARM_ENDPOINT: info.url, NGINXAAS_ARM_CA: info.caFile, NGINXAAS_ACCESS_TOKEN: info.token },
    // Waits for it to exit: it writes its code cache into the scratch folder as it ends.
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGINT');
      }),
  };
}

/** One request's round trip to the emulator, as the baseline of "one by one". */
function roundTrip(emu, path) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(
      `${emu.url}${path}`,
      { ca: readFileSync(emu.caFile), headers: { authorization: `Bearer ${emu.token}` } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(performance.now() - started));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

console.log(`nginxaas-keys benchmarks: Node ${nodeVersion}, ${cpus().length} cores, medians\n`);

// 1. Start-up and the wizard's first frames, against a bare node that prints a line.
/** A bare node that prints a line, in the same pty: the start-up every figure of section 1 is set against. */
const bare = () =>
  inPty(['-e', 'process.stdout.write("ready\\n"); setTimeout(() => {}, 50)'], [/ready/]).then((t) => t[0]);

/** A floor beside a bare start, then the wizard's figure beside that floor: two rows, each side by side. */
async function floorRows(floor, floorLabel, floorName, [wizard, wizardLabel]) {
  const [measured, bareStart] = await sideBySide(floor, bare, 5);
  record(floorLabel, measured, bareStart, 'bare node prints', '— (floor)', true);
  const [ours, floorAgain] = await sideBySide(wizard, floor, 5);
  record(wizardLabel, ours, floorAgain, floorName, '—', true);
}

if (runs('start')) {
  const wizardFrame = () => timeToFirstFrame([bin, '--demo']);
  const wizardList = () => inPty([bin, '--demo'], [/web-01/]).then((t) => t[0]);
  const [firstFrame, bareFirst] = await sideBySide(wizardFrame, bare, 5);
  record(
    'wizard first frame (--demo, pty)',
    firstFrame,
    bareFirst,
    'bare node prints',
    '≤ 2.0×',
    firstFrame / bareFirst <= 2,
  );
  const [listReady, bareList] = await sideBySide(wizardList, bare, 5);
  record(
    'wizard list ready (--demo, pty)',
    listReady,
    bareList,
    'bare node prints',
    '≤ 3.0×',
    listReady / bareList <= 3,
  );
  const [version, bareVersion] = await sideBySide(
    () => timeOnce([bin, '--version']),
    () => timeOnce(['-e', '0']),
    7,
  );
  record('--version', version, bareVersion, 'node -e 0', '≤ 1.3×', version / bareVersion <= 1.3);
  // Ink's own floor: the same frame's title from a one-line Ink app, bundled as ours.
  const inkHello = await bundledInkHello();
  await floorRows(
    () => timeToFirstFrame([inkHello]),
    "Ink's own first frame (one line, no cache)",
    'one-line Ink app',
    [wizardFrame, 'wizard first frame, beside that floor'],
  );
  // The same floor with a code cache, loaded by our launcher: what any Ink app's first frame takes
  // here at best. With --trip, the least any demo list needs: a loopback HTTPS server with a
  // certificate made for the run, one request trusting only it, and a second frame.
  const inkFloor = await launchedInkFloor(false);
  const inkFloorTrip = await launchedInkFloor(true);
  await floorRows(() => timeToFirstFrame([inkFloor]), "Ink's own first frame, code cache", 'Ink app, code cache', [
    wizardFrame,
    'wizard first frame, beside it',
  ]);
  await floorRows(
    () => inPty([inkFloorTrip], [/: web-01/]).then((t) => t[0]),
    'Ink app + one loopback HTTPS trip, code cache',
    'Ink app + one trip',
    [wizardList, 'wizard list ready, beside it'],
  );
}

// 1b. The standalone executable (npm run build:sea, built here when missing) beside the npm one.
if (runs('standalone')) {
  spawnSync(process.execPath, [join(root, 'scripts', 'ensure-built.mjs'), '--sea'], { stdio: 'inherit' });
  const executable = join(STANDALONE_DIR, STANDALONE_NAME);
  const [seaFrame, npmFrame] = await sideBySide(
    () => timeToFirstFrame(['--demo'], executable),
    () => timeToFirstFrame([bin, '--demo']),
    5,
  );
  record('standalone: wizard first frame', seaFrame, npmFrame, 'npm: node bin/…', '≤ 1.0×', seaFrame <= npmFrame);
  const [seaVersion, npmVersion] = await sideBySide(
    () => timeOnce(['--version'], {}, executable),
    () => timeOnce([bin, '--version']),
    7,
  );
  record('standalone: --version', seaVersion, npmVersion, 'npm: node bin/…', '—', true);
  // The code cache is kept only while it pays: the same run with an empty cache folder each time
  // (a first run, which also writes one), side by side; on Node 20 (npm) and in the executable.
  const freshCache = () => ({ XDG_CACHE_HOME: mkdtempSync(join(scratch, 'fresh-cache-')) });
  const [cachedFrame, uncachedFrame] = await sideBySide(
    () => timeToFirstFrame(['--demo'], executable),
    () => inPty(['--demo'], [FIRST_FRAME], freshCache(), undefined, executable).then((t) => t[0]),
    5,
  );
  record(
    'standalone first frame, code cache',
    cachedFrame,
    uncachedFrame,
    'an empty cache folder',
    '≤ 1.0×',
    cachedFrame <= uncachedFrame,
  );
  const [npmCached, npmUncached] = await sideBySide(
    () => timeToFirstFrame([bin, '--demo']),
    () => inPty([bin, '--demo'], [FIRST_FRAME], freshCache()).then((t) => t[0]),
    5,
  );
  record(
    'npm first frame, code cache',
    npmCached,
    npmUncached,
    'an empty cache folder',
    '≤ 1.0×',
    npmCached <= npmUncached,
  );
}

// 2. The fleet sweep: 1000 subscriptions × 3 deployments, 50 ms added to every answer.
if (runs('fleet')) {
  const fleet = await emulator('--seed-fleet', '1000x3', '--latency', '50');
  const trips = [];
  for (let i = 0; i < 10; i++)
    trips.push(
      await roundTrip(
        fleet,
        '/subscriptions/00000000-0000-4000-8000-000000000000/resourceGroups/fleet-rg/providers/Nginx.NginxPlus/nginxDeployments/edge-0-0/apiKeys?api-version=2025-11-01',
      ),
    );
  const oneByOne = median(trips) * 3000;
  const sweepArgs = [bin, 'list', '--all', '-o', 'json'];
  // The floor: the same requests through Node's https alone (bench/bare-sweep.mjs), run beside it.
  const bareSweep = [join(root, 'bench', 'bare-sweep.mjs')];
  const [sweep, floorTime] = await sideBySide(
    () => timeOnce(sweepArgs, fleet.env),
    () => timeOnce(bareSweep, fleet.env),
    3,
  );
  record(
    'list --all, 1000×3 at 50 ms',
    sweep,
    oneByOne,
    `3000 × ${median(trips).toFixed(0)} ms one by one`,
    '≤ 3.0 s',
    sweep <= 3000,
  );
  const [sweepRss, bareRss] = await sideBySide(
    () => peakRss(sweepArgs, fleet.env),
    () => peakRss(['-e', '0']),
    2,
  );
  record('peak RSS of that sweep', sweepRss, bareRss, 'node -e 0', '≤ 100 MB', sweepRss <= 100, mb);
  record('the sweep, beside a bare https sweep', sweep, floorTime, 'same requests, no SDK', '—', true);
  // The floor's peak: the larger of two runs, as the sweep's own above (the median of two).
  const floorRss = median([peakRss(bareSweep, fleet.env), peakRss(bareSweep, fleet.env)]);
  record('its peak RSS, beside the bare sweep', sweepRss, floorRss, 'same requests, no SDK', '—', true, mb);
  await fleet.stop();
}

// 3. Real-Azure start: a fake az that takes 700 ms, ARM 100 ms away.
if (runs('azure')) {
  const arm = await emulator('--latency', '100');
  const azFolder = join(scratch, 'az');
  spawnSync('mkdir', ['-p', azFolder]);
  writeFileSync(
    join(azFolder, 'az'),
    `#!/bin/sh\nsleep 0.7\ncase "$1 $2" in\n  "account get-access-token") printf '%s' '{"accessToken":"${arm.token}","expiresOn":"2099-01-01 00:00:00.000000","expires_on":4102444800,"tokenType":"Bearer"}' ;;\n  *) echo '{}' ;;\nesac\n`,
  );
  chmodSync(join(azFolder, 'az'), 0o755);
  const azEnv = { ...arm.env, NGINXAAS_ACCESS_TOKEN: '', PATH: `${azFolder}:${process.env.PATH}` };
  delete azEnv.NGINXAAS_ACCESS_TOKEN;
  const starts = [];
  const bareStarts = [];
  for (let i = 0; i < 3; i++) {
    starts.push((await inPty([bin, '--auth', 'cli'], [/web-01/], azEnv))[0]);
    bareStarts.push(await bare());
  }
  const graphTrip = median([
    await roundTrip(arm, '/subscriptions?api-version=2022-12-01'),
    await roundTrip(arm, '/subscriptions?api-version=2022-12-01'),
  ]);
  const budget = 700 + graphTrip + 150;
  record(
    'wizard list ready, az 700 ms, ARM 100 ms',
    median(starts),
    budget,
    `az + ${graphTrip.toFixed(0)} ms trip + 150`,
    '≤ 1.0×',
    median(starts) <= budget,
  );
  // What no program can beat here: node starting in this pty, then az, then one round trip.
  const floor = median(bareStarts) + 700 + graphTrip;
  record(
    'the same, beside its floor',
    median(starts),
    floor,
    `bare node ${median(bareStarts).toFixed(0)} + az + trip`,
    '—',
    true,
  );
  await arm.stop();
}

// 4. Filtering 5,000 deployments: keystroke to the redrawn frame, in a pty, beside a bare Ink app
// that draws and filters a list of the same size (bench/bare-ink-list.mjs): Ink's own floor.
/**
 * Milliseconds from each key written until the frame that answers it is drawn whole: the field
 * shows what was typed (the count line, once it is emptied), and the frame's end follows. Both
 * programs draw the field as `❯ text` with a reverse-video caret, and Ink ends each frame with the
 * end of a synchronized update; a frame drawn in between (a mark arriving) does not count.
 */
const FRAME_END = '\u001b[?2026l';
function keystrokes(args, extraEnv, size) {
  return new Promise((resolve, reject) => {
    const pty = spawnPty(node, args, {
      ...size,
      cwd: scratch,
      env: { ...env, ...extraEnv, TERM: 'xterm-256color' },
    });
    let output = '';
    let waiting;
    pty.onData((data) => {
      output += data;
      if (!waiting) return;
      const after = output.slice(waiting.from);
      const at = after.indexOf(waiting.shows);
      if (at >= 0 && after.indexOf(FRAME_END, at) >= 0) {
        const { done } = waiting;
        waiting = undefined;
        done(performance.now());
      }
    });
    // Ctrl+U between words empties the filter, so the whole list comes back, then narrows again.
    const keys = 'edge-1-2edge-3-1edge-12-0'
      .split('')
      .flatMap((key, i) => (i > 0 && i % 8 === 0 ? ['\u0015', key] : [key]));
    const measured = [];
    const until = (pattern) =>
      new Promise((ok) => {
        const check = () => (pattern.test(output) ? ok() : setTimeout(check, 20));
        check();
      });
    (async () => {
      await until(/5001 deployments in/);
      await new Promise((r) => setTimeout(r, 500));
      let typed = '';
      for (const key of keys) {
        typed = key === '\u0015' ? '' : typed + key;
        const shows = typed === '' ? '5001 deployments in' : `❯ ${typed}\u001b[7m`;
        const sent = performance.now();
        const shown = new Promise((done) => (waiting = { from: output.length, shows, done }));
        pty.write(key);
        measured.push((await shown) - sent);
        await new Promise((r) => setTimeout(r, 60));
      }
      pty.write('\u0003');
      pty.onExit(() => resolve(measured));
    })().catch(reject);
  });
}

if (runs('filter')) {
  const big = await emulator('--seed-fleet', '1667x3');
  // The target's terminal (120×40), and a small one (80×24), reported beside it.
  for (const [size, targets] of [
    [{ cols: 120, rows: 40 }, true],
    [{ cols: 80, rows: 24 }, false],
  ]) {
    const ours = [];
    const bare = [];
    for (let i = 0; i < 3; i++) {
      ours.push(...(await keystrokes([bin], big.env, size)));
      bare.push(...(await keystrokes([join(root, 'bench', 'bare-ink-list.mjs')], { NODE_ENV: 'production' }, size)));
    }
    const at = `${size.cols}×${size.rows}`;
    record(
      `filter 5,000 at ${at}, keystroke p95`,
      p95(ours),
      p95(bare),
      'bare Ink list, same keys',
      targets ? '≤ 1.0×' : '—',
      !targets || p95(ours) <= p95(bare),
    );
    record(
      `the same at ${at}, median keystroke`,
      median(ours),
      median(bare),
      'bare Ink list, same keys',
      targets ? '≤ 2.0×' : '—',
      !targets || median(ours) <= 2 * median(bare),
    );
  }
  const bareRss = median([peakRss(['-e', '0']), peakRss(['-e', '0']), peakRss(['-e', '0'])]);
  await big.stop();
  // The wizard's own peak, through a pty: the demo's list, held for a second.
  const rssFile = join(scratch, 'wizard-rss');
  await inPty(['--require', probe, bin, '--demo'], [/web-01/], { NGINXAAS_BENCH_RSS_FILE: rssFile });
  await new Promise((r) => setTimeout(r, 300));
  const wizard = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024;
  record('wizard peak RSS (--demo)', wizard, bareRss, 'node -e 0', '≤ 90 MB', wizard <= 90, mb);
}

const table = [
  '| figure | measured | baseline (same run) | ratio | target | met |',
  '|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.label} | ${r.value} | ${r.baseline} | ${r.ratio} | ${r.target} | ${r.met} |`),
].join('\n');
console.log(`\n${table}`);
if (process.argv.includes('--record')) {
  // Each runtime's table sits between its own pair of markers.
  const marker = `<!-- table node${nodeVersion.slice(1).split('.')[0]} -->`;
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${nodeVersion}, ${new Date().toISOString().slice(0, 10)}`;
  const previous = readFileSync(join(root, 'BENCHMARKS.md'), 'utf8').split(marker);
  if (previous.length !== 3) throw new Error(`BENCHMARKS.md has no pair of ${marker} to write between`);
  writeFileSync(
    join(root, 'BENCHMARKS.md'),
    `${previous[0]}${marker}\n\nMachine: ${machine}\n\n${table}\n\n${marker}${previous[2]}`,
  );
}
// The scratch folder holds a second 100 MB executable when the standalone section ran.
rmSync(scratch, { recursive: true, force: true });
