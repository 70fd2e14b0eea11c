// Benchmarks of nginxaas-keys, each printed as a ratio of two things measured side by side in
// this one run (never a timed assertion in a test). Everything talks to 127.0.0.1 only.
//   1. start-up: `--version` of the bundle against a bare `node -e 0`
//   2. the wizard's first frame in a pseudo-terminal against a bare node start
//   3. finding deployments across many subscriptions: one Resource Graph query against listing
//      each subscription, with the same injected latency per request
//   4. peak memory of `list --all --demo` against a bare node
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'node:https';
import { spawn as spawnPty } from '@lydell/node-pty';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'nginxaas-keys.js');
const probe = join(root, 'bench', 'rss-probe.cjs');
const scratch = mkdtempSync(join(tmpdir(), 'nginxaas-keys-bench-'));
const env = { ...process.env, NO_COLOR: '1' };
delete env.CI;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const ms = (n) => `${n.toFixed(0)} ms`;
const line = (label, a, b, unit = ms) =>
  console.log(`${label.padEnd(56)} ${unit(a).padStart(9)} vs ${unit(b).padStart(9)}   ratio ${(a / b).toFixed(2)}`);

function timeOnce(args, extraEnv = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env: { ...env, ...extraEnv }, stdio: 'ignore' });
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

function firstFrame(args, text) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const pty = spawnPty(process.execPath, args, {
      cols: 110,
      rows: 34,
      cwd: root,
      env: { ...env, TERM: 'xterm-256color' },
    });
    let output = '';
    const timer = setTimeout(() => {
      pty.kill();
      reject(new Error(`no "${text}" within 20 s`));
    }, 20_000);
    pty.onData((data) => {
      output += data;
      if (output.includes(text)) {
        clearTimeout(timer);
        const elapsed = performance.now() - started;
        pty.write('\u0003');
        pty.onExit(() => resolve(elapsed));
      }
    });
  });
}

function peakRss(args) {
  const file = join(scratch, `rss-${Math.random().toString(36).slice(2)}`);
  const result = spawnSync(process.execPath, ['--require', probe, ...args], {
    env: { ...env, NGINXAAS_BENCH_RSS_FILE: file },
    stdio: 'ignore',
  });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
  return Number(readFileSync(file, 'utf8').trim().split('\n').pop()) / 1024;
}

function bigWorld(subscriptions) {
  const data = { subscriptions: [], deployments: [], keys: [] };
  for (let i = 0; i < subscriptions; i++) {
    const id = `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`;
    data.subscriptions.push({
      subscriptionId: id,
      displayName: `Subscription ${i}`,
      state: 'Enabled',
      tenantId: 't',
      resourceGroups: ['rg'],
    });
    for (const name of ['edge', 'api']) {
      data.deployments.push({
        subscriptionId: id,
        resourceGroup: 'rg',
        name: `${name}-${i}`,
        location: 'eastus2',
        provisioningState: 'Succeeded',
        hasEndpoint: true,
        sku: 'standardv3_Monthly',
        nginxVersion: 'nginx/1.27.4',
      });
    }
  }
  return data;
}

async function startEmulator(seedFile) {
  const child = spawn(process.execPath, [bin, 'emulator', '--seed', seedFile, '-o', 'json'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const first = await new Promise((resolve) => child.stdout.once('data', (d) => resolve(String(d))));
  return { child, ...JSON.parse(first) };
}

function control(emulator, method, path, body) {
  return new Promise((resolve, reject) => {
    const req = request(
      `${emulator.url}${path}`,
      {
        method,
        ca: readFileSync(emulator.caFile),
        headers: { authorization: `Bearer ${emulator.token}`, 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', resolve);
      },
    );
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

async function discovery() {
  const subscriptions = 60;
  const latency = 40;
  const seed = join(scratch, 'world.json');
  writeFileSync(seed, JSON.stringify(bigWorld(subscriptions)));
  const emulator = await startEmulator(seed);
  const cliEnv = {
    NGINXAAS_ARM_ENDPOINT: emulator.url,
    NGINXAAS_ARM_CA: emulator.caFile,
    NGINXAAS_ACCESS_TOKEN: emulator.token,
  };
  const lookup = async (graphForbidden) => {
    // Resource Graph forbidden: the gateway lists each subscription instead (4 at a time).
    if (graphForbidden)
      await control(emulator, 'POST', '/_emulator/faults', {
        path: 'Microsoft.ResourceGraph',
        status: 403,
        code: 'AuthorizationFailed',
        times: -1,
      });
    await control(emulator, 'POST', '/_emulator/faults', { delayMs: latency, times: -1 });
    const elapsed = timeOnce([bin, 'endpoint', '-d', `api-${subscriptions - 1}`, '-o', 'json'], cliEnv);
    await control(emulator, 'DELETE', '/_emulator/faults');
    return elapsed;
  };
  const [perSubscription, graph] = await sideBySide(
    () => lookup(true),
    () => lookup(false),
    3,
  );
  emulator.child.kill('SIGINT');
  return { subscriptions, latency, graph, perSubscription };
}

console.log(`nginxaas-keys benchmarks on Node ${process.version}, medians; the ratio is left / right\n`);
const [version, bare] = await sideBySide(
  () => timeOnce([bin, '--version']),
  () => timeOnce(['-e', '0']),
  10,
);
line('1. start-up: --version vs bare node -e 0', version, bare);
const [wizard, bareFrame] = await sideBySide(
  () => firstFrame([bin, '--demo'], 'Choose a deployment'),
  () => firstFrame(['-e', 'process.stdout.write("ready"); setTimeout(() => {}, 100)'], 'ready'),
  5,
);
line('2. wizard --demo until its list vs bare node output', wizard, bareFrame);
const d = await discovery();
console.log(`   (3: ${d.subscriptions} subscriptions, 2 deployments each, ${d.latency} ms added to every request)`);
line('3. find a deployment: per-subscription vs Resource Graph', d.perSubscription, d.graph);
const [rss, bareRss] = await sideBySide(
  () => peakRss([bin, 'list', '--all', '--demo', '-o', 'json']),
  () => peakRss(['-e', '0']),
  3,
);
line('4. peak RSS: list --all --demo vs bare node', rss, bareRss, (n) => `${n.toFixed(1)} MB`);
