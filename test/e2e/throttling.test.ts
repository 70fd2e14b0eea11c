/**
 * Azure's 429s through the built binary against the emulator: without Retry-After, retried with
 * exponential backoff (the gaps measured at the emulator); a Retry-After over 60 s is not slept
 * through.
 */
import { describe, expect, it } from 'vitest';
import { cliWorld, runCli } from '../helpers/cli';
import { WEB_ARGV } from '../helpers/sample';

const world = cliWorld;

describe('throttling', () => {
  it('a 429 without Retry-After is retried with exponential backoff: each wait about twice the one before', async () => {
    const { env, emulator } = await world();
    emulator.faults.add({ method: 'GET', path: '/apiKeys', status: 429, times: 3 });
    const result = await runCli(['list', ...WEB_ARGV, '-o', 'json'], { env });
    expect(result.code, result.stderr).toBe(0);
    const reads = emulator.requests.filter((r) => r.path.endsWith('/apiKeys'));
    expect(reads.map((r) => r.status)).toEqual([429, 429, 429, 200]);
    // The gaps between attempts, measured at the emulator: doubling with a jitter of 0.8 to 1.2
    // puts each ratio between 1.33 and 3, and the third gap over the first between 2.67 and 6. A
    // constant wait gives ratios of 0.67 to 1.5 and a third gap at most 1.5 times the first.
    // (The exact waits at each end of the jitter: unit/throttling.test.ts.)
    const gaps = reads.slice(1).map((r, i) => r.at - reads[i]!.at);
    for (const ratio of gaps.slice(1).map((gap, i) => gap / gaps[i]!)) {
      expect(ratio).toBeGreaterThan(1.3);
      expect(ratio).toBeLessThan(3.2);
    }
    expect(gaps[2]! / gaps[0]!).toBeGreaterThan(2.5);
  });

  it('Retry-After: 3600 is not slept through: it fails at once and says how long Azure asked to wait', async () => {
    const { env, emulator } = await world();
    emulator.faults.add({
      method: 'GET',
      path: '/apiKeys',
      status: 429,
      retryAfter: 3600,
      message: 'Too many reads.',
      times: -1,
    });
    const result = await runCli(['list', ...WEB_ARGV], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: Too many reads\. Azure asked to wait 3600 s \(until \d{2}:\d{2} UTC\) before trying again; not waiting that long: try again then\. \(TooManyRequests\)\n/,
    );
    expect(result.stderr).toContain('Azure is limiting requests');
    expect(emulator.requests.filter((r) => r.path.endsWith('/apiKeys'))).toHaveLength(1);
  });
});
