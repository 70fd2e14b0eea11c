/** The wizard machine as tables: every transition and every refusal, no Ink, no Azure. */
import { describe, expect, it } from 'vitest';
import { transition } from '../../src/wizard/machine';
import { initialState, type WizardEvent, type WizardState } from '../../src/wizard/state';
import { consoleKeys, existingKey, permissionWarning, visibleDeployments } from '../../src/wizard/selectors';
import { markOf } from '../../src/wizard/fleet-marks';
import { newKeyUnseen } from '../../src/wizard/steps/reveal';
import { pressed, type KeyName } from '../helpers/keys';
import { BROKEN, NOW, STAGE_WEB, WEB, deployment, discovery, key } from '../helpers/fixtures';

const later = (ms: number) => new Date(NOW.getTime() + ms);

const NAMED = new Set(['Enter', 'Esc', 'Up', 'Down', 'Tab', 'Backspace', 'CtrlC']);

function press(state: WizardState, ...inputs: string[]): WizardState {
  return inputs.reduce((s, input) => {
    // 'Enter', 'Esc', 'Down', 'CtrlC': a named key of the one vocabulary; anything else is typed.
    const name = `${input.charAt(0).toLowerCase()}${input.slice(1)}`;
    const key = NAMED.has(input) ? pressed(name as KeyName) : { input, key: {} };
    return transition(s, { type: 'input', ...key, now: s.now });
  }, state);
}

const send = (state: WizardState, ...events: WizardEvent[]) => events.reduce(transition, state);
const lastCommand = (s: WizardState) => s.commands[s.commands.length - 1];

function loaded(options = {}, deployments = discovery()): WizardState {
  return send(initialState(NOW, options, 'the Azure CLI'), {
    type: 'deploymentsLoaded',
    discovery: deployments,
    now: NOW,
  });
}

function atName(name = '', keys = [key('nlk-prod')]): WizardState {
  const chosen = press(loaded({ deployment: 'web-01' }));
  const loadedKeys = send(chosen, { type: 'keysLoaded', deployment: WEB, keys });
  // A deployment with keys opens on its console first; n starts a new key.
  const withKeys = loadedKeys.step === 'keys' ? press(loadedKeys, 'n') : loadedKeys;
  return name ? press(withKeys, name) : withKeys;
}

const atExpiry = (name = 'fresh-key') => press(atName(name), 'Enter');
const atSecret = (name = 'fresh-key') => press(atExpiry(name), 'Enter');
const atReview = (name = 'fresh-key') => press(atSecret(name), 'Abc-def-ghi-1', 'Enter');
const atCreating = () => press(atReview(), 'Enter');
const atReveal = () =>
  send(atCreating(), {
    type: 'createSucceeded',
    result: { key: key('fresh-key', 181, 'Abc'), created: true },
    now: NOW,
  });

describe('loading', () => {
  it('starts by signing in and discovering', () => {
    const s = initialState(NOW, {}, 'the Azure CLI');
    expect([s.step, s.loadingMessage, s.commands]).toEqual([
      'loading',
      'Signing in with the Azure CLI…',
      [{ id: 1, kind: 'discover' }],
    ]);
    expect(
      send(s, { type: 'progress', message: 'Finding NGINXaaS deployments in 3 subscriptions…' }).loadingMessage,
    ).toContain('3 subscriptions');
  });

  it('lands on the first deployment that can take a key', () => {
    const s = loaded();
    expect(s.step).toBe('chooseDeployment');
    expect(visibleDeployments(s)[s.cursor]?.name).toBe('stage-web');
  });

  it('an empty result is a failure that names the subscriptions searched', () => {
    const s = loaded({}, discovery([]));
    expect(s.step).toBe('failed');
    expect(s.failure?.message).toContain('Subscriptions searched: Production, Staging, Sandbox');
  });

  it('a sign-in failure can be retried (r) or left with exit 1 (q)', () => {
    const failed = send(initialState(NOW), {
      type: 'deploymentsFailed',
      problem: { message: 'not signed in', kind: 'unauthenticated' },
    });
    expect(failed.step).toBe('failed');
    const retried = press(failed, 'r');
    expect([retried.step, lastCommand(retried)?.kind]).toEqual(['loading', 'discover']);
    expect(press(failed, 'q')).toMatchObject({ step: 'done', exitCode: 1 });
  });
});

describe('choosing a deployment', () => {
  it('filters as you type, exact and prefix matches first; Esc clears the filter', () => {
    const s = press(loaded(), 'w', 'e', 'b');
    expect(visibleDeployments(s).map((d) => d.name)).toEqual(['web-01', 'stage-web']);
    expect(visibleDeployments(press(s, 'Backspace', 'Backspace', 'Backspace', 'staging')).map((d) => d.name)).toEqual([
      'stage-web',
    ]);
    expect(press(s, 'Esc').filter).toBe('');
  });

  it('a filter without the hyphen finds the name with it (web01 → web-01)', () => {
    const s = press(loaded(), ...'web01'.split(''));
    expect(visibleDeployments(s).map((d) => d.name)).toEqual(['web-01']);
  });

  it('filters by group, subscription and region words too', () => {
    expect(visibleDeployments(press(loaded(), 'sandbox')).map((d) => d.name)).toEqual(['sandbox']);
    expect(visibleDeployments(press(loaded(), 'staging eastus2')).map((d) => d.name)).toEqual(['stage-web']);
  });

  it('refuses a deployment that cannot take a key, and says why', () => {
    const onBroken = press(loaded(), 'Up', 'Up', 'Up');
    expect(visibleDeployments(onBroken)[onBroken.cursor]).toBe(BROKEN);
    const refused = press(onBroken, 'Enter');
    expect(refused.step).toBe('chooseDeployment');
    expect(refused.listMessage).toBe('broken-01 cannot take a key: deployment failed.');
    const disabled = press(loaded(), 'sandbox', 'Enter');
    expect(disabled.listMessage).toBe('sandbox cannot take a key: subscription disabled.');
  });

  it('Enter on a ready deployment opens its key console and loads its keys; none goes on to naming', () => {
    const s = press(loaded(), 'Enter');
    expect([s.step, s.console.arriving]).toEqual(['keys', true]);
    expect(s.deployment).toBe(STAGE_WEB);
    expect(s.commands.slice(-2)).toMatchObject([
      { kind: 'loadKeys', deployment: STAGE_WEB },
      // What the sign-in may do there, asked of ARM beside the keys, for the review to say before Enter.
      { kind: 'permissions', deployment: STAGE_WEB },
    ]);
    expect(send(s, { type: 'keysLoaded', deployment: STAGE_WEB, keys: [] }).step).toBe('keyName');
    expect(send(s, { type: 'keysLoaded', deployment: STAGE_WEB, keys: [key('a')] }).step).toBe('keys');
    expect(send(s, { type: 'keysFailed', deployment: STAGE_WEB, problem: { message: 'HTTP 500' } }).step).toBe(
      'keyName',
    );
  });

  it('-d with one ready match skips the step; a failed match is shown instead', () => {
    expect(loaded({ deployment: 'WEB-01' })).toMatchObject({ step: 'keys', deployment: WEB });
    expect(loaded({ deployment: 'web-01', name: 'nlk-new' })).toMatchObject({ step: 'keyName', name: 'nlk-new' });
    const broken = loaded({ deployment: 'broken-01' });
    expect([broken.step, broken.filter]).toEqual(['chooseDeployment', 'broken-01']);
    expect(loaded({ deployment: 'nope' }).step).toBe('chooseDeployment');
  });

  it('-d that names nothing, or a deployment that cannot take a key, is said on the list', () => {
    const missing = loaded({ deployment: 'nosuch' });
    expect([missing.step, missing.listMessage]).toEqual([
      'chooseDeployment',
      "No deployment named 'nosuch' was found; choose one below.",
    ]);
    const broken = loaded({ deployment: 'broken-01' });
    expect([broken.step, broken.filter, broken.listMessage]).toEqual([
      'chooseDeployment',
      'broken-01',
      'broken-01 cannot take a key: deployment failed.',
    ]);
  });

  it('the cursor stays inside the list', () => {
    expect(press(loaded(), 'Down', 'Down', 'Down', 'Down', 'Down').cursor).toBe(3);
    expect(press(loaded(), 'Up', 'Up', 'Up', 'Up', 'Up').cursor).toBe(0);
  });
});

describe('naming the key', () => {
  it.each([
    ['', 'the key name is empty'],
    ['bad_name', "character '_' at position 4"],
    ['-x', 'must not start with a hyphen'],
    ['x'.repeat(31), 'too long by 1 character'],
  ])('refuses %j', (name, words) => {
    const s = press(atName(name), 'Enter');
    expect(s.step).toBe('keyName');
    expect(s.nameError).toContain(words);
  });

  it('waits for the existing keys before going on', () => {
    const chosen = press(loaded({ deployment: 'web-01' }), 'nlk-new', 'Enter');
    expect([chosen.step, chosen.nameWaiting]).toEqual(['keyName', true]);
    expect(send(chosen, { type: 'keysLoaded', deployment: WEB, keys: [] }).step).toBe('expiry');
    expect(send(chosen, { type: 'keysFailed', deployment: WEB, problem: { message: 'forbidden' } }).step).toBe(
      'expiry',
    );
  });

  it('ignores keys of a deployment no longer chosen', () => {
    const s = press(loaded({ deployment: 'web-01' }), 'x', 'Enter');
    expect(send(s, { type: 'keysLoaded', deployment: STAGE_WEB, keys: [] })).toBe(s);
  });

  it('Esc goes back to the console when the deployment has keys, else to the list', () => {
    expect(press(atName('abc'), 'Esc').step).toBe('keys');
    expect(press(atName('abc', []), 'Esc').step).toBe('chooseDeployment');
    expect(press(atName('abc'), 'Esc', 'Esc').step).toBe('chooseDeployment');
  });
});

