/**
 * Typing to find a deployment: every word must appear in its name, group, subscription or region
 * (punctuation aside: `web01` finds `web-01`); exact names first, then names that start with the filter, then the rest, each in list order.
 * Shared by the wizard and plain mode.
 */

export interface Filterable {
  name: string;
  resourceGroup: string;
  subscriptionId: string;
  subscriptionName?: string;
  location: string;
}

/** Without case and without the punctuation people leave out: `web01` finds `web-01`. */
function loose(text: string): string {
  return text.toLowerCase().replace(/[-_.\s]/g, '');
}

interface Searchable {
  haystack: string;
  looseFields: string[];
  looseName: string;
}

/** What a deployment is searched by, worked out once per deployment, not once per keystroke. */
const searchable = new WeakMap<Filterable, Searchable>();

function searchableOf(d: Filterable): Searchable {
  let found = searchable.get(d);
  if (!found) {
    const fields = [d.name, d.resourceGroup, d.subscriptionName ?? '', d.subscriptionId, d.location];
    found = { haystack: fields.join(' ').toLowerCase(), looseFields: fields.map(loose), looseName: loose(d.name) };
    searchable.set(d, found);
  }
  return found;
}

export function matchesFilter(d: Filterable, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const { haystack, looseFields } = searchableOf(d);
  // Only a word typed without punctuation is matched loosely: `web-` still means `web-`.
  const found = (word: string) =>
    haystack.includes(word) || (loose(word) === word && looseFields.some((field) => field.includes(word)));
  return words.every(found);
}

function rank(d: Filterable, filter: string): number {
  const name = searchableOf(d).looseName;
  const wanted = loose(filter.trim());
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
