/**
 * The entry point: parse argv with the one schema, read the mode's flags into typed options (every
 * usage error before any sign-in or request), connect, then run the mode — the wizard (a
 * terminal), the plain prompts (--plain, TERM=dumb), a command, or the emulator. Returns the exit
 * code.
 */
import { setMaxListeners } from 'node:events';
import { askAzEarly } from './az-token';
import { prepareCommand, type Mode, type Shell } from './commands';
import { flag, type Values } from './options';
import { parseCommandLine } from './parse';
import { parseConnectOptions, parseWizardScope } from './scope';
import { deferredGateway } from '../port/deferred-gateway';
import { terminalSafe } from '../port/terminal-safe-gateway';
import { helpOnHelpText, helpText } from './help';
import { versionLine } from './version';
import { EXIT, type Io } from '../port/io';
import { Notices } from '../port/notices';
import type { Session } from '../port/session';
import { colorEnabled, painter } from '../term/style';
import { UsageError } from '../port/usage-error';
import { keepTime } from './clock';
import { captureOutput } from './output-file';
import { watched } from '../port/watched-gateway';
import { switchableGateway } from '../port/switchable-gateway';
import { closingOnce, type Outcome } from './closing';
import { Custody } from '../keys/custody';
import type { Gateway } from '../port/gateway';
import type { RunTimeLimit } from '../port/run-limit';
import { applySettings, historyPath, lastUsedPath, settingsWords, type SettingsInForce } from './saved-settings';
import { lastUsedDeployment, rememberDeployment } from '../files/last-used-file';
import { HistoryFile } from '../files/history-file';
import { recorded } from '../port/recorded-gateway';
import type { History } from '../port/history';

/** The time limit's last step: the closing step (it may cut a network wait short, never itself), then leave. */
async function leaveAfterClosing(reason: RunTimeLimit, close: (outcome: Outcome) => Promise<number>): Promise<void> {
  const failure = new Error(`${reason.message}, and the run did not stop when asked: leaving now`);
  const code = await close({ failure });
  await flushed(process.stdout);
  await flushed(process.stderr);
  process.exit(code);
}

/** Resolves once the stream has handed everything over (or its reader went away). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    stream.once('error', () => resolve());
    if (stream.writableLength === 0) resolve();
    else stream.write('', () => resolve());
  });
}

/** The run's streams; `extra` is what a command adds or puts in their place (its clock, an output file). */
function makeIo(values: Values, signal: AbortSignal, forceSignal: AbortSignal, extra?: Partial<Io>): Io {
  const noColor = flag(values, 'no-color');
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    now: () => new Date(),
    out: painter(colorEnabled(process.stdout, process.env, noColor)),
    err: painter(colorEnabled(process.stderr, process.env, noColor)),
    signal,
    forceSignal,
    ...extra,
  };
}

const WIZARD_INSTEAD =
  'the wizard needs an interactive terminal; in scripts use: nginxaas-keys create -d <deployment> -g <resource-group> --name <key-name> --secret-out <file>';

/** SIGHUP too: a closed terminal must not leave a key half-made without a word. */
const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Commands whose stdout may carry a key: a failed write there is handled where it is made. */
const CARRY_SECRETS = new Set(['create', 'rotate']);

/**
 * `list --all | head -1`: the reader went away. Leave at once and quietly, as git and gh do, with
 * the status a process killed by SIGPIPE has (141) — unless stdout may carry a key, whose failed
 * write takes the key back (commands/new-key.ts) before the run ends.
 */
function quietOnClosedPipe(argv: string[]): void {
  const carriesSecret = argv.some((word) => CARRY_SECRETS.has(word));
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' || carriesSecret) return;
    process.exit(141);
  });
}

