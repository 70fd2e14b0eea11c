/**
 * The line faces' answers, as tables: each answer becomes intents of the wizard's machine, and
 * the machine — not the face — decides where that leads.
 */
import { describe, expect, it } from 'vitest';
import { deploymentMarkWords, lineStep, LINE_PAGE, pageMarksPending } from '../../src/plain/line-steps';
import type { Intent } from '../../src/wizard/intents';
import { transition } from '../../src/wizard/machine';
import { initialState, type WizardState } from '../../src/wizard/state';
import { BROKEN, deployment, discovery, key, NOW, SANDBOX, STAGE_WEB, WEB } from '../helpers/fixtures';

const apply = (state: WizardState, intents: Intent[]) =>
  intents.reduce((s, intent) => transition(s, { type: 'intent', intent, now: s.now }), state);

/** Answers the step the state is on; a refused answer throws its words. */
function answer(state: WizardState, text: string): WizardState {
  const step = lineStep(state);
  if (!step) throw new Error(`no question at ${state.step}`);
  const intents = step.answer(text);
  if (typeof intents === 'string') throw new Error(intents);
  return apply(state, intents);
}

const listed = (deployments = discovery()) =>
  transition(initialState(NOW), { type: 'deploymentsLoaded', discovery: deployments, now: NOW });
const atConsole = (keys = [key('nlk-prod', 20), key('asg-sync', 150)]) =>
  transition(answer(listed(), 'web-01'), { type: 'keysLoaded', deployment: WEB, keys });

describe('the list says every mark in words, on the deployment’s own line (issue 34)', () => {
  const peeked = (state: WizardState, keys: ReturnType<typeof key>[] | undefined, d = WEB) =>
    transition(state, {
      type: 'peeked',
      results: [keys ? { deployment: d, keys } : { deployment: d, problem: { message: 'HTTP 500', kind: 'unknown' } }],
      answered: 1,
    });
  it.each([
    [
      'three keys, one expired, one expiring',
      [key('a', -3), key('b', 9), key('c', 90)],
      '3 keys, 1 expired, 1 expiring within 30 days',
    ],
    ['one key', [key('a', 90)], '1 key'],
    ['no keys', [], 'no keys'],
    ['keys that could not be read', undefined, 'its keys could not be read (HTTP 500)'],
  ])('%s', (_label, keys, words) => {
    const state = peeked(listed(), keys);
    expect(deploymentMarkWords(state, WEB)).toBe(words);
    expect(lineStep(state)?.lines).toContainEqual(
      expect.stringMatching(
        new RegExp(`web-01, group edge-rg, Production, eastus2: ${words.replace(/[()]/g, '\\$&')}$`),
      ),
    );
  });

  it('why a deployment cannot take a key; a key not read yet is said so', () => {
    expect(deploymentMarkWords(listed(), BROKEN)).toBe('cannot take a key: deployment failed');
    expect(deploymentMarkWords(listed(), SANDBOX)).toMatch(/^cannot take a key: subscription/);
    expect(deploymentMarkWords(listed(), STAGE_WEB)).toBe('its keys not read yet');
  });

  it('the page waits for the marks of the deployments that can take a key, and only for those', () => {
    expect(pageMarksPending(listed())).toBe(true);
    const marked = peeked(peeked(listed(), [key('a', 90)]), [], STAGE_WEB);
    expect(pageMarksPending(marked)).toBe(false);
  });
});

