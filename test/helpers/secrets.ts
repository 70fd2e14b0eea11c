/** Looking for a secret where it must not be: in each channel as it is, and the forms tests compare. */
import { expect } from 'vitest';

/** The secret appears in none of the channels (stdout, stderr, a file's text…). */
export function expectAbsent(secret: string, ...channels: string[]): void {
  for (const channel of channels) expect(channel).not.toContain(secret);
}

/** The base64 of a text, as the ApiKey header and the emulator's echoes carry it. */
export const base64 = (text: string) => Buffer.from(text).toString('base64');
