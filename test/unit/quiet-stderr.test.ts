/** --quiet's stderr: held until the end, dropped when all went well, let out in order when not, never during a question. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { QuietStderr } from '../../src/cli/quiet-stderr';

function realStderr() {
  const real = Object.assign(new PassThrough(), { isTTY: true });
  let said = '';
  real.on('data', (d: Buffer) => (said += d.toString()));
  return { real, said: () => said };
}

describe('QuietStderr', () => {
  it('passes everything through until it holds', () => {
    const { real, said } = realStderr();
    const quiet = new QuietStderr(real);
    quiet.stream.write('note: one\n');
    expect([said(), quiet.stream.isTTY]).toEqual(['note: one\n', true]);
  });

  it('holding: nothing when all went well; everything, in order, when not', () => {
    for (const allWell of [true, false]) {
      const { real, said } = realStderr();
      const quiet = new QuietStderr(real);
      quiet.hold();
      quiet.stream.write('note: a\n');
      quiet.stream.write('error: b\n');
      expect(said()).toBe('');
      quiet.end(allWell);
      expect(said()).toBe(allWell ? '' : 'note: a\nerror: b\n');
    }
  });

  it('a question lets out what was held first, then goes straight out; so does a device code', async () => {
    const { real, said } = realStderr();
    const quiet = new QuietStderr(real);
    quiet.hold();
    quiet.stream.write('note: before\n');
    let answer!: (yes: boolean) => void;
    const asked = quiet.whileAsking(new Promise<boolean>((resolve) => (answer = resolve)));
    quiet.stream.write('? Delete it? ');
    expect(said()).toBe('note: before\n? Delete it? ');
    answer(true);
    await asked;
    quiet.stream.write('note: after\n');
    expect(said()).toBe('note: before\n? Delete it? ');
    quiet.sayNow('Enter the code ABC\n');
    expect(said()).toBe('note: before\n? Delete it? note: after\nEnter the code ABC\n');
  });

  it('end() from a prompt that piped into it is a last write, and the stream stays open', () => {
    const { real, said } = realStderr();
    const quiet = new QuietStderr(real);
    quiet.stream.end('done\n');
    quiet.stream.write('and more\n');
    expect(said()).toBe('done\nand more\n');
  });
});
