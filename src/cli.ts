/**
 * The entry point: parse argv with the one schema, then pick a mode — the wizard (a terminal),
 * the plain prompts (--plain, TERM=dumb), a command, or the emulator. Returns the exit code.
 */
import { parseCommandLine, UsageError, type Mode, type Values } from './cli-options';
import type { Connection } from './cli-connect';
import { GatewayError } from './gateway';
import { helpText } from './help';
import { EXIT, type Io } from './io';
import { Notices } from './notices';
import { colorEnabled, painter } from './style';

function makeIo(values: Values, signal: AbortSignal): Io {
  const noColor = values['no-color'] === true;
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    now: () => new Date(),
    out: painter(colorEnabled(process.stdout, process.env, noColor)),
    err: painter(colorEnabled(process.stderr, process.env, noColor)),
    signal,
  };
}

const WIZARD_INSTEAD =
  'the wizard needs an interactive terminal; in scripts use: nginxaas-keys create -d <deployment> -g <resource-group> --name <key-name> --secret-out <file>   (or --plain for line prompts)';

export async function main(argv: string[]): Promise<number> {
  const aborter = new AbortController();
  const onSignal = () => aborter.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let mode: Mode = 'wizard';
  let values: Values = {};
  const io = () => makeIo(values, aborter.signal);
  let connection: Connection | undefined;
  const verboseLines: string[] = [];
  try {
    ({ mode, values } = parseCommandLine(argv));
    if (values.version === true) {
      process.stdout.write(`nginxaas-keys ${process.env.NGINXAAS_KEYS_VERSION ?? 'dev'}\n`);
      return EXIT.ok;
    }
    if (values.help === true) {
      process.stdout.write(helpText(mode));
      return EXIT.ok;
    }
    if (values.output !== undefined && values.output !== 'text' && values.output !== 'json') {
      throw new UsageError(`--output must be text or json, not '${String(values.output)}'`);
    }
    if (mode === 'emulator') {
      const { runEmulator } = await import('./commands/emulator');
      return await runEmulator(values, io());
    }

    const interactive = mode === 'wizard';
    const plain = interactive && (values.plain === true || process.env.TERM === 'dumb');
    if (interactive && !plain && !(process.stdin.isTTY && process.stdout.isTTY && !process.env.CI)) {
      throw new UsageError(process.env.CI ? `CI is set: ${WIZARD_INSTEAD}` : WIZARD_INSTEAD);
    }
    if (plain && !process.stdin.isTTY) throw new UsageError(`--plain asks questions and needs a terminal; ${WIZARD_INSTEAD.split('; ')[1]}`);

    // In the full-screen wizard, log lines would tear the screen: keep them until it ends.
    const fullScreen = interactive && !plain;
    const log =
      values.verbose === true
        ? (line: string) => (fullScreen ? verboseLines.push(line) : process.stderr.write(`${io().err('muted', line)}\n`))
        : undefined;
    const notices = new Notices((message) => process.stderr.write(`${message}\n`));
    const { connect } = await import('./cli-connect');
    connection = await connect(values, process.env, {
      ...(log ? { log } : {}),
      onDeviceCode: (message) => notices.emit(message),
    });

    if (fullScreen) {
      const { runWizard } = await import('./ui/run-wizard');
      return await runWizard(connection, values, io(), notices);
    }
    if (plain) {
      const { runPlain } = await import('./plain/run-plain');
      return await runPlain(connection, values, io());
    }
    const { runCommand } = await import('./commands/run-command');
    return await runCommand(mode, connection, values, io());
  } catch (error) {
    return reportFailure(error, values, io());
  } finally {
    for (const line of verboseLines) process.stderr.write(`${line}\n`);
    await connection?.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function reportFailure(error: unknown, values: Values, io: Io): number {
  const p = io.err;
  if (error instanceof UsageError) {
    io.stderr.write(`${p('danger', 'error:')} ${error.message}\nSee 'nginxaas-keys --help'.\n`);
    return EXIT.usage;
  }
  if (error instanceof GatewayError && error.kind === 'cancelled') {
    io.stderr.write('Cancelled.\n');
    return EXIT.cancelled;
  }
  if (error instanceof GatewayError) {
    io.stderr.write(`${p('danger', 'error:')} ${error.plain}\n`);
    return EXIT.failed;
  }
  if ((error as Error)?.name === 'AbortError' || (error as Error)?.name === 'ExitPromptError') {
    io.stderr.write('Cancelled.\n');
    return EXIT.cancelled;
  }
  const message = (error as Error)?.message?.split('\n')[0] ?? String(error);
  io.stderr.write(`${p('danger', 'error:')} ${message}\n`);
  if (values.verbose === true && (error as Error)?.stack) io.stderr.write(`${(error as Error).stack}\n`);
  return EXIT.failed;
}
