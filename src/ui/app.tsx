/**
 * The wizard's root: one reducer (through useWizard) and the one useInput of the program, which
 * dispatches every key. Steps are views: props in, nothing owned.
 */
import { useEffect, useRef, useState } from 'react';
import { Text, useApp, useInput, useStdout } from 'ink';
import type { Gateway } from '../port/gateway';
import type { Notices } from '../port/notices';
import type { CopyOutcome, WizardScope, WizardState } from '../wizard/state';
import { createdKey } from '../wizard/selectors';
import { hintsNow } from '../wizard/step-table';
import { useWizard, type WizardDeps } from '../wizard/use-wizard';
import { Answered, answeredView } from './components/answered';
import { CreatingStep, creatingView } from './steps/creating-step';
import { ChooseDeploymentStep, chooseDeploymentView } from './steps/choose-deployment-step';
import { ExpiryStep, expiryView } from './steps/expiry-step';
import { KeysStep, keysView } from './steps/keys-step';
import { KeyNameStep, keyNameView } from './steps/key-name-step';
import { RevealStep, revealView } from './steps/reveal-step';
import { ReviewStep, reviewView } from './steps/review-step';
import { KeyValueStep, keyValueView } from './steps/key-value-step';
import { Farewell, farewellView, FailedStep, LoadingStep } from './steps/status-steps';
import { colors, figures } from '../term/style';
import { Said } from './components/said';
import { SignInStep } from './steps/sign-in-step';
import { Frame } from './components/frame';

export interface AppProps {
  gateway: Gateway;
  scope: WizardScope;
  clock?: () => Date;
  copy?: (secret: string) => Promise<CopyOutcome>;
  initial?: WizardState;
  demo?: boolean;
  onFinish?: (state: WizardState) => void;
  /** Told whenever a secret comes on screen or leaves it (the key shown, a typed key shown with Tab). */
  onSecretOnScreen?: (onScreen: boolean) => void;
  /** The sign-in screen's ways, where this run has them. */
  door?: WizardDeps['door'];
  /** Sign-in messages (a device code) shown on the loading screen instead of tearing it. */
  notices?: Notices;
  /** Aborted by SIGINT or SIGTERM from outside. */
  interrupt?: AbortSignal;
  /** Aborted by a second signal: leave at once, even while the key is being created. */
  force?: AbortSignal;
  /** The first screen says, until the first key, how to get the line face. */
  offerLineFace?: boolean;
}

/** The one line the first screen says to whoever has not chosen a face (issue 34). */
export const LINE_FACE_OFFER = 'Screen reader? ACCESSIBLE=1 asks line by line instead.';

export function Screen({
  state,
  rows: terminalRows,
  columns = 80,
  demo = false,
  offerLineFace = false,
}: {
  state: WizardState;
  rows: number;
  columns?: number;
  demo?: boolean;
  offerLineFace?: boolean;
}) {
  // The offer takes a row of its own: the lists below it are given one row less.
  const rows = offerLineFace ? terminalRows - 1 : terminalRows;
  const review = state.step === 'review' ? reviewView(state) : undefined;
  // After the end the last frame shows the key created in this run (masked), if there was one.
  const reveal =
    state.step === 'reveal' || (state.exitCode !== undefined && createdKey(state)) ? revealView(state) : undefined;
  const farewell = farewellView(state);
  return (
    <Frame columns={columns}>
      <Text color={colors.accent} bold wrap="truncate-end">
        NGINXaaS dataplane API key
        {demo || state.preset.demo ? (
          <Text color={colors.warning}> · demo on the local emulator, no Azure account used</Text>
        ) : null}
        {!demo && !state.preset.demo && actingAs(state) ? <Text color={colors.muted}> · {actingAs(state)}</Text> : null}
      </Text>
      {offerLineFace ? <Said mark={figures.info} role="muted" text={LINE_FACE_OFFER} /> : null}
      {/* The reveal panel names the deployment and the expiry again: keep its frame short. */}
      {state.step === 'reveal' || state.result ? null : <Answered lines={answeredView(state)} />}
      {state.step === 'loading' ? <LoadingStep message={state.loadingMessage} /> : null}
      {state.step === 'signIn' && state.signIn ? (
        <SignInStep signIn={state.signIn} now={state.now} rows={rows} hints={hintsNow(state, rows)} />
      ) : null}
      {state.step === 'chooseDeployment' ? <ChooseDeploymentStep {...chooseDeploymentView(state, rows)} /> : null}
      {state.step === 'keys' ? <KeysStep {...keysView(state, rows, columns)} /> : null}
      {state.step === 'keyName' ? <KeyNameStep {...keyNameView(state)} /> : null}
      {state.step === 'expiry' ? <ExpiryStep {...expiryView(state)} /> : null}
      {state.step === 'keyValue' ? <KeyValueStep {...keyValueView(state)} /> : null}
      {review ? <ReviewStep {...review} /> : null}
      {state.step === 'creating' ? <CreatingStep {...creatingView(state)} /> : null}
      {reveal ? <RevealStep {...reveal} rows={rows} /> : null}
      {state.step === 'failed' && state.failure ? <FailedStep failure={state.failure} hints={hintsNow(state)} /> : null}
      {farewell ? <Farewell {...farewell} /> : null}
    </Frame>
  );
}

