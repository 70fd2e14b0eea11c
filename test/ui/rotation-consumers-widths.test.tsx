/**
 * The rotation's panel with the consumers of the old key, at 60, 80 and 120 columns and 24 rows,
 * in states the machine itself reaches: found (more than it lists), applying, applied and
 * proven, failed and rolled back. No line is wider than the terminal, no frame taller than 24
 * rows, the endpoint stays whole, and the line of keys keeps its last key.
 */
import { describe, expect, it } from 'vitest';
import { Screen } from '../../src/ui/app';
import { transition } from '../../src/wizard/machine';
import { initialState, type WizardState } from '../../src/wizard/state';
import type { ConsumerDoor, FoundConsumer } from '../../src/port/consumers';
import { NOW, deployment, discovery, key } from '../helpers/fixtures';
import { frameAt, overWide } from '../helpers/render-at';
import { pressed } from '../helpers/keys';
import { send } from '../helpers/machine-input';

const LONG = deployment('web-frontend-production-eastus2-01', {
  resourceGroup: 'contoso-edge-production-rg',
  dataplaneApiEndpoint: 'https://web-frontend-production-0123456789ab.eastus2.nginxaas.net/',
});
const DOOR: ConsumerDoor = {
  settleMs: 60_000,
  find: async () => [],
  apply: async () => ({ outcomes: [], allProven: false, holding: [] }),
};
const ENTER = pressed('enter').key;

const found: FoundConsumer[] = ['nlk', 'nlk-east-production-cluster', 'nlk-west'].map((name) => ({
  target: `nlk-helm=${name}`,
  where: `NLK release '${name}' (namespace nginxaas-loadbalancer, kube context aks-production-eastus2-admin)`,
}));
const start = transition(initialState(NOW, { deployment: LONG.name, consumers: DOOR }), {
  type: 'deploymentsLoaded',
  discovery: discovery([...discovery().deployments, LONG]),
  now: NOW,
});
const rotated = send(
  start,
  ENTER,
  { type: 'keysLoaded', deployment: LONG, keys: [key('nlk-prod', 12)] },
  'r',
  ENTER,
  { type: 'secretGenerated', secret: '3f2b9c1e-7a4d-4e8f-9b6a-0c5d2e1f4a7b' },
  {
    type: 'createSucceeded',
    result: { created: true, key: { ...key('nlk-prod-2', 181, '3f2'), id: `${LONG.id}/apiKeys/nlk-prod-2` } },
    now: NOW,
  },
  { type: 'verified', result: { ok: true, status: 200 } },
);
const offered = send(rotated, { type: 'consumersFound', found });
const applying = send(offered, 'a');
const where = found[0]?.where ?? '';

const SCREENS: [string, WizardState][] = [
  ['looking', rotated],
  ['found, more than listed', offered],
  ['applying', applying],
  [
    'applied and proven',
    send(applying, {
      type: 'consumersApplied',
      applied: {
        outcomes: found.map((f) => ({ where: f.where, state: 'proven' as const })),
        allProven: true,
        holding: found.map((f) => f.where),
      },
    }),
  ],
  [
    'failed and rolled back',
    send(applying, {
      type: 'consumersApplied',
      applied: {
        outcomes: [
          {
            where,
            state: 'failed',
            said: 'the dataplane refused the new key: got 401 in the log of pod nlk-nginxaas-loadbalancer-kubernetes-5d8f-abcde; rolled back to revision 3: the release holds the old key again',
          },
          { where: found[1]?.where ?? '', state: 'skipped' },
        ],
        allProven: false,
        holding: [],
      },
    }),
  ],
];

describe.each([60, 80, 120])('at %i columns', (columns) => {
  it.each(SCREENS)('%s fits', async (_label, state) => {
    const frame = await frameAt(<Screen state={state} rows={24} columns={columns} demo />, columns);
    if (process.env.SHOW_FRAMES) console.log(`--- ${_label} at ${columns}\n${frame}`);
    expect(await overWide(frame, columns)).toEqual([]);
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
    const lines = frame.split('\n').map((line) => line.trim());
    const endpoint = LONG.dataplaneApiEndpoint ?? '';
    if (endpoint.length + 7 <= columns) expect(lines).toContain(endpoint);
    // What came of each consumer stays in view at every width, its name cut after it if need be.
    if (_label === 'applied and proven')
      expect(lines).toContainEqual(expect.stringMatching(/^✔ runs on 'nlk-prod-2': /));
    if (_label === 'failed and rolled back') expect(lines).toContainEqual(expect.stringMatching(/^not changed: /));
    // The line of keys, whole, except while the consumers change (no key is taken then).
    if (state.rotation?.consumers?.stage !== 'applying') expect(lines.at(-1)).toMatch(/Esc stop here$/);
  });
});
