/** A yes/no question on the terminal (stderr, so stdout stays for results); "no" is the default. */
import type { Io } from '../io';

export async function confirmOnTerminal(io: Io, message: string): Promise<boolean> {
  const { confirm } = await import('@inquirer/prompts');
  return confirm({ message, default: false }, { input: io.stdin, output: io.stderr, signal: io.signal });
}
