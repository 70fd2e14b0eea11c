/**
 * What every step of the machine may do besides changing fields: queue a command for the runner,
 * finish the wizard, edit a text field, and name the command that acts on a key.
 */
import { keyCommand } from '../domain/resource-id';
import { commandParagraph } from '../domain/started-as';
import type { CommandSpec, WizardState } from './state';

/** Queues a command; the state keeps its step's type. */
export function issue<S extends WizardState>(state: S, spec: CommandSpec): S {
  const command = { ...spec, id: state.nextCommandId } as WizardState['commands'][number];
  return { ...state, commands: [...state.commands, command], nextCommandId: state.nextCommandId + 1 };
}

export function finish(
  state: WizardState,
  step: 'done' | 'cancelled',
  exitCode: number,
  farewell: string,
): WizardState {
  // The step it ended on is kept, so the last frame marks only the steps really answered.
  return {
    ...state,
    step,
    endedAt: state.step,
    exitCode,
    farewell,
    reveal: { ...state.reveal, shown: false, askingToLeave: false },
  };
}

export function isFinished(state: WizardState): boolean {
  return state.exitCode !== undefined;
}

/**
 * The command that acts on the wizard's key, as a paragraph of a message (`\n$ cmd\n`: the faces
 * lay it out on lines of its own, as a shell reads it); empty before a deployment is chosen.
 */
export function commandFor(state: WizardState, verb: 'show' | 'delete', keyName: string): string {
  return state.deployment ? commandParagraph(keyCommand(verb, state.deployment, keyName, state.preset)) : '';
}
