/** The copier: what it writes to the terminal, what it pipes to a tool, and whether it says the key surely arrived. */
import { afterEach, describe, expect, it } from 'vitest';
import { makeCopier } from '../../src/term/clipboard';
import { makeFakeClipboard } from '../helpers/fake-az';

const PATH = process.env.PATH;
afterEach(() => {
  process.env.PATH = PATH;
});

function copier(env: NodeJS.ProcessEnv) {
  const written: string[] = [];
  return { copy: makeCopier((data) => written.push(data), env, 'linux'), written };
}

describe('copying the key', () => {
  it.each([
    // env, a clipboard tool on PATH, → surely arrived, sent, OSC 52 written
    ['a system tool, a terminal', { DISPLAY: ':9', TERM: 'xterm' }, true, [true, true, true]],
    ['no tool, a terminal', { TERM: 'xterm' }, false, [false, true, true]],
    ['a system tool, a dumb terminal', { DISPLAY: ':9', TERM: 'dumb' }, true, [true, true, false]],
    ['no tool, a dumb terminal', { TERM: 'dumb' }, false, [false, false, false]],
  ] as const)('%s', async (_case, env, tool, [sure, sent, osc]) => {
    const clipboard = makeFakeClipboard();
    if (tool) process.env.PATH = clipboard.path;
    const { copy, written } = copier(env);
    const copied = await copy('Clip-Secret-77');
    expect([copied.sure, copied.sent, written.some((w) => w.includes('\u001b]52;'))]).toEqual([sure, sent, osc]);
    expect(clipboard.input()).toBe(tool ? 'Clip-Secret-77' : '');
    expect(copied.said).toMatch(sure ? /^Copied with xclip/ : sent ? /OSC 52\) only/ : /^Not copied/);
  });
});
