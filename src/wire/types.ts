/**
 * JSON shapes on the wire of the NGINXaaS management API (2025-11-01), of ARM's subscription
 * list and of Azure Resource Graph. Shared by the client (src/azure) and the emulator
 * (src/emulator) and nothing else, so each side reads the REST contract on its own.
 */

export const NGINX_API_VERSION = '2025-11-01';
export const SUBSCRIPTIONS_API_VERSION = '2022-12-01';
export const RESOURCE_GRAPH_API_VERSION = '2024-04-01';

export interface ArmErrorDetail {
  code?: string;
  message?: string;
  target?: string;
  details?: ArmErrorDetail[];
}

export interface ArmErrorEnvelope {
  error?: ArmErrorDetail;
}

export interface PagedList<T> {
  value: T[];
  nextLink?: string;
}

export interface WireSubscription {
  id: string;
  subscriptionId: string;
  displayName: string;
  state: string;
  tenantId?: string;
}

export interface WireDeployment {
  id: string;
  name: string;
  type: string;
  location: string;
  sku?: { name: string };
  tags?: Record<string, string>;
  properties?: {
    provisioningState?: string;
    nginxVersion?: string | null;
    dataplaneApiEndpoint?: string | null;
    ipAddress?: string | null;
  };
}

export interface WireApiKeyRequest {
  properties?: {
    secretText?: string;
    endDateTime?: string;
  };
}

export interface WireApiKey {
  id: string;
  name: string;
  type: string;
  properties: {
    hint?: string;
    endDateTime?: string;
  };
}

export interface ResourceGraphRequest {
  /** Without it, every subscription the caller can read (the first 10,000). */
  subscriptions?: string[];
  query: string;
  options?: { $top?: number; $skip?: number; $skipToken?: string; resultFormat?: string };
}

export interface ResourceGraphDeploymentRow {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  sku?: string;
  provisioningState?: string;
  dataplaneApiEndpoint?: string;
}

export interface ResourceGraphResponse<Row> {
  totalRecords: number;
  count: number;
  resultTruncated: 'true' | 'false';
  $skipToken?: string;
  data: Row[];
  facets: unknown[];
}
