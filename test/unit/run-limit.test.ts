/** The run's clock and the status line, each on a clock of the test's own. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StatusLine } from '../../src/term/status-line';
import { parseRunLimit, RunLimit, RunTimeLimit, spokenDuration } from '../../src/port/run-limit';
import { painter } from '../../src/term/style';

describe('parseRunLimit', () => {
  it.each([
    ['90', 90_000],
    ['90s', 90_000],
    ['5m', 300_000],
    ['5min', 300_000],
    ['1h', 3_600_000],
    ['24h', 86_400_000],
    ['1s', 1_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseRunLimit(text, '--timeout')).toBe(ms);
  });

  it.each(['0', '0s', '25h', '1d', '-5', '1.5m', '', 'soon', '5 m'])(
    '%j is refused, naming where it came from',
    (text) => {
      expect(() => parseRunLimit(text, '--timeout')).toThrow(/^--timeout takes a time from 1s to 24h/);
    },
  );

  it.each([
    [45_000, '45 s'],
    [600_000, '10 min'],
    [90_000, '1 min 30 s'],
    [3_600_000, '1 h'],
    [0, '0 s'],
  ])('%d ms is spoken as %s', (ms, words) => {
    expect(spokenDuration(ms)).toBe(words);
  });
});

describe('RunLimit', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const recording = () => {
    const seen: string[] = [];
    const actions = {
      stop: (r: RunTimeLimit) => seen.push(`stop ${r.limitMs}`),
      force: () => seen.push('force'),
      leave: () => seen.push('leave'),
    };
    return { seen, actions };
  };

  it('stops at the limit, insists 30 s later and leaves 10 s after that', () => {
    const { seen, actions } = recording();
    new RunLimit(5_000, actions);
    vi.advanceTimersByTime(4_999);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(['stop 5000']);
    vi.advanceTimersByTime(30_000);
    expect(seen).toEqual(['stop 5000', 'force']);
    vi.advanceTimersByTime(10_000);
    expect(seen).toEqual(['stop 5000', 'force', 'leave']);
  });

  it('stands still while a person answers, and runs on after', async () => {
    const { seen, actions } = recording();
    const limit = new RunLimit(5_000, actions);
    vi.advanceTimersByTime(3_000);
    let answer!: () => void;
    const held = limit.hold(new Promise<void>((resolve) => (answer = resolve)));
    vi.advanceTimersByTime(60_000);
    expect(seen).toEqual([]);
    expect(limit.left()).toBe(2_000);
    answer();
    await held;
    vi.advanceTimersByTime(1_999);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(['stop 5000']);
  });

  it('ended, it does nothing more', () => {
    const { seen, actions } = recording();
    const limit = new RunLimit(1_000, actions);
    limit.end();
    vi.advanceTimersByTime(60_000);
    expect(seen).toEqual([]);
  });
});

describe('StatusLine', () => {
  const terminal = (columns = 80) => {
    const written: string[] = [];
    const stream = {
      isTTY: true,
      columns,
      write: (chunk: string) => {
        written.push(chunk);
        return true;
      },
    } as unknown as NodeJS.WritableStream & { isTTY: boolean; columns: number };
    return { stream, written, last: () => written.at(-1) ?? '' };
  };

  it('says nothing for the first two seconds of a wait, then what is awaited and when the run gives up', () => {
    let now = 0;
    const { stream } = terminal();
    const line = new StatusLine(
      stream,
      painter(false),
      [],
      () => 60_000,
      () => now,
    );
    const done = line.begin("reading the keys of 'web-01'");
    now = 1_999;
    expect(line.text()).toBeUndefined();
    now = 12_000;
    expect(line.text()).toBe("12 s waiting for Azure: reading the keys of 'web-01' (the run gives up in 1 min)");
    done();
    expect(line.text()).toBeUndefined();
    line.end();
  });

  it('a count of its own comes first, and the wait after it', () => {
    let now = 0;
    const { stream } = terminal();
    const line = new StatusLine(stream, painter(false), [], undefined, () => now);
    line.setBase('Reading keys: 3 / 9 deployments');
    line.begin("reading the keys of 'a'");
    now = 5_000;
    expect(line.text()).toBe("Reading keys: 3 / 9 deployments · 5 s waiting for Azure: reading the keys of 'a'");
    line.end();
  });

  it('another write clears the line first and draws it again after a whole line', () => {
    const { stream, written } = terminal();
    const line = new StatusLine(stream, painter(false), []);
    line.setBase('Reading keys: 1 / 2 deployments');
    written.length = 0;
    stream.write('warning: one\n');
    expect(written).toEqual(['\r\u001b[2K', 'warning: one\n', '\r\u001b[2KReading keys: 1 / 2 deployments']);
    line.end();
    // Ended, the stream writes as before.
    written.length = 0;
    stream.write('x\n');
    expect(written).toEqual(['x\n']);
  });

  it('is cut to the terminal, never wrapped, and gives way while a person is asked', async () => {
    const { stream, last } = terminal(30);
    const line = new StatusLine(stream, painter(false), []);
    line.setBase('Reading keys: 1,234 / 5,000 deployments');
    expect(last()).toBe('\r\u001b[2KReading keys: 1,234 / 5,000 …');
    let answer!: () => void;
    const asked = line.hold(new Promise<void>((resolve) => (answer = resolve)));
    expect(last()).toBe('\r\u001b[2K');
    line.setBase('Reading keys: 1,235 / 5,000 deployments');
    expect(last()).toBe('\r\u001b[2K');
    answer();
    await asked;
    expect(last()).toBe('\r\u001b[2KReading keys: 1,235 / 5,000 …');
    line.end();
  });

  it('off a terminal it draws nothing but still knows what is awaited', () => {
    const { stream, written } = terminal();
    const line = StatusLine.for(stream, stream, { TERM: 'dumb' }, painter(false));
    line.setBase('Reading keys');
    line.begin('finding deployments');
    expect(written).toEqual([]);
    expect(line.waitingOn()).toBe('finding deployments');
    line.end();
  });
});
