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
  /** The fields, lower case, one per line: a word never matches across two of them. */
  haystack: string;
  /** The same, loosened. */
  looseHaystack: string;
  looseName: string;
}

function searchableFields(d: Filterable): Searchable {
  const fields = [d.name, d.resourceGroup, d.subscriptionName ?? '', d.subscriptionId, d.location];
  return {
    haystack: fields.join('\n').toLowerCase(),
    looseHaystack: fields.map(loose).join('\n'),
    looseName: loose(d.name),
  };
}

/** What each deployment of a list is searched by, worked out once per list, not once per keystroke. */
const searchableLists = new WeakMap<readonly Filterable[], Searchable[]>();

function searchableOf(deployments: readonly Filterable[]): Searchable[] {
  let found = searchableLists.get(deployments);
  if (!found) {
    found = deployments.map(searchableFields);
    searchableLists.set(deployments, found);
  }
  return found;
}

/**
 * Builds the list's search index ahead of the first keystroke (~40 ms at 5,000 deployments), and
 * filters it once, so that the first keystrokes do not also wait for the matching code to be
 * compiled.
 */
export function prepareFilter(deployments: readonly Filterable[]): void {
  searchableOf(deployments);
  filterDeployments(deployments, 'a-1');
}

/** A filter read once: its words, and which of them may be matched loosely. */
interface Query {
  words: { word: string; loosely: boolean }[];
  wanted: string;
}

function queryOf(filter: string): Query {
  const words = filter
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    // Only a word typed without punctuation is matched loosely: `web-` still means `web-`.
    .map((word) => ({ word, loosely: loose(word) === word }));
  return { words, wanted: loose(filter.trim()) };
}

function matches({ haystack, looseHaystack }: Searchable, words: Query['words']): boolean {
  // Plain loops: this runs for each of thousands of deployments on every keystroke.
  for (let w = 0; w < words.length; w++) {
    const { word, loosely } = words[w] as Query['words'][number];
    if (!haystack.includes(word) && !(loosely && looseHaystack.includes(word))) return false;
  }
  return true;
}

function rank({ looseName }: Searchable, wanted: string): number {
  if (wanted === '' || looseName === wanted) return 0;
  if (looseName.startsWith(wanted)) return 1;
  if (looseName.includes(wanted)) return 2;
  return 3;
}

/** The last filter of each list and the positions it matched, to narrow from while typing on. */
const lastMatched = new WeakMap<readonly Filterable[], { words: string[]; positions: number[] }>();

/**
 * A filter that only adds to the last one (every word of the last is inside a word of this one)
 * matches a subset of what the last matched: a deployment containing `edge-1` contains `edge`, and
 * a word matched loosely has no punctuation, so neither has any part of it. Only those are tried.
 */
function narrowsFrom(deployments: readonly Filterable[], query: Query): number[] | undefined {
  const last = lastMatched.get(deployments);
  const narrows = last?.words.every((word) => query.words.some((next) => next.word.includes(word)));
  return narrows ? last?.positions : undefined;
}

/** The deployments the filter finds, exact names first, then names that start with it, then the rest. */
export function filterDeployments<T extends Filterable>(deployments: readonly T[], filter: string): T[] {
  const query = queryOf(filter);
  if (query.words.length === 0) return [...deployments];
  const searchable = searchableOf(deployments);
  // Stable buckets by rank instead of a sort: each keystroke filters thousands.
  const ranked: T[][] = [[], [], [], []];
  const positions: number[] = [];
  const tried = narrowsFrom(deployments, query);
  const count = tried ? tried.length : deployments.length;
  for (let n = 0; n < count; n++) {
    const i = tried ? (tried[n] as number) : n;
    const fields = searchable[i] as Searchable;
    if (!matches(fields, query.words)) continue;
    positions.push(i);
    ranked[rank(fields, query.wanted)]?.push(deployments[i] as T);
  }
  lastMatched.set(deployments, { words: query.words.map(({ word }) => word), positions });
  return ranked.flat();
}