describe('choosing a deployment in lines', () => {
  it('a number picks that row', () => {
    const rows = lineStep(listed())?.lines ?? [];
    const number =
      rows
        .find((line) => line.includes('stage-web,'))
        ?.trim()
        .split('.')[0] ?? '';
    expect(answer(listed(), number).deployment?.name).toBe('stage-web');
  });

  it.each([
    ['words that leave one deployment choose it', 'web-01', 'web-01'],
    ['a paste with its own line break is the same words', 'stage-web', 'stage-web'],
  ])('%s', (_label, text, chosen) => {
    const state = answer(listed(), text);
    expect(state.deployment?.name).toBe(chosen);
  });

  it('words that leave several narrow the list; numbers then count in what is left', () => {
    const narrowed = answer(listed(), 'web');
    expect(narrowed.step).toBe('chooseDeployment');
    expect(narrowed.filter).toBe('web');
    expect(lineStep(narrowed)?.lines[0]).toBe("2 of 4 deployments match 'web':");
    const rows = lineStep(narrowed)?.lines ?? [];
    const number =
      rows
        .find((line) => line.includes(' web-01,'))
        ?.trim()
        .split('.')[0] ?? '';
    expect(answer(narrowed, number).deployment?.name).toBe('web-01');
  });

  it('a number of a deployment that cannot take a key is refused by the machine, in its words', () => {
    const state = answer(listed(), '1');
    expect(state.step).toBe('chooseDeployment');
    expect(state.listMessage).toBe('broken-01 cannot take a key: deployment failed.');
  });

  it('an empty answer clears a filter, and is refused where it would choose at random', () => {
    expect(answer(answer(listed(), 'web'), '').filter).toBe('');
    expect(() => answer(listed(), '')).toThrow('Type a number from 1 to 4, or words to filter by.');
  });

  it(`a list longer than ${LINE_PAGE} is said a page at a time: + and - turn it, numbers count from the top`, () => {
    const many = Array.from({ length: 2 * LINE_PAGE + 5 }, (_, i) => deployment(`edge-${i + 1}`));
    const first = listed(discovery(many));
    expect(lineStep(first)?.lines.at(-1)).toBe(
      `  … ${LINE_PAGE + 5} more: + shows them, or type a word to narrow them.`,
    );
    const second = answer(first, '+');
    const lines = lineStep(second)?.lines ?? [];
    expect(lines[1]).toBe(`  … ${LINE_PAGE} above: - shows them.`);
    expect(lines[2]).toMatch(new RegExp(`^  ${LINE_PAGE + 1}\\. edge-${LINE_PAGE + 1},`));
    expect(lines.at(-1)).toBe('  … 5 more: + shows them, or type a word to narrow them.');
    const last = answer(second, '+');
    expect(lineStep(last)?.lines.at(-1)).toMatch(new RegExp(`^  ${2 * LINE_PAGE + 5}\\. edge-${2 * LINE_PAGE + 5},`));
    expect(lineStep(answer(last, '-'))?.lines[2]).toMatch(new RegExp(`^  ${LINE_PAGE + 1}\\. `));
    // A number from any page chooses that deployment.
    expect(answer(first, String(2 * LINE_PAGE + 2)).deployment?.name).toBe(`edge-${2 * LINE_PAGE + 2}`);
  });

  it('the console says its keys a page at a time too, and r N acts on key N of any page', () => {
    const keys = Array.from({ length: LINE_PAGE + 3 }, (_, i) => key(`k-${String(i + 1).padStart(2, '0')}`, i + 1));
    const shown = lineStep(atConsole(keys));
    expect(shown?.lines.filter((line) => /^ +\d+\. k-/.test(line))).toHaveLength(LINE_PAGE);
    expect(shown?.lines.at(-1)).toBe('  … 3 more: + shows them.');
    expect(lineStep(answer(atConsole(keys), '+'))?.lines.at(-1)).toMatch(
      new RegExp(`^  ${LINE_PAGE + 3}\\. k-${LINE_PAGE + 3},`),
    );
    const rotating = answer(atConsole(keys), `r ${LINE_PAGE + 2}`);
    expect(rotating.console.confirm?.key.name).toBe(`k-${LINE_PAGE + 2}`);
  });
});

