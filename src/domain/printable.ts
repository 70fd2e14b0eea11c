/**
 * Text from the network (ARM error messages, key hints, names, display names) is shown on a
 * terminal: a control character in it could move the cursor, recolour the screen, set the window
 * title or write to the clipboard. Every such character is shown escaped instead.
 */

// C0 controls, DEL, C1 controls; every bidirectional control (the marks U+061C, U+200E, U+200F,
// the embeddings and overrides, the isolates), which reorder what is shown; and the line and
// paragraph separators U+2028 and U+2029, which break a line where none is seen.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

export function printable(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const code = ch.codePointAt(0) ?? 0;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
