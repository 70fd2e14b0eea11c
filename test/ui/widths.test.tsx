/**
 * Every screen of the wizard at 60, 80 and 120 columns, from states the machine itself reaches:
 * no line is wider than the terminal, a list row never wraps onto a second line, a URL or a key
 * is never split, and no frame is taller than 24 rows.
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Screen } from '../../src/ui/app';
import { transition } from '../../src/wizard/machine';
import { initialState, type WizardState } from '../../src/wizard/state';
import { NOW, deployment, discovery, key } from '../helpers/fixtures';
import { frameAt, overWide } from '../helpers/render-at';
import { useZone, ZONES } from '../helpers/zone';
import { pressed } from '../helpers/keys';
import { send } from '../helpers/machine-input';
import { handoffNextLines, type HandoffTarget } from '../../src/domain/handoff';
import { commandIn } from '../../src/domain/started-as';
import { heldByNoOne } from '../../src/wizard/steps/reveal';

const LONG = deployment('web-frontend-production-eastus2-01', {
  resourceGroup: 'contoso-edge-production-rg',
  subscriptionName: 'Contoso Production Subscription (legacy)',
  location: 'southcentralus',
  dataplaneApiEndpoint: 'https://web-frontend-production-0123456789ab.eastus2.nginxaas.net/',
});
const WORLD = discovery([...discovery().deployments, LONG]);
const SECRET = '3f2b9c1e-7a4d-4e8f-9b6a-0c5d2e1f4a7b';

const ENTER = pressed('enter').key;
const loaded = transition(initialState(NOW), { type: 'deploymentsLoaded', discovery: WORLD, now: NOW });
const onLong = send(loaded, 'production-eastus2', ENTER);
const atConsole = transition(onLong, {
  type: 'keysLoaded',
  deployment: LONG,
  keys: [key('nlk-prod', 12), key('old-ci-runner-eastus2-2024', -3, '08d'), key('asg-sync', 149, '511')],
});
const withKeys = send(atConsole, 'n');
const rotating = transition(send(atConsole, { downArrow: true }, 'r', ENTER), {
  type: 'secretGenerated',
  secret: SECRET,
});
const rotated = transition(rotating, {
  type: 'createSucceeded',
  result: { created: true, key: { ...key('nlk-prod-2', 181, '3f2'), id: `${LONG.id}/apiKeys/nlk-prod-2` } },
  now: NOW,
});
const marked = [LONG, ...WORLD.deployments].reduce(
  (s, d, i) =>
    transition(s, {
      type: 'peeked',
      results: [{ deployment: d, keys: i % 2 ? [key('a', -1), key('b', 9)] : [key('c', 90)] }],
      answered: 1,
    }),
  loaded,
);
const named = send(withKeys, 'nlk-prod', ENTER);
const typedKey = send(named, ENTER, 'Aa1!aaaaaaaa');
const review = send(typedKey, ENTER);
const creating = send(review, 'y', ENTER);
const revealed = transition(
  { ...creating, secret: SECRET },
  {
    type: 'createSucceeded',
    result: { created: false, key: { ...key('nlk-prod', 181, '3f2'), id: `${LONG.id}/apiKeys/nlk-prod` } },
    now: NOW,
  },
);

/** The console with the selected key's history line, as long as it gets (three changes and more). */
const withHistory = transition(
  { ...atConsole, preset: { ...atConsole.preset, keepsHistory: true } },
  {
    type: 'historyRead',
    deploymentId: LONG.id,
    entries: (['rotate-retire', 'extend', 'hand-off', 'create'] as const).map((action, i) => ({
      id: `h${i}`,
      time: `2026-11-0${i + 1}T10:00:00Z`,
      action,
      command: 'wizard',
      deployment: LONG.id,
      key: 'old-ci-runner-eastus2-2024',
      outcome: i === 0 ? ('failed' as const) : ('done' as const),
      ...(i === 0 ? { code: 'AuthorizationFailed' } : {}),
    })),
  },
);

