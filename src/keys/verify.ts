/**
 * Whether the dataplane takes a key: `GET <endpoint>/packages` with `Authorization: ApiKey …`. A
 * new key may take a moment to reach the dataplane, so a refusal (401, 403) is tried again for up
 * to `waitMs`. The outcome in words: accepted; refused (the key is wrong, or not active yet);
 * unreachable (a network matter, not the key — the key may still be fine).
 */
import { couldNotCheck } from '../domain/reach';
import type { Gateway } from '../port/gateway';

export const VERIFY_WAIT_MS = 30_000;

export type Verification =
  | { outcome: 'accepted'; status: number; message: string }
  | { outcome: 'refused'; status: number; message: string }
  /** Not asked from here: the host and why, in words; nothing is known of the key. */
  | { outcome: 'unreachable'; status?: number; message: string; host: string; cause: string }
  /** Not asked at all: the run was told so (rotate --no-verify). */
  | { outcome: 'notChecked'; message: string };

/** The words and the JSON of a run told not to check (rotate --no-verify). */
export const NOT_CHECKED: Verification = {
  outcome: 'notChecked',
  message: 'the new key was not checked on the dataplane (--no-verify)',
};

export async function verifyWithPatience(
  gateway: Gateway,
  endpoint: string,
  secret: string,
  options: { waitMs?: number; intervalMs?: number; onWait?: (secondsLeft: number) => void; signal?: AbortSignal } = {},
): Promise<Verification> {
  const waitMs = options.waitMs ?? VERIFY_WAIT_MS;
  const intervalMs = options.intervalMs ?? 2000;
  const started = Date.now();
  for (;;) {
    const answer = await gateway.verifyKey(endpoint, secret, options.signal ? { signal: options.signal } : {});
    if (answer.ok)
      return {
        outcome: 'accepted',
        status: answer.status,
        message: `the dataplane accepted the key (GET /packages answered ${answer.status})`,
      };
    const refused = answer.status === 401 || answer.status === 403;
    if (!refused) {
      const why = answer.unreachable ?? { host: hostOf(endpoint), cause: 'could not be asked' };
      return {
        outcome: 'unreachable',
        ...(answer.status ? { status: answer.status } : {}),
        message: couldNotCheck('the key', why).replace(/^C/, 'c').replace(/\.$/, ''),
        host: why.host,
        cause: why.cause,
      };
    }
    const left = waitMs - (Date.now() - started);
    if (left <= 0 || options.signal?.aborted) {
      return {
        outcome: 'refused',
        status: answer.status ?? 401,
        message: `the dataplane refused the key (${answer.message}): it is wrong, or not active yet`,
      };
    }
    options.onWait?.(Math.ceil(left / 1000));
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, left)));
  }
}

function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return 'the dataplane';
  }
}
