/**
 * Renders an Ink tree once at a chosen terminal width and returns its unstyled frame: for views
 * rendered alone from hand-made props (ink-testing-library is fixed at 100 columns).
 */
import { EventEmitter } from 'node:events';
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink';
import type { ReactElement } from 'react';
import { settle } from './ink';

class FixedWidthStdout extends EventEmitter {
  frames: string[] = [];
  constructor(readonly columns: number) {
    super();
  }
  get rows() {
    return 24;
  }
  write = (frame: string) => {
    this.frames.push(frame);
    return true;
  };
}

class QuietStdin extends EventEmitter {
  isTTY = true;
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read = () => null;
}

export async function frameAt(tree: ReactElement, columns: number): Promise<string> {
  const stdout = new FixedWidthStdout(columns);
  const instance = render(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: new FixedWidthStdout(columns) as unknown as NodeJS.WriteStream,
    stdin: new QuietStdin() as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  await settle();
  instance.unmount();
  // Under CI Ink writes the frame once, at unmount, then a bare line break: take the last frame
  // that has something in it.
  const last = [...stdout.frames].reverse().find((frame) => frame.trim() !== '') ?? '';
  return stripVTControlCharacters(last)
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}

/**
 * The lines of a frame wider than `columns`: none, in a good frame. Measured by string-width
 * itself (by its path: the bare name is our stand-in), a second opinion on Ink's layout.
 */
export async function overWide(frame: string, columns: number): Promise<string[]> {
  const { default: stringWidth } = await import('../../node_modules/string-width/index.js');
  return frame.split('\n').filter((line) => stringWidth(line) > columns);
}
