import { spawn } from 'node:child_process';
import { spawn as spawnPty } from '@lydell/node-pty';
const bin = '/work/main/bin/nginxaas-keys.js';
const child = spawn(process.execPath, [bin, 'emulator', '-o', 'json', '--seed-fleet', '1667x3'], { stdio: ['ignore', 'pipe', 'inherit'] });
const info = JSON.parse(await new Promise((r) => child.stdout.once('data', (d) => r(String(d)))));
const env = { ...process.env, NGINXAAS_ARM_ENDPOINT: info.url, NGINXAAS_ARM_CA: info.caFile, NGINXAAS_ACCESS_TOKEN: info.token, TERM: 'xterm-256color', NODE_OPTIONS: '--cpu-prof --cpu-prof-dir=/tmp/wprof' };
delete env.CI;
const pty = spawnPty(process.execPath, [bin], { cols: 120, rows: 40, env });
let out = '';
pty.onData((d) => (out += d));
while (!/of 5001 deployments/.test(out)) await new Promise((r) => setTimeout(r, 20));
await new Promise((r) => setTimeout(r, 300));
for (const k of 'edge-1-2edge-3-1edge-12-0') { pty.write(k); await new Promise((r) => setTimeout(r, 60)); }
pty.write('\u0003');
await new Promise((r) => pty.onExit(r));
child.kill('SIGINT');
