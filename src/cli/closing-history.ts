/**
 * The history's part of the closing step (closing.ts): a change whose answer was lost but which
 * custody found live after all is completed as done, and every key file the run put in place (a
 * --secret-out or an --emit file) is recorded as a hand-off — its path, never its content. Key
 * Vault hand-offs are recorded where they are sent (port/recorded-gateway.ts).
 */
import { deploymentId, parseDeploymentId } from '../domain/resource-id';
import type { Custody } from '../keys/custody';
import type { History } from '../port/history';

const MADE = new Set(['create', 'replace', 'rotate-new']);

export function recordEnding(history: History, custody: Custody, command: string): void {
  const written = history.thisRun();
  // Who the run was and its profile, as its own changes were recorded.
  const who = written.find((e) => e.account !== undefined || e.profile !== undefined);
  for (const entry of written) {
    if (entry.outcome !== 'unknown' || !MADE.has(entry.action)) continue;
    const ref = parseDeploymentId(entry.deployment);
    const held = ref ? custody.find(ref, entry.key) : undefined;
    if (held?.state === 'live') history.finish(entry.id, { outcome: 'done' });
  }
  for (const entry of custody.mayBeLive())
    for (const holder of entry.holders) {
      if (holder.kind !== 'file') continue;
      const id = history.begin({
        action: 'hand-off',
        command,
        deployment: deploymentId(entry.deployment),
        key: entry.name,
        destination: holder.path,
        account: who?.account,
        profile: who?.profile,
      });
      history.finish(id, { outcome: 'done' });
    }
}
