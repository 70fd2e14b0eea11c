/**
 * The line faces (--plain, TERM=dumb) of the wizard's own machine: the machine decides, its
 * commands run through the same runner as the Ink face (wizard/runner.ts), and each state is drawn as lines and a
 * question (line-steps.ts) whose answer becomes the intents the machine understands. So every rule of
 * the wizard — verification with patience, the saved-it gate, the hand-off menu, the rotation and
 * its steps, the key console, a lost answer, Ctrl+C — holds here by construction.
 */
import { apiKeyHeaderValue } from '../domain/endpoint';
import type { Gateway } from '../port/gateway';
import type { Io } from '../port/io';
import { makeCopier } from '../term/clipboard';
import type { SignInDoor } from '../wizard/door';
import { CommandRunner } from '../wizard/runner';
import { afterHandOver } from '../wizard/steps/sign-in';
import { isFinished, transition } from '../wizard/machine';
import { FINISHING } from '../wizard/leaving';
import { action, type Intent } from '../wizard/intents';
import { initialState, type WizardEvent, type WizardScope, type WizardState } from '../wizard/state';
import { INTERRUPT, lineStep, pageMarksPending, type LineStep } from './line-steps';
import stringWidth from '../term/display-width';
import { hangingLines, messageLines } from '../term/text-width';
import { promptsFor, type Prompts } from './prompts';

/** The machine with its commands run by the one runner: it wakes whoever waits whenever the state moves. */
class Driver {
  state: WizardState;
  private wake: (() => void) | undefined;
  private readonly runner: CommandRunner;

  constructor(
    gateway: Gateway,
    private readonly scope: WizardScope,
    private readonly io: Io,
    door?: SignInDoor,
  ) {
    this.state = initialState(io.now(), scope, gateway.authDescription);
    const copy = makeCopier((data) => io.stdout.write(data), io.env);
    const deps = { gateway, scope, now: () => io.now(), copy, door };
    this.runner = new CommandRunner(
      () => deps,
      (event) => this.dispatch(event),
      // An answer dropped (the wizard ended meanwhile) still wakes whoever waits for it.
      { onDropped: () => this.wake?.() },
    );
    this.runner.run(this.state.commands);
  }

  dispatch(event: WizardEvent): void {
    this.state = transition(this.state, event);
    this.scope.watch?.(this.state);
    if (isFinished(this.state)) this.runner.abortAll();
    this.runner.run(this.state.commands);
    this.wake?.();
  }

  /** Back from a hand-over: the machine goes on from this state, its commands run anew. */
  resume(state: WizardState): void {
    this.state = state;
    this.scope.watch?.(state);
    this.runner.restart();
    this.runner.run(state.commands);
  }

  tell(intent: Intent): void {
    this.dispatch({ type: 'intent', intent, now: this.io.now() });
  }

  /** Until a person is asked something, or the wizard has ended. */
  async settled(onMove: () => void): Promise<void> {
    // A copy too (at most a few seconds): its outcome is said before the next question, which it may change.
    const waiting = () => this.runner.busy() || this.runner.isRunning('copy') || this.readingMarks();
    while (!isFinished(this.state) && waiting()) {
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
      onMove();
    }
  }

  /** The list's page waits for its marks while they are being read (never for a read that is not running). */
  readingMarks(): boolean {
    return pageMarksPending(this.state) && this.runner.isRunning('peekKeys');
  }
}

export async function runLineFace(
  run: { gateway: Gateway; demo: boolean; door?: SignInDoor; remember?: (deploymentId: string) => void },
  scope: WizardScope,
  io: Io,
): Promise<number> {
  const prompts = await promptsFor(io);
  // Every line is laid out to the terminal's width by us (term/text-width): never wrapped by the
  // terminal, a word, a path or a date never split.
  const width = () => (io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : undefined);
  const say = (line: string) => {
    for (const row of hangingLines(line, width())) io.stdout.write(`${row}\n`);
  };
  const asked = new Set<string>();
  const driver = new Driver(run.gateway, scope, io, run.door);
  // A signal (or Ctrl+C while no question is asked) is the machine's 'interrupted'; a second
  // one leaves even while a key is being created, as in the Ink face.
  const onSignal = () => driver.dispatch({ type: 'interrupted' });
  io.signal.addEventListener('abort', onSignal, { once: true });
  io.forceSignal.addEventListener('abort', onSignal, { once: true });
  say(`NGINXaaS dataplane API key${run.demo ? ' (demo on the local emulator)' : ''}`);
  const progress = new Said(say);
  try {
    for (;;) {
      await driver.settled(() => progress.loading(driver.state, driver.readingMarks()));
      progress.loading(driver.state, false);
      const state = driver.state;
      if (isFinished(state) && state.handOver && run.door && !io.signal.aborted) {
        // az login asks on this terminal itself; the wizard goes on afterwards, in this run.
        await run.door.handOver(state.handOver, io.forceSignal);
        if (io.signal.aborted) return 130;
        driver.resume(afterHandOver(state, io.now()));
        progress.forget();
        continue;
      }
      if (isFinished(state)) {
        if (state.deployment) run.remember?.(state.deployment.id);
        if (state.farewell) say(state.farewell);
        return state.exitCode ?? 1;
      }
      const step = lineStep(state);
      // Nothing runs and nothing is asked: a state the line faces do not draw, said rather than hung on.
      if (!step) throw new Error(`the line face has no question for the wizard's step '${state.step}'`);
      progress.block(step);
      const question = questionOnce(step.question, asked);
      const answer = await ask(prompts, { ...question, message: questionText(question.message, width()) }, io);
      if (answer === undefined) {
        // Ctrl+C at the question, or a signal: the machine's own Ctrl+C (the reveal asks first).
        if (!io.signal.aborted) driver.tell(INTERRUPT);
        progress.forget();
        continue;
      }
      if (answer.trim() === ASK_AGAIN && !step.question.hidden) {
        // The choices, said again only when asked.
        say(step.question.message);
        continue;
      }
      const intents = step.answer(answer);
      if (typeof intents === 'string') {
        say(`✖ ${intents}`);
        continue;
      }
      for (const intent of intents) driver.tell(intent);
      showRevealedKey(driver, say);
      progress.forget();
    }
  } finally {
    io.signal.removeEventListener('abort', onSignal);
    io.forceSignal.removeEventListener('abort', onSignal);
  }
}