describe('the expiry', () => {
  it('Enter takes six months', () => {
    const s = press(atExpiry(), 'Enter');
    expect(s.step).toBe('keyValue');
    expect(s.expiry.chosen?.toISOString()).toBe('2027-05-26T12:00:00.000Z');
  });

  it('arrows pick another preset', () => {
    expect(press(atExpiry(), 'Up', 'Up', 'Enter').expiry.chosen?.toISOString()).toBe('2026-12-26T12:00:00.000Z');
    expect(press(atExpiry(), 'Down', 'Down', 'Enter').expiry.chosen?.toISOString()).toBe('2028-11-26T11:50:00.000Z');
    expect(press(atExpiry(), 'Down', 'Down', 'Down', 'Enter').expiry.editing).toBe(true);
  });

  it('a date of your own: refused when past or beyond two years, taken when right', () => {
    const editing = press(atExpiry(), 'Down', 'Down', 'Down', 'Enter');
    expect(editing.expiry.editing).toBe(true);
    expect(press(editing, '2020-01-01', 'Enter').expiry.error).toContain('in the past');
    expect(press(editing, '2030-01-01', 'Enter').expiry.error).toContain('more than two years away');
    const ok = press(editing, '2027-03-01', 'Enter');
    expect([ok.step, ok.expiry.chosen?.toISOString()]).toEqual(['keyValue', '2027-03-01T23:59:59.000Z']);
    expect(press(editing, 'Esc').expiry.editing).toBe(false);
  });
});

describe('the key value', () => {
  it('Enter on an empty field asks for a generated key, which goes straight to review', () => {
    const s = press(atSecret(), 'Enter');
    expect(lastCommand(s)?.kind).toBe('generate');
    const generated = send(s, { type: 'secretGenerated', secret: 'a2345678-1234-4234-8234-123456789012' });
    expect([generated.step, generated.secretGenerated]).toEqual(['review', true]);
  });

  it.each([
    ['short1A-', 'at least 12 characters'],
    ['abcdefghijklmn', 'mix at least 3'],
    ['Abc def ghi 12', 'a space at position 4'],
  ])('Enter is refused for %j', (secret, words) => {
    const s = press(atSecret(), secret, 'Enter');
    expect(s.step).toBe('keyValue');
    expect(s.secretError).toContain(words);
  });

  it('a one-chunk paste ending in Enter is typed, then submitted', () => {
    const s = press(atSecret(), 'Abc-def-ghi-1\r');
    expect([s.step, s.secret]).toEqual(['review', 'Abc-def-ghi-1']);
  });

  it('backspaces inside a chunk delete, line feeds are dropped', () => {
    expect(press(atSecret(), 'Abcx\x7f-def\n').secret).toBe('Abc-def');
  });

  it('Tab shows and hides what was typed', () => {
    expect(press(atSecret(), 'Tab').secretShown).toBe(true);
    expect(press(atSecret(), 'Tab', 'Tab').secretShown).toBe(false);
  });
});

describe('what the sign-in may do', () => {
  it("the review says before Enter that Azure will refuse a create the sign-in may not make; another deployment's answer is not taken", () => {
    const review = atReview();
    const denied = send(review, { type: 'permissionsRead', deployment: WEB, write: false, delete: true });
    expect(permissionWarning(denied, 'write')).toBe(
      "Azure will refuse this: this sign-in lacks Nginx.NginxPlus/nginxDeployments/apiKeys/write on 'web-01': ask for the Contributor role on the deployment (or a custom role with that action).",
    );
    expect(
      permissionWarning(send(review, { type: 'permissionsRead', deployment: WEB, write: true, delete: true }), 'write'),
    ).toBeUndefined();
    expect(
      send(review, { type: 'permissionsRead', deployment: STAGE_WEB, write: false, delete: false }).permissions,
    ).toBeUndefined();
  });
});

describe('review and create', () => {
  it('Enter creates with exactly what was chosen', () => {
    const s = atCreating();
    expect(s.step).toBe('creating');
    expect(lastCommand(s)).toMatchObject({
      kind: 'create',
      deployment: WEB,
      name: 'fresh-key',
      secret: 'Abc-def-ghi-1',
      replace: false,
    });
  });

  it('replacing needs an explicit y', () => {
    const review = atReview('nlk-prod');
    const refused = press(review, 'Enter');
    expect([refused.step, refused.reviewError]).toEqual([
      'review',
      "Type y to replace the existing key 'nlk-prod', or Esc to go back.",
    ]);
    const s = press(review, 'y', 'Enter');
    expect(lastCommand(s)).toMatchObject({ kind: 'create', replace: true });
    expect(press(review, 'y', 'n', 'Enter').step).toBe('review');
  });

  it('the expiry is checked again at submit time', () => {
    const review = press(atExpiry(), 'Up', 'Up', 'Enter', 'Abc-def-ghi-1', 'Enter');
    const stale = press({ ...review, now: later(31 * 86_400_000) }, 'Enter');
    expect([stale.step, stale.reviewError]).toEqual(['review', expect.stringContaining('in the past')]);
  });

  it('Esc goes back; a generated key is forgotten, never shown', () => {
    const generated = send(press(atSecret(), 'Enter'), {
      type: 'secretGenerated',
      secret: 'a2345678-1234-4234-8234-123456789012',
    });
    const back = press(generated, 'Esc');
    expect([back.step, back.secret]).toEqual(['keyValue', '']);
    expect(press(atReview(), 'Esc').secret).toBe('Abc-def-ghi-1');
  });

  it('a failure says the ARM code; r retries, Esc goes back', () => {
    const failed = send(atCreating(), {
      type: 'createFailed',
      problem: { message: 'The secret text is weak', code: 'InvalidApiKeySecret' },
    });
    expect([failed.step, failed.createError?.code]).toEqual(['creating', 'InvalidApiKeySecret']);
    const retried = press(failed, 'r');
    expect(retried.commands.filter((c) => c.kind === 'create')).toHaveLength(2);
    expect(press(failed, 'Esc')).toMatchObject({ step: 'review', createError: undefined });
  });

  it('a key of that name made meanwhile: the keys are read again, and the review then asks to REPLACE', () => {
    const failed = send(atCreating(), {
      type: 'createFailed',
      problem: { message: "a key named 'fresh-key' appeared meanwhile", kind: 'alreadyExists' },
    });
    expect(lastCommand(failed)).toMatchObject({ kind: 'loadKeys', deployment: WEB });
    const read = send(failed, { type: 'keysLoaded', deployment: WEB, keys: [key('fresh-key', 90, 'f00')] });
    const review = press(read, 'Esc');
    expect([review.step, existingKey(review)?.name]).toEqual(['review', 'fresh-key']);
    // Enter alone no longer sends the same CREATE: replacing takes its own y.
    expect(press(review, 'Enter').commands.filter((c) => c.kind === 'create')).toHaveLength(1);
  });

  it('success reveals the key and checks it on the dataplane', () => {
    const s = atReveal();
    expect([s.step, s.result?.created, s.reveal.shown]).toEqual(['reveal', true, false]);
    expect(lastCommand(s)).toMatchObject({
      kind: 'verify',
      endpoint: WEB.dataplaneApiEndpoint,
      secret: 'Abc-def-ghi-1',
    });
  });

  it('a 200 for a key that existed is shown as replaced', () => {
    const s = send(press(atReview('nlk-prod'), 'y', 'Enter'), {
      type: 'createSucceeded',
      result: { key: key('nlk-prod'), created: false },
      now: NOW,
    });
    expect(s.result?.created).toBe(false);
  });
});

describe('the reveal panel', () => {
  it('r shows the key and it hides again after 30 seconds', () => {
    const shown = press(atReveal(), 'r');
    expect(shown.reveal.shown).toBe(true);
    expect(send(shown, { type: 'tick', now: later(29_000) }).reveal.shown).toBe(true);
    expect(send(shown, { type: 'tick', now: later(30_000) }).reveal.shown).toBe(false);
    expect(press(shown, 'r').reveal.shown).toBe(false);
  });

  it('r in a terminal too narrow to draw the key whole shows nothing and says why; wider, r shows it', () => {
    const atWidth = (s: WizardState, columns: number) =>
      transition(s, { type: 'input', input: 'r', key: {}, now: s.now, columns });
    // A generated key: 36 columns, two of indent, one the frame leaves: 39 columns.
    const generated = { ...atReveal(), secret: '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9', secretGenerated: true };
    const narrow = atWidth(generated, 38);
    expect([narrow.reveal.shown, narrow.reveal.shownAt]).toEqual([false, undefined]);
    expect(narrow.reveal.notice).toBe(
      'The terminal is too narrow to show the key whole (38 columns; it needs 39): widen it and press r again, or c copies it, h hands it off.',
    );
    const wide = atWidth(narrow, 39);
    expect([wide.reveal.shown, wide.reveal.notice]).toEqual([true, undefined]);
    // Not counted as seen: a generated key would still be deleted again on the way out.
    expect(newKeyUnseen(narrow)).toBe(true);
    expect(newKeyUnseen(wide)).toBe(false);
    // Shown whole, then the terminal narrowed under it: hidden, said why, and still counted as seen.
    const narrowed = send(wide, { type: 'resized', rows: 24, columns: 38 });
    expect([narrowed.reveal.shown, narrowed.reveal.notice, newKeyUnseen(narrowed)]).toEqual([
      false,
      expect.stringMatching(/^The terminal is too narrow to show the key whole \(38 columns; it needs 39\)/),
      false,
    ]);
    // Wide enough, nothing changes: what is shown stays shown.
    expect(send(wide, { type: 'resized', rows: 30, columns: 120 }).reveal.shown).toBe(true);
  });

  it('c copies through a command and says how', () => {
    const s = press(atReveal(), 'c');
    expect(lastCommand(s)).toMatchObject({ kind: 'copy', secret: 'Abc-def-ghi-1' });
    expect(send(s, { type: 'copied', message: 'Copied with xclip', ok: true }).reveal.copyMessage).toBe(
      'Copied with xclip',
    );
  });

  it('leaving asks whether the key was saved: y leaves, n stays, d deletes it', () => {
    const asking = press(atReveal(), 'r', 'q');
    expect([asking.reveal.askingToLeave, asking.reveal.shown]).toEqual([true, false]);
    expect(press(asking, 'n').reveal.askingToLeave).toBe(false);
    const done = press(asking, 'y');
    expect([done.step, done.exitCode, done.reveal.shown]).toEqual(['done', 0, false]);
    const deleting = press(press(atReveal(), 'Enter'), 'd');
    expect(lastCommand(deleting)).toMatchObject({ kind: 'deleteKey', deployment: WEB, name: 'fresh-key' });
    expect(send(deleting, { type: 'deleted', outcome: 'deleted' })).toMatchObject({ step: 'done', exitCode: 0 });
    expect(send(deleting, { type: 'deleteFailed', problem: { message: 'forbidden' } }).farewell).toContain(
      'nginxaas-keys delete',
    );
  });

  it('Esc does not go back once the key exists', () => {
    expect(press(atReveal(), 'Esc').step).toBe('reveal');
  });
});

