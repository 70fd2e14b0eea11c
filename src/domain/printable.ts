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

/** What stands where a secret or a token was quoted by a server. */
export const MASK = '•••';

/**
 * A server's message may quote what we sent it: a 400 that repeats the key, a 500 that echoes the
 * request with its bearer token. Each value we know (the key, the token) is masked in every form
 * a server might quote it in: as is, in base64 (the nginx-asg-sync header) and URL-encoded.
 */
export function maskKnown(text: string, known: Iterable<string>): string {
  let masked = text;
  for (const value of known) {
    if (value.length < 6) continue;
    const forms = new Set([
      value,
      Buffer.from(value, 'utf8').toString('base64'),
      Buffer.from(value, 'utf8').toString('base64url'),
      encodeURIComponent(value),
    ]);
    for (const form of forms) masked = masked.split(form).join(MASK);
  }
  return masked;
}
