/**
 * ARM's own answer to "what may I do here": GET {resource}/providers/Microsoft.Authorization/
 * permissions, the caller's effective actions on the deployment, asked before a change so that a
 * refusal is said before Enter, not after.
 */
import type { PermissionSet } from '../domain/permissions';
import type { ArmClient } from './arm-client';

const API_VERSION = '2022-04-01';

export async function readPermissions(
  arm: ArmClient,
  resourceId: string,
  signal?: AbortSignal,
): Promise<PermissionSet[]> {
  const answer = await arm.call<{ value?: unknown }>(
    'GET',
    `${resourceId}/providers/Microsoft.Authorization/permissions`,
    [200],
    {
      query: { 'api-version': API_VERSION },
      abortSignal: signal,
    },
  );
  const value = Array.isArray(answer.body?.value) ? (answer.body.value as Record<string, unknown>[]) : [];
  const strings = (list: unknown) =>
    Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : [];
  return value.map((set) => ({ actions: strings(set.actions), notActions: strings(set.notActions) }));
}
