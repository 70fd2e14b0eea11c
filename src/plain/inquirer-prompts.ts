/** Plain mode's questions on @inquirer/prompts: arrow keys and live filtering, for terminals that draw. */
import { confirm, input, password, search, select } from '@inquirer/prompts';
import type { Io } from '../port/io';
import type { Prompts } from './prompts';

export function inquirerPrompts(io: Io): Prompts {
  const context = { input: io.stdin, output: io.stdout, signal: io.signal, clearPromptOnDone: false };
  return {
    input: (q) =>
      input(
        {
          message: q.message,
          ...(q.default ? { default: q.default } : {}),
          ...(q.validate ? { validate: q.validate } : {}),
        },
        context,
      ),
    password: (q) => password({ message: q.message, ...(q.validate ? { validate: q.validate } : {}) }, context),
    select: (q) =>
      select(
        { message: q.message, choices: q.choices, ...(q.default !== undefined ? { default: q.default } : {}) },
        context,
      ),
    search: (q) => search({ message: q.message, source: (term) => q.source(term ?? '') }, context),
    confirm: (q) => confirm({ message: q.message, default: q.default }, context),
  };
}
