/** keys/prove-value.ts and domain/expiry.ts's shortening: when a value is the key, and when a new expiry is shorter. */
import { describe, expect, it } from 'vitest';
import { shortening } from '../../src/domain/expiry';
import { proveValue } from '../../src/keys/prove-value';
import type { VerifyResult } from '../../src/port/gateway';
import { FakeGateway } from '../helpers/fake-gateway';
import { NOW, WEB, discovery, key } from '../helpers/fixtures';

const ASG = key('asg-sync', 150, 'Abc');
const OTHER = key('nlk-prod', 20, 'Xyz');
const TWIN = key('asg-twin', 90, 'Abc');

/** A gateway whose dataplane answers `answer`, counting what it was asked. */
function dataplane(answer: VerifyResult) {
  const asked: string[] = [];
  class Dataplane extends FakeGateway {
    override async verifyKey(_endpoint?: string, secret = ''): Promise<VerifyResult> {
      asked.push(secret);
      return answer;
    }
  }
  return { gateway: new Dataplane(discovery(), [ASG, OTHER]), asked };
}

describe('proveValue', () => {
  it.each([
    ['taken, and no other hint: proven', { ok: true, status: 200 }, [ASG, OTHER], 'proven', 1],
    ['refused (401): not the key', { ok: false, status: 401, message: 'HTTP 401' }, [ASG, OTHER], 'refused', 1],
    ['refused (403): not the key', { ok: false, status: 403, message: 'HTTP 403' }, [ASG, OTHER], 'refused', 1],
    ['no answer: unasked', { ok: false, message: 'ECONNRESET' }, [ASG, OTHER], 'unasked', 1],
    ['a 5xx is about the dataplane, not the key', { ok: false, status: 502, message: 'HTTP 502' }, [ASG], 'unasked', 1],
    ['another key has the hint: ambiguous, not asked', { ok: true, status: 200 }, [ASG, TWIN, OTHER], 'ambiguous', 0],
  ] as const)('%s', async (_label, answer, keys, outcome, asks) => {
    const { gateway, asked } = dataplane(answer as VerifyResult);
    const proof = await proveValue(gateway, WEB, ASG, 'Abc-the-value-1', keys);
    expect(proof.outcome).toBe(outcome);
    expect(asked).toHaveLength(asks);
  });

  it('a value without the hint is not sent anywhere', async () => {
    const { gateway, asked } = dataplane({ ok: true, status: 200 });
    expect((await proveValue(gateway, WEB, ASG, 'Xyz-another-key-1', [ASG, OTHER])).outcome).toBe('notHint');
    expect(asked).toEqual([]);
  });

  it('a deployment without an endpoint cannot be asked', async () => {
    const { gateway, asked } = dataplane({ ok: true, status: 200 });
    const bare = { ...WEB, dataplaneApiEndpoint: undefined };
    expect((await proveValue(gateway, bare, ASG, 'Abc-the-value-1', [ASG])).outcome).toBe('unasked');
    expect(asked).toEqual([]);
  });
});

describe('shortening', () => {
  const at = (days: number) => new Date(NOW.getTime() + days * 86_400_000);
  it.each([
    [150, 30, { days: 120, words: '120 days sooner than it expires now' }],
    [150, 149, { days: 1, words: '1 day sooner than it expires now' }],
    [150, 149.9, { days: 0, words: 'less than a day sooner than it expires now' }],
    [150, 150, undefined],
    [150, 180, undefined],
  ])('%s days left, %s chosen', (current, next, expected) => {
    expect(shortening(at(current), at(next))).toEqual(expected);
  });

  it('within the second the service may round to, the same moment is not shorter', () => {
    expect(shortening(at(150), new Date(at(150).getTime() - 999))).toBeUndefined();
  });
});
