/**
 * The one way a key is created or replaced, for the wizard, plain mode, `create` and `rotate`:
 * GET first (an existing key is replaced only when asked), then PUT, then say what is certain.
 *
 * The contract: a thrown GatewayError means nothing changed, for certain. Every other outcome is
 * returned: created, replaced, refused because the name is taken, raced (a key of that name was
 * made between our GET and our PUT, and Azure answered "replaced"), or unknown — the PUT left but
 * its answer was lost (a reset, a timeout, a cancel or signal while it was in flight) and the
 * checks afterwards could not settle it. Callers then keep the secret where the user can get it.
 *
 * How our own key is told from any other: each attempt's expiry carries milliseconds drawn at
 * random (1 to 999) and remembered for this process with the secret. A key whose hint and expiry
 * match to the millisecond was left by this attempt; a key that the first GET of a new attempt
 * already shows is never ours. (Whether the service keeps the milliseconds is not published; if it
 * drops them, our own key is merely not recognised, and the outcome is said to be unknown.)
 */
import { randomInt } from '../domain/random';
import { hintOf } from '../domain/secret';
import { GatewayError, type ApiKey, type ChangePurpose, type DeploymentRef, type Gateway } from '../port/gateway';
import { keyId } from './custody';

export interface NewKeyBody {
  secret: string;
  endDateTime: Date;
}

export type CreateOutcome =
  | { kind: 'created'; key: ApiKey; settledByCheck: boolean }
  | { kind: 'replaced'; key: ApiKey; previous: ApiKey; settledByCheck: boolean }
  | { kind: 'exists'; existing: ApiKey; appearedMeanwhile?: boolean }
  | { kind: 'raced'; key: ApiKey }
  | { kind: 'unknown'; problem: GatewayError; previous?: ApiKey; mayStillAppear?: boolean };

export interface CreateKeyOptions {
  /** Allow replacing a key of that name; without it an existing key is reported, not touched. */
  replace: boolean;
  /** Stops the work before the PUT leaves. Once it has left, the PUT is let finish. */
  signal?: AbortSignal;
  /** What the key is for, for the history (a rotation's new key). */
  purpose?: ChangePurpose;
  /** Abandons the PUT itself (a second Ctrl+C): its outcome is then found out by a GET, or unknown. */
  forceSignal?: AbortSignal;
  /** Told when `signal` aborts while the PUT is in flight: the caller may say it is finishing. */
  onHeld?: () => void;
  /** Told just before the PUT leaves, with what it carries (a caller may stage a key file then). */
  onSending?: (sent: NewKeyBody) => void;
  /** How long the GET that settles a lost answer may take. */
  settleTimeoutMs?: number;
  /**
   * After a PUT that timed out, how long to wait before looking a second time: the service may
   * still be carrying it out. Default 10 s.
   */
  recheckAfterMs?: number;
}

/** Words for a raced create, the same in every face. */
export function racedWarning(name: string): string {
  return `Azure answered "replaced" (200), not "created" (201): a key named '${name}' was made by someone else after this run found the name free, and this run's key replaced it. Whatever uses that other key stops working now`;
}

/** What this process sent, by key: a resend of the same secret (the wizard's r) is the same attempt. */
const attempts = new Map<string, NewKeyBody>();

function attemptFor(ref: DeploymentRef, name: string, body: NewKeyBody): { sent: NewKeyBody; resend: boolean } {
  const id = keyId(ref, name);
  const earlier = attempts.get(id);
  const sameDay = earlier && Math.abs(earlier.endDateTime.getTime() - body.endDateTime.getTime()) < 1000;
  if (earlier && earlier.secret === body.secret && sameDay) return { sent: earlier, resend: true };
  const second = Math.floor(body.endDateTime.getTime() / 1000) * 1000;
  const sent = { secret: body.secret, endDateTime: new Date(second + randomInt(1, 1000)) };
  attempts.set(id, sent);
  return { sent, resend: false };
}

/**
 * Deletes key `name` again only if it is the one this process last sent by that name (its hint and
 * expiry to the millisecond). A key whose creation is in doubt may be someone else's by now: a
 * name free at the review can be taken meanwhile, and our PUT may never have landed.
 */
export async function deleteIfSentHere(
  gateway: Pick<Gateway, 'getKey' | 'deleteKey'>,
  ref: DeploymentRef,
  name: string,
  options: { signal?: AbortSignal } = {},
): Promise<'deleted' | 'absent' | 'notOurs'> {
  const sent = attempts.get(keyId(ref, name));
  const key = await gateway.getKey(ref, name, options);
  if (!key) return 'absent';
  if (!sent || !isKeyFrom(key, sent)) return 'notOurs';
  return gateway.deleteKey(ref, name, options);
}

/** The key a PUT of `body` leaves behind: the same hint, the same expiry to the millisecond. */
export function isKeyFrom(key: ApiKey, body: NewKeyBody): boolean {
  return key.hint === hintOf(body.secret) && key.endDateTime.getTime() === body.endDateTime.getTime();
}

/** Whether the PUT may have been carried out although no answer said so. */
function answerMayBeLost(error: GatewayError): boolean {
  if (error.kind === 'network' || error.kind === 'cancelled') return true;
  // A success we could not read, or "accepted" (202): carried out, or on its way.
  if (error.code === 'UnreadableAnswer' || error.status === 202) return true;
  return error.status === undefined || error.status >= 500;
}

