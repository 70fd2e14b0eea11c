/**
 * A server that quotes what it was sent: the `echoSecret` fault answers with a message that
 * repeats the request's secret (or its whole body) in one of the encodings servers use. Written
 * apart from the client's masking, so that a test of one checks it against another reading.
 */

export const ECHO_ENCODINGS = [
  'raw',
  'json',
  'json-stringify',
  'percent',
  'percent-lower',
  'form',
  'escape',
  'html-named',
  'html-decimal',
  'html-hex',
  'base64',
  'base64url',
  'base64-body',
  'base64-body-offset',
  // Encoded twice: a reader decodes it twice; the client cannot be sure of its masking.
  'percent-twice',
] as const;

export type EchoEncoding = (typeof ECHO_ENCODINGS)[number];

const hex2 = (n: number) => n.toString(16).padStart(2, '0');

function encode(encoding: EchoEncoding, secret: string, rawBody: string): string {
  switch (encoding) {
    case 'raw':
      return secret;
    case 'json':
      return JSON.stringify(secret).slice(1, -1);
    case 'json-stringify':
      return JSON.stringify(rawBody);
    case 'percent':
      return Array.from(Buffer.from(secret, 'utf8'))
        .map((byte) =>
          /[A-Za-z0-9]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${hex2(byte).toUpperCase()}`,
        )
        .join('');
    case 'percent-lower':
      return encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (p) => p.toLowerCase());
    case 'form':
      return new URLSearchParams({ secretText: secret }).toString();
    case 'escape':
      return escape(secret);
    case 'html-named':
      return secret.replace(
        /[&<>"'!~+/\\]/g,
        (c) =>
          ({
            '&': '&amp;',
            '<': '&lt;',
            '>': '&gt;',
            '"': '&quot;',
            "'": '&apos;',
            '!': '&excl;',
            '~': '&tilde;',
            '+': '&plus;',
            '/': '&sol;',
            '\\': '&bsol;',
          })[c] ?? c,
      );
    case 'html-decimal':
      return Array.from(secret, (c) => `&#${c.codePointAt(0)};`).join('');
    case 'html-hex':
      return Array.from(secret, (c) => `&#x${(c.codePointAt(0) ?? 0).toString(16)};`).join('');
    case 'base64':
      return Buffer.from(secret, 'utf8').toString('base64');
    case 'base64url':
      return Buffer.from(secret, 'utf8').toString('base64url');
    case 'base64-body':
      return Buffer.from(rawBody, 'utf8').toString('base64');
    case 'base64-body-offset':
      return Buffer.from(`request ${rawBody}`, 'utf8').toString('base64');
    case 'percent-twice':
      return encodeURIComponent(encodeURIComponent(secret));
  }
}

/**
 * What the request carried: a key's secretText (ARM), a secret's value (Key Vault), the
 * dataplane's ApiKey header, or else the bearer token it came with.
 */
export function sentSecret(rawBody: string, authorization: string | undefined): string | undefined {
  try {
    const body = JSON.parse(rawBody) as { properties?: { secretText?: unknown }; value?: unknown };
    if (typeof body.properties?.secretText === 'string') return body.properties.secretText;
    if (typeof body.value === 'string') return body.value;
  } catch {
    // No JSON body: a dataplane read.
  }
  const apiKey = /^ApiKey\s+([A-Za-z0-9+/=]+)$/.exec(authorization ?? '');
  if (apiKey) return Buffer.from(apiKey[1] ?? '', 'base64').toString('utf8');
  return /^Bearer\s+(\S+)$/.exec(authorization ?? '')?.[1];
}

/** The words of a refusal that quotes the request's secret, or undefined when it carried none. */
export function echoMessage(encoding: EchoEncoding, rawBody: string, authorization?: string): string | undefined {
  const secret = sentSecret(rawBody, authorization);
  if (secret === undefined) return undefined;
  return `The request was refused: ${encode(encoding, secret, rawBody || String(authorization))} is not an acceptable value.`;
}
