/**
 * The plumbing under the Azure gateway: one ARM client and one NGINXaaS client per subscription,
 * the guard through which every failure leaves as a GatewayError (with the secrets it saw
 * masked), and the guard of a change to a key, whose 403 names the action that is missing.
 */
import type { TokenCredential } from '@azure/core-auth';
import type { PipelineRetryOptions } from '@azure/core-rest-pipeline';
import { missingPermissionWords, type KeyAction } from '../domain/permissions';
import { printable } from '../domain/printable';
import type { DeploymentRef } from '../domain/resource-id';
import { GatewayError } from '../port/gateway';
import { ArmClient } from './arm-client';
import { tlsOptionsFor, type ArmTarget } from './cloud';
import { toGatewayError } from './errors';
import { KnownSecrets } from './known-secrets';
import { NginxManagementClient } from './nginx-client';

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

export class GatewayBase {
  readonly authDescription: string;
  protected readonly arm: ArmClient;
  private readonly clients = new Map<string, NginxManagementClient>();
  protected readonly known = new KnownSecrets();
  protected readonly credential: TokenCredential;

  protected readonly settings: AzureGatewaySettings;

  constructor(settings: AzureGatewaySettings) {
    const log = settings.log;
    // A request's log line may quote a server's words too: masked, and escaped for the terminal.
    this.settings = log ? { ...settings, log: (line) => log(printable(this.known.text(line))) } : settings;
    this.authDescription = settings.authDescription;
    const tlsOptions = tlsOptionsFor(settings.target);
    this.credential = this.known.recording(settings.credential);
    this.arm = new ArmClient(this.credential, {
      endpoint: settings.target.endpoint,
      credentialScopes: [settings.target.scope],
      tlsOptions,
      retryOptions: settings.retryOptions,
      log: this.settings.log,
      // '' and 0 are no setting: absent, so that ArmClient's defaults (its `??`) apply.
      ...(settings.userAgent ? { userAgent: settings.userAgent } : {}),
      ...(settings.timeoutMs ? { timeoutMs: settings.timeoutMs } : {}),
    });
  }

  protected client(subscriptionId: string): NginxManagementClient {
    let client = this.clients.get(subscriptionId.toLowerCase());
    if (!client) {
      client = new NginxManagementClient(this.arm, subscriptionId);
      this.clients.set(subscriptionId.toLowerCase(), client);
    }
    return client;
  }

  protected async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const target = this.settings.target;
      const failure = toGatewayError(error, { endpoint: target.endpoint, authorityHost: target.authorityHost });
      return Promise.reject(this.known.error(failure));
    }
  }

  /** A change to a key: a 403 names the action that is missing and the role that has it. */
  protected async guardChange<T>(action: KeyAction, ref: DeploymentRef, work: () => Promise<T>): Promise<T> {
    try {
      return await this.guard(work);
    } catch (error) {
      if (!(error instanceof GatewayError) || error.kind !== 'forbidden') throw error;
      throw new GatewayError(
        'forbidden',
        `${error.message.replace(/\.?\s*$/, '')}; ${missingPermissionWords(action, ref.name)}`,
        error.code,
        error.status,
      );
    }
  }
}
