/** Waiting on something a test can observe (a file, a request in the emulator's log), with a deadline. */
export async function waitUntil(observed: () => boolean, timeoutMs = 10_000, what = 'the condition'): Promise<void> {
  const started = Date.now();
  while (!observed()) {
    if (Date.now() - started > timeoutMs) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
