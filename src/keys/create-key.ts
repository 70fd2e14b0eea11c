/**
 * The one way a key is created or replaced, for the wizard, plain mode, `create` and `rotate`:
 * GET first (an existing key is replaced only when asked), then PUT, then say what is certain.
 *
 * The contract: a thrown GatewayError means nothing changed, for certain. Every other outcome is
 * returned: created, replaced, refused because the name is taken, or unknown — the PUT left but
 * its answer was lost (a reset, a timeout, a cancel or signal while it was in flight) and a GET
 * afterwards could not settle it. Callers then keep the secret where the user can get it.
 */
import { hintOf } from '../domain/secret';
import { GatewayError, type ApiKey, type DeploymentRef, type Gateway } from '../gateway';

export interface NewKeyBody {
  secret: string;
  endDateTime: Date;
}

export type CreateOutcome =
  | { kind: 'created'; key: ApiKey; settledByCheck: boolean }
  | { kind: 'replaced'; key: ApiKey; previous: ApiKey; settledByCheck: boolean }
  | { kind: 'exists'; existing: ApiKey }
  | { kind: 'unknown'; problem: GatewayError; previous?: ApiKey };

export interface CreateKeyOptions {
  /** Allow replacing a key of that name; without it an existing key is reported, not touched. */
  replace: boolean;
  /** Stops the work before the PUT leaves. Once it has left, the PUT is let finish. */
  signal?: AbortSignal;
  /** Abandons the PUT itself (a second Ctrl+C): its outcome is then found out by a GET, or unknown. */
  forceSignal?: AbortSignal;
  /** Told when `signal` aborts while the PUT is in flight: the caller may say it is finishing. */
  onHeld?: () => void;
  /** Told just before the PUT leaves (a caller may stage a key file then). */
  onSending?: () => void;
  /** How long the GET that settles a lost answer may take. */
  settleTimeoutMs?: number;
}

/** The key a PUT of `body` leaves behind: the same hint, the same expiry to the millisecond. */
export function isKeyFrom(key: ApiKey, body: NewKeyBody): boolean {
  return key.hint === hintOf(body.secret) && key.endDateTime.getTime() === body.endDateTime.getTime();
}

/** Whether the PUT may have been carried out although no answer said so. */
function answerMayBeLost(error: GatewayError): boolean {
  if (error.kind === 'network' || error.kind === 'cancelled') return true;
  return error.status === undefined || error.status >= 500;
}

export async function createKey(
  gateway: Gateway,
  ref: DeploymentRef,
  name: string,
  body: NewKeyBody,
  options: CreateKeyOptions,
): Promise<CreateOutcome> {
  const signal = options.signal;
  const before = await gateway.getKey(ref, name, signal ? { signal } : {});
  // A key with our hint and our expiry is our own, left by an earlier try whose answer was lost:
  // sending the same secret again changes nothing, so it is not a stranger to refuse.
  const ours = before !== undefined && isKeyFrom(before, body);
  if (before && !ours && !options.replace) return { kind: 'exists', existing: before };
  if (signal?.aborted) throw new GatewayError('cancelled', 'cancelled before the key was sent; nothing was created');

  options.onSending?.();
  const onAbort = () => options.onHeld?.();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    // Not the first cancel: a GET right after abandoning a PUT could not prove it was not carried out.
    const force = options.forceSignal;
    const answer = await gateway.putKey(ref, name, body, force ? { signal: force } : {});
    // The SDK retries a PUT whose answer was lost and the retry is answered 200: a name that was
    // free a moment ago (or held our own key) was created by this run.
    if (!before || ours) return { kind: 'created', key: answer.key, settledByCheck: false };
    return { kind: 'replaced', key: answer.key, previous: before, settledByCheck: false };
  } catch (error) {
    const failure = error instanceof GatewayError ? error : new GatewayError('unknown', String(error));
    if (!answerMayBeLost(failure)) throw failure;
    return settle(gateway, ref, name, body, failure, ours ? undefined : before, options.settleTimeoutMs ?? 10_000);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Reads the key back after a lost answer and says what is certain. */
async function settle(
  gateway: Gateway,
  ref: DeploymentRef,
  name: string,
  body: NewKeyBody,
  failure: GatewayError,
  before: ApiKey | undefined,
  timeoutMs: number,
): Promise<CreateOutcome> {
  const unknown: CreateOutcome = { kind: 'unknown', problem: failure, ...(before ? { previous: before } : {}) };
  let now: ApiKey | undefined;
  try {
    now = await gateway.getKey(ref, name, { signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    return unknown;
  }
  if (now && isKeyFrom(now, body)) {
    return before
      ? { kind: 'replaced', key: now, previous: before, settledByCheck: true }
      : { kind: 'created', key: now, settledByCheck: true };
  }
  // An abandoned PUT may still be carried out after this GET: only its presence proves anything.
  if (failure.kind === 'cancelled') return unknown;
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
