/**
 * What a reader could turn a server's message into: the text itself and its decodings (percent,
 * HTML entities, JSON escapes, runs of base64), two deep. secret-forms.ts looks in each for a
 * secret that masking left.
 */
import { ENTITY_VALUES } from './html-entities';

/** At most this many readings of one text are made. */
const MOST_READINGS = 400;

/**
 * What a reader could make of the text: it as is, and decoded (percent, `+`, HTML entities,
 * JSON escapes, each run of base64 from each of its first four characters), two decodings deep.
 */
export function readings(text: string): string[] {
  return readingsOf(text, 8).all;
}

export function readingsOf(text: string, shortestRun: number): { all: string[]; complete: boolean } {
  const seen = new Set([text]);
  let layer = [text];
  for (let depth = 0; depth < 2; depth++) {
    const next: string[] = [];
    for (const reading of layer) {
      for (const decoded of decodings(reading, shortestRun)) {
        if (seen.has(decoded)) continue;
        if (seen.size >= MOST_READINGS) return { all: [...seen], complete: false };
        seen.add(decoded);
        next.push(decoded);
      }
    }
    layer = next;
  }
  return { all: [...seen], complete: true };
}

function decodings(text: string, shortestRun: number): string[] {
  const found: string[] = [percentDecoded(text, false), percentDecoded(text, true), entityDecoded(text)];
  found.push(jsonUnescaped(text));
  for (const run of text.match(new RegExp(`[A-Za-z0-9+/_-]{${shortestRun},}`, 'g')) ?? []) {
    for (let start = 0; start < 4; start++) found.push(Buffer.from(run.slice(start), 'base64').toString('utf8'));
  }
  return found.filter((decoded) => decoded !== text);
}

function percentDecoded(text: string, plusIsSpace: boolean): string {
  const spaced = plusIsSpace ? text.replace(/\+/g, ' ') : text;
  const units = spaced.replace(/%[uU]([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return units.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    const bytes = Buffer.from(run.replace(/%/g, ''), 'hex');
    const utf8 = bytes.toString('utf8');
    // Not UTF-8: escape()'s one byte per character.
    return utf8.includes('\ufffd') ? bytes.toString('latin1') : utf8;
  });
}

function entityDecoded(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);?/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = /^#[xX]/.test(body) ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITY_VALUES.get(body) ?? whole;
  });
}

function jsonUnescaped(text: string): string {
  const short: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
  return text.replace(/\\(u[0-9a-fA-F]{4}|["\\/bfnrt])/g, (_, escape: string) =>
    escape.length === 5 ? String.fromCharCode(parseInt(escape.slice(1), 16)) : (short[escape] ?? escape),
  );
}
