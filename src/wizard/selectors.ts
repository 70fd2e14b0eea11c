/** What the screens and the machine read from the state: derived, never stored. */
import { canTakeKey, type Readiness } from '../domain/readiness';
import { checkKeyName } from '../domain/key-name';
import type { ApiKey, Deployment } from '../gateway';
import type { WizardState } from './state';

export function readiness(state: Pick<WizardState, 'discovery'>, d: Deployment): Readiness {
  const subscription = state.discovery?.searched.find((s) => s.subscriptionId.toLowerCase() === d.subscriptionId.toLowerCase());
  return canTakeKey({
    provisioningState: d.provisioningState,
    ...(d.dataplaneApiEndpoint ? { dataplaneApiEndpoint: d.dataplaneApiEndpoint } : {}),
    ...(subscription ? { subscriptionState: subscription.state } : {}),
  });
}

export function matchesFilter(d: Deployment, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = [d.name, d.resourceGroup, d.subscriptionName ?? '', d.subscriptionId, d.location].join(' ').toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** Exact names first, then names that start with the filter, then the rest, each in list order. */
function rank(d: Deployment, filter: string): number {
  const name = d.name.toLowerCase();
  const wanted = filter.trim().toLowerCase();
  if (wanted === '') return 0;
  if (name === wanted) return 0;
  if (name.startsWith(wanted)) return 1;
  if (name.includes(wanted)) return 2;
  return 3;
}

export function filterDeployments(deployments: Deployment[], filter: string): Deployment[] {
  return deployments
    .filter((d) => matchesFilter(d, filter))
    .map((d, index) => ({ d, index, rank: rank(d, filter) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.d);
}

export function visibleDeployments(state: Pick<WizardState, 'discovery' | 'filter'>): Deployment[] {
  return filterDeployments(state.discovery?.deployments ?? [], state.filter);
}

export function firstSelectable(state: Pick<WizardState, 'discovery'>, list: Deployment[]): number {
  const index = list.findIndex((d) => readiness(state, d).ok);
  return index < 0 ? 0 : index;
}

export function existingKey(state: Pick<WizardState, 'keys' | 'name'>): ApiKey | undefined {
  if (!Array.isArray(state.keys)) return undefined;
  const name = state.name.toLowerCase();
  return state.keys.find((k) => k.name.toLowerCase() === name);
}

export function nameProblem(name: string): string | undefined {
  const check = checkKeyName(name);
  return check.ok ? undefined : check.problem;
}
