/**
 * The wait a 429 without Retry-After is given (azure/throttling.ts): base · 2^attempt, capped,
 * times a jitter of 0.8 to 1.2 — a table from that rule at both ends of the jitter. The built
 * binary's waits are measured at the emulator in e2e/throttling.test.ts.
 */
import { createHttpHeaders, createPipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { throttlingPolicy } from '../../src/azure/throttling';

afterEach(() => vi.restoreAllMocks());

async function waits(random: number, count: number): Promise<number[]> {
  vi.spyOn(Math, 'random').mockReturnValue(random);
  const policy = throttlingPolicy({ baseMs: 1000, maxMs: 16_000 });
  const request = createPipelineRequest({ url: 'https://127.0.0.1/x' });
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const response = await policy.sendRequest(
      request,
      async () =>
        ({
          request,
          status: 429,
          headers: createHttpHeaders(),
        }) satisfies PipelineResponse,
    );
    out.push(Number(response.headers.get('retry-after-ms')));
  }
  return out;
}

describe('429 without Retry-After', () => {
  it.each([
    [0, [800, 1600, 3200, 6400, 12_800, 12_800]],
    [0.5, [1000, 2000, 4000, 8000, 16_000, 16_000]],
    [0.999_999, [1200, 2400, 4800, 9600, 19_200, 19_200]],
  ])('with Math.random() = %s the waits double each time up to the cap: %j', async (random, expected) => {
    expect(await waits(random, 6)).toEqual(expected);
  });

  it('a 429 that says how long to wait keeps its own word', async () => {
    const policy = throttlingPolicy({ baseMs: 1000, maxMs: 16_000 });
    const request = createPipelineRequest({ url: 'https://127.0.0.1/x' });
    const response = await policy.sendRequest(request, async () => ({
      request,
      status: 429,
      headers: createHttpHeaders({ 'retry-after': '7' }),
    }));
    expect(response.headers.get('retry-after-ms')).toBeUndefined();
  });
});
