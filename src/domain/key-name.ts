/**
 * The service's rule for API key (and deployment) names: 1 to 30 ASCII letters, digits and
 * hyphens, starting and ending with a letter or digit. Source: the 2025-11-01 swagger.
 */

export const NAME_PATTERN = /^([a-z0-9A-Z][a-z0-9A-Z-]{0,28}[a-z0-9A-Z]|[a-z0-9A-Z])$/;
export const MAX_NAME_LENGTH = 30;

export type NameCheck = { ok: true } | { ok: false; problem: string };

export function checkKeyName(name: string, what = 'key name'): NameCheck {
  const chars = Array.from(name);
  if (chars.length === 0) return { ok: false, problem: `the ${what} is empty` };
  if (chars.length > MAX_NAME_LENGTH) {
    const over = chars.length - MAX_NAME_LENGTH;
    return {
      ok: false,
      problem: `the ${what} is too long by ${over} character${over === 1 ? '' : 's'} (at most ${MAX_NAME_LENGTH})`,
    };
  }
  const bad = chars.findIndex((ch) => !/^[A-Za-z0-9-]$/.test(ch));
  if (bad >= 0) {
    return {
      ok: false,
      problem: `the ${what} may hold only letters, digits and hyphens: ${shown(chars[bad] ?? '')} at position ${bad + 1}`,
    };
  }
  if (chars[0] === '-') return { ok: false, problem: `the ${what} must not start with a hyphen` };
  if (chars[chars.length - 1] === '-') return { ok: false, problem: `the ${what} must not end with a hyphen` };
  return NAME_PATTERN.test(name) ? { ok: true } : { ok: false, problem: `the ${what} is not valid` };
}

function shown(ch: string): string {
  if (ch === ' ') return 'a space';
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `character '${ch}'`;
}

/**
 * The name `rotate` gives the new key when none is asked for: the old name with the first free
 * `-2`, `-3`, … suffix (`nlk-prod` → `nlk-prod-2`; `nlk-prod-2` → `nlk-prod-3`), the base cut so
 * that it fits 30 characters. `taken` holds the names in use, compared without case.
 */
export function rotatedName(oldName: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const numbered = /^(.*)-(\d{1,4})$/.exec(oldName);
  const base = numbered ? (numbered[1] ?? oldName) : oldName;
  for (let n = numbered ? Number(numbered[2]) + 1 : 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX_NAME_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!used.has(candidate.toLowerCase()) && candidate.toLowerCase() !== oldName.toLowerCase()) return candidate;
  }
}
