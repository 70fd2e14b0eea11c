/** The narrow forms of an expiry that a table falls back to, each day counted from a fixed now. */
import { describe, expect, it } from 'vitest';
import { expiryRelative, expiryShort } from '../../src/commands/shared/format';

const NOW = new Date('2027-03-10T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe('the narrow forms of an expiry', () => {
  it.each([
    ['2027-03-30T12:00:00Z', '2027-03-30 in 20 d', 'in 20 d'],
    ['2027-03-07T12:00:00Z', '2027-03-07 3 d ago', '3 d ago'],
    ['2027-03-10T11:00:00Z', '2027-03-10 today', 'today'],
    ['not a date', 'unknown', 'unknown'],
  ])('%s: "%s", then "%s"', (end, short, relative) => {
    expect([expiryShort(at(end), NOW), expiryRelative(at(end), NOW)]).toEqual([short, relative]);
  });
});
