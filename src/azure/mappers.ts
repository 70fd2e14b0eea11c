/**
 * From what ARM and Resource Graph return to the port's types (src/port/gateway.ts): ids parsed without
 * regard to case, endpoints normalised, a missing expiry kept visible as an invalid date, and every
 * string that will reach a terminal with its control characters shown escaped (no valid Azure name
 * holds one, so escaping never changes a real resource's name).
 */
import { normaliseEndpoint } from '../domain/endpoint';
import { naturalOrder } from '../domain/natural-order';
import { canonicalId, parseDeploymentId, type DeploymentRef } from '../domain/resource-id';
import { GatewayError, type ApiKey, type Deployment } from '../port/gateway';
import type { ResourceGraphDeploymentRow } from '../wire/types';
import type { NginxDeployment, NginxDeploymentApiKeyResponse } from './nginx-client';

function endpointOf(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const result = normaliseEndpoint(raw);
  return result.ok ? result.url : undefined;
}

export function fromWire(d: NginxDeployment, fallback?: DeploymentRef): Deployment {
  const ref = parseDeploymentId(d.id ?? '') ?? fallback;
  if (!ref) throw new GatewayError('unknown', `Azure returned a deployment without a usable id (${d.id ?? 'none'})`);
  const endpoint = endpointOf(d.properties?.dataplaneApiEndpoint);
  return {
    subscriptionId: ref.subscriptionId,
    resourceGroup: ref.resourceGroup,
    name: d.name ?? ref.name,
    id: canonicalId(d.id ?? ''),
    location: d.location ?? '',
    provisioningState: d.properties?.provisioningState ?? 'NotSpecified',
    // Absent, not undefined: withEndpoint (discovery.ts) spreads this over Resource Graph's row.
    ...(endpoint ? { dataplaneApiEndpoint: endpoint } : {}),
    ...(d.sku?.name ? { sku: d.sku.name } : {}),
  };
}

export function fromGraph(row: ResourceGraphDeploymentRow): Deployment {
  const ref = parseDeploymentId(row.id);
  const endpoint = endpointOf(row.dataplaneApiEndpoint);
  return {
    subscriptionId: row.subscriptionId,
    // Resource Graph lower-cases resource groups; the id keeps the real casing.
    resourceGroup: ref?.resourceGroup ?? row.resourceGroup,
    name: row.name,
    id: canonicalId(row.id),
    location: row.location,
    provisioningState: row.provisioningState || 'NotSpecified',
    dataplaneApiEndpoint: endpoint,
    // tostring() answers '' for a deployment without a SKU: none.
    ...(row.sku ? { sku: row.sku } : {}),
  };
}

export function toApiKey(k: NginxDeploymentApiKeyResponse): ApiKey {
  const end = k.properties?.endDateTime;
  return {
    id: canonicalId(k.id ?? ''),
    name: k.name,
    hint: k.properties?.hint ?? '',
    // An expiry that is no time is kept as an invalid date: that key is listed as unknown.
    endDateTime: end ? new Date(end) : new Date(Number.NaN),
  };
}

export function byName(a: Deployment, b: Deployment): number {
  return naturalOrder(a.name, b.name) || naturalOrder(a.resourceGroup, b.resourceGroup);
}
