/**
 * The two kinds of question the line faces ask (a line, a hidden line), behind one face: inquirer's prompts on a terminal that can move
 * its cursor, and bare lines on one that cannot (TERM=dumb), where inquirer's redraws print as
 * escape codes and readline takes Backspace and Ctrl+U for characters.
 */
import type { Io } from '../port/io';

export type Validate = (text: string) => true | string;

export interface Prompts {
  input(question: { message: string; default?: string; validate?: Validate }): Promise<string>;
  /** Read without echo. */
  password(question: { message: string; validate?: Validate }): Promise<string>;
}

export async function promptsFor(io: Io): Promise<Prompts> {
  if (io.env.TERM === 'dumb') {
    const { linePrompts } = await import('./line-prompts');
    return linePrompts(io);
  }
  const { inquirerPrompts } = await import('./inquirer-prompts');
  return inquirerPrompts(io);
}
