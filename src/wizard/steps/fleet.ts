/**
 * The expiry marks of the deployment list: once the list is drawn, the keys of each deployment
 * that can take a key are read in the background, a few at a time, and each row gets its mark
 * as its keys arrive. The list never waits for them.
 */
import { expiryCounts } from '../../domain/readiness';
import type { ApiKey, Deployment } from '../../gateway';
import { issue } from '../effects';
import { readiness } from '../selectors';
import type { Problem, WizardState } from '../state';

/** Reads in flight at once: enough to fill a list quickly, few enough to stay under ARM's read rate. */
export const FLEET_CONCURRENCY = 6;
/** Deployments per read command: a big list redraws once per batch, not once per deployment. */
export const FLEET_BATCH = 8;

/** Queues every deployment that can take a key and starts the first few reads. */
export function startFleet(state: WizardState): WizardState {
  const ready = (state.discovery?.deployments ?? []).filter((d) => readiness(state, d).ok);
  return takeNext({ ...state, fleetQueue: ready }, FLEET_CONCURRENCY);
}

function takeNext(state: WizardState, count: number): WizardState {
  let next = state;
  for (let i = 0; i < count && next.fleetQueue.length > 0; i++) {
    // One at a time first, so the rows at the top of the list get their marks at once.
    const started = (next.discovery?.deployments.length ?? 0) - next.fleetQueue.length;
    const size = started < 2 * FLEET_CONCURRENCY ? 1 : FLEET_BATCH;
    const deployments = next.fleetQueue.slice(0, size);
    next = issue({ ...next, fleetQueue: next.fleetQueue.slice(size) }, { kind: 'peekKeys', deployments });
  }
  return next;
}

export function onPeeked(
  state: WizardState,
  results: { deployment: Deployment; keys?: ApiKey[]; problem?: Problem }[],
): WizardState {
  const fleet = { ...state.fleet };
  for (const { deployment, keys, problem } of results)
    fleet[deployment.id] = keys ? expiryCounts(keys, state.now) : { error: problem?.message ?? 'could not be read' };
  return takeNext({ ...state, fleet }, 1);
}
