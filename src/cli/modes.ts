/**
 * The factory of the modes that reach Azure, as gh's cmdutil.Factory: once every flag is read and
 * checked, it builds what the mode runs with — its streams, its gateway chain (recorded in the
 * history; escaped for a terminal; watched by the run limit), its hooks (log lines, device codes,
 * notices) — and runs it: the full-screen wizard, the line face, or a command.
 */
import { HistoryFile } from '../files/history-file';
import { lastUsedDeployment, rememberDeployment } from '../files/last-used-file';
import { parseSettle } from '../commands/shared/settle';
import { deferredGateway } from '../port/deferred-gateway';
import { EXIT, layoutWidth } from '../port/io';
import { Notices } from '../port/notices';
import { recorded } from '../port/recorded-gateway';
import { switchableGateway } from '../port/switchable-gateway';
import { terminalSafe } from '../port/terminal-safe-gateway';
import { UsageError } from '../port/usage-error';
import { watched } from '../port/watched-gateway';
import { painter } from '../term/style';
import { hangingLines } from '../term/text-width';
import type { WizardScope } from '../wizard/state';
import { askAzEarly } from './az-token';
import { consumersDoor } from './consumers-door';
import { keepingCustody } from './wizard-custody';
import { keepTime } from './clock';
import { prepareCommand, type PreparedCommand } from './command-table';
import type { ConnectHooks } from './connect';
import { flag, text } from './options';
import { captureOutput } from './output-file';
import type { Run } from './run';
import { faceChosen, historyPath, lastUsedPath, settingsWords, type SettingsInForce } from './saved-settings';
import { parseConnectOptions, parseWizardScope, type ConnectOptions } from './scope';

const wizardInstead = (program: string) =>
  `the wizard needs an interactive terminal; in scripts use: ${program} create -d <deployment> -g <resource-group> --name <key-name> --secret-out <file>`;

/** What every mode that reaches Azure is built from. */
interface Parts {
  connectOptions: ConnectOptions;
  hooks: ConnectHooks;
  notices: Notices;
  /** Where each change is recorded: the history, the command's name, the profile. */
  record: Parameters<typeof recorded>[1];
}

/** What the wizard's two faces add: where it starts, and the deployment it remembers. */
interface WizardParts extends Parts {
  scope: WizardScope;
  settings: SettingsInForce;
  remember: (deploymentId: string) => void;
}

/** Which mode the checked flags ask for, built; running it returns the exit code. */
export async function buildMode(run: Run, settings: SettingsInForce): Promise<() => Promise<number>> {
  const { values } = run;
  const interactive = run.mode === 'wizard';
  const plain = interactive && (flag(values, 'plain') || process.env.TERM === 'dumb');
  if (interactive && !plain && !(process.stdin.isTTY && process.stdout.isTTY && !process.env.CI)) {
    throw new UsageError(process.env.CI ? `CI is set: ${wizardInstead(run.program)}` : wizardInstead(run.program));
  }
  if (plain && !process.stdin.isTTY)
    throw new UsageError(`--plain asks questions and needs a terminal; ${wizardInstead(run.program).split('; ')[1]}`);

  // Every flag is read and checked here, before a credential is built or a request sent:
  // first where the run goes, then what the mode is asked to do.
  const connectOptions = parseConnectOptions(values, process.env);
  const scope = interactive ? parseWizardScope(values) : undefined;
  // Checked with every other flag, before any sign-in.
  if (interactive) parseSettle(text(values, 'settle'));
  let prepared: PreparedCommand | undefined;
  let captured: ReturnType<typeof captureOutput>;
  if (!interactive) {
    // From here a command keeps time: signing in counts too (az can hang).
    run.clock = keepTime(values, run.aborter, run.forcer, run.leave);
    if (flag(values, 'quiet')) run.quiet.hold();
    captured = captureOutput(values);
    // Output meant for a file is gathered, and carries no colour.
    if (captured) run.toFile = { stdout: captured.stdout, out: painter(false) };
    prepared = await prepareCommand(run.mode, values, new Date());
  }
  const fullScreen = interactive && !plain;
  const parts = buildParts(run, settings, connectOptions, fullScreen);
  if (!scope || !interactive) return () => runCommand(run, parts, prepared as PreparedCommand, captured);
  const wizard = wizardParts(run, parts, settings, scope);
  return fullScreen ? () => runFullScreen(run, wizard) : () => runLines(run, wizard);
}

function buildParts(run: Run, settings: SettingsInForce, connectOptions: ConnectOptions, fullScreen: boolean): Parts {
  // `az` takes most of a second: once every check has passed, it runs while the rest of the program loads.
  const early =
    !connectOptions.demo && connectOptions.auth === 'cli'
      ? askAzEarly(connectOptions, connectOptions.tenant)
      : undefined;
  // In the full-screen wizard, log lines would tear the screen: keep them until it ends.
  const log = flag(run.values, 'verbose')
    ? (line: string) =>
        fullScreen ? run.verboseLines.push(line) : process.stderr.write(`${run.io().err('muted', line)}\n`)
    : undefined;
  const inForce = settingsWords(settings);
  if (log && inForce) log(inForce);
  // Every change this run makes is recorded (the intent before the request, the outcome after).
  const history = new HistoryFile(historyPath(process.env, connectOptions.demo), {
    onProblem: (message) => run.io().stderr.write(`${run.io().err('warning', 'warning:')} ${message}\n`),
  });
  run.history = history;
  // A note may be held (--quiet); a device code is for a person to act on now, and never is.
  // Laid out to the terminal's width by us (never broken by the terminal mid-word); whole elsewhere.
  const notices = new Notices((message) => {
    const { stderr } = run.io();
    for (const row of hangingLines(message, layoutWidth(stderr))) stderr.write(`${row}\n`);
  });
  return {
    connectOptions,
    notices,
    record: { history, command: run.mode, profile: settings.profile },
    hooks: {
      log,
      onDeviceCode: ({ message }: { message: string }) =>
        notices.emit(message, (said) => run.quiet.sayNow(`${said}\n`)),
      onNotice: (message: string) => notices.emit(message),
      early,
    },
  };
}

