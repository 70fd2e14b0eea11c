/** Waiting for Ink frames instead of sleeping (renders land in a later macrotask). */
import { stripVTControlCharacters } from 'node:util';

export async function settle(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 0));
}

export async function waitForFrame(
  lastFrame: () => string | undefined,
  expected: string | RegExp,
  timeoutMs = 3000,
): Promise<string> {
  const started = Date.now();
  for (;;) {
    const frame = stripVTControlCharacters(lastFrame() ?? '');
    if (typeof expected === 'string' ? frame.includes(expected) : expected.test(frame)) {
      await settle();
      return stripVTControlCharacters(lastFrame() ?? '');
    }
    if (Date.now() - started > timeoutMs)
      throw new Error(`waited ${timeoutMs} ms for ${String(expected)}; last frame:\n${frame}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
