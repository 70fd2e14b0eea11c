/**
 * Typing to find a deployment: every word must appear in its name, group, subscription or region;
 * exact names first, then names that start with the filter, then the rest, each in list order.
 * Shared by the wizard and plain mode.
 */

export interface Filterable {
  name: string;
  resourceGroup: string;
  subscriptionId: string;
  subscriptionName?: string;
  location: string;
}

export function matchesFilter(d: Filterable, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = [d.name, d.resourceGroup, d.subscriptionName ?? '', d.subscriptionId, d.location]
    .join(' ')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

function rank(d: Filterable, filter: string): number {
  const name = d.name.toLowerCase();
  const wanted = filter.trim().toLowerCase();
  if (wanted === '' || name === wanted) return 0;
  if (name.startsWith(wanted)) return 1;
  if (name.includes(wanted)) return 2;
  return 3;
}

export function filterDeployments<T extends Filterable>(deployments: readonly T[], filter: string): T[] {
  return deployments
    .filter((d) => matchesFilter(d, filter))
    .map((d, index) => ({ d, index, rank: rank(d, filter) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.d);
}
