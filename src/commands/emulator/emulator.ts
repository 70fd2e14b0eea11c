/**
 * `nginxaas-keys emulator`: the local NGINXaaS in the foreground. It prints where it listens,
 * its CA file and its token (with -o json: one JSON line, for scripts), and stops on Ctrl+C.
 */
import { COMMAND_NAME } from '../../domain/started-as';
import { printable } from '../../domain/printable';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text, type CommandValues } from '../shared/flags';
import type { EMULATOR_FLAGS } from './flags';
import { UsageError } from '../../port/usage-error';
import { isEmulatorData, type EmulatorData } from '../../emulator/data';
import { fleetWorld, parseFleetSize, type FleetSize } from '../../emulator/fleet';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { EXIT, type Io } from '../../port/io';
import { figures } from '../../term/style';
import stringWidth from '../../term/display-width';
import { cutMiddle, hangingLines, indentedCommand } from '../../term/text-width';

function loadWorld(path: string, what: string): EmulatorData {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read the ${what} file '${path}': ${(error as Error).message.split('\n')[0]}`);
  }
  if (!isEmulatorData(parsed))
    throw new UsageError(`'${path}' is not an emulator world (subscriptions, deployments, keys)`);
  return parsed;
}

export interface EmulatorCommandOptions {
  port: number;
  statePath?: string;
  seedPath?: string;
  fleet?: FleetSize;
  latencyMs?: number;
  json: boolean;
}

export function parseEmulatorOptions(values: CommandValues<typeof EMULATOR_FLAGS>): EmulatorCommandOptions {
  const portText = text(values, 'port') ?? '0';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535)
    throw new UsageError(`--port '${printable(portText)}' is not a port number`);
  const statePath = text(values, 'state');
  const seedPath = text(values, 'seed');
  const fleetText = text(values, 'seed-fleet');
  const fleet = fleetText === undefined ? undefined : parseFleetSize(fleetText);
  if (fleetText !== undefined && !fleet)
    throw new UsageError(
      `--seed-fleet '${printable(fleetText)}' is not SUBSCRIPTIONSxDEPLOYMENTS (such as 1000x3, at most 100000 in all)`,
    );
  if (fleet && seedPath !== undefined) throw new UsageError('--seed-fleet and --seed both make the world: give one');
  const latencyText = text(values, 'latency');
  const latencyMs = latencyText === undefined ? undefined : Number(latencyText);
  if (latencyText !== undefined && (!/^\d{1,5}$/.test(latencyText) || Number(latencyText) > 60_000))
    throw new UsageError(`--latency '${printable(latencyText)}' is not a number of milliseconds (0 to 60000)`);
  return {
    port,
    json: values.output === 'json',
    fleet,
    latencyMs,
    statePath,
    seedPath,
  };
}

/** `program`: the program as this run was started, in the command it suggests for the other shell. */
export async function runEmulator(options: EmulatorCommandOptions, io: Io, program = COMMAND_NAME): Promise<number> {
  const { port, statePath, seedPath } = options;
  const data =
    statePath && existsSync(statePath)
      ? loadWorld(statePath, 'state')
      : seedPath
        ? loadWorld(seedPath, 'seed')
        : options.fleet
          ? fleetWorld(options.fleet, new Date())
          : undefined;

  const emulator = await startEmulator({
    port,
    latencyMs: options.latencyMs,
    data,
    statePath,
    token: process.env.NGINXAAS_EMULATOR_TOKEN,
  });
  // Written at once: a state file that was there before (perhaps 0644) is replaced by our 0600 one.
  emulator.world.save();
  const folder = mkdtempSync(join(tmpdir(), 'nginxaas-keys-emulator-'));
  try {
    return await serve(emulator, folder, options, io, program);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function serve(
  emulator: RunningEmulator,
  folder: string,
  options: EmulatorCommandOptions,
  io: Io,
  program: string,
): Promise<number> {
  const statePath = options.statePath;
  const caFile = join(folder, 'ca.pem');
  writeFileSync(caFile, emulator.caPem, { mode: 0o644 });

  if (options.json) {
    io.stdout.write(`${JSON.stringify({ url: emulator.url, caFile, token: emulator.token, pid: process.pid })}\n`);
  } else {
    const p = io.out;
    const columns = io.stdout.isTTY ? io.stdout.columns : undefined;
    // Each command to paste on lines of its own (term/text-width: laid out as a shell reads it).
    const shell = (command: string) => indentedCommand(command, columns || undefined, '  ');
    const listening = hangingLines(
      `${figures.pass} NGINXaaS emulator listening on ${emulator.url} (loopback only)`,
      columns,
    ).map((line) =>
      line.replace(figures.pass, p('success', figures.pass)).replace(emulator.url, p('accent', emulator.url)),
    );
    io.stdout.write(
      [
        ...listening,
        ...labelled('CA certificate', caFile, columns),
        ...labelled('access token', emulator.token, columns),
        '',
        'Use it from another shell:',
        ...shell(`export NGINXAAS_ARM_ENDPOINT=${emulator.url}`),
        ...shell(`export NGINXAAS_ARM_CA=${caFile}`),
        ...shell(`export NGINXAAS_ACCESS_TOKEN=${emulator.token}`),
        ...shell(`${program} list --all`),
        '',
        'Or:',
        ...shell(
          `curl --cacert ${caFile} -H "Authorization: Bearer ${emulator.token}" "${emulator.url}/subscriptions?api-version=2022-12-01"`,
        ),
        ...hangingLines(`${statePath ? `State is kept in ${statePath}. ` : ''}Ctrl+C stops it.`, columns),
        '',
      ].join('\n'),
    );
  }

  await new Promise<void>((resolve) => {
    if (io.signal.aborted) return resolve();
    io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await emulator.close();
  if (!options.json) io.stderr.write('Emulator stopped.\n');
  return EXIT.ok;
}

/**
 * `  label  value`, or the value on a line of its own below the label where both do not fit; a
 * value wider than the terminal even so is cut in its middle: it is there to be read, and the
 * exports below carry it whole, to be pasted.
 */
function labelled(label: string, value: string, columns: number | undefined): string[] {
  const line = `  ${label.padEnd(16)}${value}`;
  return !columns || stringWidth(line) < columns ? [line] : [`  ${label}`, `    ${cutMiddle(value, columns - 5)}`];
}