/** The wizard offers the deployment last used (per profile) first; it is remembered when the wizard ends. */
function wizardParts(run: Run, parts: Parts, settings: SettingsInForce, scope: WizardScope): WizardParts {
  const memory = lastUsedPath(process.env, parts.connectOptions.demo);
  const lastUsed = scope.deployment ? undefined : lastUsedDeployment(memory, settings.profile);
  return {
    ...parts,
    settings,
    scope: { ...scope, lastUsed, history: run.history, program: run.program },
    remember: (deploymentId) => {
      try {
        rememberDeployment(memory, settings.profile, deploymentId);
      } catch {
        // Only the order of a list next time: not worth a word on a screen that is going away.
      }
    },
  };
}

/**
 * The full-screen wizard. Its first frame is drawn before the Azure SDK (or the demo's emulator)
 * loads: the screens load first, then connecting starts, and the wizard's calls wait for it.
 */
async function runFullScreen(run: Run, parts: WizardParts): Promise<number> {
  const { connectOptions, hooks } = parts;
  const [{ runWizard }, { authDescription, connect, demoVault }, { signInDoor }] = await Promise.all([
    import('../ui/run-wizard'),
    import('./connect'),
    import('./sign-in-door'),
  ]);
  // Connecting (the Azure SDK, or the demo's emulator) starts once the first frame is drawn: on a
  // fast start (a code cache) it would otherwise be run before the frame, not beside it.
  let drawn = () => {};
  const firstFrame = new Promise<void>((resolve) => (drawn = resolve));
  const connecting = firstFrame.then(() => connect(connectOptions, process.env, hooks));
  connecting.then((connected) => (run.session = connected)).catch(() => undefined);
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
  run.opened(door);
  const wizardGateway = terminalSafe(recorded(gateway, parts.record));
  const consumers = consumersDoor(run.values, wizardGateway, run.history);
  return keepingCustody(run, wizardGateway, (watch) =>
    runWizard(
      {
        gateway: wizardGateway,
        demo: connectOptions.demo,
        notices: parts.notices,
        connected: connecting,
        door,
        remember: parts.remember,
        // Nobody chose a face: the first screen says, once, how to get the line face.
        offerLineFace: !faceChosen(run.values, process.env, parts.settings),
        drawn,
      },
      { ...parts.scope, demoVault: vault, signIn: door ? door.facts : undefined, consumers, watch },
      run.io(),
    ),
  );
}

/** The line face (--plain, TERM=dumb): connected first, then asked in lines. */
async function runLines(run: Run, parts: WizardParts): Promise<number> {
  const [{ connect, demoVault }, { runLineFace }, { signInDoor }] = await Promise.all([
    import('./connect'),
    import('../plain/line-face'),
    import('./sign-in-door'),
  ]);
  const session = await connect(parts.connectOptions, process.env, parts.hooks);
  run.session = session;
  session.gateway.warmUp?.();
  const gateway = switchableGateway(session.gateway);
  const door = session.demo ? undefined : signInDoor(parts.connectOptions, process.env, parts.hooks, gateway);
  run.opened(door);
  const lineGateway = terminalSafe(recorded(gateway, parts.record));
  return keepingCustody(run, lineGateway, (watch) =>
    runLineFace(
      { gateway: lineGateway, demo: session.demo, door, remember: parts.remember },
      {
        ...parts.scope,
        // As the full-screen wizard's: the demo's vault, and commands it names carry --demo.
        demoVault: demoVault(parts.connectOptions),
        signIn: door ? door.facts : undefined,
        consumers: consumersDoor(run.values, lineGateway, run.history),
        watch,
      },
      run.io(),
    ),
  );
}

/** A command: connected, run through the gateway its output needs, closed by the one closing step. */
async function runCommand(
  run: Run,
  parts: Parts,
  prepared: PreparedCommand,
  captured: ReturnType<typeof captureOutput>,
): Promise<number> {
  const { connect } = await import('./connect');
  const session = await connect(parts.connectOptions, process.env, parts.hooks);
  run.session = session;
  session.gateway.warmUp?.();
  // JSON carries Azure's own text; everything drawn on a terminal sees it escaped.
  const json = run.values.output === 'json';
  const changes = recorded(session.gateway, parts.record);
  const seen = run.clock ? watched(changes, run.clock.status) : changes;
  const gateway = json ? seen : terminalSafe(seen);
  run.commandGateway = gateway;
  const code = await prepared({
    gateway,
    io: run.io(),
    demo: session.demo,
    program: run.program,
    custody: run.custody,
    settings: run.ranWith as SettingsInForce,
    history: run.history,
    command: run.mode,
  });
  const unwritten = captured?.commit();
  if (unwritten !== undefined) {
    run.io().stderr.write(`${run.io().err('danger', 'error:')} ${unwritten}\n`);
    // The report that said where each new key is never arrived: the closing step says it again.
    for (const entry of run.custody.mayBeLive()) entry.told = false;
  }
  return run.close({ code: unwritten === undefined ? code : EXIT.failed });
}
