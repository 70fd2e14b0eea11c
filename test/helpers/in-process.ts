/**
 * A command run in-process as cli/main.ts runs it — parse argv, typed options, run with the gateway
 * and I/O handed in, failures reported the same way — against the real gateway and the HTTPS
 * emulator. Faster than spawning the binary, and a failure shows where it happened.
 */
import { prepareCommand, type Mode } from '../../src/cli/command-table';
import type { Values } from '../../src/cli/options';
import { parseCommandLine } from '../../src/cli/parse';
import { parseConnectOptions } from '../../src/cli/scope';
import { closeRun } from '../../src/cli/closing';
import { Custody } from '../../src/keys/custody';
import type { Gateway } from '../../src/port/gateway';
import { testIo } from './test-io';

/** argv that cli/main.ts would hand to the wizard, the emulator, completion or help. */
export class NotRunnable extends Error {
  override readonly name = 'NotRunnable';
  constructor(argv: string[], mode: Mode) {
    super(`runInProcess runs commands only; ${JSON.stringify(argv)} is ${mode}: run the binary`);
  }
}

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runInProcess(
  argv: string[],
  gateway: Gateway,
  options: {
    stdin?: string;
    tty?: boolean;
    now?: Date;
    columns?: number;
    onStart?: (abort: () => void) => void;
  } = {},
): Promise<InProcessResult> {
  const t = testIo(options);
  let values: Values = {};
  let mode: Mode = 'wizard';
  let code: number;
  const custody = new Custody();
  const ending = () => ({ custody, io: t.io, values, mode, demo: false, gateway });
  try {
    const parsed = parseCommandLine(argv);
    values = parsed.values;
    mode = parsed.mode;
    // Not something this helper can run (the wizard, the emulator, completion, help): refused,
    // never counted as a run's result. Give such argv to the binary (helpers/cli.ts).
    if (parsed.mode === 'wizard' || parsed.mode === 'emulator' || parsed.mode === 'completion' || values.help)
      return Promise.reject(new NotRunnable(argv, parsed.mode));
    // In the order cli/main.ts reads them: where the run goes, then what the command is asked to do.
    parseConnectOptions(values, { NGINXAAS_ACCESS_TOKEN: 'in-process' });
    const run = await prepareCommand(parsed.mode, values, t.io.now());
    options.onStart?.(t.abort);
    code = await closeRun(ending(), { code: await run({ gateway, io: t.io, custody }) });
  } catch (error) {
    code = await closeRun(ending(), { failure: error });
  }
  return { code, stdout: t.stdout(), stderr: t.stderr() };
}