describe('leaving after a REPLACE', () => {
  const replacedReveal = () =>
    send(press(atReview('nlk-prod'), 'y', 'Enter'), {
      type: 'createSucceeded',
      result: { key: key('nlk-prod', 181, 'Abc'), created: false },
      now: NOW,
    });

  it('d says that no key of that name is left, not that nothing is left behind', () => {
    const deleting = press(replacedReveal(), 'q', 'd');
    const done = send(deleting, { type: 'deleted', outcome: 'deleted' });
    expect(done.farewell).toContain('The key it replaced was already gone');
    expect(done.farewell).not.toContain('nothing is left behind');
  });

  it('only a Ctrl+C question offers a second Ctrl+C', () => {
    expect(press(replacedReveal(), 'q').reveal.askedByCtrlC).toBeUndefined();
    expect(press(replacedReveal(), 'CtrlC').reveal.askedByCtrlC).toBe(true);
  });
});

describe('the hand-off menu', () => {
  it('h opens it; a kind, then its destination (a default file); Enter issues the hand-off; Esc steps back', () => {
    const menu = press(atReveal(), 'r', 'h');
    expect([menu.reveal.handoff?.stage, menu.reveal.shown]).toEqual(['kind', false]);
    const nlk = press(menu, 'Enter');
    expect(nlk.reveal.handoff).toMatchObject({ stage: 'destination', text: 'nlk-values.yaml' });
    const issued = press(nlk, 'Enter');
    expect(issued.reveal.handoff?.stage).toBe('working');
    expect(lastCommand(issued)).toMatchObject({
      kind: 'handoff',
      target: { kind: 'nlk', path: 'nlk-values.yaml' },
      facts: { secret: 'Abc-def-ghi-1', keyName: 'fresh-key', endpoint: WEB.dataplaneApiEndpoint },
    });
    expect(press(nlk, 'Esc').reveal.handoff?.stage).toBe('kind');
    expect(press(menu, 'Esc').reveal.handoff).toBeUndefined();
  });

  it('the Key Vault default names the demo vault and the key; a bad URL is refused in the menu', () => {
    const withVault = { ...atReveal(), preset: { demoVault: 'contoso-keys.vault.azure.net' } };
    const vault = press(withVault, 'h', 'Down', 'Down', 'Down', 'Enter');
    expect(vault.reveal.handoff?.text).toBe('https://contoso-keys.vault.azure.net/secrets/fresh-key');
    const noVault = press(atReveal(), 'h', 'Down', 'Down', 'Down', 'Enter', 'Enter');
    expect(noVault.reveal.handoff).toMatchObject({
      stage: 'destination',
      error: expect.stringContaining('is not a URL'),
    });
  });

  it('a result is kept as a line; a refusal keeps the menu open with why', () => {
    const working = press(atReveal(), 'h', 'Enter', 'Enter');
    const done = send(working, {
      type: 'handedOff',
      result: { ok: true, said: 'nlk: wrote nlk-values.yaml (mode 0600)' },
    });
    expect([done.reveal.handoff, done.reveal.handedOff.length]).toEqual([undefined, 1]);
    const refused = send(working, {
      type: 'handedOff',
      result: { ok: false, said: "--emit nlk 'nlk-values.yaml' exists" },
    });
    expect(refused.reveal.handoff).toMatchObject({ stage: 'destination', error: expect.stringContaining('exists') });
    expect(refused.reveal.handedOff).toEqual([]);
  });

  it('a path git would commit is said once; Enter on the same path again writes it, another path is checked anew', () => {
    const working = press(atReveal(), 'h', 'Enter', 'Enter');
    const first = working.commands.at(-1);
    expect(first).toMatchObject({ kind: 'handoff', target: { path: 'nlk-values.yaml' } });
    expect(first).not.toHaveProperty('acceptExposed');
    const warned = send(working, {
      type: 'handedOff',
      result: { ok: false, said: 'git would commit it: …', exposedPath: 'nlk-values.yaml' },
    });
    expect(warned.reveal.handoff).toMatchObject({ stage: 'destination', warnedPath: 'nlk-values.yaml' });
    expect(press(warned, 'Enter').commands.at(-1)).toMatchObject({ kind: 'handoff', acceptExposed: true });
    const elsewhere = press(warned, 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'yml', 'Enter');
    expect(elsewhere.commands.at(-1)).toMatchObject({ kind: 'handoff', target: { path: 'nlk-values.yml' } });
    expect(elsewhere.commands.at(-1)).not.toHaveProperty('acceptExposed');
  });
});

describe('a hand-off over a file that exists', () => {
  it('is said once; Enter on the same path again replaces it, another path is checked anew', () => {
    const working = press(atReveal(), 'h', 'Enter', 'Enter');
    expect(working.commands.at(-1)).not.toHaveProperty('replaceExisting');
    const said = send(working, {
      type: 'handedOff',
      result: {
        ok: false,
        said: "'nlk-values.yaml' exists: Enter again replaces it, or type another path.",
        existingPath: 'nlk-values.yaml',
      },
    });
    expect(said.reveal.handoff).toMatchObject({ stage: 'destination', existingPath: 'nlk-values.yaml' });
    expect(press(said, 'Enter').commands.at(-1)).toMatchObject({
      kind: 'handoff',
      target: { path: 'nlk-values.yaml' },
      replaceExisting: true,
    });
    const elsewhere = press(said, 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'yml', 'Enter');
    expect(elsewhere.commands.at(-1)).toMatchObject({ kind: 'handoff', target: { path: 'nlk-values.yml' } });
    expect(elsewhere.commands.at(-1)).not.toHaveProperty('replaceExisting');
  });
});

