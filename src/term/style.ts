/**
 * The one place that says what a colour and a symbol mean, for the Ink screens and the line
 * output of the commands alike. Both name a role ("danger", "muted") and a figure ("pass"),
 * never a colour or a raw symbol. Every state is also said in words or a figure, never by colour
 * alone, so --no-color, NO_COLOR and TERM=dumb lose nothing.
 */
export const colors = {
  accent: 'cyan',
  success: 'green',
  warning: 'yellow',
  danger: 'red',
  muted: 'gray',
  secret: 'magentaBright',
  heading: 'whiteBright',
} as const;

export type Role = keyof typeof colors;

export const figures = {
  pass: '✔',
  fail: '✖',
  pointer: '❯',
  bullet: '•',
  warning: '⚠',
  info: 'ℹ',
  arrow: '→',
  question: '?',
  line: '─',
} as const;

/** Reverse video on and off (SGR 7 and 27): an attribute, not a colour, kept under NO_COLOR. */
export const REVERSE = '\u001b[7m';
export const REVERSE_OFF = '\u001b[27m';
/** The visible screen erased; the cursor to its top left; the scrollback erased (xterm's ED 3, tmux too). */
export const CLEAR_SCREEN = '\u001b[2J';
export const CURSOR_HOME = '\u001b[H';
export const CLEAR_SCROLLBACK = '\u001b[3J';

export const spinnerFrames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] as const;

/** Whether line output to `stream` may carry colour: --no-color, NO_COLOR, FORCE_COLOR, TERM=dumb. */
export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, noColorFlag = false): boolean {
  if (noColorFlag || (env.NO_COLOR ?? '') !== '' || env.TERM === 'dumb') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true;
}

export type Painter = (role: Role | 'bold' | 'dim', text: string) => string;

/** SGR codes for line output (Ink draws its own from `colors`). */
const SGR: Record<Role | 'bold' | 'dim', [number, number]> = {
  accent: [36, 39],
  success: [32, 39],
  warning: [33, 39],
  danger: [31, 39],
  muted: [90, 39],
  secret: [95, 39],
  heading: [1, 22],
  bold: [1, 22],
  dim: [2, 22],
};

export function painter(enabled: boolean): Painter {
  if (!enabled) return (_role, text) => text;
  return (role, text) => {
    const [open, close] = SGR[role];
    return `\u001b[${open}m${text}\u001b[${close}m`;
  };
}
