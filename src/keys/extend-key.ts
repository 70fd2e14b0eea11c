/**
 * A new expiry for a key, with the same secret: the one path for `extend` and the key console's
 * `e`. The PUT carries only the expiry unless the caller has the key's value and has proven it
 * that key's (keys/prove-value.ts); then it is re-sent, as Terraform does. A GET afterwards tells
 * whether the service kept the secret and moved the expiry, since the PUT's own answer is the
 * service's word, not a reading.
 */
import { formatUtc } from '../domain/expiry';
import { GatewayError, type ApiKey, type ChangePurpose, type DeploymentRef, type Gateway } from '../port/gateway';

/** The code of an extension whose result, read back, is not what was asked. */
export const EXTEND_NOT_CONFIRMED = 'ExtendNotConfirmed';

export interface Extended {
  key: ApiKey;
  previous: ApiKey;
}

/** Why a key cannot be given a new expiry, before anything is sent; undefined when it can. */
export function extendRefusal(key: ApiKey, now: Date): string | undefined {
  if (Number.isNaN(key.endDateTime.getTime())) return `key '${key.name}' has no readable expiry; rotate it instead`;
  if (key.endDateTime.getTime() <= now.getTime())
    return `key '${key.name}' expired on ${formatUtc(key.endDateTime)}; an expired key is not given a new life (whatever held it has been refused since): rotate it instead`;
  return undefined;
}

/** Whether a value the user holds is this key's: its first three characters are the hint Azure shows. */
export function valueMatchesHint(secret: string, key: ApiKey): boolean {
  return key.hint !== '' && secret.slice(0, key.hint.length) === key.hint;
}

/** Within a second: the service may round the time it stores. */
function sameMoment(a: Date, b: Date): boolean {
  return Math.abs(a.getTime() - b.getTime()) < 1000;
}

export async function extendKey(
  gateway: Gateway,
  ref: DeploymentRef,
  current: ApiKey,
  endDateTime: Date,
  options: { secret?: string; signal?: AbortSignal; purpose?: ChangePurpose } = {},
): Promise<Extended> {
  try {
    await gateway.putKey(
      ref,
      current.name,
      { endDateTime, secret: options.secret },
      { signal: options.signal, purpose: options.purpose },
    );
  } catch (error) {
    // A request refused as malformed (400, 422) may be one the service wants the value in; a 409
    // (busy, a conflict) is not about the value, and keeps Azure's own words.
    if (
      options.secret === undefined &&
      error instanceof GatewayError &&
      error.kind === 'invalid' &&
      error.status !== 409
    ) {
      throw new GatewayError(
        'invalid',
        `Azure would not change the expiry of '${current.name}' without its value: ${error.plain}. Nothing was changed`,
        error.code,
        error.status,
      );
    }
    throw error;
  }
  const after = await gateway.getKey(ref, current.name, { signal: options.signal });
  if (!after)
    throw new GatewayError(
      'unknown',
      `the new expiry was accepted, but key '${current.name}' is not there when read back`,
      EXTEND_NOT_CONFIRMED,
    );
  if (after.hint !== current.hint)
    throw new GatewayError(
      'unknown',
      `the new expiry was accepted, but the key's hint is now ${after.hint} (it was ${current.hint}): the service did not keep its secret, so whatever uses the key is refused now; hand off a new key (rotate)`,
      EXTEND_NOT_CONFIRMED,
    );
  if (!sameMoment(after.endDateTime, endDateTime))
    throw new GatewayError(
      'unknown',
      `the new expiry was accepted, but key '${current.name}' still expires ${formatUtc(after.endDateTime)}, not ${formatUtc(endDateTime)}`,
      EXTEND_NOT_CONFIRMED,
    );
  return { key: after, previous: current };
}