describe('the rest of the flow in lines', () => {
  it('the console: r 2 rotates the second key by the rotation plan; d 1 asks for its name', () => {
    const rotating = answer(atConsole(), 'r 2');
    expect(rotating.console.confirm).toMatchObject({ kind: 'rotate', key: { name: 'asg-sync' } });
    expect(answer(rotating, 'y').rotation?.old.name).toBe('asg-sync');
    const deleting = answer(atConsole(), 'd 1');
    expect(deleting.console.confirm).toMatchObject({ kind: 'delete', key: { name: 'nlk-prod' } });
    expect(answer(deleting, '').console.confirm).toBeUndefined();
  });

  it('a rotation stopped with s asks what becomes of the new key: y keeps both (only once someone holds it), d deletes it, n goes back', () => {
    const rotating = answer(answer(atConsole(), 'r 2'), 'y');
    const generated = transition(rotating, { type: 'secretGenerated', secret: 'new-secret-uuid' });
    const shown = transition(generated, {
      type: 'createSucceeded',
      result: { key: key('asg-sync-2', 181, 'new'), created: true },
      now: NOW,
    });
    const asked = answer(shown, 's');
    expect(lineStep(asked)?.lines).toEqual([
      "'asg-sync-2' is live beside 'asg-sync'. It was never shown, copied or handed off, and no one can read it again: it cannot stay, so stopping deletes it again.",
    ]);
    // No one holds it: keeping both is not offered.
    expect(lineStep(asked)?.question?.message).toBe("Stop the rotation? d deletes 'asg-sync-2' again · n goes back");
    expect(() => answer(asked, 'y')).toThrow('Answer d or n.');
    const held = answer(answer(shown, 'r'), 's');
    expect(lineStep(held)?.lines).toEqual(["'asg-sync-2' is live beside 'asg-sync'."]);
    expect(lineStep(held)?.question?.message).toBe(
      "Stop the rotation? y stops, both keys stay · d deletes 'asg-sync-2' again · n goes back",
    );
    expect(answer(asked, 'n').rotation?.stage).toBe('shown');
    expect(answer(asked, 'd').commands.at(-1)).toMatchObject({ kind: 'deleteKey', name: 'asg-sync-2' });
    expect(answer(held, 'y').console.message?.text).toMatch(/^Rotation stopped: both keys stay/);
    expect(() => answer(held, 'q')).toThrow('Answer y, d or n.');
  });

  it('y on a key never shown asks before the old key goes: no default, only d deletes it, r shows it first', () => {
    const rotating = answer(answer(atConsole(), 'r 2'), 'y');
    const generated = transition(rotating, { type: 'secretGenerated', secret: 'new-secret-uuid' });
    const shown = transition(generated, {
      type: 'createSucceeded',
      result: { key: key('asg-sync-2', 181, 'new'), created: true },
      now: NOW,
    });
    const asked = answer(shown, 'y');
    expect([asked.rotation?.stage, asked.commands]).toEqual(['unheld', shown.commands]);
    expect(lineStep(asked)?.lines).toEqual([
      "⚠ 'asg-sync-2' was never shown, copied or handed off: its secret is in no place, and Azure cannot show it again. Whatever uses 'asg-sync' would be refused.",
    ]);
    expect(lineStep(asked)?.question.message).toBe(
      "Delete 'asg-sync' though no one holds 'asg-sync-2'? r shows it · c copies it · h hands it off · d deletes anyway · s stops here",
    );
    for (const refused of ['', 'y', 'yes', 'q'])
      expect(() => answer(asked, refused)).toThrow('Answer r, c, h, d or s.');
    expect(answer(asked, 'd').commands.at(-1)).toMatchObject({ kind: 'verify', again: true });
    expect(answer(asked, 's').rotation?.stage).toBe('stopping');
    const seen = answer(asked, 'r');
    expect([seen.rotation?.stage, seen.reveal.shown]).toEqual(['shown', true]);
    expect(answer(seen, 'y').commands.at(-1)).toMatchObject({ kind: 'verify', again: true });
  });

  it('e with an earlier expiry: said as shorter by how many days; an empty answer does nothing, y sends it, n goes back', () => {
    // asg-sync (150 days left) is the second key; choice 1 is 30 days.
    const asked = answer(answer(atConsole(), 'e 2'), '1');
    const step = lineStep(asked);
    expect(step?.lines).toEqual([
      "'asg-sync' expires 2027-04-25 12:00 UTC (in 150 days); 30 days is 2026-12-26 12:00 UTC, 120 days sooner than it expires now: shorter, not longer.",
    ]);
    expect(step?.question?.message).toBe("Shorten 'asg-sync'? y shortens it · n chooses again");
    expect(step?.answer('')).toBe('Answer y or n.');
    expect(asked.commands.some((c) => c.kind === 'extendKey')).toBe(false);
    const sent = answer(asked, 'y');
    expect(sent.commands.at(-1)).toMatchObject({ kind: 'extendKey', key: { name: 'asg-sync' } });
    const back = answer(asked, 'n');
    expect([back.console.extend?.shorter, back.commands.some((c) => c.kind === 'extendKey')]).toEqual([
      undefined,
      false,
    ]);
    // A longer expiry (1 year) goes without the question, as before.
    expect(answer(back, '4').commands.at(-1)).toMatchObject({ kind: 'extendKey', key: { name: 'asg-sync' } });
  });

  it('name, expiry (a date of your own typed at once), a typed key and the review reach create', () => {
    const named = answer(answer(atConsole(), 'n'), 'fresh-key');
    expect(named.step).toBe('expiry');
    const dated = answer(named, '2027-02-01');
    expect(dated.step).toBe('keyValue');
    // A bare date means the end of that day (UTC), as everywhere else.
    expect(dated.expiry.chosen?.toISOString()).toBe('2027-02-01T23:59:59.000Z');
    const typed = answer(dated, 'Abc-def-ghi-1');
    expect(typed.step).toBe('review');
    const creating = answer(typed, 'y');
    expect(creating.step).toBe('creating');
    expect(creating.commands.at(-1)).toMatchObject({ kind: 'create', name: 'fresh-key', secret: 'Abc-def-ghi-1' });
  });

  it('the policy and the name rules are the machine’s: a weak key stays on its step with the reason', () => {
    const atKey = answer(answer(answer(atConsole(), 'n'), 'fresh-key'), '');
    const weak = answer(atKey, 'short');
    expect(weak.step).toBe('keyValue');
    expect(lineStep(weak)?.lines).toEqual([`✖ ${weak.secretError}`]);
    expect(answer(answer(atConsole(), 'n'), '-bad-').nameError).toBeDefined();
  });

  it('replacing a key that exists needs y; < goes back', () => {
    const review = answer(answer(answer(answer(atConsole(), 'n'), 'nlk-prod'), ''), 'Abc-def-ghi-1');
    expect(lineStep(review)?.question.message).toBe("Replace the key 'nlk-prod'? y replaces it · < goes back");
    expect(answer(review, 'y').commands.at(-1)).toMatchObject({ kind: 'create', replace: true });
    expect(answer(review, '<').step).toBe('keyValue');
  });

  it('the saved-it gate has no default', () => {
    const state = transition(answer(answer(answer(answer(atConsole(), 'n'), 'fresh-key'), ''), 'Abc-def-ghi-1'), {
      type: 'input',
      input: '\r',
      key: { return: true },
      now: NOW,
    });
    const revealed = transition(state, {
      type: 'createSucceeded',
      result: { key: key('fresh-key', 182, 'Abc'), created: true },
      now: NOW,
    });
    const leaving = answer(revealed, 'q');
    expect(leaving.reveal.askingToLeave).toBe(true);
    expect(() => answer(leaving, '')).toThrow('Answer y, n or d.');
    expect(answer(leaving, 'y').exitCode).toBe(0);
  });
});
