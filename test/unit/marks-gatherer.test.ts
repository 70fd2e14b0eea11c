/**
 * The list's marks are handed over gathered, and not while keys are typed (src/wizard/marks-gatherer.ts):
 * a clock and timers of the test's own, so every moment is exact.
 */
import { describe, expect, it } from 'vitest';
import { MarksGatherer } from '../../src/wizard/marks-gatherer';

function gatherer() {
  let now = 0;
  const timers: { at: number; run: () => void }[] = [];
  const handed: { results: string[]; answered: number; at: number }[] = [];
  const g = new MarksGatherer<string>(
    (results, answered) => handed.push({ results, answered, at: now }),
    { gatherMs: 150, quietMs: 250, holdMs: 1500 },
    {
      now: () => now,
      setTimer: (run, ms) => {
        const timer = { at: now + ms, run };
        timers.push(timer);
        return timer;
      },
      clearTimer: (timer) => timers.splice(timers.indexOf(timer as (typeof timers)[number]), 1),
    },
  );
  /** Moves the clock to `to`, running each timer due on the way, in order. */
  const advance = (to: number) => {
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (!next || next.at > to) break;
      timers.shift();
      now = next.at;
      next.run();
    }
    now = to;
  };
  return { g, handed, advance, pending: () => timers.length };
}

describe('the marks gatherer', () => {
  it('hands over what arrived within 150 ms at once, with the count of answers', () => {
    const { g, handed, advance } = gatherer();
    g.add(['a'], 1);
    advance(100);
    g.add(['b', 'c'], 2);
    advance(149);
    expect(handed).toEqual([]);
    advance(150);
    expect(handed).toEqual([{ results: ['a', 'b', 'c'], answered: 3, at: 150 }]);
    g.add(['d'], 1);
    advance(400);
    expect(handed.at(-1)).toEqual({ results: ['d'], answered: 1, at: 300 });
  });

  it('waits while keys are typed, until they have been quiet for 250 ms', () => {
    const { g, handed, advance } = gatherer();
    g.add(['a'], 1);
    for (const at of [50, 120, 200, 260]) {
      advance(at);
      g.typed();
    }
    advance(509);
    expect(handed).toEqual([]);
    advance(600);
    expect(handed).toEqual([{ results: ['a'], answered: 1, at: 510 }]);
  });

  it('under steady typing, hands over no later than 1.5 s after the first answer', () => {
    const { g, handed, advance } = gatherer();
    advance(1000);
    g.add(['a'], 1);
    for (let at = 1000; at <= 4000; at += 60) {
      advance(at);
      g.typed();
      if (at === 1900) g.add(['b'], 1);
    }
    expect(handed[0]).toEqual({ results: ['a', 'b'], answered: 2, at: 2500 });
  });

  it('hands over nothing once disposed', () => {
    const { g, handed, advance, pending } = gatherer();
    g.add(['a'], 1);
    g.dispose();
    advance(1000);
    expect([handed, pending()]).toEqual([[], 0]);
  });
});
