/** The line faces' questions on @inquirer/prompts, for terminals that can move their cursor. */
import { input, password } from '@inquirer/prompts';
import type { Io } from '../port/io';
import type { Prompts } from './prompts';

export function inquirerPrompts(io: Io): Prompts {
  const context = { input: io.stdin, output: io.stdout, signal: io.signal, clearPromptOnDone: false };
  return {
    input: (q) => input({ message: q.message, default: q.default, validate: q.validate }, context),
    password: (q) => password({ message: q.message, validate: q.validate }, context),
  };
}
