/**
 * A server's words that quote a key: each encoding a server might use (written here independently
 * of the masking), over generated keys with the characters that encoders treat specially.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KnownSecrets } from '../../src/azure/known-secrets';
import { MASK, maskSecrets } from '../../src/domain/secret-forms';
import { readings } from '../../src/domain/secret-readings';
import { GatewayError } from '../../src/port/gateway';

const json = (v: string) => JSON.stringify(v).slice(1, -1);
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const asciiJson = (v: string) => json(v).replace(/[\u0080-\uffff]/g, (c) => `\\u${hex(c.charCodeAt(0), 4)}`);
const utf8Bytes = (v: string) => Array.from(Buffer.from(v, 'utf8'));
const everyByte = (v: string) =>
  utf8Bytes(v)
    .map((b) => `%${hex(b, 2)}`)
    .join('');
const body = (v: string) => JSON.stringify({ properties: { secretText: v, endDateTime: '2027-01-01T00:00:00Z' } });
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const htmlNamed = (v: string) =>
  v.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
const htmlDecimal = (v: string) =>
  Array.from(v)
    .map((c) => `&#${c.codePointAt(0)};`)
    .join('');
const htmlHex = (v: string) =>
  Array.from(v)
    .map((c) => `&#x${c.codePointAt(0)!.toString(16).toUpperCase()};`)
    .join('');
const htmlSome = (v: string) =>
  Array.from(v)
    .map((c, i) => (i % 2 ? `&#x${c.codePointAt(0)!.toString(16)};` : c))
    .join('');

/** Each way a server may write what it was sent, as the key alone or inside the request it echoes. */
export const ENCODINGS: [string, (secret: string) => string][] = [
  ['as is', (v) => v],
  ['JSON-escaped', json],
  ['JSON.stringify', (v) => JSON.stringify(v)],
  ['JSON with \\u escapes for non-ASCII', asciiJson],
  [
    'JSON with \\u escapes in capitals',
    (v) => asciiJson(v).replace(/\\u([0-9a-f]{4})/g, (_, h: string) => `\\u${h.toUpperCase()}`),
  ],
  ['JSON with \\/', (v) => json(v).replace(/\//g, '\\/')],
  ['the request body JSON-escaped again', (v) => JSON.stringify(body(v))],
  ['encodeURIComponent', encodeURIComponent],
  ['percent-encoded in lowercase', (v) => encodeURIComponent(v).replace(/%[0-9A-F]{2}/g, (p) => p.toLowerCase())],
  ['form-encoded', (v) => new URLSearchParams({ v }).toString().slice(2)],
  ['every byte percent-encoded', everyByte],
  ['escape()', (v) => escape(v)],
  ['HTML named entities', htmlNamed],
  ['HTML decimal entities', htmlDecimal],
  ['HTML hex entities', htmlHex],
  ['HTML entities for every other character', htmlSome],
  ['base64', (v) => b64(v)],
  ['base64 without padding', (v) => b64(v).replace(/=+$/, '')],
  ['base64url', (v) => b64url(v)],
  ['base64url with padding', (v) => b64(v).replace(/\+/g, '-').replace(/\//g, '_')],
  ['base64 of the request body', (v) => b64(body(v))],
  ['base64 of the request body, one byte in', (v) => b64(`{${body(v)}`)],
  ['base64 of the request body, two bytes in', (v) => b64(`{ ${body(v)}`)],
  ['base64url of the request body, one byte in', (v) => b64url(` ${body(v)}`)],
  ['base64 of the form-encoded request', (v) => b64(`secret=${new URLSearchParams({ v }).toString().slice(2)}&x=1`)],
];

/** Keys with the characters encoders treat specially, ASCII or not. */
const SPECIAL = ['"', '\\', '+', '/', '~', '!', ' ', '%', '&', '<', "'", '=', 'é', '☃', '😀'];
const secrets = fc
  .array(fc.oneof(fc.constantFrom(...SPECIAL), fc.constantFrom(...'abcXYZ0189-_.*'.split(''))), {
    minLength: 12,
    maxLength: 40,
  })
  .map((chars) => chars.join(''));

const wrapped = (quoted: string) => `Invalid value '${quoted}' for properties.secretText: see the request.`;

function expectNeverReadable(text: string, secret: string): void {
  for (const reading of readings(text)) expect(reading).not.toContain(secret);
}

describe('a known key in a server message', () => {
  it.each(ENCODINGS)('is masked when written %s', (_name, encode) => {
    fc.assert(
      fc.property(secrets, (secret) => {
        const masked = maskSecrets(wrapped(encode(secret)), [secret]);
        expect(masked.certain).toBe(true);
        expect(masked.text).toContain(MASK);
        expect(masked.text).toMatch(/^Invalid value '.*' for properties\.secretText: see the request\.$/);
        expectNeverReadable(masked.text, secret);
      }),
      { numRuns: 30 },
    );
  });

  it.each([
    ['twice percent-encoded', (v: string) => encodeURIComponent(encodeURIComponent(v))],
    ['base64 of base64', (v: string) => b64(b64(v))],
    ['HTML entities of percent-encoding', (v: string) => htmlDecimal(encodeURIComponent(v))],
  ])('is masked, or said to be uncertain, when written %s', (_name, encode) => {
    const secret = 'Zq7"\\+/~!é-secret-1234';
    const masked = maskSecrets(wrapped(encode(secret)), [secret]);
    if (masked.certain) expectNeverReadable(masked.text, secret);
    else expect(readings(masked.text).some((r) => r.includes(secret))).toBe(true);
  });

  it('is judged uncertain when a decoding still yields it', () => {
    const secret = 'Zq7"\\+/~!-secret-1234';
    // Percent-encoded, then every `%` written as an entity: no form matches, two decodings do.
    const disguised = encodeURIComponent(secret).replace(/%/g, '&percnt;');
    const masked = maskSecrets(wrapped(disguised), [secret]);
    expect(masked.certain).toBe(false);
  });

  it('cannot vouch for a text with more runs of base64 than it reads', () => {
    const runs = Array.from({ length: 400 }, (_, i) => Buffer.from(`chunk number ${i} of a dump`).toString('base64'));
    expect(maskSecrets(`dump: ${runs.join(' ')}`, ['Zq7"\\+/~!-secret-1234']).certain).toBe(false);
    expect(maskSecrets(`dump: ${runs.slice(0, 10).join(' ')}`, ['Zq7"\\+/~!-secret-1234']).certain).toBe(true);
  });

  it('leaves words that quote nothing known as they are', () => {
    const text = "The key name 'web-prod' is taken; base64 aGVsbG8gd29ybGQ= and %7E and &quot; stay.";
    expect(maskSecrets(text, ['Zq7"\\+/~!-secret-1234'])).toEqual({ text, certain: true });
  });

  it('masks a bearer token echoed in the request it came with', () => {
    const token = `eyJ0eXAiOiJKV1QifQ.${b64url('{"sub":"someone","aud":"https://management.azure.com"}')}.c2lnbmF0dXJl`;
    const echoed = `Request: GET /subscriptions authorization=Bearer%20${encodeURIComponent(token)} ${b64(`Bearer ${token}`)}`;
    const masked = maskSecrets(echoed, [token]);
    expect(masked.certain).toBe(true);
    expectNeverReadable(masked.text, token);
  });
});

describe("a gateway's failure that quotes a key", () => {
  const secret = 'Zq7"\\+/~!-secret-1234';
  const known = new KnownSecrets();
  known.add(secret);

  it('keeps its words, masked, when masking is certain', () => {
    const failure = known.error(
      new GatewayError('invalid', `bad value ${encodeURIComponent(secret)}`, 'BadValue', 400),
    );
    expect([failure.message, failure.code, failure.status]).toEqual([`bad value ${MASK}`, 'BadValue', 400]);
  });

  it('hides its words, keeping its code and status, when a decoding still yields the key', () => {
    const disguised = encodeURIComponent(encodeURIComponent(secret));
    const failure = known.error(new GatewayError('invalid', `bad value ${disguised}`, 'BadValue', 400));
    expect(failure.message).toBe(
      'the server answered HTTP 400; its words are hidden because they may quote the key or the sign-in token',
    );
    expect([failure.kind, failure.code, failure.status]).toEqual(['invalid', 'BadValue', 400]);
  });

  it("hides a dataplane's words the same way", () => {
    expect(known.text(`refused ${Buffer.from(Buffer.from(secret).toString('base64')).toString('base64')}`, 401)).toBe(
      'the server answered HTTP 401; its words are hidden because they may quote the key or the sign-in token',
    );
  });
});
