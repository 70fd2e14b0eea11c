/**
 * The Azure implementation of the port (src/port/gateway.ts): the only object the rest of the
 * program holds that talks to Azure. Every failure leaves it as a GatewayError.
 */
import type { TokenCredential } from '@azure/core-auth';
import type { PipelineRetryOptions } from '@azure/core-rest-pipeline';
import { ArmClient } from './arm-client';
import { tlsOptionsFor, type ArmTarget } from './cloud';
import { azureCliDefaultSubscription } from './cli-profile';
import { verifyDataplaneKey } from './dataplane';
import {
  findDeployments,
  listSubscriptions,
  onlySubscription,
  queryResourceGraph,
  subscriptionsSearched,
  withSubscriptionNames,
} from './discovery';
import { KnownSecrets } from './known-secrets';
import { toGatewayError } from './errors';
import { naturalOrder } from '../domain/natural-order';
import { fromWire, toApiKey } from './mappers';
import { NginxManagementClient } from './nginx-client';
import { collect } from './paging';
import type { DeploymentRef } from '../domain/resource-id';
import { signedInAs } from './signed-in';
import { SharedOnce } from './shared-once';
import {
  GatewayError,
  type ApiKey,
  type CallOptions,
  type Deployment,
  type Discovery,
  type Gateway,
  type PutKeyResult,
  type SignedIn,
  type Subscription,
  type VerifyResult,
} from '../port/gateway';

export interface AzureGatewaySettings {
  credential: TokenCredential;
  target: ArmTarget;
  authDescription: string;
  /** Ask the Azure CLI for its default subscription (with --auth cli). */
  useCliDefaultSubscription: boolean;
  /** The CLI's default subscription as the early `az` call told it (then `az account show` is not run). */
  cliSubscription?: Promise<string | undefined>;
  retryOptions?: PipelineRetryOptions;
  log?: (line: string) => void;
  userAgent?: string;
  timeoutMs?: number;
  /**
   * Open connections to ARM in warmUp(), while the token is fetched: for sign-ins that take a
   * while (`az`, a browser, a service principal), not for a token already in hand.
   */
  preconnect?: boolean;
}

export class AzureGateway implements Gateway {
  readonly authDescription: string;
  private readonly arm: ArmClient;
  private readonly clients = new Map<string, NginxManagementClient>();
  private readonly subscriptions = new SharedOnce(() => this.guard(() => listSubscriptions(this.arm)));
  private readonly known = new KnownSecrets();
  private readonly credential: TokenCredential;

  constructor(private readonly settings: AzureGatewaySettings) {
    this.authDescription = settings.authDescription;
    const tlsOptions = tlsOptionsFor(settings.target);
    this.credential = this.known.recording(settings.credential);
    this.arm = new ArmClient(this.credential, {
      endpoint: settings.target.endpoint,
      credentialScopes: [settings.target.scope],
      ...(tlsOptions ? { tlsOptions } : {}),
      ...(settings.retryOptions ? { retryOptions: settings.retryOptions } : {}),
      ...(settings.log ? { log: settings.log } : {}),
      ...(settings.userAgent ? { userAgent: settings.userAgent } : {}),
      ...(settings.timeoutMs ? { timeoutMs: settings.timeoutMs } : {}),
    });
  }

