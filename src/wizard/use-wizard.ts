/**
 * The one hook that runs the machine in React: a single reducer, each command run once (by id)
 * with an AbortController, so unmounting or Ctrl+C cancels the request in flight; and a
 * one-second tick while the key is revealed, to hide it again after 30 seconds. The answers of
 * the background reads for the list's marks are handed over a few times a second, gathered: at
 * one redraw per answer, a list of thousands kept the screen busy and typed keys waited. While
 * keys are typed, the marks (and the reads after them) wait for a pause (marks-gatherer.ts).
 */
import { useCallback, useEffect, useReducer, useRef, type Dispatch } from 'react';
import { prepareFilter } from '../domain/deployment-filter';
import type { Gateway } from '../port/gateway';
import { runWizardCommand, type CommandDeps } from './commands';
import { MarksGatherer } from './marks-gatherer';
import { transition } from './machine';
import { initialState, type PeekResult, type WizardEvent, type WizardScope, type WizardState } from './state';

/** How long answers for the list's marks are gathered before they are handed to the machine. */
export const MARKS_GATHER_MS = 150;
/** How long the keys must have been quiet before marks are handed over; and the longest they wait for it. */
export const MARKS_QUIET_MS = 250;
export const MARKS_HOLD_MS = 1500;

export interface WizardDeps {
  gateway: Gateway;
  scope: WizardScope;
  clock: () => Date;
  copy: (secret: string) => Promise<string>;
  /** Start somewhere else than the beginning (tests mount any screen this way, and a hand-over's return). */
  initial?: WizardState;
  signIn?: CommandDeps['signIn'];
  cancelSignIn?: () => void;
}

export function useWizard(deps: WizardDeps): [WizardState, Dispatch<WizardEvent>] {
  const [state, dispatch] = useReducer(
    transition,
    undefined,
    () => deps.initial ?? initialState(deps.clock(), deps.scope, deps.gateway.authDescription),
  );
  // Props may be new objects on every render; the effects read the latest through a ref.
  const depsRef = useRef(deps);
  depsRef.current = deps;
  const lastRun = useRef(0);
  const inFlight = useRef(new Set<AbortController>());
  const peeks = useRef<MarksGatherer<PeekResult>>(undefined);
  peeks.current ??= new MarksGatherer<PeekResult>(
    (results, answered) => dispatch({ type: 'peeked', results, answered }),
    { gatherMs: MARKS_GATHER_MS, quietMs: MARKS_QUIET_MS, holdMs: MARKS_HOLD_MS },
    { now: () => performance.now(), setTimer: setTimeout, clearTimer: (t) => clearTimeout(t as NodeJS.Timeout) },
  );
  const gather = (event: Extract<WizardEvent, { type: 'peeked' }>) => peeks.current?.add(event.results, event.answered);
  // Keys go to the machine at once; they also tell the marks to wait for a pause.
  const send = useCallback<Dispatch<WizardEvent>>((event) => {
    if (event.type === 'input') peeks.current?.typed();
    dispatch(event);
  }, []);

  useEffect(() => {
    for (const command of state.commands) {
      if (command.id <= lastRun.current) continue;
      lastRun.current = command.id;
      const controller = new AbortController();
      inFlight.current.add(controller);
      const current = depsRef.current;
      void runWizardCommand(command, {
        gateway: current.gateway,
        scope: current.scope,
        signal: controller.signal,
        now: current.clock,
        onProgress: (message) => dispatch({ type: 'progress', message }),
        copy: current.copy,
        ...(current.signIn ? { signIn: current.signIn } : {}),
        ...(current.cancelSignIn ? { cancelSignIn: current.cancelSignIn } : {}),
        onDeviceCode: (code) => dispatch({ type: 'deviceCode', ...code }),
      })
        .then((event) => {
          if (controller.signal.aborted) return;
          if (event.type === 'peeked') gather(event);
          else dispatch(event);
        })
        .finally(() => inFlight.current.delete(controller));
    }
  }, [state.commands]);

  useEffect(() => {
    if (state.exitCode === undefined) return;
    for (const controller of inFlight.current) controller.abort();
  }, [state.exitCode]);

  useEffect(
    () => () => {
      inFlight.current.forEach((controller) => controller.abort());
      peeks.current?.dispose();
    },
    [],
  );

  // A long list's search index is built just after the list is drawn, not at the first keystroke.
  const listed = state.discovery?.deployments;
  useEffect(() => {
    if (!listed || listed.length < 100) return;
    const timer = setTimeout(() => prepareFilter(listed), 20);
    return () => clearTimeout(timer);
  }, [listed]);

  // The clock moves on screen while the key is revealed (hidden after 30 s) and while a device
  // code counts down.
  const ticking = (state.step === 'reveal' && state.reveal.shown) || state.signIn?.stage === 'waiting';
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => dispatch({ type: 'tick', now: depsRef.current.clock() }), 1000);
    return () => clearInterval(timer);
  }, [ticking]);

  return [state, send];
}
