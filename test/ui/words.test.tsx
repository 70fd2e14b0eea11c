/**
 * Words a newcomer can act on (issue 34, item 3) and the rotation that cannot check from here
 * (item 4), in frames the machine itself reaches: no flag names in the wizard, each wording of the
 * issue fixed, and one rule per fact in src/domain shared by every face.
 */
import { describe, expect, it } from 'vitest';
import { Screen } from '../../src/ui/app';
import { transition } from '../../src/wizard/machine';
import { initialState, type WizardState } from '../../src/wizard/state';
import type { Intent } from '../../src/wizard/intents';
import { lineStep } from '../../src/plain/line-steps';
import { deletingWords } from '../../src/domain/readiness';
import { keyOrder } from '../../src/domain/key-order';
import { LONGEST_WHY } from '../../src/domain/expiry';
import { chosenExpiryWords } from '../../src/domain/expiry-words';
import { countWords } from '../../src/ui/steps/choose-deployment-step';
import { networkCause } from '../../src/domain/reach';
import { handoffFacts } from '../../src/domain/handoff';
import { NOW, WEB, discovery, key } from '../helpers/fixtures';
import { frameAt } from '../helpers/render-at';
import { pressed } from '../helpers/keys';
import { send } from '../helpers/machine-input';
import { useZone } from '../helpers/zone';

useZone('UTC');
const ENTER = pressed('enter').key;
const DOWN = pressed('down').key;
const ESC = pressed('esc').key;

const loaded = send(initialState(NOW, { demoVault: 'contoso-keys.vault.azure.net' }), {
  type: 'deploymentsLoaded',
  discovery: discovery(),
  now: NOW,
});
const atConsole = send(loaded, 'web-01', ENTER, {
  type: 'keysLoaded',
  deployment: WEB,
  keys: [key('nlk-prod', 20), key('ci-2025', -12, '817'), key('asg-sync', 150, '538')],
});
const named = send(atConsole, 'n', 'nlk-cluster-a', ENTER);
const created = send(named, ENTER, ENTER, { type: 'secretGenerated', secret: 'S3cret-value-0001' }, ENTER);
const revealed = send(
  { ...created, secret: 'S3cret-value-0001' },
  { type: 'createSucceeded', result: { created: true, key: key('nlk-cluster-a', 181, 'S3c') }, now: NOW },
);
const UNREACHABLE = {
  ok: false as const,
  message: 'could not check the key from here',
  unreachable: { host: 'web-01-6eccb866f0c8.eastus2.nginxaas.net', cause: networkCause('ENOTFOUND') },
};
const rotated = send(
  atConsole,
  DOWN,
  'r',
  ENTER,
  { type: 'secretGenerated', secret: 'S3cret-value-0002' },
  {
    type: 'createSucceeded',
    result: { created: true, key: key('nlk-prod-2', 181, 'S3c') },
    now: NOW,
  },
);
const unchecked = send(rotated, 'r', ENTER, { type: 'verified', result: UNREACHABLE, again: true });

const frame = (state: WizardState, columns = 80) =>
  frameAt(<Screen state={state} rows={24} columns={columns} demo />, columns);

/** A flag name outside a command line: `--emit env` said to a person who never typed it. */
function flagWords(text: string): string[] {
  const outsideCommands = text.replace(/(nginxaas-keys|az login)[^\n]*/g, '');
  return outsideCommands.match(/(^|\s)--[a-z][\w-]*/g) ?? [];
}

describe('the wizard speaks in no flags', () => {
  it('the states are the ones meant', () => {
    expect([created.step, revealed.step, rotated.step, unchecked.rotation?.stage]).toEqual([
      'creating',
      'reveal',
      'reveal',
      'unchecked',
    ]);
  });

  it.each([
    ['a hand-off to a folder that does not exist', () => send(revealed, 'h', DOWN, DOWN, ENTER)],
    ['a hand-off with no destination', () => send(revealed, 'h', DOWN, DOWN, ENTER, { ctrl: true }, 'u', ENTER)],
    ['a key expiring within 30 days, reviewed', () => send(named, ENTER)],
  ])('%s', async (_label, reach) => {
    let state = reach();
    if (state.reveal.handoff?.stage === 'destination' && state.reveal.handoff.text !== '')
      state = send(state, { ctrl: true }, 'u', '/nonexistent/dir/x.env', ENTER, {
        type: 'handedOff',
        result: { ok: false, said: "the folder of the dotenv file '/nonexistent/dir/x.env' does not exist" },
      });
    expect(flagWords(await frame(state, 120))).toEqual([]);
  });

  it('the hand-off refusal names the file by what it is (the runner words it so)', async () => {
    const { performHandoff } = await import('../../src/wizard/create-and-handoff');
    const event = await performHandoff(
      {
        id: 1,
        kind: 'handoff',
        target: { kind: 'env', path: '/nonexistent/dir/x.env' },
        facts: handoffFacts(WEB, { keyName: 'k', secret: 'S3cret-value-0001', endDateTime: NOW }),
      },
      { gateway: {} as never, signal: new AbortController().signal } as never,
    );
    expect(event).toMatchObject({
      type: 'handedOff',
      result: { ok: false, said: "the folder of the dotenv file '/nonexistent/dir/x.env' does not exist" },
    });
  });

  it('a command it names runs as printed: the program as this run was started, with --demo', () => {
    const started = initialState(NOW, {
      demoVault: 'contoso-keys.vault.azure.net',
      program: 'node bin/nginxaas-keys.js',
    });
    const stopped = send({ ...rotated, preset: started.preset }, 'r', ESC, 'y');
    expect(stopped.console.message?.text).toMatch(
      /\n\$ node bin\/nginxaas-keys\.js delete -d web-01 -g edge-rg --subscription \S+ --name nlk-prod --demo\n$/,
    );
  });
});

