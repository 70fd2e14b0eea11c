/**
 * ARM's permissions API for a deployment (what the caller's role assignments allow there), and
 * the refusal that follows from it: a change to a key without its action is a 403
 * AuthorizationFailed in ARM's words. The permissions are the emulator's behaviour (every action
 * by default; a test narrows them).
 */
import { ArmFailure, type Reply } from '../http';
import type { EmulatedDeployment } from '../data';
import { requireMethod, type ArmContext } from './common';
import { deploymentPath, findDeployment } from './deployments';

const ALL = [{ actions: ['*'], notActions: [] as string[] }];

function matches(pattern: string, action: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 'i').test(action);
}

export function deploymentPermissions(ctx: ArmContext, [subscriptionId, group, name]: string[]): Reply {
  requireMethod(ctx, ['GET']);
  findDeployment(ctx, subscriptionId as string, group as string, name as string);
  const sets = (ctx.behaviour?.permissions ?? ALL).map((set) => ({ ...set, dataActions: [], notDataActions: [] }));
  return { status: 200, body: { value: sets } };
}

/** Throws ARM's 403 when the caller's permissions lack the action on this deployment. */
export function requirePermission(ctx: ArmContext, d: EmulatedDeployment, action: string): void {
  const sets = ctx.behaviour?.permissions ?? ALL;
  const allowed = sets.some(
    (set) => set.actions.some((a) => matches(a, action)) && !set.notActions.some((n) => matches(n, action)),
  );
  if (allowed) return;
  throw new ArmFailure(
    403,
    'AuthorizationFailed',
    `The client 'demo.user@contoso.example' with object id '00000000-0000-4000-8000-0000000000d1' does not have authorization to perform action '${action}' over scope '${deploymentPath(d)}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );
}
