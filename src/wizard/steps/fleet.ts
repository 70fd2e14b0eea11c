/**
 * The expiry marks of the deployment list: once the list is drawn, the keys of each deployment
 * that can take a key are read in the background, a few at a time, and each row gets its mark
 * as its keys arrive. The list never waits for them.
 */
import { endsWithin } from '../../domain/expiry';
import { EXPIRING_SOON_DAYS } from '../../domain/readiness';
import type { ApiKey, Deployment } from '../../gateway';
import { issue } from '../effects';
import { readiness } from '../selectors';
import type { FleetMark, Problem, WizardState } from '../state';

/** Reads in flight at once: enough to fill a list quickly, few enough to stay under ARM's read rate. */
export const FLEET_CONCURRENCY = 6;

export function markOf(keys: ApiKey[], now: Date): FleetMark {
  return {
    keys: keys.length,
    expired: keys.filter((k) => k.endDateTime.getTime() <= now.getTime()).length,
    expiring: keys.filter((k) => endsWithin(k.endDateTime, now, EXPIRING_SOON_DAYS)).length,
  };
}

/** Queues every deployment that can take a key and starts the first few reads. */
export function startFleet(state: WizardState): WizardState {
  const ready = (state.discovery?.deployments ?? []).filter((d) => readiness(state, d).ok);
  return takeNext({ ...state, fleetQueue: ready }, FLEET_CONCURRENCY);
}

function takeNext(state: WizardState, count: number): WizardState {
  let next = state;
  for (let i = 0; i < count; i++) {
    const [deployment, ...rest] = next.fleetQueue;
    if (!deployment) break;
    next = issue({ ...next, fleetQueue: rest }, { kind: 'peekKeys', deployment });
  }
  return next;
}

export function onPeeked(
  state: WizardState,
  deployment: Deployment,
  keys: ApiKey[] | undefined,
  problem: Problem | undefined,
): WizardState {
  const mark: FleetMark = keys ? markOf(keys, state.now) : { error: problem?.message ?? 'could not be read' };
  return takeNext({ ...state, fleet: { ...state.fleet, [deployment.id]: mark } }, 1);
}
