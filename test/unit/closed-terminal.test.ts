/** What the wizard takes for a terminal that closed under it, and what it leaves as the failure it is. */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { fromClosedTerminal, outliveClosedTerminal } from '../../src/cli/wizard-custody';

const failure = (fields: Record<string, unknown>) => Object.assign(new Error('i/o error'), fields);

describe('a closed terminal', () => {
  it.each([
    ['leaving raw mode on a terminal that is gone', failure({ code: 'EIO', syscall: 'setRawMode' }), true],
    ['a read of the terminal', failure({ code: 'EIO', syscall: 'read' }), true],
    ['a file on a failing disk', failure({ code: 'EIO', syscall: 'read', path: '/mnt/disk/key.txt' }), false],
    ['a closed pipe', failure({ code: 'EPIPE', syscall: 'write' }), false],
    ['throw null', null, false],
    ['throw a string', 'EIO', false],
  ])('%s: %s', (_case, error, closed) => {
    expect(fromClosedTerminal(error)).toBe(closed);
  });

  it("hangs up on the terminal's EIO; anything else is thrown again, uncaught, and the listeners are gone", () => {
    let hungUp = 0;
    const stream = new EventEmitter();
    const before = process.listenerCount('uncaughtException');
    const off = outliveClosedTerminal([stream], () => hungUp++);
    stream.emit('error', failure({ code: 'EIO', syscall: 'read' }));
    expect(hungUp).toBe(1);
    // The rethrow is caught here, where Node would meet it with no listener: as uncaught as before.
    const ticks: (() => void)[] = [];
    const nextTick = process.nextTick;
    process.nextTick = ((callback: () => void) => ticks.push(callback)) as typeof process.nextTick;
    const disk = failure({ code: 'EIO', path: '/mnt/disk/key.txt' });
    try {
      stream.emit('error', disk);
    } finally {
      process.nextTick = nextTick;
    }
    expect(hungUp).toBe(1);
    expect(process.listenerCount('uncaughtException')).toBe(before);
    expect(() => ticks[0]?.()).toThrow(disk);
    off();
    expect(stream.listenerCount('error')).toBe(0);
  });
});
