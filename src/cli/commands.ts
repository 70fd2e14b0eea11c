/**
 * The commands: their names, the modes a flag can apply to, what each takes as plain arguments,
 * and the shells `completion` writes for. The flags themselves are in options.ts.
 */

export const COMMANDS = ['create', 'list', 'show', 'delete', 'rotate', 'endpoint', 'emulator', 'completion'] as const;
export type CommandName = (typeof COMMANDS)[number];
/** `wizard` is what runs without a command. */
export type Mode = CommandName | 'wizard';

/**
 * What each command takes as plain arguments, in order: `show web-01 nlk-prod` is
 * `show -d web-01 --name nlk-prod`. `create` takes no key name that way: the word after a
 * deployment on a create line is where a key gets pasted by mistake.
 */
export const POSITIONALS: Partial<Record<CommandName, ('deployment' | 'name')[]>> = {
  create: ['deployment'],
  list: ['deployment'],
  endpoint: ['deployment'],
  show: ['deployment', 'name'],
  delete: ['deployment', 'name'],
  rotate: ['deployment', 'name'],
};

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];
