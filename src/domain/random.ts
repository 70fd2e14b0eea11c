/**
 * Randomness from node:crypto, loaded by the first call rather than with the program: the module
 * and OpenSSL's start were 3.5 ms of the wizard's first frame, which needs nothing random.
 */
const crypto = () => process.getBuiltinModule('node:crypto');

export const randomBytes = (size: number): Buffer => crypto().randomBytes(size);
export const randomUUID = (): string => crypto().randomUUID();
/** An integer from `min` up to, not including, `max`. */
export const randomInt = (min: number, max: number): number => crypto().randomInt(min, max);
export const randomHex = (size: number): string => randomBytes(size).toString('hex');
