/**
 * nginx-asg-sync's config.yaml, read and changed as text: what a rotation needs of it (the
 * `api_endpoint`, the `custom_headers.Authorization` line, the upstreams and their kind), and the
 * same file with only that header's value changed. Comments, order, quoting and every other line
 * stay as the person wrote them; a layout this reader does not know (a flow mapping, a header on
 * several lines) is refused rather than guessed. Pure text, no I/O.
 */
import { apiKeyHeaderValue } from './endpoint';

export interface AsgUpstream {
  name: string;
  kind: 'http' | 'stream';
}

export interface AsgConfig {
  apiEndpoint?: string;
  /** The `Authorization` header's value, unquoted, and its line (0-based). */
  authorization?: { value: string; line: number };
  upstreams: AsgUpstream[];
}

export type AsgRead = { ok: true; config: AsgConfig } | { ok: false; problem: string };

const TOP = /^([A-Za-z_][A-Za-z0-9_]*):(.*)$/;
const ENTRY = /^(\s+)([A-Za-z0-9_-]+):(.*)$/;
const ITEM = /^(\s*)-\s+([A-Za-z0-9_-]+):(.*)$/;

/** A scalar as YAML reads it on one line: quotes taken off, a trailing comment dropped. */
export function scalar(raw: string): string {
  const text = raw.trim();
  if (text.startsWith('"')) {
    const end = closingQuote(text, '"');
    return end < 0 ? text : text.slice(1, end).replace(/\\(["\\])/g, '$1');
  }
  if (text.startsWith("'")) {
    const end = closingQuote(text, "'");
    return end < 0 ? text : text.slice(1, end).replace(/''/g, "'");
  }
  return text.replace(/\s+#.*$/, '').trim();
}

function closingQuote(text: string, quote: string): number {
  for (let i = 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] !== quote) continue;
    if (quote === "'" && text[i + 1] === "'") {
      i++;
      continue;
    }
    return i;
  }
  return -1;
}

const blankOrComment = (line: string) => /^\s*(#.*)?$/.test(line);

export function readAsgConfig(text: string): AsgRead {
  const lines = text.split('\n');
  const config: AsgConfig = { upstreams: [] };
  let section: string | undefined;
  let item: Partial<AsgUpstream> | undefined;
  const endItem = () => {
    if (item?.name) config.upstreams.push({ name: item.name, kind: item.kind ?? 'http' });
    item = undefined;
  };
  for (const [index, line] of lines.entries()) {
    if (blankOrComment(line)) continue;
    const top = TOP.exec(line);
    if (top) {
      endItem();
      section = top[1];
      const rest = (top[2] ?? '').replace(/\s+#.*$/, '').trim();
      if (section === 'api_endpoint') config.apiEndpoint = scalar(top[2] ?? '');
      if (section === 'custom_headers' && rest !== '')
        return { ok: false, problem: 'custom_headers is written on one line; put each header on a line of its own' };
      continue;
    }
    if (section === 'custom_headers') {
      const entry = ENTRY.exec(line);
      if (entry?.[2] === 'Authorization') {
        if (config.authorization) return { ok: false, problem: 'custom_headers has two Authorization lines' };
        const raw = (entry[3] ?? '').trim();
        if (raw === '' || raw === '|' || raw === '>')
          return { ok: false, problem: 'the Authorization header is not written on its own line' };
        config.authorization = { value: scalar(raw), line: index };
      }
      continue;
    }
    if (section === 'upstreams') {
      const started = ITEM.exec(line);
      if (started) {
        endItem();
        item = {};
        setField(item, started[2] ?? '', started[3] ?? '');
        continue;
      }
      const entry = ENTRY.exec(line);
      if (entry && item) setField(item, entry[2] ?? '', entry[3] ?? '');
    }
  }
  endItem();
  return { ok: true, config };
}

function setField(item: Partial<AsgUpstream>, name: string, raw: string): void {
  if (name === 'name') item.name = scalar(raw);
  if (name === 'kind') item.kind = scalar(raw) === 'stream' ? 'stream' : 'http';
}

/** The key an `Authorization: ApiKey <base64>` header carries; undefined when it is not that form. */
export function keyOfHeader(value: string): string | undefined {
  const match = /^ApiKey\s+([A-Za-z0-9+/=]+)$/.exec(value.trim());
  return match ? Buffer.from(match[1] ?? '', 'base64').toString('utf8') : undefined;
}

/**
 * The same file with the Authorization header carrying `secret`: that line's value only, in the
 * quotes it had (none, single or double: base64 needs none), its indentation and its comment kept.
 */
export function withNewAuthorization(text: string, secret: string): string {
  const read = readAsgConfig(text);
  if (!read.ok) throw new Error(read.problem);
  const at = read.config.authorization?.line;
  if (at === undefined) throw new Error('custom_headers has no Authorization line');
  const lines = text.split('\n');
  const line = lines[at] ?? '';
  const entry = /^(\s+Authorization:\s*)(.*)$/.exec(line);
  if (!entry) throw new Error('the Authorization line could not be read');
  const value = entry[2] ?? '';
  const header = apiKeyHeaderValue(secret);
  let rest: string;
  let written: string;
  if (value.startsWith('"') || value.startsWith("'")) {
    const quote = value[0] as string;
    const end = closingQuote(value, quote);
    rest = end < 0 ? '' : value.slice(end + 1);
    written = `${quote}${header}${quote}`;
  } else {
    const comment = /\s+#.*$/.exec(value);
    rest = comment ? comment[0] : '';
    written = header;
  }
  lines[at] = `${entry[1] ?? ''}${written}${rest}`;
  return lines.join('\n');
}
