/**
 * The Azure implementation of the port (src/port/gateway.ts): the only object the rest of the
 * program holds that talks to Azure. Every failure leaves it as a GatewayError.
 */
import { answerCause } from '../domain/reach';
import { allows, KEY_ACTIONS, type KeyAction } from '../domain/permissions';
import { readPermissions } from './permissions';
import { GatewayBase } from './gateway-base';
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
import { naturalOrder } from '../domain/natural-order';
import { fromWire, toApiKey } from './mappers';
import { collect } from './paging';
import type { DeploymentRef } from '../domain/resource-id';
import { signedInAs } from './signed-in';
import { SharedOnce } from './shared-once';
import {
  GatewayError,
  type ApiKey,
  type CallOptions,
  type DiscoverOptions,
  type Deployment,
  type Discovery,
  type Gateway,
  type PutKeyResult,
  type SignedIn,
  type Subscription,
  type VerifyResult,
} from '../port/gateway';

export type { AzureGatewaySettings } from './gateway-base';

export class AzureGateway extends GatewayBase implements Gateway {
  private readonly subscriptions = new SharedOnce(() => this.guard(() => listSubscriptions(this.arm)));

  keyPermissions(ref: DeploymentRef & { id: string }, options: CallOptions = {}): Promise<Record<KeyAction, boolean>> {
    return this.guard(async () => {
      const sets = await readPermissions(this.arm, ref.id, options.signal);
      return { write: allows(sets, KEY_ACTIONS.write), delete: allows(sets, KEY_ACTIONS.delete) };
    });
  }

  signInAgain(): void {
    (this.settings.credential as { forget?: () => void }).forget?.();
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
    options: DiscoverOptions = {},
  ): Promise<Discovery> {
    return this.guard(async () => {
      // Searching everywhere: the Resource Graph query goes out beside the subscription list, not
      // after it, so that finding the deployments costs one round trip after the token.
      const everywhere =
        scope.subscriptions === undefined && scope.resourceGroup === undefined
          ? queryResourceGraph(this.arm, undefined, options.signal, options.onFound)
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
        log: this.settings.log,
      };
      const found = await findDeployments(context, ids, scope.resourceGroup, {
        ...options,
        everywhere,
      });
      const problems = found.problems.map((problem) => ({ ...problem, message: this.known.text(problem.message) }));
      return { ...found, problems, deployments: withSubscriptionNames(found.deployments, all), searched };
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
    return this.guardChange('write', ref, async () => {
      let status = 0;
      const key = await this.client(ref.subscriptionId).apiKeys.createOrUpdate(ref.resourceGroup, ref.name, name, {
        body: { properties: { secretText: body.secret, endDateTime: body.endDateTime } },
        onStatus: (s) => (status = s),
        abortSignal: options.signal,
        onlyIfAbsent: options.onlyIfAbsent,
      });
      return { key: toApiKey(key), created: status === 201 };
    });
  }

  deleteKey(ref: DeploymentRef, name: string, options: CallOptions = {}): Promise<'deleted' | 'absent'> {
    return this.guardChange('delete', ref, async () => {
      let status = 0;
      await this.client(ref.subscriptionId).apiKeys.delete(ref.resourceGroup, ref.name, name, {
        onStatus: (s) => (status = s),
        abortSignal: options.signal,
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
        signal: options.signal,
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

  verifyKey(endpoint: string, secret: string, options: CallOptions & { url?: string } = {}): Promise<VerifyResult> {
    this.known.add(secret);
    return this.guard(async () => {
      const result = await verifyDataplaneKey(this.settings.target, endpoint, secret, options.signal, options.url);
      if (result.ok) return result;
      const { unreachable, status } = result;
      // The dataplane's words may quote the key it was sent: masked, or not said at all.
      const said = unreachable && {
        ...unreachable,
        cause: this.known.textOr(
          unreachable.cause,
          answerCause(status ?? 0, 'its words are hidden because they may quote the key'),
        ),
      };
      return { ...result, message: this.known.text(result.message, status), unreachable: said };
    });
  }
}
