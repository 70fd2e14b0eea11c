/**
 * Whether a deployment can take a key, and how healthy a key's expiry is. Shared by the wizard,
 * the plain mode and the commands so that they never disagree.
 */
import { endsWithin } from './expiry';

export interface DeploymentFacts {
  provisioningState: string;
  dataplaneApiEndpoint?: string;
  subscriptionState?: string;
}

export type Readiness = { ok: true } | { ok: false; reason: string };

/** ARM makes these subscriptions read-only; Warned and PastDue ones still take writes. */
const READ_ONLY_SUBSCRIPTION_STATES = ['Disabled', 'Deleted'];

export function canTakeKey(d: DeploymentFacts): Readiness {
  if (d.subscriptionState && READ_ONLY_SUBSCRIPTION_STATES.includes(d.subscriptionState)) {
    return { ok: false, reason: `subscription ${d.subscriptionState.toLowerCase()}` };
  }
  if (d.provisioningState !== 'Succeeded') {
    return {
      ok: false,
      reason:
        d.provisioningState === 'Failed' ? 'deployment failed' : `deployment ${d.provisioningState.toLowerCase()}`,
    };
  }
  if (!d.dataplaneApiEndpoint) return { ok: false, reason: 'no dataplane endpoint' };
  return { ok: true };
}

export const EXPIRING_SOON_DAYS = 30;
const DAY_MS = 86_400_000;

/** 'unknown': the service gave an expiry that is not a time (the key is shown, and flagged). */
export type KeyStatus = 'ok' | 'expiring' | 'expired' | 'unknown';

export function keyStatus(end: Date, now: Date, soonDays = EXPIRING_SOON_DAYS): KeyStatus {
  if (Number.isNaN(end.getTime())) return 'unknown';
  if (end.getTime() <= now.getTime()) return 'expired';
  if (endsWithin(end, now, soonDays)) return 'expiring';
  return 'ok';
}

/**
 * A key made to end within EXPIRING_SOON_DAYS counts as expiring from its first moment: the
 * console marks it `!` and `list --expiring-within 30` exits 3 for it. The 30-day preset stays 30
 * days (what it says); the review and create's report say so instead of surprising a cron check.
 */
export function expiringFromTheStart(end: Date, now: Date): boolean {
  const left = end.getTime() - now.getTime();
  return left > 0 && left <= EXPIRING_SOON_DAYS * DAY_MS;
}

/** Said by a command, to people who run list --expiring-within in cron. */
export const EXPIRING_FROM_THE_START = `Under ${EXPIRING_SOON_DAYS} days: list --expiring-within ${EXPIRING_SOON_DAYS} flags it at once`;
/** The same, in the wizard's words (which name no flags): what the lists will show. */
export const EXPIRING_FROM_THE_START_WORDS = `Under ${EXPIRING_SOON_DAYS} days: marked as expiring from the start`;

/** How many keys there are, how many have expired, and how many expire within `soonDays`. */
export function expiryCounts(
  keys: readonly { endDateTime: Date }[],
  now: Date,
  soonDays = EXPIRING_SOON_DAYS,
): { keys: number; expired: number; expiring: number } {
  let expired = 0;
  let expiring = 0;
  for (const k of keys) {
    const status = keyStatus(k.endDateTime, now, soonDays);
    if (status === 'expired') expired++;
    else if (status === 'expiring') expiring++;
  }
  return { keys: keys.length, expired, expiring };
}

/**
 * What deleting a key does to whatever uses it, said alike by every face (the console, the line
 * face, `delete`): an expired key is refused by the dataplane already, so nothing can be using it.
 * An expiry nobody could read counts as alive: the words that warn are the safe ones.
 */
export function deletingWords(key: { endDateTime: Date }, now: Date): string {
  return key.endDateTime.getTime() <= now.getTime()
    ? 'It has expired: nothing can be using it.'
    : 'Whatever still uses it is refused at once.';
}
