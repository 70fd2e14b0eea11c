/**
 * The wizard's rotation and the consumers of the old key, as the machine decides it: the panel
 * looks for them only where the command line gave a way, a applies the new key to what was found
 * (and only then), keys wait while the consumers change, a consumer that holds the new key counts
 * as holding it, and a failure that rolled everything back offers a again.
 */
import { describe, expect, it } from 'vitest';
import { transition } from '../../src/wizard/machine';
import { initialState, type WizardEvent, type WizardScope, type WizardState } from '../../src/wizard/state';
import { newKeyUnseen } from '../../src/wizard/steps/reveal';
import { consumerWords } from '../../src/wizard/consumer-words';
import type { ConsumerDoor } from '../../src/port/consumers';
import { pressed, type KeyName } from '../helpers/keys';
import { NOW, WEB, discovery, key } from '../helpers/fixtures';

const NAMED = new Set(['Enter', 'Esc', 'Down']);
function press(state: WizardState, ...inputs: string[]): WizardState {
  return inputs.reduce((s, input) => {
    const name = `${input.charAt(0).toLowerCase()}${input.slice(1)}`;
    const k = NAMED.has(input) ? pressed(name as KeyName) : { input, key: {} };
    return transition(s, { type: 'input', ...k, now: s.now });
  }, state);
}
const send = (state: WizardState, ...events: WizardEvent[]) => events.reduce(transition, state);
const lastCommand = (s: WizardState) => s.commands[s.commands.length - 1];

const NLK = key('nlk-prod', 20, 'e17');
/** Never asked: the machine only names the door's settle time; the runner calls it. */
const DOOR: ConsumerDoor = {
  settleMs: 60_000,
  find: () => Promise.reject(new Error('not in a table')),
  apply: () => Promise.reject(new Error('not in a table')),
};
const RELEASE = {
  target: 'nlk-helm=nlk',
  where: "NLK release 'nlk' (namespace nlk, kube context aks-prod)",
  kubeContext: 'aks-prod',
  namespace: 'nlk',
};

function shown(scope: WizardScope = { deployment: 'web-01', consumers: DOOR }): WizardState {
  const start = send(initialState(NOW, scope, 'the Azure CLI'), {
    type: 'deploymentsLoaded',
    discovery: discovery(),
    now: NOW,
  });
  const consoleOpen = send(press(start), { type: 'keysLoaded', deployment: WEB, keys: [NLK] });
  const confirmed = press(consoleOpen, 'r', 'Enter');
  const generated = send(confirmed, { type: 'secretGenerated', secret: 'new-secret-uuid-0000' });
  return send(generated, {
    type: 'createSucceeded',
    result: { key: key('nlk-prod-2', 181, 'new'), created: true },
    now: NOW,
  });
}

describe('the rotation and the consumers of the old key', () => {
  it('looks for them once the new key is shown, only where the command line gave a way', () => {
    const s = shown();
    expect(s.rotation?.consumers).toEqual({ stage: 'looking', found: [] });
    expect(s.commands.filter((c) => c.kind === 'findConsumers')).toMatchObject([{ deployment: WEB, old: NLK }]);
    const without = shown({ deployment: 'web-01' });
    expect(without.rotation?.consumers).toBeUndefined();
    expect(without.commands.some((c) => c.kind === 'findConsumers')).toBe(false);
    expect(press(without, 'a').commands.some((c) => c.kind === 'applyConsumers')).toBe(false);
  });

  it('a applies the new key to what was found, with its value; nothing found offers nothing', () => {
    const nothing = send(shown(), { type: 'consumersFound', found: [] });
    expect(consumerWords(nothing)).toBeUndefined();
    expect(press(nothing, 'a').commands.some((c) => c.kind === 'applyConsumers')).toBe(false);
    const found = send(shown(), { type: 'consumersFound', found: [RELEASE] });
    expect(consumerWords(found)).toEqual({
      lines: [{ mark: 'none', text: "Uses 'nlk-prod': NLK release 'nlk' (namespace nlk, kube context aks-prod)" }],
      offer: "a puts 'nlk-prod-2' there and proves it (1 min)",
      allProven: false,
    });
    const applying = press(found, 'a');
    expect(lastCommand(applying)).toMatchObject({
      kind: 'applyConsumers',
      old: NLK,
      found: [RELEASE],
      fresh: { name: 'nlk-prod-2', secret: 'new-secret-uuid-0000' },
    });
    expect(applying.rotation?.consumers?.stage).toBe('applying');
    // Keys wait while the consumers change: Enter must not retire the key they move off.
    expect(press(applying, 'Enter', 'Esc', 'a').commands).toEqual(applying.commands);
    expect(press(applying, 'Enter').rotation?.stage).toBe('shown');
  });

  it('a consumer that holds the new key counts as holding it: Enter goes on without asking', () => {
    const applying = press(send(shown(), { type: 'consumersFound', found: [RELEASE] }), 'a');
    expect(newKeyUnseen(applying)).toBe(true);
    const applied = send(applying, {
      type: 'consumersApplied',
      applied: { outcomes: [{ where: RELEASE.where, state: 'proven' }], allProven: true, holding: [RELEASE.where] },
    });
    expect(newKeyUnseen(applied)).toBe(false);
    expect(consumerWords(applied)).toMatchObject({ allProven: true, lines: [{ mark: 'pass' }] });
    expect(consumerWords(applied)?.offer).toBeUndefined();
    const enter = press(send(applied, { type: 'verified', result: { ok: true, status: 200 } }), 'Enter');
    expect([enter.rotation?.stage, lastCommand(enter)]).toMatchObject(['reverifying', { kind: 'verify', again: true }]);
  });

  it('a failure that rolled everything back is said, holds nothing, and offers a again', () => {
    const applying = press(send(shown(), { type: 'consumersFound', found: [RELEASE] }), 'a');
    const failed = send(applying, {
      type: 'consumersApplied',
      applied: {
        outcomes: [
          { where: RELEASE.where, state: 'failed', said: 'the rollout did not finish; rolled back to revision 1' },
        ],
        allProven: false,
        holding: [],
      },
    });
    expect(newKeyUnseen(failed)).toBe(true);
    expect(consumerWords(failed)).toEqual({
      lines: [
        { mark: 'fail', text: RELEASE.where },
        { mark: 'none', text: '  the rollout did not finish; rolled back to revision 1' },
      ],
      offer: "a tries again: 'nlk-prod' stays in use meanwhile",
      allProven: false,
    });
    expect(lastCommand(press(failed, 'a'))).toMatchObject({ kind: 'applyConsumers' });
    // Enter with the new key held nowhere asks first, as it always did.
    const verified = send(failed, { type: 'verified', result: { ok: true, status: 200 } });
    expect(press(verified, 'Enter').rotation?.stage).toBe('unheld');
  });
});
