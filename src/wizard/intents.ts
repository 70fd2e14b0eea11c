/**
 * What a person means, whichever face they use: the machine's input. The Ink face turns a
 * keystroke into one through the step's keymap (keymap.ts); the line face turns an answer into
 * one or a few (the answer "37" is choose(36), a typed name is setText then submit). No face
 * speaks in keystrokes to the machine.
 */

/** The text fields a step may have; only the one the step has now takes text (step-table.ts). */
export type FieldName = 'filter' | 'name' | 'expiry' | 'secret' | 'confirm' | 'extend' | 'handoff';

/** The step's own verbs, beside choosing, typing, going on and going back. */
export type ActionName =
  /** The console: a new key, and what is done to the selected one. */
  | 'new'
  | 'rotate'
  | 'extend'
  | 'delete'
  /** Done here: the console's q, the reveal panel's q (which asks first), the sign-in's and a failure's q. */
  | 'leave'
  /** A failure's r, a refused or lost create's r. */
  | 'retry'
  /** A rotation's panel: put the new key where the old one is used (NLK, nginx-asg-sync). */
  | 'apply'
  /** The reveal panel: show (or hide) the key, copy it, hand it off. */
  | 'show'
  | 'copy'
  | 'handoff'
  /** The key value: show or hide what is typed. */
  | 'reveal'
  /** The answers of a yes/no question (replace? saved? shorten? stop?). */
  | 'yes'
  | 'no'
  /** Delete a key the question is about: the new one again (saved? stop?), or the old one though the new one is held nowhere. */
  | 'discard';

export type Intent =
  /** Move the step's cursor to a row (nothing is taken). */
  | { type: 'select'; index: number }
  /** Take a row: the cursor moves there and the step goes on with it, as Enter on it. */
  | { type: 'choose'; index: number }
  /** The step's field holds `text` now, its caret `caretBack` characters from the end (0: after the text). */
  | { type: 'setText'; field: FieldName; text: string; caretBack?: number }
  /** Go on with what is chosen or typed (Enter). */
  | { type: 'submit' }
  /** A step back, or a question closed (Esc). */
  | { type: 'back' }
  /** Ctrl+C: leave (the reveal panel asks first; a create in flight is let finish). */
  | { type: 'cancel' }
  | { type: 'action'; name: ActionName };

export const select = (index: number): Intent => ({ type: 'select', index });
export const choose = (index: number): Intent => ({ type: 'choose', index });
export const setText = (field: FieldName, text: string, caretBack = 0): Intent => ({
  type: 'setText',
  field,
  text,
  caretBack,
});
export const SUBMIT: Intent = { type: 'submit' };
export const BACK: Intent = { type: 'back' };
export const CANCEL: Intent = { type: 'cancel' };
export const action = (name: ActionName): Intent => ({ type: 'action', name });
