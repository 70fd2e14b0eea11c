/**
 * The hint line a step's keymap gives for a state made by hand: for views rendered alone, which
 * are handed their hints as the Ink face hands them (from the one keymap), not written twice.
 */
import { initialState, type WizardState } from '../../src/wizard/state';
import { hintsNow } from '../../src/wizard/step-table';
import { NOW, WEB, key } from './fixtures';

export function hintsAt(partial: Partial<WizardState> & Pick<WizardState, 'step'>): [string, string][] {
  const base = initialState(NOW);
  return hintsNow({ ...base, deployment: WEB, ...partial } as WizardState);
}

/** The reveal panel's state after a create of `name`. */
export function revealed(
  extra: Partial<WizardState> = {},
  name = 'nlk-a',
): Partial<WizardState> & Pick<WizardState, 'step'> {
  return { ...extra, step: 'reveal', result: { key: key(name, 181, 'Q7f'), created: true } };
}
