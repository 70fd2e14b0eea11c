import { constants, PerformanceObserver } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { releaseMemoryEvery } from '../../src/commands/list/release-memory';

/** Full (major) collections seen while `work` runs. */
async function majorCollections(work: () => void): Promise<number> {
  let seen = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) seen++;
  });
  observer.observe({ entryTypes: ['gc'] });
  work();
  // GC entries are delivered asynchronously.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return seen;
}

describe('releasing memory during a long sweep', () => {
  // At least: V8 may also collect on its own while the test runs.
  it('runs a full collection on every n-th call', async () => {
    const release = releaseMemoryEvery(3);
    release();
    release();
    expect(await majorCollections(() => release())).toBeGreaterThanOrEqual(1);
    expect(await majorCollections(() => [1, 2, 3, 4, 5, 6].forEach(() => release()))).toBeGreaterThanOrEqual(2);
  });
});
