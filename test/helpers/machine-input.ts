/**
 * Drives the wizard's machine as the Ink face would: each string is typed, each KeyFlags pressed
 * (both at the fixtures' NOW), each event handed over as it is.
 */
import { transition } from '../../src/wizard/machine';
import type { WizardEvent, WizardState } from '../../src/wizard/state';
import type { KeyFlags } from '../../src/wizard/tokens';
import { NOW } from './fixtures';

export function send(state: WizardState, ...inputs: (string | KeyFlags | WizardEvent)[]): WizardState {
  return inputs.reduce<WizardState>((s, input) => {
    if (typeof input === 'object' && 'type' in input) return transition(s, input as WizardEvent);
    const event: WizardEvent =
      typeof input === 'string'
        ? { type: 'input', input, key: {}, now: NOW }
        : { type: 'input', input: '', key: input as KeyFlags, now: NOW };
    return transition(s, event);
  }, state);
}
