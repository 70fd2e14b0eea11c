/**
 * Every list that can be long is a window on the terminal's height: at 60×20, 80×24 and 120×40,
 * with 3, 30 and 300 rows, the frame is shorter than the terminal, its title, header and selected
 * row are on screen, and the "more" lines count exactly what is out of view. The keys are sent
 * through the machine with the terminal's height, as the wizard sends them.
 */
import { describe, expect, it } from 'vitest';
import { Screen } from '../../src/ui/app';
import { transition } from '../../src/wizard/machine';
import { initialState, type WizardState } from '../../src/wizard/state';
import { NOW, WEB, deployment, discovery, key } from '../helpers/fixtures';
import { pressed, type KeyName } from '../helpers/keys';
import { frameAt, overWide } from '../helpers/render-at';

const SIZES = [
  [60, 20],
  [80, 24],
  [120, 40],
] as const;
const COUNTS = [3, 30, 300];

function press(state: WizardState, rows: number, ...keys: (KeyName | string)[]): WizardState {
  return keys.reduce<WizardState>((s, name) => {
    const event = name.length > 1 ? pressed(name as KeyName) : { input: name, key: {} };
    return transition(s, { type: 'input', ...event, now: NOW, rows });
  }, state);
}

function listOf(count: number): WizardState {
  const many = Array.from({ length: count }, (_, i) => deployment(`edge-${String(i + 1).padStart(3, '0')}`));
  return transition(initialState(NOW), { type: 'deploymentsLoaded', discovery: discovery(many), now: NOW });
}

function consoleOf(count: number): WizardState {
  const keys = Array.from({ length: count }, (_, i) => key(`key-${String(i + 1).padStart(3, '0')}`, i + 1));
  const chosen = press(
    transition(initialState(NOW), { type: 'deploymentsLoaded', discovery: discovery([WEB]), now: NOW }),
    24,
    'enter',
  );
  return transition(chosen, { type: 'keysLoaded', deployment: WEB, keys });
}

/** The counts of the "↑ N more" and "↓ N more" lines, 0 where there is none. */
function more(frame: string): { above: number; below: number } {
  const count = (arrow: string) => Number(new RegExp(`^\\s*${arrow} (\\d+) more$`, 'm').exec(frame)?.[1] ?? 0);
  return { above: count('↑'), below: count('↓') };
}

async function frameOf(state: WizardState, columns: number, rows: number): Promise<string> {
  const frame = await frameAt(<Screen state={state} rows={rows} columns={columns} demo />, columns);
  expect(await overWide(frame, columns)).toEqual([]);
  expect(frame.split('\n').length).toBeLessThan(rows);
  return frame;
}

/** Where the cursor is taken on each list: the first row, a page down, the middle, the last. */
const MOVES: [string, KeyName[]][] = [
  ['first', []],
  ['a page down', ['pageDown']],
  ['down to the middle and back up', ['pageDown', 'pageDown', 'down', 'up', 'up']],
  ['the last', ['end']],
  ['the last, then the first', ['end', 'home']],
];

describe.each(SIZES)('at %i×%i', (columns, rows) => {
  describe.each(COUNTS)('%i deployments', (count) => {
    it.each(MOVES)('%s: the selected row, the title and the counts are on screen', async (_label, keys) => {
      const state = press(listOf(count), rows, ...keys);
      const frame = await frameOf(state, columns, rows);
      const selected = `edge-${String(state.cursor + 1).padStart(3, '0')}`;
      expect(frame).toContain('? Choose a deployment');
      expect(frame).toMatch(new RegExp(`❯ +${selected} `));
      const shown = frame.split('\n').filter((line) => /^[ ❯] +edge-\d{3} /.test(line)).length;
      const { above, below } = more(frame);
      expect(above + shown + below).toBe(count);
      if (keys.at(-1) === 'end') expect(below).toBe(0);
    });
  });

  describe.each(COUNTS)('%i keys in the console', (count) => {
    it.each(MOVES)('%s: the selected key, the title and the header are on screen', async (_label, keys) => {
      const state = press(consoleOf(count), rows, ...keys);
      expect(state.step).toBe('keys');
      const cursor = state.step === 'keys' ? state.console.cursor : -1;
      const frame = await frameOf(state, columns, rows);
      const selected = `key-${String(cursor + 1).padStart(3, '0')}`;
      expect(frame).toContain('? Keys of web-01');
      expect(frame).toContain('NAME');
      expect(frame).toMatch(new RegExp(`❯ . ${selected} `));
      const shown = frame.split('\n').filter((line) => /^[ ❯] . key-\d{3} /.test(line)).length;
      const { above, below } = more(frame);
      expect(above + shown + below).toBe(count);
      // d acts on the key the user sees selected.
      const deleting = await frameOf(press(state, rows, 'd'), columns, rows);
      expect(deleting).toContain(`Delete key '${selected}'?`);
    });
  });
});

describe.each(SIZES)('at %i×%i, a message that wraps above the keys', (columns, rows) => {
  it.each(COUNTS)(
    '%i keys: the message is whole, and the selected key and the header stay on screen',
    async (count) => {
      const chosen = press(
        transition(initialState(NOW), { type: 'deploymentsLoaded', discovery: discovery([WEB]), now: NOW }),
        rows,
        'enter',
      );
      const keys = [
        key('ci-expired-runner', -3),
        ...Array.from({ length: count - 1 }, (_, i) => key(`key-${i + 1}`, i + 1)),
      ];
      const listed = transition(chosen, { type: 'keysLoaded', deployment: WEB, keys });
      // e on the expired key: refused, with a message longer than two lines at 60 columns.
      const refused = press(press(listed, rows, 'e'), rows, 'end');
      const message = refused.step === 'keys' ? (refused.console.message?.text ?? '') : '';
      expect(message.length).toBeGreaterThan(columns);
      const frame = await frameOf(refused, columns, rows);
      expect(frame.replace(/\s+/g, ' ')).toContain(message.replace(/\s+/g, ' '));
      expect(frame).toContain('? Keys of web-01');
      expect(frame).toContain('NAME');
      expect(frame).toMatch(new RegExp(`❯ . key-${count - 1} `));
    },
  );
});

describe('a taller terminal shows more', () => {
  it.each([
    ['deployments', listOf(300), /^[ ❯] +edge-\d{3} /],
    ['keys', consoleOf(300), /^[ ❯] . key-\d{3} /],
  ] as const)('%s: 40 rows show more than 24, 24 more than 20', async (_label, state, row) => {
    const shownAt = async (rows: number) =>
      (await frameOf(state, 80, rows)).split('\n').filter((line) => row.test(line)).length;
    const [short, usual, tall] = [await shownAt(20), await shownAt(24), await shownAt(40)];
    expect(usual).toBeGreaterThan(short);
    expect(tall).toBeGreaterThan(usual);
  });

  it('PgDn moves one window: the row after the last in view is selected next', async () => {
    const state = listOf(300);
    const frame = await frameOf(state, 80, 24);
    const names = frame.match(/edge-\d{3}/g) ?? [];
    const next = press(state, 24, 'pageDown');
    const after = await frameOf(next, 80, 24);
    expect(after).toMatch(new RegExp(`❯ +edge-${String(next.cursor + 1).padStart(3, '0')} `));
    expect(next.cursor).toBeGreaterThanOrEqual(names.length - 1);
  });
});
