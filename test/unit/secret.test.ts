import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomBytes, randomUUID } from 'node:crypto';
import { evaluate } from '../../src/domain/policy';
import {
  generateStrongKey,
  generateUuidKey,
  hintOf,
  maskSecret,
  SAFE_SYMBOLS,
  type RandomSource,
} from '../../src/domain/secret';

const crypto: RandomSource = { randomUUID, randomBytes };

describe('generated keys', () => {
  it('a UUIDv4 that fails the policy is drawn again', () => {
    const draws = [
      '12345678-1234-4234-8234-123456789012',
      '00000000-0000-4000-8000-000000000000',
      'a2345678-1234-4234-8234-123456789012',
    ];
    const fake: RandomSource = { randomUUID: () => draws.shift() as string, randomBytes };
    expect(generateUuidKey(fake)).toBe('a2345678-1234-4234-8234-123456789012');
    expect(draws).toHaveLength(0);
  });

  it('gives up rather than loop on a broken random source', () => {
    const broken: RandomSource = { randomUUID: () => '11111111-1111-4111-8111-111111111111', randomBytes };
    expect(() => generateUuidKey(broken)).toThrow(/no UUID/);
  });

  it('every UUID key passes the policy and has the UUIDv4 shape', () => {
    for (let i = 0; i < 2000; i++) {
      const key = generateUuidKey(crypto);
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(evaluate(key).ok).toBe(true);
    }
  });

  it('every strong key has all four classes and no character that breaks shells, YAML or helm --set (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 12, max: 64 }),
        fc.uint8Array({ minLength: 64, maxLength: 256 }),
        (length, seed) => {
          let offset = 0;
          const seeded: RandomSource = {
            randomUUID,
            // Replays the seed, then falls back to the real RNG, so any byte pattern is tried.
            randomBytes: (size) => {
              const out = new Uint8Array(size);
              for (let i = 0; i < size; i++)
                out[i] = offset < seed.length ? (seed[offset++] as number) : (randomBytes(1)[0] as number);
              return out;
            },
          };
          const key = generateStrongKey(seeded, length);
          expect(key).toHaveLength(length);
          expect(evaluate(key).rules.every((r) => r.ok)).toBe(true);
          expect(key).not.toMatch(/[,=\\'"`$#{}\s]/);
          expect(key).toMatch(new RegExp(`^[A-Za-z0-9][A-Za-z0-9${SAFE_SYMBOLS.replace('-', '\\-')}]*[A-Za-z0-9]$`));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('hint and mask', () => {
  it('the hint is the first three characters', () => {
    expect(hintOf('Q7f-2c9b-41aa-8e1d-xyz')).toBe('Q7f');
  });

  it('the mask shows the hint and hides the length', () => {
    expect(maskSecret('Q7f-2c9b-41aa')).toBe('Q7f••••••••••••');
    expect(maskSecret('Q7f-2c9b-41aa-8e1d-xyz-longer')).toBe('Q7f••••••••••••');
  });
});
