/**
 * The key console (issue 10) in a real terminal against the emulator: rotate a key to the end,
 * stop a rotation half-way, delete by typing the name, and the expiry marks on the list. The
 * emulator's own state is checked after each.
 */
import { describe, expect, it } from 'vitest';
import { PRODUCTION } from '../../src/emulator/sample-data';
import { roundDays, sixMonthDays } from '../helpers/calendar';
import { envFor } from '../helpers/cli';
import { useEmulator } from '../helpers/emulator';
import { BIN, KEY, runInPty } from '../helpers/pty';
import { atWebConsole } from '../helpers/console';

const atConsole = atWebConsole;

describe('the key console', () => {
  it(
    'lists the keys soonest first with their marks; r rotates the selected key to the end',
    { tags: ['clock'] },
    async () => {
      const { run, names, emulator } = await atConsole();
      const rows = run.screen().split('\n');
      const order = ['ci-2025', 'nlk-prod', 'asg-sync'].map((n) => rows.findIndex((row) => row.includes(` ${n} `)));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(rows.find((row) => row.includes('ci-2025'))).toMatch(/❯ ✖ ci-2025 .*expired 12 days ago/);
      expect(rows.find((row) => row.includes('nlk-prod'))).toMatch(/! nlk-prod .*in 20 days/);

      await run.type(KEY.down, 'r');
      await run.waitFor("Rotate key 'nlk-prod' (in 20 days)?");
      await run.type(KEY.enter);
      await run.waitFor("Created key 'nlk-prod-2' on web-01 to replace 'nlk-prod'");
      await run.waitFor('The dataplane accepted the key');
      expect(names()).toEqual(['asg-sync', 'ci-2025', 'nlk-prod', 'nlk-prod-2']);
      // Shown, the new key is held: Enter goes on without a question.
      await run.type('r');
      await run.waitFor('(hides in 30 s)');
      await run.type(KEY.enter);
      await run.waitFor("Rotated: the dataplane takes 'nlk-prod-2'; 'nlk-prod' deleted.");
      expect(run.text()).not.toContain('in use');
      expect(names()).toEqual(['asg-sync', 'ci-2025', 'nlk-prod-2']);
      // The new key was checked twice with its own value: once shown, once after the switch.
      const checks = emulator.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/packages'));
      expect(checks.length).toBeGreaterThanOrEqual(2);
      await run.waitFor(new RegExp(`nlk-prod-2 .*in ${sixMonthDays()} days`));
      run.pty.write(KEY.ctrlC);
      expect(await run.exit).toBe(130);
      // The last frame says what the console changed, not "Nothing was created".
      await run.waitFor(/Done before that: Rotated: created key 'nlk-prod-2', 'nlk-prod'\s+deleted\./);
    },
  );

  it('r, Enter, Enter on a key never shown asks with no default: the old key stays until an explicit d', async () => {
    const { run, names, emulator } = await atConsole();
    const deletes = () => emulator.requests.filter((r) => r.method === 'DELETE');
    await run.type(KEY.down, 'r');
    await run.waitFor("Rotate key 'nlk-prod' (in 20 days)?");
    await run.type(KEY.enter);
    await run.waitFor('The dataplane accepted the key');
    await run.type(KEY.enter);
    await run.waitFor("Delete 'nlk-prod' though no one holds 'nlk-prod-2'?");
    await run.waitFor('r show · c copy · h hand off · d delete anyway · Esc stop');
    expect(run.screen().replace(/\s+/g, ' ')).toContain(
      "'nlk-prod-2' was never shown, copied or handed off: its secret is in no place; Azure cannot show it again. Whatever uses 'nlk-prod' would be refused.",
    );
    // Enter again, and a y, are no answer. Esc after them shows they were read (keys arrive in
    // order): nothing was deleted, both keys stay.
    await run.type(KEY.enter, KEY.enter, 'y', KEY.esc);
    await run.waitFor("Stop the rotation? 'nlk-prod-2' is live beside 'nlk-prod'.");
    expect(deletes()).toEqual([]);
    expect(names()).toEqual(['asg-sync', 'ci-2025', 'nlk-prod', 'nlk-prod-2']);
    await run.type('n');
    await run.waitFor('Enter switched');
    await run.type(KEY.enter);
    await run.waitFor('d delete anyway');
    await run.type('d');
    await run.waitFor(
      /Rotated: the dataplane takes 'nlk-prod-2'; 'nlk-prod' deleted\.\s+'nlk-prod-2'\s+was\s+never\s+shown/,
    );
    expect(deletes().map((r) => r.path.split('?')[0]?.split('/').at(-1))).toEqual(['nlk-prod']);
    expect(names()).toEqual(['asg-sync', 'ci-2025', 'nlk-prod-2']);
    run.pty.write(KEY.ctrlC);
    expect(await run.exit).toBe(130);
  });

  it('a rotation stopped half-way while no one holds the new key deletes it again: it cannot stay live', async () => {
    const { run, names } = await atConsole();
    await run.type(KEY.down, 'r', KEY.enter);
    await run.waitFor('The dataplane accepted the key');
    await run.type(KEY.esc);
    await run.waitFor("Stop the rotation? 'nlk-prod-2' is live beside 'nlk-prod'.");
    expect(run.screen().replace(/\s+/g, ' ')).toContain('it cannot stay, so stopping deletes it again');
    // Keeping both is not offered: y does nothing.
    expect(run.screen()).not.toContain('y stop');
    await run.type('y', 'd');
    await run.waitFor("Rotation stopped: 'nlk-prod-2' deleted again; 'nlk-prod' stays as it was.");
    expect(names()).toEqual(['asg-sync', 'ci-2025', 'nlk-prod']);
    run.pty.write(KEY.ctrlC);
    expect(await run.exit).toBe(130);
  });

  it('a rotation stopped with d deletes the new key again: only the old one is left', async () => {
    const { run, names } = await atConsole();
    await run.type(KEY.down, 'r', KEY.enter);
    await run.waitFor('The dataplane accepted the key');
    expect(names()).toEqual(['asg-sync', 'ci-2025', 'nlk-prod', 'nlk-prod-2']);
    await run.type(KEY.esc);
    await run.waitFor('Stop the rotation?');
    await run.type('d');
    await run.waitFor("Rotation stopped: 'nlk-prod-2' deleted again; 'nlk-prod' stays as it was.");
    expect(names()).toEqual(['asg-sync', 'ci-2025', 'nlk-prod']);
    run.pty.write(KEY.ctrlC);
    expect(await run.exit).toBe(130);
  });

  it('e gives the selected key a new expiry: the choice, Enter, done and the list read again; the secret stays', async () => {
    const { run, emulator } = await atConsole();
    const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
    const before = emulator.world.key(web, 'nlk-prod')?.secret;
    await run.type('e');
    await run.waitFor("key 'ci-2025' expired on");
    await run.type(KEY.down, 'e');
    await run.waitFor("New expiry for 'nlk-prod'");
    expect(run.screen()).toMatch(/2 years\s+\S+ \S+ UTC\s+\(the longest allowed\)/);
    await run.type(KEY.down, KEY.enter);
    await run.waitFor(/✔ Key 'nlk-prod' now expires \S+\s\S+\sUTC; its secret is the same\./);
    await run.waitFor(/nlk-prod .*in 36[56] days/);
    expect(emulator.world.key(web, 'nlk-prod')?.secret).toBe(before);
    await run.type('q');
    expect(await run.exit).toBe(0);
    await run.waitFor(/Done: Key 'nlk-prod' now expires/);
  });

  it('e to an earlier expiry (issue 31, case 6): named as shorter by how many days; Enter does nothing, y shortens', async () => {
    const { run, emulator } = await atConsole();
    const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
    const current = new Date(emulator.world.key(web, 'asg-sync')!.endDateTime);
    const keyWrites = () => emulator.requests.filter((r) => r.method === 'PUT' && r.path.includes('/apiKeys/'));
    await run.type(KEY.down, KEY.down, 'e');
    await run.waitFor("New expiry for 'asg-sync'");
    await run.type(KEY.up, KEY.up, KEY.enter);
    await run.waitFor("Shorten 'asg-sync'?");
    const thirtyDaysOn = new Date(Date.now() + 30 * 86_400_000);
    expect(run.screen()).toContain(
      `${roundDays(current, thirtyDaysOn)} days sooner than it expires now: shorter, not longer`,
    );
    await run.type(KEY.enter, KEY.enter);
    // Enter alone answers nothing: still asked, nothing sent.
    await run.waitFor('y shorten it · n choose again');
    expect(keyWrites()).toHaveLength(0);
    await run.type('y');
    await run.waitFor(/✔ Key 'asg-sync' now expires/);
    expect(keyWrites()).toHaveLength(1);
    const end = new Date(emulator.world.key(web, 'asg-sync')!.endDateTime);
    expect(roundDays(end, new Date())).toBe(30);
    await run.type('q');
    expect(await run.exit).toBe(0);
  });

  it('d deletes the selected key only once its name is typed', async () => {
    const { run, names } = await atConsole();
    await run.type('d');
    await run.waitFor("Delete key 'ci-2025'?");
    expect(run.screen()).toContain('It has expired: nothing can be using it.');
    await run.type(...'ci-20'.split(''), KEY.enter);
    await run.waitFor("Type the key's name, ci-2025, exactly; Esc keeps the key.");
    expect(names()).toContain('ci-2025');
    await run.type('2', '5', KEY.enter);
    await run.waitFor("Deleted key 'ci-2025'. Whatever used it is refused from now on.");
    expect(names()).toEqual(['asg-sync', 'nlk-prod']);
    run.pty.write(KEY.ctrlC);
    expect(await run.exit).toBe(130);
  });
});

describe('expiry marks on the deployment list', () => {
  it('marks arrive after the list is drawn; ! keeps only the deployments with a key expired or expiring', async () => {
    const emulator = await useEmulator();
    const run = runInPty(process.execPath, [BIN], envFor(emulator), { cols: 100, rows: 30 });
    await run.waitFor('Choose a deployment');
    await run.waitFor(/! web-01 .*3 keys, 1 expired/);
    await run.waitFor(/! api-gateway .*1 key, 1 expired/);
    expect(run.screen()).toMatch(/ {3}stage-web +1 key /);
    await run.type('!');
    await run.waitFor('2 of 6 deployments');
    expect(run.screen()).not.toContain('stage-web');
    run.pty.write(KEY.ctrlC);
    expect(await run.exit).toBe(130);
  });
});
