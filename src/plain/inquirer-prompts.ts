/**
 * The line faces' questions on inquirer's prompts, for terminals that can move their cursor. Each
 * prompt from its own package: @inquirer/prompts brings its editor prompt, and with it iconv-lite's
 * tables, a quarter of the bundle, read and hashed at every start.
 */
import input from '@inquirer/input';
import password from '@inquirer/password';
import type { Io } from '../port/io';
import type { Prompts } from './prompts';

export function inquirerPrompts(io: Io): Prompts {
  const context = { input: io.stdin, output: io.stdout, signal: io.signal, clearPromptOnDone: false };
  return {
    input: (q) => input({ message: q.message, default: q.default, validate: q.validate }, context),
    password: (q) => password({ message: q.message, validate: q.validate }, context),
  };
}