const SCREENS: [string, WizardState][] = [
  ['loading', initialState(NOW)],
  ['deployment list', loaded],
  ['deployment list, filtered to nothing', send(loaded, 'no-such-deployment-anywhere')],
  ['deployment list, expiry marks', marked],
  ['deployment list, ! keeps the marked', send(marked, '!')],
  ['key console', atConsole],
  ["key console, the selected key's history", withHistory],
  ['key console, reading', onLong],
  ['key console, delete asks for the name', send(atConsole, 'd', 'old-ci')],
  ['key console, rotation plan', send(atConsole, { downArrow: true }, 'r')],
  ['rotation, new key shown', rotated],
  ['rotation, asked before deleting the old key while the new one is held nowhere', send(rotated, ENTER)],
  ['rotation, checking again', send(rotated, 'r', ENTER)],
  ['rotation, asked whether to stop', send(rotated, { escape: true })],
  [
    'rotation, could not check from here',
    transition(send(rotated, 'r', ENTER), {
      type: 'verified',
      result: {
        ok: false,
        message: 'could not check',
        unreachable: {
          host: 'web-frontend-production-0123456789ab.eastus2.nginxaas.net',
          cause: 'did not answer in time',
        },
      },
      again: true,
    }),
  ],
  [
    'key console, after a rotation',
    [
      { type: 'verified', result: { ok: true, status: 200 }, again: true } as const,
      { type: 'deleted', outcome: 'deleted' } as const,
    ].reduce<WizardState>((s, e) => transition(s, e), send(rotated, 'r', ENTER)),
  ],
  ['key name, an existing key', send(withKeys, 'nlk-prod')],
  ['expiry', named],
  [
    'expiry, a date of your own',
    send(named, { downArrow: true }, { downArrow: true }, { downArrow: true }, ENTER, '2027-03-01'),
  ],
  ['key value, empty', send(named, ENTER)],
  ['key value, typed', typedKey],
  ['review, REPLACE', review],
  ['creating', creating],
  [
    'creating, refused',
    transition(creating, {
      type: 'createFailed',
      problem: { message: 'The key is too weak for the service policy.', code: 'InvalidApiKey' },
    }),
  ],
  ['reveal, masked', revealed],
  ['reveal, shown', send(revealed, 'r')],
  ['reveal, asking', send(revealed, 'q')],
  ['reveal, hand-off menu', send(revealed, 'h')],
  ['reveal, hand-off destination', send(revealed, 'h', ENTER)],
  [
    'failed',
    transition(initialState(NOW), {
      type: 'deploymentsFailed',
      problem: {
        message: 'could not reach Azure Resource Manager at https://management.azure.com: ECONNRESET',
        kind: 'network',
      },
    }),
  ],
  ['cancelled', send(named, { ctrl: true }, 'c')],
  ['done', send(revealed, 'q', 'y')],
];

// Local times are wider in some zones ("07:14 GMT+5:30", "01:44 GMT+13:45"): each width in each.
describe.each(ZONES)('in %s', (zone) => {
  useZone(zone);
  describe.each([60, 80, 120])('at %i columns', (columns) => {
    it.each(SCREENS)('%s fits', async (_label, state) => {
      const frame = await frameAt(<Screen state={state} rows={24} columns={columns} demo />, columns);
      if (process.env.SHOW_FRAMES)
        writeFileSync(`/tmp/frames/${zone.replace('/', '-')}-${columns}-${_label.replace(/\W+/g, '-')}.txt`, frame);
      expect(await overWide(frame, columns)).toEqual([]);
      expect(frame.split('\n').length).toBeLessThanOrEqual(24);
      const lines = frame.split('\n').map((line) => line.trim());
      // A URL, the key and the header value sit whole on a line of their own.
      // (A URL longer than the terminal cannot help wrapping; this one is 66 columns.)
      const endpoint = LONG.dataplaneApiEndpoint ?? '';
      if (state.step === 'reveal' && endpoint.length + 7 <= columns) {
        expect(lines).toContain(endpoint);
        expect(lines).toContain(`${endpoint}nplus`);
      }
      if (state.step === 'reveal' && state.reveal.shown) expect(lines).toContain(SECRET);
      // An empty field keeps its pointer and the start of what it offers; only its end may be cut.
      if (state.step === 'keyValue' && state.secret === '')
        expect(lines).toContainEqual(expect.stringMatching(/^❯ press Enter to generate one/));
      // The question's keys, every one of them on its one line: none cut off at the edge.
      if (state.rotation?.stage === 'unheld')
        expect(lines).toContainEqual(
          expect.stringMatching(/^r show.+c copy.+h hand off.+d delete anyway.+Esc stop here$/),
        );
      // Each deployment row is one line: the list holds as many lines as rows are drawn.
      if (state.step === 'chooseDeployment' && state.filter === '') {
        const names = WORLD.deployments.map((d) => d.name);
        const rows = frame.split('\n').filter((line) => names.some((name) => line.includes(` ${name.slice(0, 8)}`)));
        expect(rows).toHaveLength(WORLD.deployments.length);
      }
    });
  });
});

