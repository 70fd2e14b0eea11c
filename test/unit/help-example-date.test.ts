/**
 * The dated help example (`extend … --expires <31 December> …`) is a date that --expires takes at
 * any moment, checked at fixed clocks (the trap moments and a year of random ones) against the
 * test's own calendar: its end, 23:59:59 UTC, at least five minutes ahead and no later than two
 * calendar years less the ten-minute margin. The help table reads the clock when it loads, so
 * each moment loads it afresh under a fake Date.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dayTakenAt } from '../helpers/calendar';

async function datedExampleAt(now: Date): Promise<string> {
  vi.useFakeTimers({ now, toFake: ['Date'] });
  vi.resetModules();
  const { COMMAND_TABLE } = await import('../../src/cli/command-table');
  const example = COMMAND_TABLE.extend.examples.find((e) => /--expires \d{4}-\d{2}-\d{2} /.test(e));
  const date = /--expires (\d{4}-\d{2}-\d{2}) /.exec(example ?? '')?.[1];
  if (!date) throw new Error(`no dated example in: ${COMMAND_TABLE.extend.examples.join(' | ')}`);
  return date;
}

function expectTakenAt(date: string, now: Date): void {
  const taken = dayTakenAt(date, now);
  expect(taken.ok, taken.why).toBe(true);
}

afterEach(() => {
  vi.useRealTimers();
  vi.resetModules();
});

describe('the dated help example', () => {
  it.each([
    '2027-01-01T00:00:00.000Z',
    '2027-01-01T00:05:00.000Z',
    '2027-01-01T00:09:59.999Z',
    '2028-01-01T00:05:00.000Z',
    '2026-12-31T23:55:00.000Z',
    '2027-12-31T23:59:59.999Z',
    '2028-02-29T10:00:00.000Z',
    '2027-08-31T14:00:00.000Z',
    '2027-03-14T06:58:00.000Z',
    '2027-11-07T06:30:00.000Z',
  ])('is taken by --expires at %s', async (iso) => {
    const now = new Date(iso);
    expectTakenAt(await datedExampleAt(now), now);
  });

  it('is taken at any moment of the coming years, and a year after the help was read', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 364 * 86_400_000 }),
        async (read, later) => {
          const date = await datedExampleAt(read);
          expectTakenAt(date, read);
          // A person who read the help and runs the example up to 364 days later.
          expectTakenAt(date, new Date(read.getTime() + later));
        },
      ),
      { numRuns: 60 },
    );
  });
});