/** The answer that says a question's choices again, where they were said once. */
const ASK_AGAIN = '?';

/**
 * A question's choices are said once (issue 34): asked again, a question that has a short form is
 * asked by it, and `?` says the choices again.
 */
function questionOnce(question: LineStep['question'], asked: Set<string>): LineStep['question'] {
  if (question.short === undefined) return question;
  if (!asked.has(question.short)) {
    asked.add(question.short);
    return question;
  }
  return { ...question, message: `${question.short} (${ASK_AGAIN} says the choices)` };
}

/**
 * A question laid out to the terminal's width by us, its later lines under its words (the prompt
 * puts '? ' before it), its last line short enough to leave room for the answer typed after it.
 */
function questionText(message: string, width: number | undefined): string {
  if (width === undefined) return message;
  const room = width - 1 - 2;
  const lines = messageLines(message, room, 'whole');
  const last = lines.pop() ?? '';
  const answerRoom = Math.min(24, Math.floor(room / 3));
  const tail = stringWidth(last) > room - answerRoom ? messageLines(last, room - answerRoom, 'whole') : [last];
  return [...lines, ...tail].join('\n  ');
}

/** r on the panel: the key is said once, then the panel hides it again (it stays hidden in state). */
function showRevealedKey(driver: Driver, say: (line: string) => void): void {
  const state = driver.state;
  if (state.step !== 'reveal' || !state.reveal.shown) return;
  say(`Key: ${state.secret}`);
  say(`Authorization header for nginx-asg-sync: ${apiKeyHeaderValue(state.secret)}`);
  driver.tell(action('show'));
}

async function ask(prompts: Prompts, question: { message: string; hidden?: boolean }, io: Io) {
  try {
    return question.hidden
      ? await prompts.password({ message: question.message })
      : await prompts.input({ message: question.message });
  } catch (error) {
    const name = (error as Error)?.name;
    if (name === 'ExitPromptError' || name === 'AbortError' || name === 'AbortPromptError' || io.signal.aborted)
      return undefined;
    throw error;
  }
}

/** What was said last, so that a block asked about again is not said again word for word. */
class Said {
  private lastBlock = '';
  private lastLoading = '';
  private signedInSaid = false;
  private scene: string | undefined;
  private readonly sceneSaid = new Set<string>();

  constructor(private readonly say: (line: string) => void) {}

  loading(state: WizardState, readingMarks: boolean): void {
    const code = state.signIn?.stage === 'waiting' ? state.signIn.deviceCode : undefined;
    // A first Ctrl+C or signal let the request under way finish: said once, as the Ink face says it.
    const finishing = state.leaving !== undefined || state.rotation?.leaving === true;
    const words = finishing
      ? FINISHING
      : readingMarks
        ? 'Reading the keys of each deployment…'
        : code
          ? `To sign in, open ${code.url ?? 'the page'} on any device and enter the code ${code.userCode ?? ''} (it expires in 15 minutes; Ctrl+C stops).`
          : state.step === 'loading'
            ? state.loadingMessage
            : state.step === 'creating' && !state.createError
              ? `Creating key '${state.name}'…`
              : state.step === 'reveal' && state.reveal.verify === 'pending'
                ? 'Checking the key on the dataplane (a new key may take a little while to arrive)…'
                : '';
    if (words && words !== this.lastLoading) this.say(words);
    this.lastLoading = words;
    const signedIn = state.discovery?.signedIn;
    if (signedIn && !this.signedInSaid && !state.preset.demo) {
      this.signedInSaid = true;
      this.say(`Signed in as ${signedIn.account}${signedIn.tenant ? ` (tenant ${signedIn.tenant})` : ''}.`);
    }
  }

  block(step: { block: string; lines: string[]; scene?: string }): void {
    if (step.block === this.lastBlock) return;
    this.lastBlock = step.block;
    if (step.scene !== this.scene) this.sceneSaid.clear();
    this.scene = step.scene;
    for (const line of step.lines) {
      if (step.scene !== undefined && this.sceneSaid.has(line)) continue;
      this.sceneSaid.add(line);
      this.say(line);
    }
  }

  /** After an answer the step may say the same block again (a new error, the same list). */
  forget(): void {
    this.lastBlock = '';
  }
}