describe('Ctrl+C', () => {
  it.each([
    ['the list', () => loaded()],
    ['the name', () => atName('x')],
    ['the expiry', () => atExpiry()],
    ['the key value', () => atSecret()],
    ['the review', () => atReview()],
  ])('on %s leaves with 130 and says nothing was created', (_where, at) => {
    expect(press(at(), 'CtrlC')).toMatchObject({
      step: 'cancelled',
      exitCode: 130,
      farewell: 'Cancelled. Nothing was created.',
    });
  });

  describe('while the key is being created', () => {
    const created = {
      type: 'createSucceeded',
      result: { key: key('fresh-key', 181, 'Abc'), created: true },
      now: NOW,
    } as const;
    const refused = { type: 'createFailed', problem: { message: 'no access', kind: 'forbidden' } } as const;
    const lost = {
      type: 'createFailed',
      problem: { message: 'the answer was lost', kind: 'network', uncertain: true },
    } as const;

    it('a first Ctrl+C lets the request finish, and says so; a second leaves with the key named as possibly live', () => {
      const held = press(atCreating(), 'CtrlC');
      expect([held.step, held.exitCode, held.leaving]).toEqual(['creating', undefined, 'key']);
      const gone = press(held, 'CtrlC');
      expect([gone.exitCode, gone.farewell]).toEqual([
        130,
        expect.stringContaining("Azure may have created key 'fresh-key'"),
      ]);
      expect(gone.farewell).toContain('nginxaas-keys show -d web-01 -g edge-rg');
      expect(gone.farewell).toContain('nginxaas-keys delete -d web-01 -g edge-rg');
      expect(gone.farewell).not.toContain('Nothing was created');
    });

    it.each([
      // first interruption, then the outcome: where the wizard ends up
      ['Ctrl+C, created', 'key', created, ['reveal', undefined]],
      ['Ctrl+C, refused', 'key', refused, ['cancelled', 130]],
      ['Ctrl+C, unknown', 'key', lost, ['creating', undefined]],
      ['signal, created', 'signal', created, ['cancelled', 130]],
      ['signal, refused', 'signal', refused, ['cancelled', 130]],
      ['signal, unknown', 'signal', lost, ['cancelled', 130]],
    ] as const)('%s', (_case, how, outcome, expected) => {
      const held = how === 'key' ? press(atCreating(), 'CtrlC') : send(atCreating(), { type: 'interrupted' });
      const after = send(held, outcome);
      expect([after.step, after.exitCode]).toEqual(expected);
      if (after.farewell)
        expect(after.farewell.startsWith('Cancelled. Nothing was created') === (outcome === refused)).toBe(true);
    });

    it('a key created after Ctrl+C is revealed with a word about it; one created after a signal is named for deletion', () => {
      expect(send(press(atCreating(), 'CtrlC'), created).reveal.notice).toContain(
        'Ctrl+C came while Azure was creating the key',
      );
      const signalled = send(send(atCreating(), { type: 'interrupted' }), created);
      expect(signalled.farewell).toContain("Key 'fresh-key' was created before the signal took effect");
      expect(signalled.farewell).toContain('nginxaas-keys delete');
    });

    it('an unknown outcome: r sends the same key again, Esc is refused, Ctrl+C leaves without claiming nothing was created', () => {
      const unknown = send(atCreating(), lost);
      const retried = press(unknown, 'r');
      const creates = retried.commands.filter((c) => c.kind === 'create');
      expect(creates).toHaveLength(2);
      expect(creates[0]).toMatchObject({ secret: 'Abc-def-ghi-1' });
      expect(creates[1]).toMatchObject({ secret: 'Abc-def-ghi-1' });
      expect(press(unknown, 'Esc').step).toBe('creating');
      const left = press(unknown, 'CtrlC');
      expect([left.exitCode, left.farewell]).toEqual([130, expect.stringContaining('Azure may have created')]);
    });
  });

  it('on the reveal panel, asks first; a second Ctrl+C leaves with words about the live key', () => {
    const once = press(atReveal(), 'r', 'CtrlC');
    expect([once.exitCode, once.reveal.askingToLeave, once.reveal.shown]).toEqual([undefined, true, false]);
    const twice = press(once, 'CtrlC');
    expect(twice.exitCode).toBe(130);
    expect(twice.farewell).toContain("Key 'fresh-key' was created and is active");
    expect(twice.farewell).toContain('nginxaas-keys delete');
  });

  it('a signal from outside leaves at once, the key masked, with words about a live key', () => {
    const shown = send(press(atReveal(), 'r'), { type: 'interrupted' });
    expect([shown.exitCode, shown.reveal.shown]).toEqual([130, false]);
    expect(shown.farewell).toContain("Key 'fresh-key' was created and is active");
    expect(send(atExpiry(), { type: 'interrupted' }).farewell).toBe('Cancelled. Nothing was created.');
  });

  describe('a generated key no one holds yet (never shown, copied or handed off) is never left live', () => {
    const generatedReview = () =>
      send(press(atSecret(), 'Enter'), { type: 'secretGenerated', secret: 'a2345678-1234-4234-8234-123456789012' });
    const creatingGenerated = () => press(generatedReview(), 'Enter');
    const createdEvent: WizardEvent = {
      type: 'createSucceeded',
      result: { key: key('fresh-key', 181, 'a23'), created: true },
      now: NOW,
    };
    const revealGenerated = () => send(creatingGenerated(), createdEvent);
    const deletes = (s: WizardState) => s.commands.filter((c) => c.kind === 'deleteKey');

    it('"have you saved it?" offers no y, and y changes nothing', () => {
      const asked = press(revealGenerated(), 'q');
      expect(asked.reveal.askingToLeave).toBe(true);
      expect(press(asked, 'y')).toEqual(asked);
      // Once it is shown, it is held: y leaves as before.
      const seen = press(revealGenerated(), 'r', 'r', 'q', 'y');
      expect([seen.step, seen.exitCode]).toEqual(['done', 0]);
    });

    it.each([
      ['a second Ctrl+C', (s: WizardState) => press(s, 'CtrlC', 'CtrlC')],
      ['q, then Ctrl+C', (s: WizardState) => press(s, 'q', 'CtrlC')],
      ['a signal', (s: WizardState) => send(s, { type: 'interrupted' })],
    ] as const)('%s deletes it again before leaving with 130', (how, leave) => {
      const leaving = leave(revealGenerated());
      expect([leaving.exitCode, leaving.reveal.deleting, deletes(leaving)]).toEqual([
        undefined,
        true,
        [expect.objectContaining({ name: 'fresh-key' })],
      ]);
      const gone = send(leaving, { type: 'deleted', outcome: 'deleted' });
      expect([gone.step, gone.exitCode]).toEqual(['cancelled', 130]);
      expect(gone.farewell).toContain("Deleted key 'fresh-key' again, because no one held it");
      const refused = send(leaving, {
        type: 'deleteFailed',
        problem: { kind: 'forbidden', message: 'AuthorizationFailed' },
      });
      // A person is there to take the key (below); a signal ends the run all the same.
      expect(refused.exitCode).toBe(how === 'a signal' ? 1 : undefined);
    });

    it('Ctrl+C once more while it is being deleted leaves at once, saying it may still be live', () => {
      const left = press(revealGenerated(), 'CtrlC', 'CtrlC', 'CtrlC');
      expect(left.exitCode).toBe(130);
      expect(left.farewell).toContain("Left while key 'fresh-key' was being deleted again: it may still be active");
      expect(left.farewell).toContain('nginxaas-keys delete');
      expect(deletes(left)).toHaveLength(1);
    });

    it('a signal while Azure creates it: the created key is deleted again, not left for the person to find', () => {
      const made = send(send(creatingGenerated(), { type: 'interrupted' }), createdEvent);
      expect([made.exitCode, made.reveal.deleting, deletes(made).length]).toEqual([undefined, true, 1]);
      expect(made.commands.some((c) => c.kind === 'verify')).toBe(false);
      expect(send(made, { type: 'deleted', outcome: 'deleted' }).exitCode).toBe(130);
    });

    it.each([
      ['shown', ['r']],
      ['copied', []],
      ['handed off', []],
    ] as const)('once %s, a second Ctrl+C leaves it live, named with its delete command', (how, keys) => {
      let held = press(revealGenerated(), ...keys);
      if (how === 'copied') held = send(press(held, 'c'), { type: 'copied', ok: true, message: 'Copied.' });
      if (how === 'handed off')
        held = send(held, { type: 'handedOff', result: { ok: true, said: 'Wrote ./nlk-values.yaml (0600).' } });
      const left = press(held, 'CtrlC', 'CtrlC');
      expect([left.exitCode, deletes(left)]).toEqual([130, []]);
      expect(left.farewell).toContain("Key 'fresh-key' was created and is active");
    });

    it('one Ctrl+C or signal while its d is deleting it waits for that answer, then leaves; a second leaves at once', () => {
      const deleting = press(revealGenerated(), 'q', 'd');
      expect(deletes(deleting)).toHaveLength(1);
      for (const waited of [press(deleting, 'CtrlC'), send(deleting, { type: 'interrupted' })]) {
        expect([waited.exitCode, deletes(waited).length, waited.reveal.leavingUnheld]).toEqual([undefined, 1, true]);
        const gone = send(waited, { type: 'deleted', outcome: 'deleted' });
        expect([gone.step, gone.exitCode]).toEqual(['cancelled', 130]);
      }
      const left = press(deleting, 'CtrlC', 'CtrlC');
      expect(left.exitCode).toBe(130);
      expect(left.farewell).toContain('it may still be active, and no one holds its secret');
    });

    it('a DELETE again that fails goes back to the panel to take the key, unless a signal asked to stop', () => {
      const problem = { kind: 'forbidden' as const, message: 'AuthorizationFailed' };
      for (const leaving of [press(revealGenerated(), 'CtrlC', 'CtrlC'), press(revealGenerated(), 'q', 'd')]) {
        const back = send(leaving, { type: 'deleteFailed', problem });
        expect([back.step, back.exitCode, back.reveal.deleting, back.reveal.askingToLeave]).toEqual([
          'reveal',
          undefined,
          false,
          false,
        ]);
        expect(back.reveal.notice).toContain('It is still active and no one holds it: take it now');
        // Taken now, it may be left live.
        expect(press(back, 'r', 'q', 'y').exitCode).toBe(0);
      }
      const signalled = send(send(revealGenerated(), { type: 'interrupted' }), { type: 'deleteFailed', problem });
      expect(signalled.exitCode).toBe(1);
      expect(signalled.farewell).toContain('It is still active, and no one holds its secret; delete it with:');
    });

    it('a copy sent to the terminal only (OSC 52) is not counted: y is offered (the person knows), Ctrl+C twice deletes', () => {
      const sent = send(press(revealGenerated(), 'c'), {
        type: 'copied',
        message: 'Sent to the terminal clipboard (OSC 52) only',
        ok: false,
        unsure: true,
      });
      expect([sent.reveal.copied, sent.reveal.copiedUnsure]).toEqual([false, true]);
      expect(press(sent, 'q', 'y').exitCode).toBe(0);
      const left = press(sent, 'CtrlC', 'CtrlC');
      expect(deletes(left)).toHaveLength(1);
      expect(send(left, { type: 'deleted', outcome: 'deleted' }).farewell).toContain(
        "only sent to the terminal's clipboard, which may not have taken it",
      );
    });

    it('leaving while it is not known whether Azure made it: deleted again if the name was free, never if it replaced one', () => {
      const lost: WizardEvent = {
        type: 'createFailed',
        problem: { message: 'the answer was lost', kind: 'network', uncertain: true },
      };
      for (const leave of [
        (s: WizardState) => press(s, 'CtrlC'),
        (s: WizardState) => send(s, { type: 'interrupted' }),
      ]) {
        const unknown = leave(send(creatingGenerated(), lost));
        // Only the key this run sent: the name may be someone else's by now.
        expect([unknown.exitCode, deletes(unknown)]).toEqual([
          undefined,
          [expect.objectContaining({ name: 'fresh-key', onlyIfSentHere: true })],
        ]);
        // Sending it anew would race that DELETE: r and Esc do nothing meanwhile.
        expect(press(unknown, 'r', 'Esc')).toEqual(unknown);
        expect(send(unknown, { type: 'deleted', outcome: 'absent', notOurs: true }).farewell).toContain(
          "not the one this run sent (another hint or expiry): someone else's, left alone",
        );
        expect(send(unknown, { type: 'deleted', outcome: 'deleted' }).farewell).toBe(
          "Azure had created key 'fresh-key', and no one held its value: deleted again, nothing is left behind.",
        );
        expect(send(unknown, { type: 'deleted', outcome: 'absent' }).exitCode).toBe(130);
        const twice = leave(unknown);
        expect([twice.exitCode, deletes(twice).length]).toEqual([130, 1]);
        expect(twice.farewell).toContain('Azure may have created');
      }
      // A signal during the PUT whose answer is then lost: the same.
      expect(deletes(send(send(creatingGenerated(), { type: 'interrupted' }), lost))).toHaveLength(1);
      // The name was taken at the review: the PUT may have replaced that key, or not. Nothing is deleted.
      const replacing = send(
        press(
          send(press(atSecret('nlk-prod'), 'Enter'), {
            type: 'secretGenerated',
            secret: 'a2345678-1234-4234-8234-123456789012',
          }),
          'y',
          'Enter',
        ),
        lost,
      );
      expect(replacing.step).toBe('creating');
      const left = press(replacing, 'CtrlC');
      expect([left.exitCode, deletes(left)]).toEqual([130, []]);
    });

    it('a copy or hand-off under way when it is left: its outcome decides, held and named or deleted again', () => {
      const copying = press(revealGenerated(), 'c', 'CtrlC', 'CtrlC');
      expect([copying.exitCode, deletes(copying), copying.reveal.leavingUnheld]).toEqual([undefined, [], true]);
      const copied = send(copying, { type: 'copied', message: 'Copied with xclip.', ok: true });
      expect([copied.exitCode, deletes(copied)]).toEqual([130, []]);
      expect(copied.farewell).toContain("Key 'fresh-key' was created and is active");
      const failed = send(copying, { type: 'copied', message: 'could not copy', ok: false });
      expect([failed.exitCode, deletes(failed).length]).toEqual([undefined, 1]);
      const writing = send(press(revealGenerated(), 'h', 'Enter', 'Enter'), { type: 'interrupted' });
      expect([writing.reveal.handoff?.stage, deletes(writing)]).toEqual(['working', []]);
      const written = send(writing, { type: 'handedOff', result: { ok: true, said: 'nlk: wrote nlk-values.yaml' } });
      expect([written.exitCode, deletes(written)]).toEqual([130, []]);
      // A vault store whose answer was lost: the key is deleted again, and that version named as dead.
      const vault = 'https://v.vault.azure.net/secrets/fresh-key';
      const doubtful = send(writing, {
        type: 'handedOff',
        result: { ok: false, said: 'keyvault: lost', inDoubt: vault },
      });
      const gone = send(doubtful, { type: 'deleted', outcome: 'deleted' });
      expect(gone.farewell).toContain(`If the newest version of ${vault} holds it, that value is dead now`);
      expect(gone.farewell).not.toContain('nothing is left behind');
    });

    it('after the face: a DELETE the machine left under way is made again; one that answered is not', async () => {
      const { wizardCustody } = await import('../../src/cli/wizard-custody');
      const deleted: string[] = [];
      const gateway = {
        deleteKey: async (_ref: unknown, name: string) => {
          deleted.push(name);
          return 'deleted' as const;
        },
      } as unknown as Parameters<ReturnType<typeof wizardCustody>['settle']>[0];
      const said: string[] = [];
      const settle = async (state: WizardState) => {
        const custody = wizardCustody({ stderr: { write: (text: string) => said.push(text) } } as never);
        custody.watch(state);
        await custody.settle(gateway);
      };
      // Ctrl+C three times: the machine leaves while its DELETE is under way, and the run cuts it short.
      await settle(press(revealGenerated(), 'CtrlC', 'CtrlC', 'CtrlC'));
      expect(deleted).toEqual(['fresh-key']);
      // The DELETE answered, or failed and said so: settled by the machine.
      await settle(send(press(revealGenerated(), 'CtrlC', 'CtrlC'), { type: 'deleted', outcome: 'deleted' }));
      await settle(
        send(send(revealGenerated(), { type: 'interrupted' }), {
          type: 'deleteFailed',
          problem: { kind: 'forbidden', message: 'AuthorizationFailed' },
        }),
      );
      // A key someone holds is never deleted after the face.
      await settle(press(revealGenerated(), 'r', 'CtrlC', 'CtrlC'));
      expect(deleted).toEqual(['fresh-key']);
      expect(said.join('')).toContain("Key 'fresh-key' was deleted again");
      // A second interruption while a hand-off was under way cut it short: the key is deleted after the face.
      const writing = send(press(revealGenerated(), 'h', 'Enter', 'Enter'), { type: 'interrupted' });
      const cut = send(writing, { type: 'interrupted' });
      expect([cut.exitCode, deletes(cut)]).toEqual([130, []]);
      expect(cut.farewell).toContain("Left while key 'fresh-key' was being handed to the NLK Helm values file");
      expect(cut.farewell).toContain('so it is being deleted again');
      await settle(cut);
      expect(deleted).toEqual(['fresh-key', 'fresh-key']);
      expect(said.at(-1)).toContain('its hand-off to the NLK Helm values file');
      // A key that replaced one: both words say that no key of that name is left.
      const replacing = { ...writing, result: { ...writing.result!, created: false } };
      const cutReplace = send(replacing, { type: 'interrupted' });
      // Said once the DELETE has answered, by the settle, not before it is sent.
      expect(cutReplace.farewell).not.toContain('no key of that name is left');
      await settle(cutReplace);
      expect(said.at(-1)).toContain('The key it replaced was already gone: no key of that name is left');
      expect(deleted).toEqual(['fresh-key', 'fresh-key', 'fresh-key']);
      // A hand-off that ended (and held the key) before the face went: nothing more.
      await settle(send(writing, { type: 'handedOff', result: { ok: true, said: 'nlk: wrote nlk-values.yaml' } }));
      expect(deleted).toHaveLength(3);
    });

    it('a copy that failed does not count as holding it', () => {
      const failed = send(press(revealGenerated(), 'c'), { type: 'copied', ok: false, message: 'no clipboard' });
      expect(deletes(press(failed, 'CtrlC', 'CtrlC'))).toHaveLength(1);
    });
  });

  it('the summary of answered steps after Ctrl+C marks only those really answered', async () => {
    const { answeredView } = await import('../../src/ui/components/answered');
    expect(answeredView(press(loaded(), 'CtrlC'))).toEqual([]);
    const typedNotSubmitted = press(atName('half-typed'), 'CtrlC');
    expect(answeredView(typedNotSubmitted).map(([label]) => label)).toEqual(['Deployment']);
    expect(answeredView(press(atSecret(), 'CtrlC')).map(([label]) => label)).toEqual([
      'Deployment',
      'Key name',
      'Expires',
    ]);
  });

  it('a finished wizard ignores everything after', () => {
    const done = press(atReveal(), 'q', 'y');
    expect(press(done, 'r', 'CtrlC')).toBe(done);
  });
});

