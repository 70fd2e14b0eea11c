/** keys/extend-key.ts: what the read-back after the PUT tells, and what is refused before it. */
import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../src/port/gateway';
import { EXTEND_NOT_CONFIRMED, extendKey, extendRefusal, valueMatchesHint } from '../../src/keys/extend-key';
import { FakeGateway } from '../helpers/fake-gateway';
import { NOW, WEB, discovery, key } from '../helpers/fixtures';

const NEW_END = new Date(NOW.getTime() + 200 * 86_400_000);

function world() {
  const gateway = new FakeGateway(discovery(), [key('nlk-prod', 20, 'Abc')]);
  const current = key('nlk-prod', 20, 'Abc');
  return { gateway, current };
}

describe('extendKey', () => {
  it('sends no secret unless given one, and confirms by reading the key back', async () => {
    const { gateway, current } = world();
    let sent: unknown;
    const put = gateway.putKey.bind(gateway);
    gateway.putKey = async (ref, name, body) => ((sent = body), put(ref, name, body));
    const extended = await extendKey(gateway, WEB, current, NEW_END);
    expect(sent).toEqual({ endDateTime: NEW_END });
    expect(extended.key.endDateTime).toEqual(NEW_END);
    expect(extended.previous).toBe(current);
    expect(gateway.calls.slice(-2)).toEqual(['putKey nlk-prod', 'getKey nlk-prod']);
  });

  it.each([
    ['the hint changed', { hint: 'Zzz' }, "the key's hint is now Zzz (it was Abc)"],
    ['the expiry did not move', { endDateTime: new Date(NOW.getTime() + 20 * 86_400_000) }, 'still expires'],
    ['the key is gone', undefined, 'is not there when read back'],
  ])('a read-back where %s is no success', async (_label, change, words) => {
    const { gateway, current } = world();
    gateway.getKey = async () => (change ? { ...current, endDateTime: NEW_END, ...change } : undefined);
    const failure = await extendKey(gateway, WEB, current, NEW_END).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(GatewayError);
    expect((failure as GatewayError).code).toBe(EXTEND_NOT_CONFIRMED);
    expect((failure as GatewayError).message).toContain(words);
  });

  it('a refusal of a PUT without the value says that nothing was changed; with the value it is passed on', async () => {
    const { gateway, current } = world();
    gateway.putKey = async () => {
      throw new GatewayError('invalid', 'properties.secretText is required', 'InvalidApiKeySecret', 400);
    };
    await expect(extendKey(gateway, WEB, current, NEW_END)).rejects.toThrow(
      "Azure would not change the expiry of 'nlk-prod' without its value: properties.secretText is required (InvalidApiKeySecret). Nothing was changed",
    );
    await expect(extendKey(gateway, WEB, current, NEW_END, { secret: 'Abc-def-ghi-1' })).rejects.toThrow(
      /^properties.secretText is required$/,
    );
    // A conflict (the deployment busy) is not about the value: Azure's words as they came.
    gateway.putKey = async () => {
      throw new GatewayError('invalid', 'another operation is in progress', 'Conflict', 409);
    };
    await expect(extendKey(gateway, WEB, current, NEW_END)).rejects.toThrow(/^another operation is in progress$/);
  });
});

describe('before anything is sent', () => {
  it.each([
    [20, undefined],
    [-1, /expired on .*rotate it instead/],
  ])('a key %s days from its end: %s', (days, refusal) => {
    const said = extendRefusal(key('k', days), NOW);
    if (refusal) expect(said).toMatch(refusal);
    else expect(said).toBeUndefined();
  });

  it('a key without a readable expiry is rotated, not extended', () => {
    expect(extendRefusal({ ...key('k'), endDateTime: new Date(Number.NaN) }, NOW)).toMatch(/rotate it instead/);
  });

  it.each([
    ['Abc-def-ghi-1', 'Abc', true],
    ['abc-def-ghi-1', 'Abc', false],
    ['Abd-def-ghi-1', 'Abc', false],
    ['Abc-def-ghi-1', '', false],
  ])('%s against the hint %s: %s', (value, hint, matches) => {
    expect(valueMatchesHint(value, { ...key('k'), hint })).toBe(matches);
  });
});
