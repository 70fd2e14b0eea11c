/** The paged iterator shape of the Azure SDK (`for await`, and `byPage` with a token). */
import type { PagedList } from '../wire/types';

export interface PagedAsyncIterableIterator<T> extends AsyncIterableIterator<T> {
  byPage(settings?: { continuationToken?: string }): AsyncIterableIterator<T[]>;
}

/** `fetchPage(undefined)` gets the first page; `fetchPage(nextLink)` the following ones. */
export function pagedList<Wire, T>(
  fetchPage: (nextLink: string | undefined) => Promise<PagedList<Wire>>,
  convert: (item: Wire) => T,
): PagedAsyncIterableIterator<T> {
  async function* pages(token?: string): AsyncGenerator<T[]> {
    let link = token;
    do {
      const page = await fetchPage(link);
      yield (page.value ?? []).map(convert);
      link = page.nextLink || undefined;
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

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of iterable) all.push(item);
  return all;
}