export async function main(argv: string[]): Promise<number> {
  const aborter = new AbortController();
  const forcer = new AbortController();
  // Every request in flight listens on these (a fleet sweep has dozens at once): not a leak.
  setMaxListeners(1000, aborter.signal, forcer.signal);
  // The first signal asks to stop; a second one insists (see Io.forceSignal).
  const onSignal = () => (aborter.signal.aborted ? forcer.abort() : aborter.abort());
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  quietOnClosedPipe(argv);
  let mode: Mode = 'wizard';
  let values: Values = {};
  let clock: ReturnType<typeof keepTime> | undefined;
  let toFile: Partial<Io> = {};
  const io = () => makeIo(values, aborter.signal, forcer.signal, { ...clock?.io, ...toFile });
  let session: Session | undefined;
  // Every ending of a command reads the run's custody record, in one closing step (closing.ts).
  const custody = new Custody();
  let commandGateway: Gateway | undefined;
  let history: History | undefined;
  const close = closingOnce(() => ({
    custody,
    io: io(),
    values,
    mode,
    demo: session?.demo ?? false,
    ...(commandGateway ? { gateway: commandGateway } : {}),
    ...(history ? { history } : {}),
  }));
  const leave = (reason: RunTimeLimit) => void leaveAfterClosing(reason, close);
  const doors: ({ close(): Promise<void> } | undefined)[] = [];
  const verboseLines: string[] = [];
  let ranWith: SettingsInForce | undefined;
  try {
    let shell: Shell | undefined;
    let helpOnHelp: true | undefined;
    let words: string[] | undefined;
    ({ mode, values, shell, helpOnHelp, words } = parseCommandLine(argv));
    if (flag(values, 'version')) {
      process.stdout.write(`${versionLine()}\n`);
      return EXIT.ok;
    }
    if (flag(values, 'help')) {
      const columns = process.stdout.isTTY ? process.stdout.columns : 80;
      process.stdout.write(helpOnHelp ? helpOnHelpText(columns) : helpText(mode, columns));
      return EXIT.ok;
    }
    if (mode === 'completion' && shell) {
      const { completionScript } = await import('./completion');
      process.stdout.write(completionScript(shell));
      return EXIT.ok;
    }
    if (mode === 'emulator') {
      const { parseEmulatorOptions, runEmulator } = await import('../commands/emulator');
      return await runEmulator(parseEmulatorOptions(values), io());
    }
    if (mode === 'config') {
      const { runConfig } = await import('./config-command');
      return await close({ code: runConfig(words ?? [], values, io()) });
    }
    // Saved defaults fill the flags that neither a flag nor the environment gave: every check below reads them.
    const settings: SettingsInForce = applySettings(mode, values, process.env);
    ranWith = settings;
    if (mode === 'history') {
      const { parseHistoryOptions, runHistory } = await import('../commands/history');
      const options = parseHistoryOptions(values, new Date());
      return await close({ code: runHistory(historyPath(process.env, flag(values, 'demo')), options, io()) });
    }

    const interactive = mode === 'wizard';
    const plain = interactive && (flag(values, 'plain') || process.env.TERM === 'dumb');
    if (interactive && !plain && !(process.stdin.isTTY && process.stdout.isTTY && !process.env.CI)) {
      throw new UsageError(process.env.CI ? `CI is set: ${WIZARD_INSTEAD}` : WIZARD_INSTEAD);
    }
    if (plain && !process.stdin.isTTY)
      throw new UsageError(`--plain asks questions and needs a terminal; ${WIZARD_INSTEAD.split('; ')[1]}`);

    // Every flag is read and checked here, before a credential is built or a request sent:
    // first where the run goes, then what the mode is asked to do.
    const connectOptions = parseConnectOptions(values, process.env);
    const scope = interactive ? parseWizardScope(values) : undefined;
    // From here a command keeps time: signing in counts too (az can hang).
    if (!interactive) clock = keepTime(values, aborter, forcer, leave);
    const captured = interactive ? undefined : captureOutput(values);
    // Output meant for a file is gathered, and carries no colour.
    if (captured) toFile = { stdout: captured.stdout, out: painter(false) };
    const prepared = interactive ? undefined : await prepareCommand(mode, values, new Date());

    // `az` takes most of a second: once every check has passed, it runs while the rest of the program loads.
    const early =
      !connectOptions.demo && connectOptions.auth === 'cli'
        ? askAzEarly(connectOptions, connectOptions.tenant)
        : undefined;
    // In the full-screen wizard, log lines would tear the screen: keep them until it ends.
    const fullScreen = interactive && !plain;
    const log = flag(values, 'verbose')
      ? (line: string) => (fullScreen ? verboseLines.push(line) : process.stderr.write(`${io().err('muted', line)}\n`))
      : undefined;
    const inForce = settingsWords(settings);
    if (log && inForce) log(inForce);
    // Every change this run makes is recorded (the intent before the request, the outcome after).
    history = new HistoryFile(historyPath(process.env, connectOptions.demo), {
      onProblem: (message) => process.stderr.write(`${io().err('warning', 'warning:')} ${message}\n`),
    });
    const record = { history, command: mode, ...(settings.profile !== undefined ? { profile: settings.profile } : {}) };
    // The wizard offers the deployment last used (per profile) first; it is remembered when the wizard ends.
    const memory = lastUsedPath(process.env, connectOptions.demo);
    const remember = (deploymentId: string) => {
      try {
        rememberDeployment(memory, settings.profile, deploymentId);
      } catch {
        // Only the order of a list next time: not worth a word on a screen that is going away.
      }
    };
    const lastUsed = interactive && !scope?.deployment ? lastUsedDeployment(memory, settings.profile) : undefined;
    const notices = new Notices((message) => process.stderr.write(`${message}\n`));
    const hooks = {
      ...(log ? { log } : {}),
      onDeviceCode: ({ message }: { message: string }) => notices.emit(message),
      onNotice: (message: string) => notices.emit(message),
      ...(early ? { early } : {}),
    };

    if (fullScreen && scope) {
      // The first frame is drawn before the Azure SDK (or the demo's emulator) loads: the screens
      // load first, then connecting starts, and the wizard's calls wait for it.
      const [{ runWizard }, { authDescription, connect, demoVault }, { signInDoor }] = await Promise.all([
        import('../ui/run-wizard'),
        import('./connect'),
        import('./sign-in-door'),
      ]);
      // Connecting (the Azure SDK, or the demo's emulator) starts once the first frame is drawn: on a
      // fast start (Node 24's compile cache) it would otherwise be loaded before the frame, not beside it.
      let drawn = () => {};
      const firstFrame = new Promise<void>((resolve) => (drawn = resolve));
      const connecting = firstFrame.then(() => connect(connectOptions, process.env, hooks));
      connecting.then((connected) => (session = connected)).catch(() => undefined);
      const gateway = switchableGateway(
        deferredGateway(
          authDescription(connectOptions),
          connecting.then((connected) => connected.gateway),
        ),
      );
      // The token (az: most of a second) is fetched while the wizard draws, not after.
      gateway.warmUp?.();
      const vault = demoVault(connectOptions);
      // No token to be had: the wizard offers the ways to sign in, in this run (not on the demo).
      const door = connectOptions.demo ? undefined : signInDoor(connectOptions, process.env, hooks, gateway);
      doors.push(door);
      const wizardScope = {
        ...scope,
        ...(vault ? { demoVault: vault } : {}),
        ...(door ? { signIn: door.facts } : {}),
        ...(lastUsed ? { lastUsed } : {}),
        history,
      };
      return await runWizard(
        {
          gateway: terminalSafe(recorded(gateway, record)),
          demo: connectOptions.demo,
          notices,
          connected: connecting,
          ...(door ? { door } : {}),
          remember,
          drawn,
        },
        wizardScope,
        io(),
      );
    }

    const { connect } = await import('./connect');
    session = await connect(connectOptions, process.env, hooks);
    session.gateway.warmUp?.();
    if (plain && scope) {
      const [{ runLineFace }, { signInDoor }] = await Promise.all([
        import('../plain/line-face'),
        import('./sign-in-door'),
      ]);
      const gateway = switchableGateway(session.gateway);
      const door = session.demo ? undefined : signInDoor(connectOptions, process.env, hooks, gateway);
      doors.push(door);
      return await runLineFace(
        { gateway: terminalSafe(recorded(gateway, record)), demo: session.demo, ...(door ? { door } : {}), remember },
        { ...scope, ...(door ? { signIn: door.facts } : {}), ...(lastUsed ? { lastUsed } : {}), history },
        io(),
      );
    }
    // JSON carries Azure's own text; everything drawn on a terminal sees it escaped.
    const json = values.output === 'json';
    const changes = recorded(session.gateway, record);
    const seen = clock ? watched(changes, clock.status) : changes;
    const gateway = json ? seen : terminalSafe(seen);
    commandGateway = gateway;
    const code = await (prepared as NonNullable<typeof prepared>)({
      gateway,
      io: io(),
      demo: session.demo,
      custody,
      settings,
    });
    const unwritten = captured?.commit();
    if (unwritten !== undefined) process.stderr.write(`${io().err('danger', 'error:')} ${unwritten}\n`);
    return await close({ code: unwritten === undefined ? code : EXIT.failed });
  } catch (error) {
    const code = await close({ failure: error });
    // A run that failed where saved defaults chose the target says so, so no one wonders why it went there.
    const target = ranWith?.used.filter((u) => ['subscription', 'resource-group', 'deployment'].includes(u.name));
    if (ranWith && target && target.length > 0 && values.output !== 'json')
      process.stderr.write(`${io().err('muted', `note: ${settingsWords({ ...ranWith, used: target })}`)}\n`);
    return code;
  } finally {
    clock?.end();
    for (const line of verboseLines) process.stderr.write(`${line}\n`);
    await session?.close();
    for (const door of doors) await door?.close();
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
  }
}
