/** The paged iterator shape of the Azure SDK (`for await`, and `byPage` with a token). */
import type { PagedList } from '../wire/types';

export interface PagedAsyncIterableIterator<T> extends AsyncIterableIterator<T> {
  byPage(settings?: { continuationToken?: string }): AsyncIterableIterator<T[]>;
}

/** Far more than any deployment has keys or any subscription deployments; a loop ends here. */
export const MAX_PAGES = 2000;
export const MAX_ITEMS = 50_000;

/**
 * A server that names a page again, or never stops, ends the list with words: every link and
 * token is followed once, and no list is longer than MAX_PAGES pages or MAX_ITEMS items.
 */
export class PageGuard {
  private readonly seen = new Set<string>();
  private pages = 0;
  private items = 0;

  constructor(private readonly what: string) {}

  /** Called with each next link (or token) before it is followed, and the count just read. */
  next(link: string, count: number): void {
    this.pages++;
    this.items += count;
    if (this.seen.has(link))
      throw new PagingLoopError(
        `${this.what} named a page it had already given (after ${this.pages} pages); stopped there`,
      );
    this.seen.add(link);
    if (this.pages >= MAX_PAGES || this.items >= MAX_ITEMS)
      throw new PagingLoopError(`${this.what} went on past ${this.pages} pages and ${this.items} items; stopped there`);
  }
}

export class PagingLoopError extends Error {
  override readonly name = 'PagingLoopError';
  readonly code = 'EndlessPaging';
}

/** `fetchPage(undefined)` gets the first page; `fetchPage(nextLink)` the following ones. */
export function pagedList<Wire, T>(
  fetchPage: (nextLink: string | undefined) => Promise<PagedList<Wire>>,
  convert: (item: Wire) => T,
  what = 'Azure',
): PagedAsyncIterableIterator<T> {
  async function* pages(token?: string): AsyncGenerator<T[]> {
    const guard = new PageGuard(what);
    let link = token;
    do {
      const page = await fetchPage(link);
      const items = page.value ?? [];
      yield items.map(convert);
      link = page.nextLink || undefined;
      if (link) guard.next(link, items.length);
    } while (link);
  }
  async function* items(): AsyncGenerator<T> {
    for await (const page of pages()) yield* page;
  }
  const iterator = items();
  return Object.assign(iterator, {
    byPage: (settings?: { continuationToken?: string }) => pages(settings?.continuationToken),
  });
}

export async function collect<T>(iterable: AsyncIterable<T> | PagedAsyncIterableIterator<T>): Promise<T[]> {
  const all: T[] = [];
  // Page by page where the list has pages: a few awaits a page, not a few an item (a fleet
  // sweep reads thousands of lists).
  if ('byPage' in iterable) {
    for await (const page of iterable.byPage()) for (const item of page) all.push(item);
    return all;
  }
  for await (const item of iterable) all.push(item);
  return all;
}