describe('each wording of the issue', () => {
  it('the reveal panel says to save the key now, in plain words', async () => {
    const shown = await frame(revealed);
    expect(shown).toContain('⚠ Save the key now: it is never shown again.');
    expect(shown).not.toContain('Azure keeps its hint');
  });

  it('the two-year choice says why it ends ten minutes before the others', async () => {
    const onTwoYears = send(named, DOWN, DOWN);
    expect(await frame(onTwoYears, 60)).toContain(LONGEST_WHY);
    expect(LONGEST_WHY).toBe("10 minutes short of 2 years: never past Azure's limit");
    expect(await frame(named, 60)).not.toContain(LONGEST_WHY);
  });

  it.each([
    ['6 months', '6 months · 2027-05-26 12:00 UTC', new Date('2027-05-26T12:00:00Z')],
    ['2027-03-15', '2027-03-15 23:59 UTC', new Date('2027-03-15T23:59:59Z')],
    ['45d', '45d · 2027-01-10 12:00 UTC', new Date('2027-01-10T12:00:00Z')],
  ])('a chosen expiry %s is said once: %s', (label, words, date) => {
    expect(chosenExpiryWords(label, date)).toBe(words);
  });

  it.each([
    ['', 6, 6, 3, '6 deployments in 3 subscriptions'],
    ['web', 1, 6, 3, '1 of 6 deployments match; 3 subscriptions searched'],
    ['!', 2, 6, 1, '2 of 6 deployments match; 1 subscription searched'],
  ])('the deployment count with filter %j', (filter, matching, total, subscriptions, words) => {
    expect(countWords(filter, matching, total, subscriptions)).toBe(words);
  });

  it('deleting: one rule for every face, the expired key is used by nothing', async () => {
    expect(deletingWords(key('old', -1), NOW)).toBe('It has expired: nothing can be using it.');
    expect(deletingWords(key('live', 1), NOW)).toBe('Whatever still uses it is refused at once.');
    expect(deletingWords({ endDateTime: new Date(Number.NaN) }, NOW)).toBe(
      'Whatever still uses it is refused at once.',
    );
    const expired = send(atConsole, 'd');
    expect(await frame(expired)).toContain('It has expired: nothing can be using it.');
    expect(lineStep(expired)?.lines.join('\n')).toContain('It has expired: nothing can be using it.');
  });

  it('keys in one order wherever listed: soonest expiry first, unread first of all, then by name', () => {
    const keys = [key('b', 30), key('a', 30), key('web-10', -2), key('web-2', -2), key('unknown', 1)];
    keys[4] = { ...keys[4]!, endDateTime: new Date(Number.NaN) };
    expect([...keys].sort(keyOrder).map((k) => k.name)).toEqual(['unknown', 'web-2', 'web-10', 'a', 'b']);
  });
});

describe('a rotation that cannot check from here', () => {
  it('the panel asks, in one sentence with the host and no errno, with the ways on', async () => {
    // A message wraps under its own start: read it as one line.
    const shown = (await frame(unchecked, 120)).replace(/\n +/g, ' ');
    expect(shown).toContain("Delete 'nlk-prod' though 'nlk-prod-2' was not checked?");
    expect(shown).toContain(
      "Could not check 'nlk-prod-2' from here: web-01-6eccb866f0c8.eastus2.nginxaas.net is not a name this machine's DNS knows.",
    );
    expect(shown).toMatch(/y delete it unchecked · Enter check again · Esc stop/);
    expect(shown).not.toMatch(/ENOTFOUND|getaddrinfo|did not take/);
  });

  it('the first check that cannot ask says could not check, not a refusal', async () => {
    const first = send(revealed, { type: 'verified', result: UNREACHABLE });
    const said =
      "Could not check the key from here: web-01-6eccb866f0c8.eastus2.nginxaas.net is not a name this machine's DNS knows.";
    expect(await frame(first, 120)).toContain(`⚠ ${said}`);
    expect(lineStep(first)?.lines).toContain(`⚠ ${said}`);
  });

  it('the line face asks the same, and its answers are the same intents', () => {
    const step = lineStep(unchecked);
    expect(step?.lines).toEqual([
      "⚠ Could not check 'nlk-prod-2' from here: web-01-6eccb866f0c8.eastus2.nginxaas.net is not a name this machine's DNS knows.",
    ]);
    expect(step?.question.message).toBe(
      "Delete 'nlk-prod' though 'nlk-prod-2' was not checked? y deletes it unchecked · c checks again · s stops here",
    );
    expect(step?.answer('')).toBe('Answer y, c or s.');
    const yes = step?.answer('y');
    expect(Array.isArray(yes)).toBe(true);
    const after = (yes as Intent[]).reduce<WizardState>(
      (s, intent) => transition(s, { type: 'intent', intent, now: NOW }),
      unchecked,
    );
    expect(after.rotation?.stage).toBe('retiring');
    expect(send(unchecked, ESC).rotation?.stage).toBe('stopping');
  });
});
