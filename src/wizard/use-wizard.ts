/**
 * The one hook that runs the machine in React: a single reducer, each command run once (by id)
 * with an AbortController, so unmounting or Ctrl+C cancels the request in flight; and a
 * one-second tick while the key is revealed, to hide it again after 30 seconds.
 */
import { useEffect, useReducer, useRef, type Dispatch } from 'react';
import type { Gateway } from '../gateway';
import { runWizardCommand } from './commands';
import { transition } from './machine';
import { initialState, type WizardEvent, type WizardScope, type WizardState } from './state';

export interface WizardDeps {
  gateway: Gateway;
  scope: WizardScope;
  clock: () => Date;
  copy: (secret: string) => Promise<string>;
  /** Start somewhere else than the beginning (tests mount any screen this way). */
  initial?: WizardState;
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
      })
        .then((event) => {
          if (!controller.signal.aborted) dispatch(event);
        })
        .finally(() => inFlight.current.delete(controller));
    }
  }, [state.commands]);

  useEffect(() => {
    if (state.exitCode === undefined) return;
    for (const controller of inFlight.current) controller.abort();
  }, [state.exitCode]);

  useEffect(() => () => inFlight.current.forEach((controller) => controller.abort()), []);

  const revealing = state.step === 'reveal' && state.reveal.shown;
  useEffect(() => {
    if (!revealing) return;
    const timer = setInterval(() => dispatch({ type: 'tick', now: depsRef.current.clock() }), 1000);
    return () => clearInterval(timer);
  }, [revealing]);

  return [state, dispatch];
}
