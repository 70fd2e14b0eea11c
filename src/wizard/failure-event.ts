/**
 * A command that failed, as the event its step understands: each kind fails in its own words
 * (a check that could not run, marks that could not be read, a permission taken as unknown).
 */
import { problemFrom } from './problem';
import type { Command, WizardEvent } from './state';

/** The event a failed command hands to the machine. */
export function failureEvent(command: Command, error: unknown): WizardEvent {
  const problem = problemFrom(error);
  switch (command.kind) {
    case 'readHistory':
      return { type: 'historyRead', deploymentId: command.deployment.id, entries: [] };
    case 'discover':
      return { type: 'deploymentsFailed', problem };
    case 'loadKeys':
      return { type: 'keysFailed', deployment: command.deployment, problem };
    case 'peekKeys':
      return {
        type: 'peeked',
        results: command.deployments.map((deployment) => ({ deployment, problem })),
        answered: 1,
      };
    case 'create':
    case 'generate':
      return { type: 'createFailed', problem };
    case 'verify':
      return {
        type: 'verified',
        result: { ok: false, message: `the check itself failed: ${problem.message}` },
        again: command.again,
      };
    case 'copy':
      return { type: 'copied', message: `could not copy the key: ${problem.message}`, ok: false };
    case 'handoff':
      return { type: 'handedOff', result: { ok: false, said: `${command.target.kind}: ${problem.message}` } };
    case 'deleteKey':
      return { type: 'deleteFailed', problem };
    case 'findConsumers':
      return { type: 'consumersFound', found: [] };
    case 'applyConsumers':
      return {
        type: 'consumersApplied',
        applied: {
          outcomes: command.found.map((f) => ({ where: f.where, state: 'failed', said: problem.message })),
          allProven: false,
          holding: [],
        },
      };
    case 'extendKey':
      return { type: 'extendFailed', problem };
    case 'signIn':
      return { type: 'signInFailed', problem };
    case 'cancelSignIn':
      return { type: 'signInStopped' };
    case 'permissions':
      // Unknown is no refusal: the change itself will say if it is refused.
      return { type: 'permissionsRead', deployment: command.deployment, write: true, delete: true };
  }
}
