/**
 * The one hook that runs the machine in React: a single reducer, its commands run by the one
 * runner (runner.ts: each once, by id, with an AbortController), so unmounting or Ctrl+C cancels
 * the request in flight; and a one-second tick while the key is revealed, to hide it again after
 * 30 seconds. The answers of the background reads for the list's marks are handed over a few
 * times a second, gathered; while keys are typed they wait for a pause (marks-gatherer.ts).
 */
import { useCallback, useEffect, useReducer, useRef, type Dispatch } from 'react';
import { prepareFilter } from '../domain/deployment-filter';
import type { Gateway } from '../port/gateway';
import type { SignInDoor } from './door';
import { transition } from './machine';
import { CommandRunner } from './runner';
import { initialState, type CopyOutcome, type WizardEvent, type WizardScope, type WizardState } from './state';

/** How long answers for the list's marks are gathered before they are handed to the machine. */
export const MARKS_GATHER_MS = 150;
/** How long the keys must have been quiet before marks are handed over; and the longest they wait for it. */
export const MARKS_QUIET_MS = 250;
export const MARKS_HOLD_MS = 1500;

export interface WizardDeps {
  gateway: Gateway;
  scope: WizardScope;
  clock: () => Date;
  copy: (secret: string) => Promise<CopyOutcome>;
  /** Start somewhere else than the beginning (tests mount any screen this way, and a hand-over's return). */
  initial?: WizardState;
  /** The sign-in screen's ways, where this run has them. */
  door?: Pick<SignInDoor, 'signIn' | 'cancel'>;
}

export function useWizard(deps: WizardDeps): [WizardState, Dispatch<WizardEvent>] {
  const [state, dispatch] = useReducer(
    transition,
    undefined,
    () => deps.initial ?? initialState(deps.clock(), deps.scope, deps.gateway.authDescription),
  );
  // Props may be new objects on every render; the runner reads the latest through a ref.
  const depsRef = useRef(deps);
  depsRef.current = deps;
  const runner = useRef<CommandRunner | undefined>(undefined);
  runner.current ??= new CommandRunner(
    () => {
      const { gateway, scope, clock, copy, door } = depsRef.current;
      return { gateway, scope, now: clock, copy, door };
    },
    dispatch,
    { gatherMarks: { gatherMs: MARKS_GATHER_MS, quietMs: MARKS_QUIET_MS, holdMs: MARKS_HOLD_MS } },
  );

  useEffect(() => runner.current?.run(state.commands), [state.commands]);

  useEffect(() => depsRef.current.scope.watch?.(state), [state]);

  useEffect(() => {
    if (state.exitCode !== undefined) runner.current?.abortAll();
  }, [state.exitCode]);

  useEffect(() => () => runner.current?.stop(), []);

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

  // Keys go to the machine at once; they also tell the marks to wait for a pause.
  const send = useCallback<Dispatch<WizardEvent>>((event) => {
    if (event.type === 'input' || event.type === 'intent') runner.current?.typed();
    dispatch(event);
  }, []);

  return [state, send];
}