describe('the whole flow from one chunk of keys', () => {
  it('name, default expiry and generate in one write are applied in order', () => {
    const s = press(atName(), 'nlk-new\r\r\r');
    expect(s.step).toBe('keyValue');
    expect(s.name).toBe('nlk-new');
    expect(lastCommand(s)?.kind).toBe('generate');
  });
});

describe('the key console', () => {
  const OLD_CI = key('old-ci', -3, '08d');
  const NLK = key('nlk-prod', 20, 'ef0');
  const ASG = key('asg-sync', 149, '511');
  const atConsole = (keys = [ASG, NLK, OLD_CI]) =>
    send(press(loaded({ deployment: 'web-01' })), { type: 'keysLoaded', deployment: WEB, keys });

  it('lists the keys soonest expiry first; ↑↓ move within them; Esc goes back to the deployments', () => {
    const s = atConsole();
    expect(consoleKeys(s).map((k) => k.name)).toEqual(['old-ci', 'nlk-prod', 'asg-sync']);
    expect(press(s, 'Down', 'Down', 'Down').console.cursor).toBe(2);
    expect(press(s, 'Down', 'Up', 'Up').console.cursor).toBe(0);
    expect(press(s, 'Esc').step).toBe('chooseDeployment');
    expect(markOf(s.fleet, WEB.id)).toEqual({ keys: 3, expired: 1, expiring: 1 });
  });

  it('q leaves with 0, saying what the console changed (or that nothing was)', () => {
    const untouched = press(atConsole(), 'q');
    expect([untouched.exitCode, untouched.farewell]).toEqual([0, 'Nothing was changed.']);
    const deleted = send(press(atConsole(), 'd', 'old-ci', 'Enter'), { type: 'deleted', outcome: 'deleted' });
    const left = press(send(deleted, { type: 'keysLoaded', deployment: WEB, keys: [ASG, NLK] }), 'q');
    expect([left.exitCode, left.farewell]).toEqual([0, "Done: Deleted key 'old-ci'."]);
  });

  it('n starts a new key with an empty name, and the steps are the usual ones', () => {
    const s = press(atConsole(), 'n');
    expect([s.step, s.name]).toEqual(['keyName', '']);
  });

  it('d asks for the name; a wrong one is refused; the right one deletes, then the keys are read again', () => {
    const asking = press(atConsole(), 'd');
    expect(asking.console.confirm).toMatchObject({ kind: 'delete', key: OLD_CI, typed: '' });
    const wrong = press(asking, 'old', 'Enter');
    expect(wrong.console.confirm?.error).toBe("Type the key's name, old-ci, exactly; Esc keeps the key.");
    expect(wrong.commands).toEqual(asking.commands);
    const working = press(asking, 'old-ci', 'Enter');
    expect(lastCommand(working)).toMatchObject({ kind: 'deleteKey', name: 'old-ci', deployment: WEB });
    expect(press(working, 'x', 'Esc')).toEqual(working);
    const done = send(working, { type: 'deleted', outcome: 'deleted' });
    expect([done.step, done.console.confirm, done.console.message?.text, done.keys]).toEqual([
      'keys',
      undefined,
      "Deleted key 'old-ci'. Whatever used it is refused from now on.",
      'loading',
    ]);
    expect(lastCommand(done)).toMatchObject({ kind: 'loadKeys', deployment: WEB });
    const failed = send(working, { type: 'deleteFailed', problem: { message: 'HTTP 409' } });
    expect([failed.exitCode, failed.console.confirm?.working, failed.console.confirm?.error]).toEqual([
      undefined,
      false,
      'Could not delete it: HTTP 409. It is still active.',
    ]);
    expect(press(asking, 'Esc').console.confirm).toBeUndefined();
  });

  it('Ctrl+C after the console changed Azure says what it changed, not that nothing was', () => {
    const deleted = send(press(atConsole(), 'd', 'old-ci', 'Enter'), { type: 'deleted', outcome: 'deleted' });
    const left = press(deleted, 'CtrlC');
    expect([left.exitCode, left.farewell]).toEqual([130, "Cancelled. Done before that: Deleted key 'old-ci'."]);
    expect(press(atConsole(), 'CtrlC').farewell).toBe('Cancelled. Nothing was created.');
  });

  describe("a first Ctrl+C or signal while the console's delete is in flight lets it finish, as `delete` does", () => {
    const deleting = () => press(atConsole(), 'd', 'old-ci', 'Enter');
    const interrupted = (how: 'key' | 'signal', s: WizardState) =>
      how === 'key' ? press(s, 'CtrlC') : send(s, { type: 'interrupted' });

    it.each(['key', 'signal'] as const)('by %s: held, then the run ends with what Azure did', (how) => {
      const held = interrupted(how, deleting());
      expect([held.step, held.exitCode, held.leaving, held.commands]).toEqual([
        'keys',
        undefined,
        how,
        deleting().commands,
      ]);
      const deleted = send(held, { type: 'deleted', outcome: 'deleted' });
      expect([deleted.step, deleted.exitCode, deleted.farewell]).toEqual([
        'cancelled',
        130,
        "Cancelled, but only after Azure deleted key 'old-ci'.",
      ]);
      const refused = send(held, { type: 'deleteFailed', problem: { message: 'HTTP 409', kind: 'forbidden' } });
      expect(refused.farewell).toBe("Cancelled. Could not delete key 'old-ci': HTTP 409. It is still active.");
      const lost = send(held, {
        type: 'deleteFailed',
        problem: { message: 'the connection was reset', kind: 'network' },
      });
      expect(lost.farewell).toMatch(
        /^Cancelled\. Deleting key 'old-ci' got no answer \(the connection was reset\): it may be gone already\. Check with:\n.*show/,
      );
    });

    it('a 204 (a retry meeting what the unanswered first try did) is said as deleted, as `delete` says it', () => {
      const absent = send(deleting(), { type: 'deleted', outcome: 'absent' });
      expect(absent.console.message?.text).toBe("Deleted key 'old-ci'. Whatever used it is refused from now on.");
      const left = send(press(deleting(), 'CtrlC'), { type: 'deleted', outcome: 'absent' });
      expect(left.farewell).toBe("Cancelled, but only after Azure deleted key 'old-ci'.");
    });

    it('a second interruption leaves at once, and says the outcome is not known', () => {
      const left = press(press(deleting(), 'CtrlC'), 'CtrlC');
      expect([left.step, left.exitCode]).toEqual(['cancelled', 130]);
      expect(left.farewell).toMatch(
        /^Left while key 'old-ci' was being deleted: Azure may or may not have done it\. Check with:\n/,
      );
      expect(left.farewell).not.toContain('Nothing was created');
    });

    it('what the console did before is said after it', () => {
      const first = send(deleting(), { type: 'deleted', outcome: 'deleted' });
      const reread = send(first, { type: 'keysLoaded', deployment: WEB, keys: [ASG, NLK] });
      const second = press(reread, 'd', 'nlk-prod', 'Enter');
      const ended = send(press(second, 'CtrlC'), { type: 'deleted', outcome: 'deleted' });
      expect(ended.farewell).toBe(
        "Cancelled, but only after Azure deleted key 'nlk-prod'. Done before that: Deleted key 'old-ci'.",
      );
    });

    it('without an interruption, an answer that was lost is not called a failure to delete', () => {
      const lost = send(deleting(), { type: 'deleteFailed', problem: { message: 'timed out', kind: 'network' } });
      expect([lost.exitCode, lost.console.confirm?.error]).toEqual([
        undefined,
        'Deleting it got no answer (timed out): it may be gone already; Enter tries again (a key already gone is said so).',
      ]);
    });
  });

  it('after the last key is deleted the console stays, empty, rather than jumping', () => {
    const done = send(press(atConsole([OLD_CI]), 'd', 'old-ci', 'Enter'), { type: 'deleted', outcome: 'deleted' });
    expect(send(done, { type: 'keysLoaded', deployment: WEB, keys: [] }).step).toBe('keys');
  });

  describe('e gives the selected key a new expiry', () => {
    const atNlk = () => press(atConsole(), 'Down', 'e');

    it('opens the expiry choice on six months; Enter asks for that date, the same key, no secret', () => {
      const asking = atNlk();
      expect(asking.console.extend).toMatchObject({ key: NLK, expiry: { cursor: 2, editing: false } });
      const working = press(asking, 'Enter');
      const command = lastCommand(working);
      expect(command).toMatchObject({ kind: 'extendKey', deployment: WEB, key: NLK });
      expect(command).not.toHaveProperty('secret');
      expect(command?.kind === 'extendKey' && command.endDateTime.toISOString()).toBe('2027-05-26T12:00:00.000Z');
      expect(working.console.extend?.working).toBe(true);
      expect(press(working, 'Esc', 'Down')).toEqual(working);
    });

    it('a date of its own is checked by the same rules; Esc steps back out', () => {
      const editing = press(atNlk(), 'Down', 'Down', 'Down', 'Enter');
      expect(editing.console.extend?.expiry.editing).toBe(true);
      const refused = press(editing, '3y', 'Enter');
      expect(refused.console.extend?.expiry.error).toMatch(/more than two years away/);
      expect(refused.commands).toEqual(editing.commands);
      const back = press(editing, 'Esc', 'Esc');
      expect([back.step, back.console.extend]).toEqual(['keys', undefined]);
    });

    it('done: said, counted among the changes, and the keys are read again', () => {
      const moved = { ...NLK, endDateTime: later(181 * 86_400_000) };
      const done = send(press(atNlk(), 'Enter'), { type: 'extended', key: moved, previous: NLK });
      expect(done.console.extend).toBeUndefined();
      expect(done.console.message?.text).toBe(
        "Key 'nlk-prod' now expires 2027-05-26 12:00 UTC; its secret is the same.",
      );
      expect(lastCommand(done)).toMatchObject({ kind: 'loadKeys', deployment: WEB });
      expect(press(done, 'q').farewell).toBe("Done: Key 'nlk-prod' now expires 2027-05-26 12:00 UTC.");
      // Read again, the key sorts after asg-sync now: the selection goes with it.
      const reread = send(done, { type: 'keysLoaded', deployment: WEB, keys: [ASG, moved, OLD_CI] });
      expect(consoleKeys(reread)[reread.console.cursor]?.name).toBe('nlk-prod');
    });

    it('a first Ctrl+C or signal while it is sent lets it finish, then ends with what Azure did', () => {
      const moved = { ...NLK, endDateTime: later(181 * 86_400_000) };
      const held = press(press(atNlk(), 'Enter'), 'CtrlC');
      expect([held.step, held.exitCode, held.leaving]).toEqual(['keys', undefined, 'key']);
      const done = send(held, { type: 'extended', key: moved, previous: NLK });
      expect([done.step, done.exitCode, done.farewell]).toEqual([
        'cancelled',
        130,
        "Cancelled, but only after Azure moved the expiry of key 'nlk-prod' to 2027-05-26 12:00 UTC; its secret is the same.",
      ]);
      const signalled = send(send(press(atNlk(), 'Enter'), { type: 'interrupted' }), {
        type: 'extendFailed',
        problem: { message: 'the request timed out', kind: 'network' },
      });
      expect(signalled.farewell).toMatch(
        /^Cancelled\. Moving the expiry of key 'nlk-prod' got no answer \(the request timed out\): it may have moved\. Check with:\n/,
      );
      const twice = press(held, 'CtrlC');
      expect([twice.exitCode, twice.farewell]).toEqual([
        130,
        expect.stringMatching(
          /^Left while the expiry of key 'nlk-prod' was being moved to 2027-05-26 12:00 UTC: Azure may or may not have done it\./,
        ),
      ]);
    });

    it('failed: said under the choice, which stays for another try', () => {
      const failed = send(press(atNlk(), 'Enter'), {
        type: 'extendFailed',
        problem: { message: 'Azure would not change the expiry without its value' },
      });
      expect(failed.console.extend).toMatchObject({
        working: false,
        failed: 'Could not change it: Azure would not change the expiry without its value.',
      });
    });

    describe('an expiry earlier than the current one is a question of its own, with no default', () => {
      // asg-sync has 149 days left; "30 days" is 119 days sooner.
      const atAsg = () => press(atConsole(), 'Down', 'Down', 'e');
      const asked = () => press(atAsg(), 'Up', 'Up', 'Enter');

      it('Enter on "30 days" sends nothing: it names the choice as shorter, and by how many days', () => {
        const s = asked();
        expect(s.commands).toEqual(atAsg().commands);
        expect(s.console.extend?.shorter).toMatchObject({
          label: '30 days',
          days: 119,
          words: '119 days sooner than it expires now',
        });
        expect(s.console.extend?.working).toBeUndefined();
      });

      it('Enter alone, or any other key, does nothing; y sends the shorter expiry', () => {
        const s = asked();
        expect(press(s, 'Enter')).toEqual(s);
        expect(press(s, 'x', 'Down', 'Enter')).toEqual(s);
        const sent = press(s, 'y');
        const command = lastCommand(sent);
        expect(command).toMatchObject({ kind: 'extendKey', key: ASG });
        expect(command?.kind === 'extendKey' && command.endDateTime.toISOString()).toBe('2026-12-26T12:00:00.000Z');
        expect(sent.console.extend).toMatchObject({ working: true });
        expect(sent.console.extend?.shorter).toBeUndefined();
      });

      it('n or Esc goes back to the choice, nothing sent; a longer one then goes at once', () => {
        for (const no of ['n', 'Esc'] as const) {
          const back = press(asked(), no);
          expect(back.commands).toEqual(atAsg().commands);
          expect(back.console.extend?.shorter).toBeUndefined();
          expect(back.console.extend?.key).toEqual(ASG);
          expect(lastCommand(press(back, 'Down', 'Down', 'Down', 'Enter'))).toMatchObject({
            kind: 'extendKey',
            key: ASG,
          });
        }
      });

      it('a longer expiry asks nothing more: 6 months for a key with 20 days left goes at once', () => {
        expect(lastCommand(press(atNlk(), 'Enter'))).toMatchObject({ kind: 'extendKey', key: NLK });
      });
    });

    it('an expired key is not extended: the console says so and names rotate', () => {
      const s = press(atConsole(), 'e');
      expect(s.console.extend).toBeUndefined();
      expect(s.console.message).toEqual({
        ok: false,
        text: "key 'old-ci' expired on 2026-11-23 12:00 UTC; an expired key is not given a new life (whatever held it has been refused since): rotate it instead (r).",
      });
    });
  });

  describe('r rotates the selected key', () => {
    const confirmed = () => press(atConsole(), 'Down', 'r', 'Enter');
    const created = () => {
      const generated = send(confirmed(), { type: 'secretGenerated', secret: 'new-secret-uuid' });
      return send(generated, {
        type: 'createSucceeded',
        result: { key: key('nlk-prod-2', 181, 'new'), created: true },
        now: NOW,
      });
    };

    it('Enter generates a key under the first free name, created beside the old one', () => {
      const s = confirmed();
      expect([s.name, s.rotation?.stage, lastCommand(s)?.kind]).toEqual(['nlk-prod-2', 'creating', 'generate']);
      const generated = send(s, { type: 'secretGenerated', secret: 'new-secret-uuid' });
      expect(generated.step).toBe('creating');
      expect(lastCommand(generated)).toMatchObject({ kind: 'create', name: 'nlk-prod-2', replace: false });
    });

    it('the new key is shown and checked; once shown, Enter checks it again, then the old one is deleted', () => {
      const shown = created();
      expect([shown.step, shown.rotation?.stage, lastCommand(shown)?.kind]).toEqual(['reveal', 'shown', 'verify']);
      const again = press(send(shown, { type: 'verified', result: { ok: true, status: 200 } }), 'r', 'Enter');
      expect([again.rotation?.stage, lastCommand(again)]).toMatchObject([
        'reverifying',
        { kind: 'verify', again: true },
      ]);
      const retiring = send(again, { type: 'verified', result: { ok: true, status: 200 }, again: true });
      expect(lastCommand(retiring)).toMatchObject({ kind: 'deleteKey', name: 'nlk-prod' });
      const done = send(retiring, { type: 'deleted', outcome: 'deleted' });
      expect([done.step, done.rotation, done.console.message]).toEqual([
        'keys',
        undefined,
        { ok: true, text: "Rotated: the dataplane takes 'nlk-prod-2'; 'nlk-prod' deleted." },
      ]);
      expect(lastCommand(done)).toMatchObject({ kind: 'loadKeys' });
    });

    it('a rotation done, or stopped with both keys, is said again when the wizard is left', () => {
      const again = press(created(), 'r', 'Enter');
      const retiring = send(again, { type: 'verified', result: { ok: true, status: 200 }, again: true });
      const done = send(retiring, { type: 'deleted', outcome: 'deleted' });
      expect(press(done, 'CtrlC').farewell).toBe(
        "Cancelled. Done before that: Rotated: created key 'nlk-prod-2', 'nlk-prod' deleted.",
      );
      expect(press(created(), 'r', 'Esc', 'y', 'CtrlC').farewell).toBe(
        "Cancelled. Done before that: Created key 'nlk-prod-2' beside 'nlk-prod' (rotation stopped).",
      );
    });

    it('a refused second check keeps both keys and says so; Esc stops there with the finishing command', () => {
      const again = press(created(), 'Enter', 'd');
      const refused = send(again, {
        type: 'verified',
        result: { ok: false, status: 401, message: 'refused' },
        again: true,
      });
      expect(refused.rotation?.problem).toBe(
        "The dataplane refused 'nlk-prod-2': refused. Both keys stay: Enter checks again, Esc stops here.",
      );
      // No one holds the new key: it cannot stay live, so y is not offered and does nothing.
      expect(press(refused, 'Esc', 'y').rotation?.stage).toBe('stopping');
      const stopped = press(refused, 'r', 'Esc', 'y');
      expect([stopped.step, stopped.console.message?.ok]).toEqual(['keys', false]);
      expect(stopped.console.message?.text).toBe(
        `Rotation stopped: both keys stay, 'nlk-prod' and the new 'nlk-prod-2'. Once nothing uses 'nlk-prod', delete it:\n$ nginxaas-keys delete -d web-01 -g edge-rg --subscription ${WEB.subscriptionId} --name nlk-prod\n`,
      );
    });

    it('Esc on the panel asks first: the new key is live; n and Esc go back to the panel', () => {
      const asked = press(created(), 'Esc');
      expect([asked.step, asked.rotation?.stage, asked.commands.length]).toEqual([
        'reveal',
        'stopping',
        created().commands.length,
      ]);
      expect(press(asked, 'n').rotation?.stage).toBe('shown');
      expect(press(asked, 'Esc').rotation?.stage).toBe('shown');
      expect(press(asked, 'x').rotation?.stage).toBe('stopping');
    });

    it('stopped after the key was shown: the message names both keys and no warning about an unheld key', () => {
      const stopped = press(created(), 'r', 'Esc', 'y');
      expect(stopped.console.message?.text).toMatch(
        /^Rotation stopped: both keys stay, 'nlk-prod' and the new 'nlk-prod-2'\. Once nothing uses 'nlk-prod', delete it:\n\$ /,
      );
    });

    it('d at "Stop the rotation?" deletes the new key again: the deployment is as it was', () => {
      const discarding = press(created(), 'Esc', 'd');
      expect([discarding.rotation?.stage, lastCommand(discarding)]).toMatchObject([
        'discarding',
        { kind: 'deleteKey', name: 'nlk-prod-2' },
      ]);
      expect(press(discarding, 'y').rotation?.stage).toBe('discarding');
      const back = send(discarding, { type: 'deleted', outcome: 'deleted' });
      expect([back.step, back.rotation, back.console.message, back.changes]).toEqual([
        'keys',
        undefined,
        { ok: false, text: "Rotation stopped: 'nlk-prod-2' deleted again; 'nlk-prod' stays as it was." },
        [],
      ]);
      expect(lastCommand(back)).toMatchObject({ kind: 'loadKeys' });
    });

    it('a new key that cannot be deleted again is said, with the command that deletes it', () => {
      const discarding = press(created(), 'Esc', 'd');
      const back = send(discarding, { type: 'deleteFailed', problem: { message: 'AuthorizationFailed' } });
      expect([back.step, back.changes]).toEqual([
        'keys',
        ["Created key 'nlk-prod-2' beside 'nlk-prod' (rotation stopped)."],
      ]);
      expect(back.console.message?.text).toBe(
        `Rotation stopped, but 'nlk-prod-2' could not be deleted (AuthorizationFailed): both keys stay. Delete it with:\n$ nginxaas-keys delete -d web-01 -g edge-rg --subscription ${WEB.subscriptionId} --name nlk-prod-2\n`,
      );
    });

    it('a refused create with Esc goes back to the console: nothing was made', () => {
      const generated = send(confirmed(), { type: 'secretGenerated', secret: 'x' });
      const refused = send(generated, { type: 'createFailed', problem: { message: 'Conflict' } });
      const back = press(refused, 'Esc');
      expect([back.step, back.rotation, back.console.message?.text]).toEqual([
        'keys',
        undefined,
        "Rotation of 'nlk-prod' stopped: no new key was created, nothing changed.",
      ]);
    });

    describe('a second check that could not ask the dataplane from here (issue 34, item 4)', () => {
      const unreachable = {
        ok: false as const,
        message: 'could not check the key from here',
        unreachable: { host: 'web-01.eastus2.nginxaas.net', cause: "is not a name this machine's DNS knows" },
      };
      const asked = () => send(press(created(), 'r', 'Enter'), { type: 'verified', result: unreachable, again: true });

      it('says could not check, in one sentence with the host, and asks: no default', () => {
        const s = asked();
        expect([s.rotation?.stage, s.rotation?.problem]).toEqual([
          'unchecked',
          "Could not check 'nlk-prod-2' from here: web-01.eastus2.nginxaas.net is not a name this machine's DNS knows.",
        ]);
        expect(press(s, 'n', ' ', 'd')).toEqual(s);
      });

      it('y deletes the old key, and the words say the new one was not checked', () => {
        const retiring = press(asked(), 'y');
        expect([retiring.rotation?.stage, lastCommand(retiring)]).toMatchObject([
          'retiring',
          { kind: 'deleteKey', name: 'nlk-prod', purpose: 'rotate-retire' },
        ]);
        const done = send(retiring, { type: 'deleted', outcome: 'deleted' });
        expect(done.console.message).toEqual({
          ok: false,
          text: "Rotated: 'nlk-prod' deleted; 'nlk-prod-2' was not checked, since the dataplane could not be asked from here.",
        });
        expect(done.changes.at(-1)).toBe(
          "Rotated: created key 'nlk-prod-2', 'nlk-prod' deleted; 'nlk-prod-2' was not checked on the dataplane.",
        );
      });

      it('a DELETE of the old key that got no answer: it may be gone, with the show command; a refusal keeps both', () => {
        const retiring = press(asked(), 'y');
        const lost = send(retiring, { type: 'deleteFailed', problem: { kind: 'network', message: 'socket hang up' } });
        expect(lost.rotation?.problem).toMatch(
          /^Deleting 'nlk-prod' got no answer \(socket hang up\): it may be gone already\. Check with:/,
        );
        expect(lost.rotation?.problem).not.toContain('Both keys stay');
        const refused = send(retiring, {
          type: 'deleteFailed',
          problem: { kind: 'forbidden', message: 'AuthorizationFailed' },
        });
        expect(refused.rotation?.problem).toMatch(/^Could not delete 'nlk-prod': AuthorizationFailed\. Both keys stay/);
      });

      it('a signal while the old key is deleted: the DELETE answers, its outcome is said, then that the run stopped', () => {
        const leaving = send(press(asked(), 'y'), { type: 'interrupted' });
        const ended = send(leaving, { type: 'deleted', outcome: 'deleted' });
        expect([ended.exitCode, ended.farewell]).toEqual([
          130,
          "Rotated: 'nlk-prod' deleted; 'nlk-prod-2' was not checked, since the dataplane could not be asked from here. Cancelled, but only after the request under way was answered.",
        ]);
      });

      it('Enter checks again; Esc asks about stopping, with both keys', () => {
        expect(lastCommand(press(asked(), 'Enter'))).toMatchObject({ kind: 'verify', again: true });
        expect(press(asked(), 'Esc').rotation?.stage).toBe('stopping');
      });

      it('custody still holds: a key held nowhere needs its own d first, then the y; the words say both', () => {
        expect(press(created(), 'Enter').rotation?.stage).toBe('unheld');
        const unseen = send(press(created(), 'Enter', 'd'), { type: 'verified', result: unreachable, again: true });
        expect(unseen.rotation?.stage).toBe('unchecked');
        const done = send(press(unseen, 'y'), { type: 'deleted', outcome: 'deleted' });
        expect(done.console.message?.text).toBe(
          "Rotated: 'nlk-prod' deleted; 'nlk-prod-2' was not checked, since the dataplane could not be asked from here. 'nlk-prod-2' was never shown, copied or handed off: no one holds its secret.",
        );
      });
    });

    describe('Enter while no one holds the new key asks first, with no default', () => {
      const unheld = () => press(created(), 'Enter');
      const retire = (s: WizardState) => send(s, { type: 'verified', result: { ok: true, status: 200 }, again: true });

      it('Enter on a key never shown, copied or handed off asks; nothing is sent, and Enter again does nothing', () => {
        const asked = unheld();
        expect([asked.step, asked.rotation?.stage, asked.commands]).toEqual(['reveal', 'unheld', created().commands]);
        // Enter, y, n, a space: none of them is the answer, and none moves anything.
        expect(press(asked, 'Enter', 'Enter', 'y', 'n', ' ')).toEqual(asked);
      });

      it('only d deletes anyway: checked again, then the old key goes, and the words say no one holds the new one', () => {
        const confirmed = press(unheld(), 'd');
        expect([confirmed.rotation?.stage, lastCommand(confirmed)]).toMatchObject([
          'reverifying',
          { kind: 'verify', again: true },
        ]);
        const retiring = retire(confirmed);
        expect(lastCommand(retiring)).toMatchObject({ kind: 'deleteKey', name: 'nlk-prod' });
        const done = send(retiring, { type: 'deleted', outcome: 'deleted' });
        expect(done.console.message).toEqual({
          ok: false,
          text: "Rotated: the dataplane takes 'nlk-prod-2'; 'nlk-prod' deleted. 'nlk-prod-2' was never shown, copied or handed off: no one holds its secret.",
        });
      });

      it.each([
        ['r shows it', 'r', (s: WizardState) => s.reveal.shown],
        ['c copies it', 'c', (s: WizardState) => lastCommand(s)?.kind === 'copy'],
        ['h opens the hand-off menu', 'h', (s: WizardState) => s.reveal.handoff?.stage === 'kind'],
      ])('%s, back on the panel', (_label, keyTyped, done) => {
        const next = press(unheld(), keyTyped);
        expect([next.rotation?.stage, done(next)]).toEqual(['shown', true]);
      });

      it("a signal while the rotation's own check or DELETE is in flight waits for its answer, then ends the run", () => {
        const checking = press(unheld(), 'd');
        const deletes = (s: WizardState) => s.commands.filter((c) => c.kind === 'deleteKey').map((c) => c.name);
        const held = send(checking, { type: 'interrupted' });
        expect([held.exitCode, held.rotation?.leaving, deletes(held)]).toEqual([undefined, true, []]);
        // The check answers: the old key is not deleted now; the new one, held by no one, goes again.
        const checked = send(held, { type: 'verified', result: { ok: true, status: 200 }, again: true });
        expect([checked.rotation?.stage, deletes(checked)]).toEqual(['discarding', ['nlk-prod-2']]);
        const ended = send(checked, { type: 'deleted', outcome: 'deleted' });
        expect([ended.step, ended.exitCode, ended.farewell]).toEqual([
          'cancelled',
          130,
          "Rotation stopped: 'nlk-prod-2' deleted again; 'nlk-prod' stays as it was.",
        ]);
        // The old key's DELETE in flight: its answer is taken, and the rotation's words end the run.
        const retiring = send(retire(checking), { type: 'interrupted' });
        const retired = send(retiring, { type: 'deleted', outcome: 'deleted' });
        expect([retired.exitCode, retired.farewell]).toEqual([130, expect.stringContaining("'nlk-prod' deleted")]);
        // A second signal does not wait.
        expect(send(held, { type: 'interrupted' }).exitCode).toBe(130);
      });

      it("the old key's DELETE gets no answer after Ctrl+C: the words say it may be gone, never that both keys stay", () => {
        const lost = {
          type: 'deleteFailed' as const,
          problem: { message: 'the connection was reset', kind: 'network' as const },
        };
        // The new key held (shown once): it stays, and the old one is named as in doubt.
        const shownOnce = press(created(), 'r', 'r');
        const held = press(
          send(press(shownOnce, 'Enter'), { type: 'verified', result: { ok: true, status: 200 }, again: true }),
          'CtrlC',
        );
        const ended = send(held, lost);
        expect([ended.step, ended.exitCode]).toEqual(['cancelled', 130]);
        expect(ended.farewell).toMatch(
          /^Rotation stopped: the new 'nlk-prod-2' stays \(hint new\); deleting 'nlk-prod' got no answer \(the connection was reset\): it may be gone already\. Check with:\n/,
        );
        expect(ended.farewell).not.toContain('both keys stay');
        // Never shown: it serves no one and is deleted again; the words still say the old key is in doubt.
        const confirmed = press(unheld(), 'd');
        const unseen = press(retire(confirmed), 'CtrlC');
        const discarding = send(unseen, lost);
        expect(lastCommand(discarding)).toMatchObject({ kind: 'deleteKey', name: 'nlk-prod-2' });
        const gone = send(discarding, { type: 'deleted', outcome: 'deleted' });
        expect([gone.exitCode, gone.farewell]).toEqual([
          130,
          expect.stringMatching(
            /^Rotation stopped: 'nlk-prod-2' deleted again; deleting 'nlk-prod' got no answer \(the connection was reset\): it may be gone already\. Check with:\n/,
          ),
        ]);
        expect(gone.farewell).not.toContain('stays as it was');
        // A second interruption while that DELETE runs does not say the old key stays either.
        const cut = press(discarding, 'CtrlC');
        expect([cut.exitCode, cut.farewell]).toEqual([
          130,
          expect.stringMatching(
            /'nlk-prod' may be gone already: deleting it got no answer \(the connection was reset\)\.$/,
          ),
        ]);
      });

      it("Ctrl+C while the rotation's own request is in flight asks nothing: its answer is waited for", () => {
        const shownOnce = press(created(), 'r', 'r');
        const retiring = send(press(shownOnce, 'Enter'), {
          type: 'verified',
          result: { ok: true, status: 200 },
          again: true,
        });
        expect(retiring.rotation?.stage).toBe('retiring');
        const held = press(retiring, 'CtrlC');
        expect([held.reveal.askingToLeave, held.rotation?.leaving, held.exitCode]).toEqual([false, true, undefined]);
        // The keys that answered "have you saved it?" do nothing now: no DELETE of the new key behind the old one's.
        expect(press(held, 'y', 'd', 'n').commands).toEqual(held.commands);
        const retired = send(held, { type: 'deleted', outcome: 'deleted' });
        expect([retired.step, retired.exitCode, retired.farewell]).toEqual([
          'cancelled',
          130,
          "Rotated: the dataplane takes 'nlk-prod-2'; 'nlk-prod' deleted. Cancelled, but only after the request under way was answered.",
        ]);
        const twice = press(held, 'CtrlC');
        expect([twice.exitCode, twice.farewell]).toEqual([
          130,
          expect.stringMatching(
            /^Left while the old key 'nlk-prod' was being deleted: it may or may not be gone\. Check with:\n[^]*The new key 'nlk-prod-2' is active \(hint new, expires /,
          ),
        ]);
        // The check before it, too: Ctrl+C then y no longer leaves with 0 behind it.
        const checking = press(shownOnce, 'Enter');
        expect(checking.rotation?.stage).toBe('reverifying');
        const waited = press(checking, 'CtrlC', 'y');
        expect([waited.reveal.askingToLeave, waited.rotation?.leaving, waited.exitCode]).toEqual([
          false,
          true,
          undefined,
        ]);
      });

      it('Ctrl+C, then y ("saved, leave") on a rotation: both keys named, with the command that finishes it', () => {
        const left = press(created(), 'r', 'CtrlC', 'y');
        expect([left.step, left.exitCode]).toEqual(['done', 0]);
        expect(left.farewell).toContain("Rotation stopped: both keys stay, 'nlk-prod' and the new 'nlk-prod-2'");
      });

      it('Esc asks about stopping instead; n there goes back to the panel', () => {
        const stopping = press(unheld(), 'Esc');
        expect(stopping.rotation?.stage).toBe('stopping');
        expect(press(stopping, 'n').rotation?.stage).toBe('shown');
      });

      it.each<[string, (s: WizardState) => WizardState]>([
        [
          'shown with r, then hidden again when its 30 s ran out',
          (s) => send(press(s, 'r'), { type: 'tick', now: later(31_000) }),
        ],
        ['copied', (s) => send(press(s, 'c'), { type: 'copied', message: 'Copied with xclip', ok: true })],
        ['handed off', (s) => send(s, { type: 'handedOff', result: { ok: true, said: 'dotenv: wrote .env (0600)' } })],
      ])('a key %s is held: Enter goes straight on to the check', (_label, hold) => {
        const held = hold(created());
        expect(held.reveal.shown).toBe(false);
        const next = press(held, 'Enter');
        expect([next.rotation?.stage, lastCommand(next)]).toMatchObject(['reverifying', { kind: 'verify' }]);
      });

      it.each<[string, (s: WizardState) => WizardState]>([
        ['a copy asked for but not yet done', (s) => press(s, 'c')],
        [
          'a copy that failed',
          (s) => send(press(s, 'c'), { type: 'copied', message: 'could not copy the key: x', ok: false }),
        ],
        [
          'a hand-off that failed',
          (s) => send(s, { type: 'handedOff', result: { ok: false, said: 'keyvault: Forbidden' } }),
        ],
        ['the 30 s passing with the key never shown', (s) => send(s, { type: 'tick', now: later(31_000) })],
      ])('%s does not count: Enter still asks', (_label, almost) => {
        expect(press(almost(created()), 'Enter').rotation?.stage).toBe('unheld');
      });

      it('the delete itself is gated too: a check that comes back for an unheld key without d deletes nothing', () => {
        const checking = { ...created(), rotation: { old: key('nlk-prod', 20), stage: 'reverifying' as const } };
        const after = retire(checking);
        expect([after.rotation?.stage, after.commands]).toEqual(['unheld', checking.commands]);
      });

      it('a refused check or a failed delete asks again: d counts for one try', () => {
        const refused = send(press(unheld(), 'd'), {
          type: 'verified',
          result: { ok: false, status: 401, message: 'refused' },
          again: true,
        });
        expect(press(refused, 'Enter').rotation?.stage).toBe('unheld');
        const failed = send(retire(press(unheld(), 'd')), { type: 'deleteFailed', problem: { message: 'Conflict' } });
        expect(press(failed, 'Enter').rotation?.stage).toBe('unheld');
      });
    });

    it('h still hands the new key off during a rotation; Enter in the menu is the menu’s', () => {
      const menu = press(created(), 'h');
      expect(menu.reveal.handoff?.stage).toBe('kind');
      expect(press(menu, 'Enter').reveal.handoff?.stage).toBe('destination');
    });
  });
});

describe('expiry marks on the list', () => {
  it('reads the keys of the ready deployments a few at a time, marks each as it arrives, and ! keeps the marked', () => {
    const s = loaded();
    const peeks = s.commands.filter((c) => c.kind === 'peekKeys');
    const names = peeks.flatMap((c) => (c.kind === 'peekKeys' ? c.deployments.map((d) => d.name) : []));
    expect(names.sort()).toEqual(['stage-web', 'web-01']);
    const marked = send(s, {
      type: 'peeked',
      results: [{ deployment: WEB, keys: [key('old', -1), key('ok', 90)] }],
      answered: 1,
    });
    expect(markOf(marked.fleet, WEB.id)).toEqual({ keys: 2, expired: 1, expiring: 0 });
    expect(visibleDeployments(press(marked, '!')).map((d) => d.name)).toEqual(['web-01']);
    expect(visibleDeployments(press(marked, '!', 'stage')).map((d) => d.name)).toEqual([]);
  });

  it('a deployment chosen by -d starts no background reads', () => {
    expect(loaded({ deployment: 'web-01' }).commands.some((c) => c.kind === 'peekKeys')).toBe(false);
  });
});

describe('expiry marks on a long list', () => {
  it('reads in batches, so thousands of deployments redraw once per batch; every one is read once', () => {
    const many = Array.from({ length: 200 }, (_, i) => deployment(`d-${i}`));
    let s = loaded({}, discovery(many));
    const read: string[] = [];
    for (let guard = 0; guard < 500; guard++) {
      const pending = s.commands.filter((c) => c.kind === 'peekKeys' && !read.includes(`#${c.id}`));
      if (pending.length === 0) break;
      for (const c of pending) {
        if (c.kind !== 'peekKeys') continue;
        read.push(`#${c.id}`, ...c.deployments.map((d) => d.name));
        s = send(s, { type: 'peeked', results: c.deployments.map((d) => ({ deployment: d, keys: [] })), answered: 1 });
      }
    }
    const names = read.filter((r) => !r.startsWith('#'));
    expect(names).toHaveLength(200);
    expect(new Set(names).size).toBe(200);
    expect(s.commands.filter((c) => c.kind === 'peekKeys').length).toBeLessThan(60);
    expect(s.fleet.size).toBe(200);
  });
});
