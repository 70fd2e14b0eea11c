/** A list that never ends, or names a page again, ends in words (issue 19.1). */
import { describe, expect, it } from 'vitest';
import { collect, MAX_ITEMS, MAX_PAGES, pagedList, PagingLoopError } from '../../src/azure/paging';

describe('pagedList', () => {
  it('follows every next link once, in order', async () => {
    const pages: Record<string, { value: number[]; nextLink?: string }> = {
      first: { value: [1, 2], nextLink: 'https://arm/p2' },
      'https://arm/p2': { value: [3], nextLink: 'https://arm/p3' },
      'https://arm/p3': { value: [4] },
    };
    const items = await collect(
      pagedList(
        async (link) => pages[link ?? 'first']!,
        (n: number) => n * 10,
      ),
    );
    expect(items).toEqual([10, 20, 30, 40]);
  });

  it('a link given again is stopped there, naming what and after how many pages', async () => {
    let fetched = 0;
    const list = pagedList(
      async () => {
        fetched++;
        return { value: [1], nextLink: 'https://arm/same' };
      },
      (n: number) => n,
      'the keys of web-01',
    );
    await expect(collect(list)).rejects.toThrow(
      new PagingLoopError('the keys of web-01 named a page it had already given (after 2 pages); stopped there'),
    );
    expect(fetched).toBe(2);
  });

  it(`a list of new links for ever stops at ${MAX_PAGES} pages`, async () => {
    let fetched = 0;
    const list = pagedList(
      async () => ({ value: [], nextLink: `https://arm/page-${++fetched}` }),
      (n: number) => n,
    );
    await expect(collect(list)).rejects.toThrow(/went on past 2000 pages and 0 items; stopped there/);
    expect(fetched).toBe(MAX_PAGES);
  });

  it(`pages of many items stop at ${MAX_ITEMS} items`, async () => {
    let fetched = 0;
    const list = pagedList(
      async () => ({ value: new Array<number>(10_000).fill(0), nextLink: `https://arm/page-${++fetched}` }),
      (n: number) => n,
    );
    await expect(collect(list)).rejects.toThrow(/went on past 5 pages and 50000 items/);
    expect(fetched).toBe(5);
  });
});
