/**
 * How a command this run prints for a person names the program: as this run was started (the
 * command on PATH, `npx nginxaas-keys`, or `node bin/nginxaas-keys.js` in a checkout; the command
 * line finds it, cli/program-name.ts), and with `--demo` when the run is a demo, so that what is
 * printed runs as printed.
 */
export interface StartedAs {
  /** The program as a shell would run it; absent: the command's own name. */
  program?: string;
  /** The run is on the demo's emulator: a command it names must be too. */
  demo?: boolean;
}

/** The command's name, as npm installs it on PATH. */
export const COMMAND_NAME = 'nginxaas-keys';

/** One word of a shell's command line: as it is when a shell takes it so, else quoted. */
export function shellWord(word: string, platform: NodeJS.Platform = 'linux'): string {
  if (/^[\w@%+=:,./\\-]+$/.test(word)) return word;
  return platform === 'win32' ? `"${word}"` : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `words` (a command and its flags, or nothing) as a line to run in the way this run was started. */
export function commandLine(words: string, as: StartedAs = {}): string {
  return [as.program ?? COMMAND_NAME, words.trim(), as.demo ? '--demo' : ''].filter((part) => part !== '').join(' ');
}

/**
 * What starts a paragraph of a message that is a command to run (`…delete it with:\n$ cmd`): the
 * faces draw the command without it, on lines of its own, as a shell reads it (commandLines). Where
 * nothing lays the message out, `$ cmd` still reads as a command.
 */
export const COMMAND_MARK = '$ ';

/** `command` as a paragraph of a message: on lines of its own, laid out by commandLines. */
export const commandParagraph = (command: string): string => `\n${COMMAND_MARK}${command}\n`;

/** The command in a line that is one (`$ cmd`), else undefined. */
export const commandIn = (line: string): string | undefined =>
  line.startsWith(COMMAND_MARK) ? line.slice(COMMAND_MARK.length) : undefined;
