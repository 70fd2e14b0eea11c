/**
 * A self-signed certificate for 127.0.0.1 and localhost, made for each run of the emulator.
 * Node has no API to make an X.509 certificate, so this writes the few DER structures needed
 * (P-256 key, ECDSA-SHA256 signature) instead of depending on openssl being installed.
 */
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';

export interface LoopbackCertificate {
  certPem: string;
  keyPem: string;
}

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
}

const sequence = (...items: Buffer[]) => tlv(0x30, ...items);
const set = (...items: Buffer[]) => tlv(0x31, ...items);
const explicit = (n: number, inner: Buffer) => tlv(0xa0 + n, inner);
const octets = (content: Buffer) => tlv(0x04, content);
const bits = (content: Buffer, unused = 0) => tlv(0x03, Buffer.from([unused]), content);
const utf8 = (text: string) => tlv(0x0c, Buffer.from(text, 'utf8'));
const TRUE = tlv(0x01, Buffer.from([0xff]));

function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const bytes = [40 * (parts[0] ?? 0) + (parts[1] ?? 0)];
  for (const part of parts.slice(2)) {
    const chunk = [part & 0x7f];
    for (let rest = part >> 7; rest > 0; rest >>= 7) chunk.unshift((rest & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

function positiveInteger(raw: Buffer): Buffer {
  const trimmed = Buffer.from(raw);
  trimmed[0] = (trimmed[0] ?? 0) & 0x7f || 0x01;
  return tlv(0x02, trimmed);
}

function utcTime(date: Date): Buffer {
  const text = date.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z';
  return tlv(0x17, Buffer.from(text, 'ascii'));
}

function extension(id: string, value: Buffer, critical = false): Buffer {
  return sequence(oid(id), ...(critical ? [TRUE] : []), octets(value));
}

const ECDSA_SHA256 = sequence(oid('1.2.840.10045.4.3.2'));
const COMMON_NAME = '2.5.4.3';

export function makeLoopbackCertificate(now = new Date(), validDays = 397): LoopbackCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  // The last 65 bytes of a P-256 SPKI are the uncompressed point, which the key id hashes.
  const keyId = createHash('sha1')
    .update(spki.subarray(spki.length - 65))
    .digest();
  const name = sequence(set(sequence(oid(COMMON_NAME), utf8('nginxaas-keys emulator (loopback only)'))));
  const altNames = sequence(tlv(0x87, Buffer.from([127, 0, 0, 1])), tlv(0x82, Buffer.from('localhost', 'ascii')));

  const tbs = sequence(
    explicit(0, tlv(0x02, Buffer.from([2]))),
    positiveInteger(randomBytes(16)),
    ECDSA_SHA256,
    name,
    sequence(utcTime(new Date(now.getTime() - 86_400_000)), utcTime(new Date(now.getTime() + validDays * 86_400_000))),
    name,
    spki,
    explicit(
      3,
      sequence(
        extension('2.5.29.19', sequence(TRUE), true),
        extension('2.5.29.15', bits(Buffer.from([0x84]), 2), true),
        extension('2.5.29.37', sequence(oid('1.3.6.1.5.5.7.3.1'))),
        extension('2.5.29.14', octets(keyId)),
        extension('2.5.29.17', altNames),
      ),
    ),
  );
  const signature = sign('sha256', tbs, privateKey);
  const der = sequence(tbs, ECDSA_SHA256, bits(signature));
  const base64 = der
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return {
    certPem: `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`,
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
}
