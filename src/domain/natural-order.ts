/**
 * Names as people count them: the order of `new Intl.Collator('en', { numeric: true, sensitivity:
 * 'base' })`. Making that collator costs ~18 ms on a 2-core machine (V8 lists every locale ICU
 * has), which the wizard's first list and every `list` paid; Azure's names are printable ASCII,
 * where the collator's order is short to state, so they are compared here and anything else goes
 * to the collator, made at its first use. test/unit/natural-order.test.ts holds the two to the
 * same answers.
 *
 * The order (CLDR's root, which English keeps): spaces and punctuation in the sequence below, then
 * runs of digits by their value (leading zeros do not count), then letters without regard to case;
 * a name that is the start of another comes first.
 */
const PUNCTUATION = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';
const DIGITS = PUNCTUATION.length + 1;
const LETTERS = DIGITS + 1;

/** Each printable ASCII character's place; 0 for what is not printable ASCII. */
const PLACE = (() => {
  const place = new Uint8Array(128);
  for (let i = 0; i < PUNCTUATION.length; i++) place[PUNCTUATION.charCodeAt(i)] = i + 1;
  for (let code = 0x30; code <= 0x39; code++) place[code] = DIGITS;
  for (let code = 0x61; code <= 0x7a; code++) place[code] = place[code - 0x20] = LETTERS + (code - 0x61);
  return place;
})();

/** A character's place in the order; 0 for what is not printable ASCII. */
const placeOf = (code: number): number => (code < 128 ? (PLACE[code] as number) : 0);

/** Runs of digits longer than this go to the collator. */
const LONGEST_RUN = 200;

let collator: Intl.Collator | undefined;

function byCollator(a: string, b: string): number {
  collator ??= new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  return collator.compare(a, b);
}

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

/** Names as people count them: web-2 before web-10, without regard to case. */
export function naturalOrder(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const placeX = placeOf(a.charCodeAt(i));
    const placeY = placeOf(b.charCodeAt(j));
    if (placeX === 0 || placeY === 0) return byCollator(a, b);
    if (placeX === DIGITS && placeY === DIGITS) {
      const runX = digitRun(a, i);
      const runY = digitRun(b, j);
      // The collator's runs go on through digits of other scripts, and it reads long ones in parts.
      if (runX.end - i > LONGEST_RUN || runY.end - j > LONGEST_RUN) return byCollator(a, b);
      if (a.charCodeAt(runX.end) >= 128 || b.charCodeAt(runY.end) >= 128) return byCollator(a, b);
      const order = compareValues(a, runX.start, runX.end, b, runY.start, runY.end);
      if (order !== 0) return order;
      i = runX.end;
      j = runY.end;
      continue;
    }
    if (placeX !== placeY) return sign(placeX - placeY);
    i++;
    j++;
  }
  // What is left must be printable ASCII too for the shorter to come first by these rules.
  if (!printableAscii(a, i) || !printableAscii(b, j)) return byCollator(a, b);
  return sign(a.length - i - (b.length - j));
}

/** The run of digits at `from`: where its value starts (past leading zeros) and where it ends. */
function digitRun(text: string, from: number): { start: number; end: number } {
  let end = from;
  while (end < text.length && placeOf(text.charCodeAt(end)) === DIGITS) end++;
  let start = from;
  while (start < end - 1 && text.charCodeAt(start) === 0x30) start++;
  return { start, end };
}

function compareValues(a: string, fromA: number, toA: number, b: string, fromB: number, toB: number): number {
  if (toA - fromA !== toB - fromB) return sign(toA - fromA - (toB - fromB));
  for (let k = 0; k < toA - fromA; k++) {
    const difference = a.charCodeAt(fromA + k) - b.charCodeAt(fromB + k);
    if (difference !== 0) return sign(difference);
  }
  return 0;
}

function printableAscii(text: string, from: number): boolean {
  for (let k = from; k < text.length; k++) if (placeOf(text.charCodeAt(k)) === 0) return false;
  return true;
}
