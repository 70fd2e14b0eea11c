/**
 * The machine's time zone for a test. The suite runs in whatever zone it is started in (CI runs
 * the tests tagged 'clock' again at trap moments in several zones under faketime); a test that compares frames showing local times pins the
 * zone it was written for, and the zone tests render the same screens in several on purpose.
 * Node re-reads TZ when process.env.TZ is assigned, for Date and Intl alike.
 */
import { afterEach, beforeEach } from 'vitest';

export function setZone(zone: string | undefined): void {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
}

/** Runs `run` in `zone` (to its end, when it returns a promise), then restores the zone. */
export async function inZone<T>(zone: string, run: () => T | Promise<T>): Promise<T> {
  const before = process.env.TZ;
  setZone(zone);
  try {
    return await run();
  } finally {
    setZone(before);
  }
}

/** Every test of the calling file runs in `zone`; the zone the suite started in comes back after. */
export function useZone(zone: string): void {
  let before: string | undefined;
  beforeEach(() => {
    before = process.env.TZ;
    setZone(zone);
  });
  afterEach(() => setZone(before));
}

/** The zones the zone tests draw in: none, half-hour, one with a DST change, and +13:45. */
export const ZONES = ['UTC', 'Asia/Kolkata', 'America/New_York', 'Pacific/Chatham'] as const;
