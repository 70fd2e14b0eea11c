/**
 * Whether a value the user holds is a key's secret, proven rather than guessed. Azure shows only a
 * key's first three characters (its hint), so a value that merely starts with them may be any
 * string: re-sending it with a PUT would make Azure keep that string, and whatever used the key
 * would be refused. Proof is two facts: the deployment's dataplane takes the value (so it is the
 * secret of one of the deployment's live keys), and this key is the only one whose hint it starts
 * with (so it is this one). A value is sent to the dataplane only when some key's hint matches it.
 */
import type { ApiKey, Deployment, Gateway } from '../port/gateway';
import { valueMatchesHint } from './extend-key';
import { verifyWithPatience } from './verify';

export type Proof =
  /** The dataplane took it and no other key has its hint: it is this key's secret. */
  | { outcome: 'proven'; status: number; said: string }
  /** Its first characters are not this key's hint: not asked of anyone. */
  | { outcome: 'notHint'; said: string }
  /** Other keys of the deployment have the same hint: the dataplane cannot tell which it is. */
  | { outcome: 'ambiguous'; others: string[]; said: string }
  /** The dataplane refused it (401, 403): it is no live key of this deployment. */
  | { outcome: 'refused'; status: number; said: string }
  /** The dataplane could not be asked (no endpoint, the network, an answer that is not about the key). */
  | { outcome: 'unasked'; said: string };

/** The keys among `keys` whose hint the value starts with. */
export function hintMatches(secret: string, keys: readonly ApiKey[]): ApiKey[] {
  return keys.filter((k) => valueMatchesHint(secret, k));
}

export async function proveValue(
  gateway: Gateway,
  deployment: Deployment,
  key: ApiKey,
  secret: string,
  keys: readonly ApiKey[],
  signal?: AbortSignal,
): Promise<Proof> {
  if (!valueMatchesHint(secret, key))
    return { outcome: 'notHint', said: `its first characters are not the hint of '${key.name}' (${key.hint})` };
  const others = hintMatches(secret, keys)
    .filter((k) => k.name !== key.name)
    .map((k) => k.name);
  if (others.length > 0)
    return {
      outcome: 'ambiguous',
      others,
      said: `${[key.name, ...others].map((n) => `'${n}'`).join(' and ')} all have the hint ${key.hint}, so which key the value is cannot be proven`,
    };
  const endpoint = deployment.dataplaneApiEndpoint;
  if (!endpoint)
    return {
      outcome: 'unasked',
      said: `${deployment.name} has no dataplane API endpoint to ask (${deployment.provisioningState})`,
    };
  const verification = await verifyWithPatience(gateway, endpoint, secret, {
    waitMs: 0,
    signal,
  });
  if (verification.outcome === 'accepted')
    return {
      outcome: 'proven',
      status: verification.status,
      said: `${verification.message} and no other key has the hint ${key.hint}: it is '${key.name}'`,
    };
  if (verification.outcome === 'refused')
    return {
      outcome: 'refused',
      status: verification.status,
      said: `the dataplane refused it (HTTP ${verification.status}): it is not the secret of '${key.name}' (though it starts with its hint), or that key is not active there yet`,
    };
  return { outcome: 'unasked', said: verification.message };
}