/** Who acts, in which tenant and subscriptions: `alice@contoso.com · tenant 72f9… · Production`. */
export function actingAs(state: WizardState): string | undefined {
  const discovery = state.discovery;
  const who = discovery?.signedIn;
  if (!discovery || !who) return undefined;
  const searched = discovery.searched;
  const where = searched.length === 1 ? (searched[0]?.displayName ?? '') : `${searched.length} subscriptions`;
  return [who.account, who.tenant ? `tenant ${who.tenant}` : '', where].filter(Boolean).join(' · ');
}

/** No clipboard given: the copy fails in words, so the key is not counted as copied. */
const noCopy = (): Promise<CopyOutcome> => Promise.reject(new Error('copying is not available here'));

export function App(props: AppProps) {
  const clock = props.clock ?? (() => new Date());
  const [state, dispatch] = useWizard({
    gateway: props.gateway,
    scope: props.scope,
    clock,
    copy: props.copy ?? noCopy,
    initial: props.initial,
    door: props.door,
  });
  const { exit } = useApp();
  const { rows, columns } = useTerminalSize();
  // A new size is the machine's too (a shown key that no longer fits whole is hidden); each key
  // carries the size as well, so the first frame needs no dispatch of its own.
  const sized = useRef(false);
  useEffect(() => {
    if (sized.current) dispatch({ type: 'resized', rows, columns });
    sized.current = true;
  }, [rows, columns]);
  const [offering, setOffering] = useState(props.offerLineFace === true);

  useInput((input, key) => {
    // Said once: the first key takes it away, and the lists get its row back.
    setOffering(false);
    dispatch({ type: 'input', input, key, now: clock(), rows, columns });
  });

  useEffect(() => props.notices?.listen((message) => dispatch({ type: 'progress', message })), [props.notices]);

  const secretShown = secretOnScreen(state);
  useEffect(() => {
    props.onSecretOnScreen?.(secretShown);
  }, [secretShown]);

  useEffect(() => {
    const signals = [props.interrupt, props.force].filter((signal): signal is AbortSignal => signal !== undefined);
    const onAbort = () => dispatch({ type: 'interrupted' });
    for (const signal of signals) {
      if (signal.aborted) onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
    }
    return () => signals.forEach((signal) => signal.removeEventListener('abort', onAbort));
  }, [props.interrupt, props.force]);

  useEffect(() => {
    if (state.exitCode === undefined) return;
    props.onFinish?.(state);
    // Let the final frame (the key masked, the farewell) render before Ink lets go.
    const timer = setTimeout(() => exit(), 20);
    return () => clearTimeout(timer);
  }, [state.exitCode]);

  return <Screen state={state} rows={rows} columns={columns} demo={props.demo ?? false} offerLineFace={offering} />;
}

/** Whether a secret is drawn in the frame now: the key on the panel after r, a typed key after Tab. */
function secretOnScreen(state: WizardState): boolean {
  return (state.step === 'reveal' && state.reveal.shown) || (state.step === 'keyValue' && state.secretShown);
}

/** The terminal's size, drawn again when it changes: a taller terminal shows longer windows. */
function useTerminalSize(): { rows: number; columns: number } {
  const { stdout } = useStdout();
  const measure = () => ({ rows: stdout?.rows || 24, columns: stdout?.columns || 80 });
  const [size, setSize] = useState(measure);
  useEffect(() => {
    const onResize = () => setSize(measure());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