/** A PUT that the service may still be carrying out: a GET that finds nothing proves nothing yet. */
function mayStillBeRunning(error: GatewayError): boolean {
  return error.kind === 'cancelled' || error.code === 'ETIMEDOUT' || error.status === 504 || error.status === 202;
}

export async function createKey(
  gateway: Gateway,
  ref: DeploymentRef,
  name: string,
  body: NewKeyBody,
  options: CreateKeyOptions,
): Promise<CreateOutcome> {
  const signal = options.signal;
  const { sent, resend } = attemptFor(ref, name, body);
  const before = await gateway.getKey(ref, name, signal ? { signal } : {});
  // Only a resend in this process can meet its own key: the earlier try's answer was lost.
  const ours = resend && before !== undefined && isKeyFrom(before, sent);
  if (before && !ours && !options.replace) return { kind: 'exists', existing: before };
  if (signal?.aborted) throw new GatewayError('cancelled', 'cancelled before the key was sent; nothing was created');

  options.onSending?.(sent);
  // The lost try was carried out: the key holds this secret already, and nothing need be sent.
  if (ours && before) return { kind: 'created', key: before, settledByCheck: true };
  const onAbort = () => options.onHeld?.();
  signal?.addEventListener('abort', onAbort, { once: true });
  const replacing = before !== undefined && !ours ? before : undefined;
  try {
    // Not the first cancel: a GET right after abandoning a PUT could not prove it was not carried out.
    const force = options.forceSignal;
    const answer = await gateway.putKey(ref, name, sent, {
      signal: force,
      purpose: options.purpose,
      // A name seen free is created only if it still is (ARM's conditional create).
      ...(replacing ? {} : { onlyIfAbsent: true }),
    });
    if (replacing) return { kind: 'replaced', key: answer.key, previous: replacing, settledByCheck: false };
    // 200 where 201 was due: the service ignored the condition and replaced a key made meanwhile.
    if (!answer.created && !ours) return { kind: 'raced', key: answer.key };
    return { kind: 'created', key: answer.key, settledByCheck: false };
  } catch (error) {
    const failure = error instanceof GatewayError ? error : new GatewayError('unknown', String(error));
    if (failure.kind === 'alreadyExists' && failure.status === 412)
      return afterConflict(gateway, ref, name, sent, failure);
    if (!answerMayBeLost(failure)) throw failure;
    return settle(gateway, ref, name, sent, failure, replacing, options);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * 412: a key of that name exists now. Ours, when the SDK retried a PUT whose first answer was lost;
 * else another's, made since our GET, and untouched.
 */
async function afterConflict(
  gateway: Gateway,
  ref: DeploymentRef,
  name: string,
  sent: NewKeyBody,
  failure: GatewayError,
): Promise<CreateOutcome> {
  let now: ApiKey | undefined;
  try {
    now = await gateway.getKey(ref, name, { signal: AbortSignal.timeout(15_000) });
  } catch {
    // The 412 may answer a retry of our own PUT, carried out: unread, the outcome is unknown.
    return { kind: 'unknown', problem: failure };
  }
  if (now && isKeyFrom(now, sent)) return { kind: 'created', key: now, settledByCheck: true };
  if (now) return { kind: 'exists', existing: now, appearedMeanwhile: true };
  return { kind: 'unknown', problem: failure };
}

/** Reads the key back after a lost answer and says what is certain. */
async function settle(
  gateway: Gateway,
  ref: DeploymentRef,
  name: string,
  sent: NewKeyBody,
  failure: GatewayError,
  before: ApiKey | undefined,
  options: CreateKeyOptions,
): Promise<CreateOutcome> {
  const slow = mayStillBeRunning(failure);
  const unknown: CreateOutcome = {
    kind: 'unknown',
    problem: failure,
    previous: before,
    mayStillAppear: slow,
  };
  const look = async (): Promise<ApiKey | undefined | 'unreadable'> => {
    try {
      return await gateway.getKey(ref, name, { signal: AbortSignal.timeout(options.settleTimeoutMs ?? 10_000) });
    } catch {
      return 'unreadable';
    }
  };
  let now = await look();
  if (slow && failure.kind !== 'cancelled' && (now === 'unreadable' || !now || !isKeyFrom(now, sent))) {
    // The client gave up waiting, not the service: look once more after a pause.
    await new Promise((resolve) => setTimeout(resolve, options.recheckAfterMs ?? 10_000));
    now = await look();
  }
  if (now === 'unreadable') return unknown;
  if (now && isKeyFrom(now, sent)) {
    return before
      ? { kind: 'replaced', key: now, previous: before, settledByCheck: true }
      : { kind: 'created', key: now, settledByCheck: true };
  }
  // A PUT that may still be carried out after this GET: only its presence proves anything.
  if (slow) return unknown;
  const unchanged =
    now === undefined
      ? before === undefined
      : before !== undefined && now.hint === before.hint && now.endDateTime.getTime() === before.endDateTime.getTime();
  if (unchanged) {
    const what = before ? `key '${name}' is unchanged` : `there is no key '${name}'`;
    throw new GatewayError(
      failure.kind,
      `${failure.message}; a check afterwards found that ${what}, so nothing was changed`,
      failure.code,
      failure.status,
    );
  }
  return unknown;
}
