/**
 * What a sign-in may do to a deployment's keys, as ARM's permissions API says it: the actions the
 * role assignments allow (with `*` wildcards) less those they take away. And the words for a
 * refusal: the action that is missing and the built-in role that has it.
 */
export const KEY_ACTIONS = {
  write: 'Nginx.NginxPlus/nginxDeployments/apiKeys/write',
  delete: 'Nginx.NginxPlus/nginxDeployments/apiKeys/delete',
} as const;
export type KeyAction = keyof typeof KEY_ACTIONS;

export interface PermissionSet {
  actions: string[];
  notActions: string[];
}

function matches(pattern: string, action: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 'i').test(action);
}

/** Whether any permission set allows the action without one of its own notActions taking it away. */
export function allows(sets: readonly PermissionSet[], action: string): boolean {
  return sets.some(
    (set) => set.actions.some((a) => matches(a, action)) && !set.notActions.some((n) => matches(n, action)),
  );
}

/** Our choice of role to name: Contributor has every action; a custom role needs only this one. */
export function missingPermissionWords(action: KeyAction, deploymentName: string): string {
  return `this sign-in lacks ${KEY_ACTIONS[action]} on '${deploymentName}': ask for the Contributor role on the deployment (or a custom role with that action)`;
}
