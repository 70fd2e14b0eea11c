/**
 * The screens that show a local time, drawn on purpose in other zones and on the nights clocks
 * change: the expiry step's preview and the reveal panel, at 60, 80 and 120 columns. The local
 * time is the zone's own (worked out here from the offset, not by the code under test), named as
 * ICU names it, and the frame still fits.
 */
import { hintsAt, revealed } from '../helpers/hints';
import { describe, expect, it } from 'vitest';
import { ExpiryStep } from '../../src/ui/steps/expiry-step';
import { RevealStep } from '../../src/ui/steps/reveal-step';
import { ReviewStep } from '../../src/ui/steps/review-step';
import { WEB, key } from '../helpers/fixtures';
import { frameAt, overWide } from '../helpers/render-at';
import { inZone } from '../helpers/zone';

const MINUTE = 60_000;

/** `HH:MM` of `at` in a zone `offsetMinutes` east of UTC, and its date. */
function shifted(at: Date, offsetMinutes: number): { day: string; time: string } {
  const iso = new Date(at.getTime() + offsetMinutes * MINUTE).toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
}

// [zone, now, the expiry shown, its offset from UTC in minutes at that instant, ICU's name]
const NIGHTS: [string, string, string, number, string][] = [
  // New York's clocks go back at 06:00 UTC on 1 November 2026: 01:30 comes twice.
  ['America/New_York', '2026-11-01T05:20:00Z', '2026-11-01T05:30:00Z', -240, 'EDT'],
  ['America/New_York', '2026-11-01T05:20:00Z', '2026-11-01T06:30:00Z', -300, 'EST'],
  // ... and go forward at 07:00 UTC on 14 March 2027.
  ['America/New_York', '2027-03-14T06:50:00Z', '2027-03-14T07:30:00Z', -240, 'EDT'],
  ['Asia/Kolkata', '2026-12-31T23:59:00Z', '2027-06-30T23:59:00Z', 330, 'GMT+5:30'],
  // Chatham: +13:45 in its summer, +12:45 in its winter; New Year's Eve in UTC is New Year there.
  ['Pacific/Chatham', '2026-12-31T23:59:00Z', '2027-01-30T23:59:00Z', 825, 'GMT+13:45'],
  ['Pacific/Chatham', '2026-12-31T23:59:00Z', '2027-06-30T23:59:00Z', 765, 'GMT+12:45'],
];

describe.each(NIGHTS)('in %s at %s, a key ending %s', (zone, nowIso, endIso, offset, name) => {
  const now = new Date(nowIso);
  const end = new Date(endIso);
  const local = shifted(end, offset);

  it.each([60, 80, 120])('the reveal panel at %i columns names the local time', async (columns) => {
    const frame = await inZone(zone, () =>
      frameAt(
        <RevealStep
          action="created"
          apiKey={{ ...key('nlk-a'), endDateTime: end }}
          deploymentName="web-01"
          endpoint="https://web-01-0123456789ab.eastus2.nginxaas.net/"
          secret="Q7f-2c9b-41aa-8e1d-xyz"
          shown={false}
          secondsLeft={30}
          verify={{ ok: true, status: 200 }}
          prompt="keys"
          handedOff={[]}
          now={now}
          hints={hintsAt(revealed())}
        />,
        columns,
      ),
    );
    expect(await overWide(frame, columns)).toEqual([]);
    expect(frame).toContain(`Expires   ${endIso.slice(0, 10)} ${endIso.slice(11, 16)} UTC (`);
    expect(frame).toContain(`Local     ${local.day} ${local.time} ${name}`);
  });

  it.each([60, 80, 120])('the expiry step at %i columns previews a typed time with its local time', async (columns) => {
    const typed = `${endIso.slice(0, 16)}Z`;
    const frame = await inZone(zone, () =>
      frameAt(
        <ExpiryStep
          expiry={{ cursor: 5, editing: true, text: typed }}
          now={now}
          hints={hintsAt({ step: 'expiry', expiry: { cursor: 5, editing: true, text: typed } })}
        />,
        columns,
      ),
    );
    expect(await overWide(frame, columns)).toEqual([]);
    expect(frame.replace(/\s+/g, ' ')).toContain(`local ${local.day} ${local.time} ${name}`);
  });
});

describe('the review of a key under 30 days', () => {
  it.each([
    ['30d from now', 30 * 86_400_000, true],
    ['31d from now', 31 * 86_400_000, false],
  ])('%s: the note that it is marked as expiring from the start (%#)', async (_label, lead, shown) => {
    const now = new Date('2026-12-31T23:59:00Z');
    const frame = await inZone('UTC', () =>
      frameAt(
        <ReviewStep
          deployment={WEB}
          name="short-lived"
          endDateTime={new Date(now.getTime() + lead)}
          generated
          replaceConfirmed={false}
          now={now}
          hints={hintsAt({ step: 'review' })}
        />,
        60,
      ),
    );
    expect(await overWide(frame, 60)).toEqual([]);
    // Wrapped under its own start at 60 columns: read as one line of words.
    const words = frame.replace(/\s+/g, ' ');
    expect(words.includes('Under 30 days: marked as expiring from the start')).toBe(shown);
  });
});
