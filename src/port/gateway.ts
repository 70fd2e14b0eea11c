/**
 * The port: the one interface through which the wizard, the plain mode and the commands reach
 * Azure. src/azure implements it; unit tests fake it. Our own error kinds live here so that no
 * caller ever needs to know what a RestError is.
 */
import type { KeyAction } from '../domain/permissions';
import type { DeploymentRef } from '../domain/resource-id';

export type { DeploymentRef };

export interface Subscription {
  subscriptionId: string;
  displayName: string;
  state: string;
}

export interface Deployment extends DeploymentRef {
  id: string;
  location: string;
  provisioningState: string;
  /** Normalised `https://host/`, or undefined when the deployment has none. */
  dataplaneApiEndpoint?: string;
  subscriptionName?: string;
  sku?: string;
}

export interface ApiKey {
  id: string;
  name: string;
  hint: string;
  endDateTime: Date;
}

/** Who the run acts as, for the header: a user's name or an application, and the tenant. */
export interface SignedIn {
  account: string;
  tenant?: string;
}

export interface Discovery {
  deployments: Deployment[];
  /** The subscriptions that were searched (display names where known). */
  searched: Subscription[];
  /** How the deployments were found, for the empty-list message and --verbose. */
  via: 'resource-graph' | 'per-subscription' | 'direct';
  /** Subscriptions that could not be read, with why. */
  problems: { subscriptionId: string; message: string }[];
  /** Who searched (unknown in the demo, or when the token says nothing readable). */
  signedIn?: SignedIn;
}

export type ErrorKind =
  | 'notFound'
  | 'alreadyExists'
  | 'unauthenticated'
  | 'forbidden'
  | 'throttled'
  | 'invalid'
  | 'network'
  | 'cancelled'
  | 'unknown';

/** An Azure failure in plain words, with the ARM error code when Azure gave one. */
/** The code of a Key Vault store whose answer was lost and could not be read back. */
export const STORE_OUTCOME_UNKNOWN = 'StoreOutcomeUnknown';

export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly code?: string,
    readonly status?: number,
  ) {
    super(message);
  }

  /** One line for people: "message (ARM code)". */
  get plain(): string {
    // Said once: a message that names its code already (an untrusted certificate's) is not given it again.
    return this.code && !this.message.includes(`(${this.code})`) ? `${this.message} (${this.code})` : this.message;
  }
}

/**
 * What to do next after a failure of this kind, in the same words in every mode (the wizard,
 * plain mode, every command); undefined when the message already says it all.
 */
export function advice(kind: ErrorKind | string | undefined): string | undefined {
  // The ways to sign in depend on how the run tried: each face lists them (domain/sign-in.ts).
  if (kind === 'unauthenticated') return undefined;
  if (kind === 'forbidden')
    return 'Your sign-in lacks access: ask for Reader on the subscription and Contributor on the deployment.';
  if (kind === 'network') return 'Check the network, a proxy, or --arm-endpoint.';
  if (kind === 'throttled') return 'Azure is limiting requests: wait a little and try again.';
  return undefined;
}

export interface DiscoverOptions extends CallOptions {
  onProgress?: (message: string) => void;
  /**
   * Deployments as the search finds them, before it is done (Resource Graph's pages, before the
   * subscription list is read to its end): for a caller that reads ahead. They are not yet checked
   * against the subscriptions searched, nor named; the answer's list is the one that counts.
   */
  onFound?: (deployments: Deployment[]) => void;
}

export interface CallOptions {
  signal?: AbortSignal;
  /**
   * What a change is for, when the caller knows more than the call shows: the wizard's rotation
   * makes and deletes keys through the same calls as a create and a delete. Read by the history only.
   */
  purpose?: ChangePurpose;
}

export type ChangePurpose = 'rotate-new' | 'rotate-retire' | 'retire-expire';

export interface PutKeyResult {
  key: ApiKey;
  /** true for 201 Created, false for 200 (an existing key was replaced). */
  created: boolean;
  /** The replaced key was made by someone else between our check and our PUT (a 200 where 201 was due). */
  raced?: boolean;
}

/**
 * The dataplane's answer to a key. `unreachable`: it could not be asked from here (the network, a
 * certificate, an answer that is not about the key), with the host and what happened in words.
 */
export type VerifyResult =
  | { ok: true; status: number }
  | { ok: false; status?: number; message: string; unreachable?: { host: string; cause: string } };

/** The code of defaultSubscription's failure when several subscriptions are visible and none is named. */
export const SEVERAL_SUBSCRIPTIONS = 'SeveralSubscriptions';

export interface Gateway {
  /** Words for the loading screen, such as "the Azure CLI". */
  readonly authDescription: string;
  listSubscriptions(options?: CallOptions): Promise<Subscription[]>;
  /** Forget a sign-in that was not there, so the next call asks again (after `az login` in this run). */
  signInAgain?(): void;
  /** Starts getting a token in the background, so that the first request need not wait for it. */
  warmUp?(): void;
  /** Who the run is signed in as, from the token it holds; undefined when that cannot be told. */
  signedInAs?(options?: CallOptions): Promise<SignedIn | undefined>;
  /** The subscription to use when none is named: the CLI's default, or the only one visible. */
  defaultSubscription(options?: CallOptions): Promise<string>;
  discoverDeployments(
    scope: { subscriptions?: string[]; resourceGroup?: string },
    options?: DiscoverOptions,
  ): Promise<Discovery>;
  getDeployment(ref: DeploymentRef, options?: CallOptions): Promise<Deployment>;
  listKeys(ref: DeploymentRef, options?: CallOptions): Promise<ApiKey[]>;
  /** undefined when no key of that name exists. */
  getKey(ref: DeploymentRef, name: string, options?: CallOptions): Promise<ApiKey | undefined>;
  /**
   * With `onlyIfAbsent`, sent with If-None-Match: *, and a key of that name is 'alreadyExists' (412).
   * Without `secret`, the PUT carries only the expiry (a new expiry for an existing key, as az's update).
   */
  putKey(
    ref: DeploymentRef,
    name: string,
    body: { secret?: string; endDateTime: Date },
    options?: CallOptions & { onlyIfAbsent?: boolean },
  ): Promise<PutKeyResult>;
  /** 'absent' when the service answered 204 (there was no such key). */
  deleteKey(ref: DeploymentRef, name: string, options?: CallOptions): Promise<'deleted' | 'absent'>;
  /** Stores the key as a new version of a Key Vault secret (a hand-off). */
  storeSecret(
    destination: { vaultHost: string; secretName: string },
    value: string,
    options: CallOptions & { expiresOn: Date; tags: Record<string, string> },
  ): Promise<{ id: string; version: string }>;
  /** The value of a Key Vault secret's newest version; undefined when the secret does not exist. */
  readSecret(
    destination: { vaultHost: string; secretName: string },
    options?: CallOptions,
  ): Promise<{ value: string; version: string } | undefined>;
  /** Which of the key actions this sign-in may take on the deployment, as ARM says in advance. */
  keyPermissions(ref: DeploymentRef & { id: string }, options?: CallOptions): Promise<Record<KeyAction, boolean>>;
  /**
   * Calls the dataplane with the key, to show that it works: `GET <endpoint>packages`, or with
   * `url` that address under a dataplane (a consumer's own first call, such as nginx-asg-sync's
   * `…/nplus/9/http/upstreams/<u>/servers`).
   */
  verifyKey(endpoint: string, secret: string, options?: CallOptions & { url?: string }): Promise<VerifyResult>;
}
