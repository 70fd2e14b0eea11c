/** Each wizard screen under ink-testing-library, driven by keys as a person types them. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { stripVTControlCharacters } from 'node:util';
import { App } from '../../src/ui/app';
import { GatewayError } from '../../src/port/gateway';
import { initialState, type WizardState } from '../../src/wizard/state';
import { FakeGateway } from '../helpers/fake-gateway';
import { Notices } from '../../src/port/notices';
import { NOW, WEB, discovery, key } from '../helpers/fixtures';
import { settle, waitForFrame } from '../helpers/ink';
import { useZone } from '../helpers/zone';
import { KEY } from '../helpers/keys';

// These frames were written for UTC; test/ui/zones.test.tsx draws the screens in other zones.
useZone('UTC');

afterEach(() => cleanup());

const { enter: ENTER, esc: ESC, down: DOWN } = KEY;
const TAB = '\t';

function mount(gateway = new FakeGateway(), options = {}, initial?: WizardState) {
  const finished: WizardState[] = [];
  const app = render(
    <App
      gateway={gateway}
      scope={options}
      clock={() => NOW}
      onFinish={(s) => finished.push(s)}
      {...(initial ? { initial } : {})}
    />,
  );
  const frame = () => stripVTControlCharacters(app.lastFrame() ?? '');
  const until = (expected: string | RegExp) => waitForFrame(app.lastFrame, expected);
  const type = async (...chunks: string[]) => {
    for (const chunk of chunks) {
      app.stdin.write(chunk);
      await settle();
    }
  };
  return { app, frame, until, type, finished, gateway };
}

describe('choose a deployment', () => {
  it('shows every deployment; those that cannot take a key are marked with why', async () => {
    const { until } = mount(new FakeGateway(discovery(), [key('nlk-prod')]));
    const frame = await until('Choose a deployment');
    expect(frame).toContain('4 deployments in 3 subscriptions');
    expect(frame).toMatch(/broken-01 .*✖ deployment failed/);
    expect(frame).toMatch(/sandbox .*✖ subscription disabled/);
    expect(frame).toContain('✖ cannot take a key now, and why · ! a key expired or expiring');
    // The keys of the ready ones arrive in the background and mark their rows.
    expect(await until(/❯ ! stage-web +1 key, 1 expiring /)).toMatch(/ {2}! web-01 +1 key, 1 expiring /);
  });

  it('filters as you type and Enter chooses', async () => {
    const { until, type } = mount();
    await until('Choose a deployment');
    await type('w', 'e', 'b', '-');
    const frame = await until('1 of 4');
    expect(frame).toContain('web-01');
    expect(frame).not.toContain('stage-web');
    await type(ENTER);
    expect(await until('Name the key')).toContain('✔ Deployment web-01 · edge-rg · Production');
  });

  it('says why a dimmed row cannot be chosen', async () => {
    const { until, type } = mount();
    await until('Choose a deployment');
    await type('broken', ENTER);
    expect(await until('cannot take a key: deployment failed.')).toContain('Choose a deployment');
  });

  it('a failed discovery says what to do', async () => {
    const gateway = new FakeGateway();
    gateway.discoverFailure = new GatewayError('unauthenticated', 'not signed in to the Azure CLI: run `az login`');
    const { until } = mount(gateway);
    const frame = await until('az login');
    expect(frame).toContain('r try again');
    expect(frame).not.toMatch(/\n\s+at /);
  });

  it('a device-code sign-in message shows on the loading screen', async () => {
    const gateway = new FakeGateway();
    let release = () => {};
    gateway.discoverDeployments = () => new Promise((resolve) => (release = () => resolve(discovery())));
    const notices = new Notices(() => {
      throw new Error('the wizard should have taken the message');
    });
    const app = render(<App gateway={gateway} scope={{}} clock={() => NOW} notices={notices} />);
    await waitForFrame(app.lastFrame, 'Signing in with the fake');
    notices.emit('To sign in, open https://microsoft.com/devicelogin and enter the code ABCD-1234.');
    await waitForFrame(app.lastFrame, 'enter the code ABCD-1234');
    release();
    await waitForFrame(app.lastFrame, 'Choose a deployment');
  });

  it('an empty result names the subscriptions searched', async () => {
    const { until } = mount(new FakeGateway(discovery([])));
    expect(await until('No NGINXaaS deployments found')).toContain('Production, Staging, Sandbox');
  });
});

describe('name, expiry, key value', () => {
  async function atName(gateway = new FakeGateway(discovery(), [key('nlk-prod')])) {
    const m = mount(gateway, { deployment: 'web-01' });
    // A deployment with keys opens on its console; n starts a new key.
    if ((await m.until(/Keys of web-01|Name the key/)).includes('Keys of web-01')) await m.type('n');
    await m.until('Name the key');
    return m;
  }

  it('checks the name live and says at once that a key of that name exists', async () => {
    const { until, type } = await atName();
    await type('bad_');
    expect(await until('position 4')).toContain("character '_'");
    await type('\x7f', '\x7f', '\x7f', '\x7f', 'nlk-prod');
    expect(await until('it will be REPLACED')).toContain(
      "'nlk-prod' exists (hint e17, expires 2026-12-16, in 20 days)",
    );
  });

  it('takes a one-chunk paste with Enter in it, then the default expiry', async () => {
    const { until, type } = await atName();
    await type('fresh-key\r');
    const expiry = await until('When should the key expire?');
    expect(expiry).toContain('❯ 6 months  2027-05-26 12:00 UTC  (default)');
    expect(expiry).toContain('in 181 days');
    await type(ENTER);
    expect(await until('The key value')).toContain('✔ Expires    6 months · 2027-05-26 12:00 UTC');
  });

  it('Esc goes back one step at a time', async () => {
    const { until, type } = await atName();
    await type('fresh-key', ENTER);
    await until('When should the key expire?');
    await type(ESC);
    await until('Name the key');
    await type(ESC);
    await until('Keys of web-01');
    await type(ESC);
    await until('Choose a deployment');
  });

  it('a custom date is checked', async () => {
    const { until, type } = await atName();
    await type('fresh-key', ENTER);
    await until('When should the key expire?');
    await type(DOWN, DOWN, DOWN, ENTER);
    await until('A date of your own');
    await type('2027-03-01');
    expect(await until('2027-03-01 23:59 UTC · in 95 days')).not.toContain('local');
    await type('\x7f', '\x7f', '\x7f', '\x7f', '\x7f', '\x7f', '\x7f', '\x7f', '\x7f', '\x7f', '2031-01-01', ENTER);
    const refused = (await until('more than two years away')).replace(/\s+/g, ' ');
    expect(refused).toContain(
      '✖ 2031-01-01 23:59 UTC is more than two years away; the latest that is safe is 2028-11-26 11:50 UTC',
    );
  });

  it('the checklist follows every key, masked, and Enter is refused while a rule fails', async () => {
    const { until, type, frame } = await atName();
    await type('fresh-key', ENTER, ENTER);
    await until('The key value');
    await type('a', 'b', 'c');
    let screen = await until('(3 so far)');
    expect(screen).toContain('❯ •••');
    expect(screen).toContain('✖ at least 12 characters');
    expect(screen).toContain('✖ 3 of the 4 kinds above (1 of 4)');
    await type(ENTER);
    await until('Enter is refused: the key must have at least 12 characters (it has 3)');
    await type('DEF-123-xyz');
    screen = await until('(14 so far)');
    expect(screen).toContain('✔ 3 of the 4 kinds above (4 of 4)');
    expect(screen).not.toContain('abcDEF');
    await type(TAB);
    expect(await until('abcDEF-123-xyz')).toContain('Tab hide');
    await type(TAB, ' ');
    expect(await until('a space at position 15')).toContain('✖ only printable ASCII');
    expect(frame()).not.toContain('abcDEF');
  });
});

describe('the key console: e', () => {
  it('an earlier expiry is named as shorter, by how many days; Enter alone does nothing, y shortens it', async () => {
    const gateway = new FakeGateway(discovery(), [key('asg-sync', 150, '511')]);
    const { until, type, frame } = mount(gateway, { deployment: 'web-01' });
    await until('Keys of web-01');
    await type('e');
    await until("New expiry for 'asg-sync'");
    await type(KEY.up, KEY.up, ENTER);
    const asked = await until("Shorten 'asg-sync'?");
    expect(asked).toContain('now  2027-04-25, in 150 days');
    expect(asked).toContain('new  2026-12-26, in 30 days (30 days)');
    expect(asked).toContain('⚠ 120 days sooner than it expires now: shorter, not longer');
    expect(asked).toContain('y shorten it · n choose again');
    await type(ENTER, ENTER);
    expect(frame()).toContain("Shorten 'asg-sync'?");
    expect(gateway.calls).not.toContain('putKey asg-sync');
    await type('n');
    await until("New expiry for 'asg-sync'");
    expect(gateway.calls).not.toContain('putKey asg-sync');
    await type(DOWN, DOWN, ENTER);
    // 6 months is later than the key's expiry: no second question.
    expect(await until("Key 'asg-sync' now expires 2027-05-26")).toContain('Keys of web-01');
    await type('e', KEY.up, KEY.up, ENTER);
    await until("Shorten 'asg-sync'?");
    await type('y');
    await until("Key 'asg-sync' now expires 2026-12-26");
    expect(gateway.calls.filter((c) => c === 'putKey asg-sync')).toHaveLength(2);
  });
});

describe('review, create, reveal', () => {
  async function toReview(name = 'fresh-key', gateway = new FakeGateway(discovery(), [key('nlk-prod')])) {
    const m = mount(gateway, { deployment: 'web-01' });
    // A deployment with keys opens on its console; n starts a new key.
    if ((await m.until(/Keys of web-01|Name the key/)).includes('Keys of web-01')) await m.type('n');
    await m.until('Name the key');
    await m.type(name, ENTER, ENTER);
    await m.until('The key value');
    await m.type('Typed-Secret-42', ENTER);
    await m.until('Review');
    return m;
  }

  it('review says CREATE; Enter creates and the panel shows the key masked, the endpoint and /nplus', async () => {
    const { until, type, app, gateway } = await toReview();
    expect(await until('CREATE a new key')).toMatch(/Resource group +edge-rg/);
    await type(ENTER);
    const panel = await until('The dataplane accepted the key');
    expect(panel).toContain("✔ Created key 'fresh-key' on web-01");
    expect(panel).toContain('Key       masked (r shows it)\n  Typ••••••••••••\n');
    expect(panel).toContain(`Endpoint  the dataplane API\n  ${WEB.dataplaneApiEndpoint}\n`);
    expect(panel).toContain(`nplus     what NLK and nginx-asg-sync take\n  ${WEB.dataplaneApiEndpoint}nplus\n`);
    expect(panel).toContain('nlk.config.nginxHosts=<the nplus URL>');
    expect(gateway.calls).toEqual(['discover', 'listKeys', 'getKey fresh-key', 'putKey fresh-key']);
    const before = app.frames.slice(
      0,
      app.frames.findIndex((f) => f.includes('Created key')),
    );
    expect(before.length).toBeGreaterThan(5);
    expect(before.some((f) => f.includes('Typed-Secret-42'))).toBe(false);
  });

  it('REPLACE needs y', async () => {
    const { until, type, gateway } = await toReview('nlk-prod');
    expect(await until('REPLACE the existing key (hint e17)')).toContain('Type y to confirm');
    await type(ENTER);
    await until("Type y to replace the existing key 'nlk-prod'");
    expect(gateway.calls).not.toContain('putKey nlk-prod');
    await type('y');
    await until('✔ confirmed');
    await type(ENTER);
    expect(await until("Replaced key 'nlk-prod'")).toBeTruthy();
  });

  it('an Azure error shows its code; Esc goes back to edit', async () => {
    const gateway = new FakeGateway(discovery(), []);
    gateway.createFailure = new GatewayError(
      'invalid',
      'The secret text must be at least 12 characters long',
      'InvalidApiKeySecret',
      400,
    );
    const { until, type } = await toReview('fresh-key', gateway);
    await type(ENTER);
    const failed = await until('Azure did not create the key');
    expect(failed).toContain('(InvalidApiKeySecret)');
    expect(failed).toContain('r retry · Esc back to edit');
    await type(ESC);
    await until('Review');
  });

  it('r reveals the key, q asks whether it was saved, y leaves with the key masked in the last frame', async () => {
    const { until, type, frame, finished } = await toReview();
    await type(ENTER);
    await until('The dataplane accepted the key');
    await type('r');
    expect(await until('(hides in 30 s)')).toContain('Typed-Secret-42');
    expect(frame()).toContain(`Authorization header:\n    ApiKey ${Buffer.from('Typed-Secret-42').toString('base64')}`);
    await type('q');
    await until('Have you saved the key?');
    expect(frame()).not.toContain('Typed-Secret-42');
    await type('y');
    await until("Key 'fresh-key' is ready");
    expect(frame()).not.toContain('Typed-Secret-42');
    expect(frame()).toContain('Typ••••');
    expect(finished[0]?.exitCode).toBe(0);
  });

  it('d deletes the key again when it was not saved', async () => {
    const { until, type, gateway } = await toReview();
    await type(ENTER);
    await until('The dataplane accepted the key');
    await type('q', 'd');
    await until('nothing is left behind');
    expect(gateway.calls).toContain('deleteKey fresh-key');
    expect(gateway.keys.has('fresh-key')).toBe(false);
  });

  it('a mounted reveal screen hides the key after 30 seconds of ticks', async () => {
    let now = NOW;
    const state: WizardState = {
      ...initialState(NOW),
      commands: [],
      step: 'reveal',
      deployment: WEB,
      name: 'k',
      secret: 'Mounted-Secret-1',
      result: { key: key('k', 10, 'Mou'), created: true },
    };
    const app = render(<App gateway={new FakeGateway()} scope={{}} clock={() => now} initial={state} />);
    await waitForFrame(app.lastFrame, 'Mou••••');
    app.stdin.write('r');
    await waitForFrame(app.lastFrame, 'Mounted-Secret-1');
    now = new Date(NOW.getTime() + 31_000);
    await waitForFrame(app.lastFrame, 'masked (r shows it)', 2500);
  });
});

describe('a rotation from the key console', () => {
  /** On the panel of the new key, checked once: r, then Enter on the plan, as a person types it. */
  async function rotated(clock: () => Date = () => NOW) {
    const gateway = new FakeGateway(discovery(), [key('nlk-prod', 20)]);
    const app = render(<App gateway={gateway} scope={{ deployment: 'web-01' }} clock={clock} />);
    const until = (expected: string | RegExp) => waitForFrame(app.lastFrame, expected);
    const type = async (...chunks: string[]) => {
      for (const chunk of chunks) {
        app.stdin.write(chunk);
        await settle();
      }
    };
    await until('Keys of web-01');
    await type('r');
    await until("Rotate key 'nlk-prod'");
    await type(ENTER);
    await until('The dataplane accepted the key');
    const frame = () => stripVTControlCharacters(app.lastFrame() ?? '');
    return { gateway, until, type, frame };
  }

  it('Enter, Enter on a key never shown asks, with no default: the old key stays until d', async () => {
    const { gateway, until, type, frame } = await rotated();
    await type(ENTER);
    await until("Delete 'nlk-prod' though no one holds 'nlk-prod-2'?");
    expect(frame()).toContain('r show · c copy · h hand off · d delete anyway · Esc stop');
    await type(ENTER, ENTER);
    expect(frame()).toContain("Delete 'nlk-prod' though no one holds 'nlk-prod-2'?");
    expect(gateway.calls).not.toContain('deleteKey nlk-prod');
    expect(gateway.keys.has('nlk-prod')).toBe(true);
    await type('d');
    await until(/'nlk-prod' deleted\. 'nlk-prod-2' was never shown,\s+copied or handed off: no one holds its secret\./);
    expect(gateway.calls).toContain('deleteKey nlk-prod');
  });

  it('r at the question shows the key; hidden again after its 30 s, Enter goes on without asking', async () => {
    let now = NOW;
    const { gateway, until, type, frame } = await rotated(() => now);
    const secret = () => [...gateway.keys.values()].find((k) => k.key.name === 'nlk-prod-2')?.secret ?? '?';
    await type(ENTER);
    await until('d delete anyway');
    await type('r');
    await until(secret());
    now = new Date(NOW.getTime() + 31_000);
    await until('masked (r shows it)');
    expect(frame()).not.toContain(secret());
    await type(ENTER);
    await until("Rotated: the dataplane takes 'nlk-prod-2'; 'nlk-prod' deleted.");
    expect(frame()).not.toContain('in use');
    expect(gateway.calls).toContain('deleteKey nlk-prod');
  });
});

describe('Ctrl+C', () => {
  it('leaves with 130 from any step before creation, nothing created', async () => {
    const { until, type, finished, gateway } = mount(new FakeGateway(), { deployment: 'web-01' });
    await until('Name the key');
    await type('\u0003');
    expect(await until('Cancelled. Nothing was created.')).toBeTruthy();
    expect(finished[0]?.exitCode).toBe(130);
    expect(gateway.calls.some((c) => c.startsWith('putKey'))).toBe(false);
  });
});
