/**
 * The expiry marks of the deployment list: once the list is drawn, the keys of each deployment
 * that can take a key are read in the background, a few at a time, and each row gets its mark
 * as its keys arrive. The list never waits for them.
 */
import { expiryCounts } from '../../domain/readiness';
import { issue } from '../effects';
import { withMarks } from '../fleet-marks';
import { readiness } from '../selectors';
import type { PeekResult, WizardState } from '../state';

/** Reads in flight at once: enough to fill a list quickly, few enough to stay under ARM's read rate. */
export const FLEET_CONCURRENCY = 6;
/** Deployments per read command: a big list redraws once per batch, not once per deployment. */
export const FLEET_BATCH = 8;

/** Queues every deployment that can take a key and starts the first few reads. */
export function startFleet(state: WizardState): WizardState {
  const ready = (state.discovery?.deployments ?? []).filter((d) => readiness(state, d).ok);
  return takeNext({ ...state, fleetQueue: { deployments: ready, asked: 0 } }, FLEET_CONCURRENCY);
}

function takeNext(state: WizardState, count: number): WizardState {
  let next = state;
  // The queue is never copied, only counted into: a long list is read in hundreds of batches.
  const { deployments: queued } = state.fleetQueue;
  for (let i = 0; i < count && next.fleetQueue.asked < queued.length; i++) {
    const asked = next.fleetQueue.asked;
    // One at a time first, so the rows at the top of the list get their marks at once.
    const size = asked < 2 * FLEET_CONCURRENCY ? 1 : FLEET_BATCH;
    const deployments = queued.slice(asked, asked + size);
    next = issue(
      { ...next, fleetQueue: { deployments: queued, asked: asked + deployments.length } },
      { kind: 'peekKeys', deployments },
    );
  }
  return next;
}

/** Marks the deployments read, and starts as many reads as were answered. */
export function onPeeked(state: WizardState, results: PeekResult[], answered: number): WizardState {
  const fleet = withMarks(
    state.fleet,
    results.map(({ deployment, keys, problem }) => [
      deployment.id,
      keys ? expiryCounts(keys, state.now) : { error: problem?.message ?? 'could not be read' },
    ]),
  );
  return takeNext({ ...state, fleet }, answered);
}
