/** What the screens and the machine read from the state: derived, never stored. */
import { keyOrder } from '../domain/key-order';
import { canTakeKey, EXPIRING_SOON_DAYS, type Readiness } from '../domain/readiness';
import { DEFAULT_PRESET, PRESETS, resolvePreset } from '../domain/expiry';
import { checkKeyName, rotatedName } from '../domain/key-name';
import { filterDeployments } from '../domain/deployment-filter';
import type { ApiKey, Deployment, Discovery, Subscription } from '../port/gateway';
import { markOf, type FleetMark } from './fleet-marks';
import type { WithCreatedKey, WizardState } from './state';
import { missingPermissionWords, type KeyAction } from '../domain/permissions';

/** Each discovery's subscriptions by id, made once: a list of thousands asks for every row. */
const subscriptionsOf = new WeakMap<Discovery, Map<string, Subscription>>();

function subscriptionOf(discovery: Discovery | undefined, id: string): Subscription | undefined {
  if (!discovery) return undefined;
  let byId = subscriptionsOf.get(discovery);
  if (!byId) {
    byId = new Map(discovery.searched.map((s) => [s.subscriptionId.toLowerCase(), s]));
    subscriptionsOf.set(discovery, byId);
  }
  return byId.get(id.toLowerCase());
}

export function readiness(state: Pick<WizardState, 'discovery'>, d: Deployment): Readiness {
  const subscription = subscriptionOf(state.discovery, d.subscriptionId);
  return canTakeKey({
    provisioningState: d.provisioningState,
    dataplaneApiEndpoint: d.dataplaneApiEndpoint,
    subscriptionState: subscription?.state,
  });
}

/** `!` in the filter keeps only deployments with a key expired or expiring; the other words filter as usual. */
/** The last filtering of each discovery: a redraw (a spinner, a mark arriving) filters nothing again. */
const lastFiltered = new WeakMap<Discovery, { filter: string; fleet: unknown; list: Deployment[] }>();

export function visibleDeployments(
  state: Pick<WizardState, 'discovery' | 'filter'> & { fleet?: WizardState['fleet'] },
): Deployment[] {
  const discovery = state.discovery;
  if (!discovery) return [];
  const flaggedOnly = state.filter.includes('!');
  // Only `!` depends on the marks; other filters are the same however many marks have arrived.
  const fleet = flaggedOnly ? state.fleet : undefined;
  const last = lastFiltered.get(discovery);
  if (last && last.filter === state.filter && last.fleet === fleet) return last.list;
  const words = flaggedOnly ? state.filter.replace(/!/g, ' ') : state.filter;
  const matching = filterDeployments(discovery.deployments, words);
  const list = flaggedOnly ? matching.filter((d) => flagged(fleet && markOf(fleet, d.id))) : matching;
  lastFiltered.set(discovery, { filter: state.filter, fleet, list });
  return list;
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

/** The keys the console lists, in the order `list` prints them too (domain/key-order.ts). */
export function consoleKeys(state: Pick<WizardState, 'keys'>): ApiKey[] {
  if (!Array.isArray(state.keys)) return [];
  return [...state.keys].sort(keyOrder);
}

/** A deployment with a key expired or expiring soon: its row is marked, and `!` keeps it. */
export function flagged(mark: FleetMark | undefined): boolean {
  return mark !== undefined && 'keys' in mark && mark.expired + mark.expiring > 0;
}

/**
 * What rotating `old` will make: a key under the first free name (nlk-prod-2, -3…) that expires
 * after the default preset. The plan screen shows it; Enter carries it out.
 */
export function rotationPlan(state: Pick<WizardState, 'keys' | 'now'>, old: ApiKey) {
  const preset = PRESETS.find((p) => p.id === DEFAULT_PRESET);
  return {
    name: rotatedName(
      old.name,
      consoleKeys(state).map((k) => k.name),
    ),
    endDateTime: resolvePreset(DEFAULT_PRESET, state.now),
    label: preset?.label ?? DEFAULT_PRESET,
  };
}

/** Whether the run created a key (the reveal panel's state, or one that ended after it). */
export function createdKey(state: WizardState): state is WithCreatedKey {
  return state.result !== undefined && state.deployment !== undefined;
}

/** Said before Enter: ARM has told that this sign-in may not take the action here. */
export function permissionWarning(state: WizardState, action: KeyAction): string | undefined {
  const known = state.permissions;
  if (!known || !state.deployment || known.deploymentId !== state.deployment.id || known[action]) return undefined;
  return `Azure will refuse this: ${missingPermissionWords(action, state.deployment.name)}.`;
}

/**
 * Every mark the full-screen list shows, in words (issue 34): its keys, how many expired or
 * expiring, or why it cannot take a key. The line face says them on the deployment's line, the
 * full-screen list gives them to a screen reader as the row's label.
 */
export function deploymentMarkWords(state: Pick<WizardState, 'discovery' | 'fleet'>, d: Deployment): string {
  const ready = readiness(state, d);
  if (!ready.ok) return `cannot take a key: ${ready.reason}`;
  const mark = markOf(state.fleet, d.id);
  if (!mark) return 'its keys not read yet';
  if ('error' in mark) return `its keys could not be read (${mark.error})`;
  if (mark.keys === 0) return 'no keys';
  const count = `${mark.keys} key${mark.keys === 1 ? '' : 's'}`;
  const expired = mark.expired > 0 ? `, ${mark.expired} expired` : '';
  const expiring = mark.expiring > 0 ? `, ${mark.expiring} expiring within ${EXPIRING_SOON_DAYS} days` : '';
  return `${count}${expired}${expiring}`;
}
