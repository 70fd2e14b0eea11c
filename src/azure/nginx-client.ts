/**
 * A thin NGINXaaS management client with the method names of @azure/arm-nginx (not reachable
 * from here): `apiKeys.createOrUpdate/get/list/delete`, `deployments.get/list/listByResourceGroup`.
 * It speaks api-version 2025-11-01, the first stable version with API keys.
 */
import type { TokenCredential } from '@azure/core-auth';
import { ArmClient, type ArmClientOptions } from './arm-client';
import { deploymentShape, keyShape } from './answer-shapes';
import type { PagedAsyncIterableIterator } from './paging';
import { NGINX_API_VERSION, type WireApiKey, type WireApiKeyRequest, type WireDeployment } from '../wire/types';

export interface NginxDeploymentApiKeyRequest {
  properties?: { secretText?: string; endDateTime?: Date };
}

/** What the client returns is what the wire carries (checked by answer-shapes.ts); mappers.ts converts it once. */
export type NginxDeploymentApiKeyResponse = WireApiKey;
export type NginxDeployment = WireDeployment;

export interface OperationOptions {
  abortSignal?: AbortSignal;
  /** Called with the HTTP status, as core-client's onResponse would be (201 = created). */
  onStatus?: (status: number) => void;
}

const enc = encodeURIComponent;
const asIs = <T>(item: T): T => item;

export class NginxManagementClient {
  readonly apiVersion: string;
  readonly apiKeys: ApiKeys;
  readonly deployments: Deployments;

  constructor(
    readonly pipeline: ArmClient,
    readonly subscriptionId: string,
    options: { apiVersion?: string } = {},
  ) {
    this.apiVersion = options.apiVersion ?? NGINX_API_VERSION;
    this.apiKeys = new ApiKeys(this);
    this.deployments = new Deployments(this);
  }

  static create(
    credential: TokenCredential,
    subscriptionId: string,
    options: ArmClientOptions & { apiVersion?: string },
  ): NginxManagementClient {
    return new NginxManagementClient(new ArmClient(credential, options), subscriptionId, options);
  }

  deploymentsPath(resourceGroup?: string): string {
    const group = resourceGroup === undefined ? '' : `/resourceGroups/${enc(resourceGroup)}`;
    return `/subscriptions/${enc(this.subscriptionId)}${group}/providers/Nginx.NginxPlus/nginxDeployments`;
  }

  get query(): Record<string, string> {
    return { 'api-version': this.apiVersion };
  }
}

export class Deployments {
  constructor(private readonly client: NginxManagementClient) {}

  async get(
    resourceGroupName: string,
    deploymentName: string,
    options: OperationOptions = {},
  ): Promise<NginxDeployment> {
    const answer = await this.client.pipeline.call<WireDeployment>(
      'GET',
      `${this.client.deploymentsPath(resourceGroupName)}/${enc(deploymentName)}`,
      [200],
      {
        query: this.client.query,
        abortSignal: options.abortSignal,
        shape: deploymentShape,
      },
    );
    return answer.body;
  }

  list(options: OperationOptions = {}): PagedAsyncIterableIterator<NginxDeployment> {
    return this.pages(this.client.deploymentsPath(), options);
  }

  listByResourceGroup(
    resourceGroupName: string,
    options: OperationOptions = {},
  ): PagedAsyncIterableIterator<NginxDeployment> {
    return this.pages(this.client.deploymentsPath(resourceGroupName), options);
  }

  private pages(path: string, options: OperationOptions): PagedAsyncIterableIterator<NginxDeployment> {
    return this.client.pipeline.listPaged(
      path,
      this.client.query,
      asIs<WireDeployment>,
      options.abortSignal,
      deploymentShape,
    );
  }
}

export class ApiKeys {
  constructor(private readonly client: NginxManagementClient) {}

  private path(resourceGroupName: string, deploymentName: string, apiKeyName?: string): string {
    const key = apiKeyName === undefined ? '' : `/${enc(apiKeyName)}`;
    return `${this.client.deploymentsPath(resourceGroupName)}/${enc(deploymentName)}/apiKeys${key}`;
  }

  async createOrUpdate(
    resourceGroupName: string,
    deploymentName: string,
    apiKeyName: string,
    options: OperationOptions & { body?: NginxDeploymentApiKeyRequest; onlyIfAbsent?: boolean } = {},
  ): Promise<NginxDeploymentApiKeyResponse> {
    const properties = options.body?.properties;
    const body: WireApiKeyRequest = {
      properties: {
        secretText: properties?.secretText,
        endDateTime: properties?.endDateTime?.toISOString(),
      },
    };
    const answer = await this.client.pipeline.call<WireApiKey>(
      'PUT',
      this.path(resourceGroupName, deploymentName, apiKeyName),
      [200, 201],
      {
        query: this.client.query,
        body,
        abortSignal: options.abortSignal,
        shape: keyShape,
        // ARM's conditional create: 412 when a key of that name exists (whether the service
        // honours it is not published; the emulator does).
        headers: options.onlyIfAbsent ? { 'if-none-match': '*' } : undefined,
      },
    );
    options.onStatus?.(answer.status);
    return answer.body;
  }

  async get(
    resourceGroupName: string,
    deploymentName: string,
    apiKeyName: string,
    options: OperationOptions = {},
  ): Promise<NginxDeploymentApiKeyResponse> {
    const answer = await this.client.pipeline.call<WireApiKey>(
      'GET',
      this.path(resourceGroupName, deploymentName, apiKeyName),
      [200],
      {
        query: this.client.query,
        abortSignal: options.abortSignal,
        shape: keyShape,
      },
    );
    return answer.body;
  }

  list(
    resourceGroupName: string,
    deploymentName: string,
    options: OperationOptions = {},
  ): PagedAsyncIterableIterator<NginxDeploymentApiKeyResponse> {
    return this.client.pipeline.listPaged(
      this.path(resourceGroupName, deploymentName),
      this.client.query,
      asIs<WireApiKey>,
      options.abortSignal,
      keyShape,
    );
  }

  async delete(
    resourceGroupName: string,
    deploymentName: string,
    apiKeyName: string,
    options: OperationOptions = {},
  ): Promise<void> {
    const answer = await this.client.pipeline.call(
      'DELETE',
      this.path(resourceGroupName, deploymentName, apiKeyName),
      [200, 204],
      {
        query: this.client.query,
        abortSignal: options.abortSignal,
      },
    );
    options.onStatus?.(answer.status);
  }
}
