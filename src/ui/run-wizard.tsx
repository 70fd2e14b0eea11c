/**
 * Renders the wizard with Ink in the terminal and returns its exit code. When the sign-in screen
 * hands the terminal to `az login`, Ink lets go of it, az runs, and the wizard is drawn again from
 * where it was, in the same run.
 */
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink';
import type { Gateway } from '../port/gateway';
import type { Io } from '../port/io';
import type { Notices } from '../port/notices';
import type { SignInDoor } from '../wizard/door';
import type { WizardScope, WizardState } from '../wizard/state';
import { afterHandOver } from '../wizard/steps/sign-in';
import { App } from './app';
import { makeCopier } from '../term/clipboard';
import { CLEAR_SCREEN, CLEAR_SCROLLBACK, CURSOR_HOME } from '../term/style';

export interface WizardRun {
  gateway: Gateway;
  demo: boolean;
  notices?: Notices;
  /**
   * Settles when the gateway has connected. If connecting fails (a sign-in that cannot start,
   * say), the wizard is taken off the screen and the failure is thrown, for the caller to report
   * as it reports any other.
   */
  connected?: Promise<unknown>;
  /** The sign-in screen's ways (a device code, the demo, az login in this terminal). */
  door?: SignInDoor;
  /** Told the deployment the run ended on, for the next run to offer it first (written by the command line). */
  remember?: (deploymentId: string) => void;
  /** Nobody chose a face: the first screen says how to get the line face. */
  offerLineFace?: boolean;
  /**
   * Told once the first frame is on the screen (Ink writes it as render() returns): the command
   * line starts connecting then, so that nothing the frame does not need is loaded before it.
   */
  drawn?: () => void;
}

export async function runWizard(run: WizardRun, scope: WizardScope, io: Io): Promise<number> {
  let initial: WizardState | undefined;
  for (;;) {
    const final = await renderOnce(run, scope, io, initial);
    if (final?.deployment) run.remember?.(final.deployment.id);
    if (!final?.handOver || !run.door || io.signal.aborted) return final?.exitCode ?? 130;
    // A second Ctrl+C (or any second signal) leaves whatever az does.
    await run.door.handOver(final.handOver, io.forceSignal);
    // Ctrl+C while az had the terminal ends the run, as at any step.
    if (io.signal.aborted) return 130;
    initial = afterHandOver(final, io.now());
  }
}

async function renderOnce(run: WizardRun, scope: WizardScope, io: Io, initial: WizardState | undefined) {
  let final: WizardState | undefined;
  let secretOnScreen = false;
  const lastLine = watchLastLine(io.stdout as NodeJS.WriteStream);
  const instance = render(
    <App
      gateway={run.gateway}
      scope={scope}
      initial={initial}
      door={run.door}
      demo={run.demo}
      copy={makeCopier((data) => io.stdout.write(data), io.env)}
      onFinish={(state) => (final = state)}
      onSecretOnScreen={(onScreen) => {
        secretOnScreen = onScreen;
      }}
      notices={run.notices}
      interrupt={io.signal}
      force={io.forceSignal}
      // Said on the first screen only: not again after az login hands the terminal back.
      offerLineFace={run.offerLineFace === true && initial === undefined}
    />,
    {
      stdout: io.stdout as NodeJS.WriteStream,
      stdin: io.stdin as NodeJS.ReadStream,
      stderr: io.stderr as NodeJS.WriteStream,
      exitOnCtrlC: false,
      patchConsole: false,
      // A keystroke is drawn at once, not at the next slot of a frame rate: what else redraws
      // (spinners, the list's marks, gathered a few times a second) is rare enough not to need it.
      maxFps: 1000,
    },
  );
  run.drawn?.();
  const stopRedrawing = redrawWholeWhenNarrowed(io.stdout as NodeJS.WriteStream, () => secretOnScreen);
  let failedToConnect: { error: unknown } | undefined;
  let over = false;
  run.connected?.catch((error: unknown) => {
    if (over) return;
    failedToConnect = { error };
    instance.clear();
    instance.unmount();
  });
  await instance.waitUntilExit();
  over = true;
  stopRedrawing();
  // Ink ends a frame as tall as the terminal without a line break: the shell's prompt would land
  // on the program's last line. Whatever the frame, the run's output ends with one.
  if (lastLine.stop() && !failedToConnect) io.stdout.write('\n');
  if (failedToConnect) throw failedToConnect.error;
  return final as WizardState | undefined;
}

/**
 * Watches what is written to the terminal; stop() says whether the last thing it shows (control
 * sequences aside) is left without a line break after it.
 */
function watchLastLine(stdout: NodeJS.WriteStream): { stop(): boolean } {
  let open = false;
  const write = stdout.write;
  const watched = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    const shown = stripVTControlCharacters(
      typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString(),
    );
    if (shown !== '') open = !shown.endsWith('\n');
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  };
  stdout.write = watched as typeof stdout.write;
  return {
    stop() {
      if (stdout.write === watched) stdout.write = write;
      return open;
    },
  };
}

/**
 * When the terminal narrows, it re-wraps the lines already drawn, and Ink, which erases only
 * the rows it knows of, leaves the extra ones behind. Clearing the visible screen first (this
 * listener runs before Ink's) lets Ink draw the frame whole from the top. A terminal may keep
 * what it cleared, and what the re-wrap pushed off the top, in its scrollback (tmux does): while
 * a secret is on screen, the scrollback is erased too, so that the key is not left in it.
 */
function redrawWholeWhenNarrowed(stdout: NodeJS.WriteStream, secretOnScreen: () => boolean): () => void {
  let width = stdout.columns ?? 80;
  const onResize = () => {
    const now = stdout.columns ?? width;
    if (now < width) stdout.write(`${CLEAR_SCREEN}${secretOnScreen() ? CLEAR_SCROLLBACK : ''}${CURSOR_HOME}`);
    width = now;
  };
  if (typeof stdout.prependListener !== 'function') return () => {};
  stdout.prependListener('resize', onResize);
  return () => stdout.off('resize', onResize);
}