/** A hand-off done, as the runner tells the machine. */
function handedOff(state: WizardState, target: HandoffTarget): WizardState {
  return transition(state, {
    type: 'handedOff',
    result: {
      ok: true,
      said: `${target.kind}: wrote ${'path' in target ? target.path : target.url} (0600)`,
      nextLines: handoffNextLines(target),
    },
  });
}
const verifiedOk = (state: WizardState) => transition(state, { type: 'verified', result: { ok: true, status: 200 } });
const created = verifiedOk(
  transition(
    { ...creating, secret: SECRET },
    {
      type: 'createSucceeded',
      result: { created: true, key: { ...key('nlk-prod', 181, '3f2'), id: `${LONG.id}/apiKeys/nlk-prod` } },
      now: NOW,
    },
  ),
);
/** A frame's text as a shell reads it: a backslash and its line break removed, runs of spaces one. */
const shellJoined = (text: string) => text.replace(/\\\n/g, '').replace(/ +/g, ' ');
const NLK: HandoffTarget = { kind: 'nlk', path: 'nlk-values.yaml' };
const ENV: HandoffTarget = { kind: 'env', path: 'walk.env' };
const rotatedOk = verifiedOk(rotated);
const PANELS: [string, WizardState][] = [
  ['created', created],
  ['created, shown', send(created, 'r')],
  ['created, asking', send(created, 'q')],
  // A generated key never shown, copied or handed off: not "saved?", but that no one holds it.
  [
    'created, generated, asked by Ctrl+C',
    transition({ ...created, secretGenerated: true }, { type: 'input', ...pressed('ctrlC'), now: NOW }),
  ],
  [
    'created, generated, sent to the terminal clipboard only, asked',
    send(
      transition(
        { ...created, secretGenerated: true },
        { type: 'copied', message: 'Sent (OSC 52) only', ok: false, unsure: true },
      ),
      'q',
    ),
  ],
  ['created, hand-off menu', send(created, 'h')],
  ['created, hand-off destination', send(created, 'h', ENTER)],
  ['created, NLK handed off', handedOff(created, NLK)],
  ['created, NLK handed off, asking', send(handedOff(created, NLK), 'q')],
  ['created, dotenv handed off, asking', send(handedOff(created, ENV), 'q')],
  ['created, two hand-offs, shown', send(handedOff(handedOff(created, ENV), NLK), 'r')],
  ['rotation', rotatedOk],
  ['rotation, NLK handed off', handedOff(rotatedOk, NLK)],
  ['rotation, NLK handed off, shown', send(handedOff(rotatedOk, NLK), 'r')],
  ['rotation, NLK handed off, stopping', send(handedOff(rotatedOk, NLK), { escape: true })],
  ['rotation, unheld question', send(rotatedOk, ENTER)],
  ['rotation, stopping, never seen', send(rotatedOk, { escape: true })],
];

// At the terminal's own rows: with a Local row (any zone but UTC), after a hand-off, in a rotation.
describe.each(['UTC', 'America/New_York', 'Pacific/Chatham'])('the reveal panel in %s', (zone) => {
  useZone(zone);
  describe.each([
    [60, 20],
    [80, 24],
    [120, 40],
  ])('at %i×%i', (columns, rows) => {
    it.each(PANELS)('%s is shorter than the terminal, and keeps what it must', async (_label, state) => {
      const frame = await frameAt(<Screen state={state} rows={rows} columns={columns} />, columns);
      const lines = frame.split('\n');
      expect(lines.length, frame).toBeLessThanOrEqual(rows - 1);
      expect(await overWide(frame, columns)).toEqual([]);
      // The title, the key's hint, both URLs, the warning; the question and the keys when asked.
      expect(frame).toContain('NGINXaaS dataplane API key');
      expect(frame).toMatch(/Created key/);
      expect(frame).toMatch(/ Hint +3f2|3f2•/);
      expect(lines.filter((line) => line.includes('nginxaas.net/')).length).toBeGreaterThanOrEqual(2);
      expect(frame).toContain('Save the key now');
      if (state.reveal.askingToLeave)
        expect(frame).toContain(
          heldByNoOne(state) && !state.reveal.copiedUnsure ? 'No one holds this key' : 'Have you saved the key?',
        );
      // The NLK command whole, as a shell joins its lines.
      const last = state.reveal.handedOff.at(-1);
      if (last?.said.startsWith('nlk') && !state.reveal.handoff)
        expect(shellJoined(frame)).toContain(commandIn(handoffNextLines(NLK)[0] ?? ''));
    });
  });
});