  private client(subscriptionId: string): NginxManagementClient {
    let client = this.clients.get(subscriptionId.toLowerCase());
    if (!client) {
      client = new NginxManagementClient(this.arm, subscriptionId);
      this.clients.set(subscriptionId.toLowerCase(), client);
    }
    return client;
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const target = this.settings.target;
      const failure = toGatewayError(error, { endpoint: target.endpoint, authorityHost: target.authorityHost });
      return Promise.reject(this.known.error(failure));
    }
  }

  /** One list for every caller (shared-once.ts): each stops waiting on its own signal. */
  listSubscriptions(options: CallOptions = {}): Promise<Subscription[]> {
    return this.subscriptions.get(options.signal);
  }

  /**
   * Asks for the ARM token now, while the caller loads its screens: `az` takes most of a second,
   * and the credential shares the answer with every request that follows.
   */
  warmUp(): void {
    void this.credential.getToken(this.settings.target.scope).catch(() => undefined);
    // Two: the list of subscriptions and the Resource Graph query go out together.
    if (this.settings.preconnect) this.arm.preconnect(2);
  }

  signedInAs(options: CallOptions = {}): Promise<SignedIn | undefined> {
    return signedInAs(this.credential, this.settings.target.scope, options.signal);
  }

  defaultSubscription(options: CallOptions = {}): Promise<string> {
    return this.guard(async () => {
      if (this.settings.useCliDefaultSubscription) {
        // Signed in first: a signed-out `az` is not asked a second question.
        await this.credential.getToken(
          this.settings.target.scope,
          options.signal ? { abortSignal: options.signal } : {},
        );
        const fromCli = (await this.settings.cliSubscription) ?? (await azureCliDefaultSubscription(options.signal));
        if (fromCli) return fromCli;
      }
      return onlySubscription(await this.listSubscriptions(options));
    });
  }

  async discoverDeployments(
    scope: { subscriptions?: string[]; resourceGroup?: string },
    options: CallOptions & { onProgress?: (message: string) => void } = {},
  ): Promise<Discovery> {
    return this.guard(async () => {
      // Searching everywhere: the Resource Graph query goes out beside the subscription list, not
      // after it, so that finding the deployments costs one round trip after the token.
      const everywhere =
        scope.subscriptions === undefined && scope.resourceGroup === undefined
          ? queryResourceGraph(this.arm, undefined, options.signal)
          : undefined;
      everywhere?.catch(() => undefined);
      const all = await this.listSubscriptions(options);
      const searched = subscriptionsSearched(all, scope.subscriptions);
      const ids = searched.map((s) => s.subscriptionId);
      if (ids.length === 0) return { deployments: [], searched, via: 'direct', problems: [] };
      const context = {
        arm: this.arm,
        clientFor: (id: string) => this.client(id),
        readDeployment: (d: Deployment, signal?: AbortSignal) => this.getDeployment(d, signal ? { signal } : {}),
        ...(this.settings.log ? { log: this.settings.log } : {}),
      };
      const found = await findDeployments(context, ids, scope.resourceGroup, {
        ...options,
        ...(everywhere ? { everywhere } : {}),
      });
      return { ...found, deployments: withSubscriptionNames(found.deployments, all), searched };
    });
  }

  getDeployment(ref: DeploymentRef, options: CallOptions = {}): Promise<Deployment> {
    return this.guard(async () => {
      const wire = await this.client(ref.subscriptionId).deployments.get(
        ref.resourceGroup,
        ref.name,
        options.signal ? { abortSignal: options.signal } : {},
      );
      return fromWire(wire, ref);
    });
  }

  listKeys(ref: DeploymentRef, options: CallOptions = {}): Promise<ApiKey[]> {
    return this.guard(async () => {
      const keys = await collect(
        this.client(ref.subscriptionId).apiKeys.list(
          ref.resourceGroup,
          ref.name,
          options.signal ? { abortSignal: options.signal } : {},
        ),
      );
      return keys.map(toApiKey).sort((a, b) => naturalOrder(a.name, b.name));
    });
  }

  async getKey(ref: DeploymentRef, name: string, options: CallOptions = {}): Promise<ApiKey | undefined> {
    try {
      return await this.guard(async () =>
        toApiKey(
          await this.client(ref.subscriptionId).apiKeys.get(
            ref.resourceGroup,
            ref.name,
            name,
            options.signal ? { abortSignal: options.signal } : {},
          ),
        ),
      );
    } catch (error) {
      // Callers look the deployment up first, so a 404 here means the name is free; a missing
      // group or subscription must still be said.
      const parentMissing =
        error instanceof GatewayError &&
        (error.code === 'ResourceGroupNotFound' || error.code === 'SubscriptionNotFound');
      if (error instanceof GatewayError && error.kind === 'notFound' && !parentMissing) {
        return undefined;
      }
      throw error;
    }
  }

  putKey(
    ref: DeploymentRef,
    name: string,
    body: { secret?: string; endDateTime: Date },
    options: CallOptions & { onlyIfAbsent?: boolean } = {},
  ): Promise<PutKeyResult> {
    if (body.secret !== undefined) this.known.add(body.secret);
    return this.guard(async () => {
      let status = 0;
      const key = await this.client(ref.subscriptionId).apiKeys.createOrUpdate(ref.resourceGroup, ref.name, name, {
        body: { properties: { secretText: body.secret, endDateTime: body.endDateTime } },
        onStatus: (s) => (status = s),
        ...(options.signal ? { abortSignal: options.signal } : {}),
        ...(options.onlyIfAbsent ? { onlyIfAbsent: true } : {}),
      });
      return { key: toApiKey(key), created: status === 201 };
    });
  }

  deleteKey(ref: DeploymentRef, name: string, options: CallOptions = {}): Promise<'deleted' | 'absent'> {
    return this.guard(async () => {
      let status = 0;
      await this.client(ref.subscriptionId).apiKeys.delete(ref.resourceGroup, ref.name, name, {
        onStatus: (s) => (status = s),
        ...(options.signal ? { abortSignal: options.signal } : {}),
      });
      return status === 204 ? 'absent' : 'deleted';
    });
  }

  storeSecret(
    destination: { vaultHost: string; secretName: string },
    value: string,
    options: CallOptions & { expiresOn: Date; tags: Record<string, string> },
  ): Promise<{ id: string; version: string }> {
    this.known.add(value);
    return this.guard(async () => {
      const { storeVaultSecret } = await import('./key-vault');
      return storeVaultSecret(this.credential, this.settings.target, destination, value, {
        expiresOn: options.expiresOn,
        tags: options.tags,
        ...(options.signal ? { signal: options.signal } : {}),
      });
    });
  }

  readSecret(
    destination: { vaultHost: string; secretName: string },
    options: CallOptions = {},
  ): Promise<{ value: string; version: string } | undefined> {
    return this.guard(async () => {
      const { readVaultSecret } = await import('./key-vault');
      const read = await readVaultSecret(this.credential, this.settings.target, destination, options.signal);
      if (read) this.known.add(read.value);
      return read;
    });
  }

  verifyKey(endpoint: string, secret: string, options: CallOptions = {}): Promise<VerifyResult> {
    this.known.add(secret);
    return this.guard(async () => {
      const result = await verifyDataplaneKey(this.settings.target, endpoint, secret, options.signal);
      return result.ok ? result : { ...result, message: this.known.text(result.message) };
    });
  }
}
