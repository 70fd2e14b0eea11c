/**
 * The one create path against the real gateway and the HTTPS emulator: each outcome it can
 * report, and what it does when the answer to the PUT is lost (settled by a GET, or unknown).
 */
import { describe, expect, it } from 'vitest';
import { PRODUCTION } from '../../src/emulator/sample-data';
import { GatewayError } from '../../src/port/gateway';
import { createKey, deleteIfSentHere } from '../../src/keys/create-key';
import { gatewayFor, useEmulator } from '../helpers/emulator';
import { WEB_REF, inDays } from '../helpers/sample';

async function setup() {
  const emulator = await useEmulator();
  const gateway = gatewayFor(emulator);
  const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
  const puts = () => emulator.requests.filter((r) => r.method === 'PUT');
  return { emulator, gateway, web, puts };
}

describe('createKey', () => {
  it('creates a free name (201) and says so', async () => {
    const { gateway, emulator, web } = await setup();
    const body = { secret: 'Fresh-Secret-0001', endDateTime: inDays(30) };
    const outcome = await createKey(gateway, WEB_REF, 'fresh', body, { replace: false });
    expect(outcome).toMatchObject({ kind: 'created', settledByCheck: false, key: { name: 'fresh', hint: 'Fre' } });
    expect(emulator.world.key(web, 'fresh')?.secret).toBe(body.secret);
  });

  it('refuses a taken name without sending anything, and replaces it only when asked', async () => {
    const { gateway, emulator, web, puts } = await setup();
    const before = emulator.world.key(web, 'nlk-prod')!.secret;
    const body = { secret: 'Other-Secret-0002', endDateTime: inDays(30) };
    const refused = await createKey(gateway, WEB_REF, 'nlk-prod', body, { replace: false });
    expect(refused).toMatchObject({ kind: 'exists', existing: { name: 'nlk-prod', hint: before.slice(0, 3) } });
    expect(puts()).toHaveLength(0);
    const replaced = await createKey(gateway, WEB_REF, 'nlk-prod', body, { replace: true });
    expect(replaced).toMatchObject({ kind: 'replaced', previous: { hint: before.slice(0, 3) }, key: { hint: 'Oth' } });
    expect(emulator.world.key(web, 'nlk-prod')?.secret).toBe(body.secret);
  });

  it('a PUT whose answer is lost once is retried by the SDK: the retry meets our own key (412), so it was created', async () => {
    const { gateway, emulator, puts } = await setup();
    emulator.faults.add({ method: 'PUT', commitThenDrop: true, times: 1 });
    const outcome = await createKey(
      gateway,
      WEB_REF,
      'lost-once',
      { secret: 'Lost-Once-Secret1', endDateTime: inDays(30) },
      { replace: false },
    );
    expect(outcome).toMatchObject({ kind: 'created', settledByCheck: true });
    expect(puts().map((r) => r.status)).toEqual(['dropped', 412]);
  });

  it('an answer lost for good is settled by a GET: the key is there, so it was created', async () => {
    const { gateway, emulator, web } = await setup();
    emulator.faults.add({ method: 'PUT', commitThenDrop: true, times: -1 });
    const body = { secret: 'Lost-Good-Secret2', endDateTime: inDays(30) };
    const outcome = await createKey(gateway, WEB_REF, 'lost-good', body, { replace: false });
    expect(outcome).toMatchObject({ kind: 'created', settledByCheck: true });
    expect(emulator.world.key(web, 'lost-good')?.secret).toBe(body.secret);
  });

  it('a PUT that never arrived is settled by a GET too: nothing was created, and the error says so', async () => {
    const { gateway, emulator, web } = await setup();
    emulator.faults.add({ method: 'PUT', reset: true, times: -1 });
    const attempt = createKey(
      gateway,
      WEB_REF,
      'never',
      { secret: 'Never-Arrived-S3', endDateTime: inDays(30) },
      { replace: false },
    );
    await expect(attempt).rejects.toThrow(
      /a check afterwards found that there is no key 'never', so nothing was changed/,
    );
    await expect(attempt).rejects.toBeInstanceOf(GatewayError);
    expect(emulator.world.key(web, 'never')).toBeUndefined();
  });

  it('when the GET cannot settle it either, the outcome is unknown (the caller keeps the secret)', async () => {
    const { gateway, emulator, web } = await setup();
    emulator.faults.add({ method: 'PUT', commitThenDrop: true, times: -1 });
    const outcome = await createKey(
      gateway,
      WEB_REF,
      'limbo',
      { secret: 'Limbo-Secret-0004', endDateTime: inDays(30) },
      {
        replace: false,
        // Once the PUT leaves, every read fails too.
        onSending: () => emulator.faults.add({ method: 'GET', reset: true, times: -1 }),
        settleTimeoutMs: 2000,
      },
    );
    expect(outcome).toMatchObject({ kind: 'unknown', problem: { kind: 'network' } });
    expect(emulator.world.key(web, 'limbo')?.secret).toBe('Limbo-Secret-0004');
  });

  it('its own key from an earlier lost try in this run is not a stranger: the same secret is sent again', async () => {
    const { gateway, emulator, web, puts } = await setup();
    const body = { secret: 'Retry-Own-Secret5', endDateTime: inDays(30) };
    emulator.faults.add({ method: 'PUT', commitThenDrop: true, times: -1 });
    const first = await createKey(gateway, WEB_REF, 'retried', body, {
      replace: false,
      onSending: () => emulator.faults.add({ method: 'GET', reset: true, times: 6 }),
      settleTimeoutMs: 1000,
    });
    expect(first.kind).toBe('unknown');
    emulator.faults.clear();
    // The wizard's r: the same secret again; the key the lost try left is recognised as ours.
    const again = await createKey(gateway, WEB_REF, 'retried', body, { replace: false });
    expect(again.kind).toBe('created');
    expect(emulator.world.key(web, 'retried')?.secret).toBe(body.secret);
    // Nothing more is sent: the lost try was carried out.
    expect(puts().map((r) => r.status)).toEqual(['dropped', 'dropped', 'dropped']);
  });

  it.each([
    ['a date --expires (.000)', new Date(Math.ceil(Date.now() / 86_400_000 + 30) * 86_400_000 - 1000)],
    ['a six-month default to the millisecond', inDays(182)],
  ])(
    "a stranger's key with the same first three characters and %s is never taken for ours",
    { tags: ['clock'] },
    async (_label, endDateTime) => {
      const { gateway, emulator, web, puts } = await setup();
      emulator.world.putKey(web, 'dup', 'Abc-first-1111', endDateTime.toISOString());
      const outcome = await createKey(
        gateway,
        WEB_REF,
        'dup',
        { secret: 'Abc-second-2222', endDateTime },
        { replace: false },
      );
      expect(outcome).toMatchObject({ kind: 'exists', existing: { hint: 'Abc' } });
      expect(puts()).toHaveLength(0);
      expect(emulator.world.key(web, 'dup')?.secret).toBe('Abc-first-1111');
    },
  );

  it(
    'each attempt carries an expiry whose milliseconds are its own (1-999), the second kept',
    { tags: ['clock'] },
    async () => {
      const { gateway } = await setup();
      const asked = new Date(Math.floor(Date.now() / 1000) * 1000 + 30 * 86_400_000);
      const outcome = await createKey(
        gateway,
        WEB_REF,
        'stamped',
        { secret: 'Stamped-Secret-07', endDateTime: asked },
        {
          replace: false,
        },
      );
      const sent = outcome.kind === 'created' ? outcome.key.endDateTime.getTime() : 0;
      expect(Math.floor(sent / 1000) * 1000).toBe(asked.getTime());
      expect(sent % 1000).toBeGreaterThan(0);
    },
  );

  it('a refusal from Azure (4xx) is certain: thrown, never settled', async () => {
    const { gateway, emulator } = await setup();
    emulator.faults.add({ method: 'PUT', status: 403, code: 'AuthorizationFailed', message: 'no', times: 1 });
    await expect(
      createKey(
        gateway,
        WEB_REF,
        'denied',
        { secret: 'Denied-Secret-006', endDateTime: inDays(30) },
        { replace: false },
      ),
    ).rejects.toMatchObject({
      kind: 'forbidden',
      code: 'AuthorizationFailed',
    });
    expect(emulator.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/denied'))).toHaveLength(1);
  });
});

describe('deleteIfSentHere: a key whose creation was in doubt is deleted again only if it is ours', () => {
  it('deletes the key this process sent; leaves another of that name alone; says when none is there', async () => {
    const { gateway, emulator, web } = await setup();
    const body = { secret: 'Doubt-Secret-0001', endDateTime: inDays(30) };
    await createKey(gateway, WEB_REF, 'doubted', body, { replace: false });
    expect(await deleteIfSentHere(gateway, WEB_REF, 'doubted')).toBe('deleted');
    expect(emulator.world.key(web, 'doubted')).toBeUndefined();
    expect(await deleteIfSentHere(gateway, WEB_REF, 'doubted')).toBe('absent');
    // Sent here, then someone else's key took the name: it stays.
    await createKey(
      gateway,
      WEB_REF,
      'taken',
      { secret: 'Taken-Secret-0001', endDateTime: inDays(30) },
      { replace: false },
    );
    emulator.world.putKey(web, 'taken', 'Stranger-Secret-01', inDays(30).toISOString());
    expect(await deleteIfSentHere(gateway, WEB_REF, 'taken')).toBe('notOurs');
    expect(emulator.world.key(web, 'taken')?.secret).toBe('Stranger-Secret-01');
    // Never sent here at all.
    expect(await deleteIfSentHere(gateway, WEB_REF, 'nlk-prod')).toBe('notOurs');
    expect(emulator.world.key(web, 'nlk-prod')).toBeDefined();
  });
});
