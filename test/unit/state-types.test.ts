/**
 * What each step owns, as types: tsc checks these (npm test runs it over the tests), so a step
 * that lost what it owns, or a view that guards for it again, fails the build.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { Deployment, PutKeyResult } from '../../src/port/gateway';
import type { StateAt } from '../../src/wizard/state';

describe('state by step', () => {
  it('the reveal panel has its key and its deployment', () => {
    expectTypeOf<StateAt<'reveal'>['result']>().toEqualTypeOf<PutKeyResult>();
    expectTypeOf<StateAt<'reveal'>['deployment']>().toEqualTypeOf<Deployment>();
  });

  it('every step from the key console to creating has its deployment', () => {
    expectTypeOf<
      StateAt<'keys' | 'keyName' | 'expiry' | 'keyValue' | 'review' | 'creating'>['deployment']
    >().toEqualTypeOf<Deployment>();
    expectTypeOf<StateAt<'creating'>['result']>().toEqualTypeOf<PutKeyResult | undefined>();
  });

  it('before a deployment is chosen, and after the end, they may be missing', () => {
    expectTypeOf<StateAt<'chooseDeployment'>['deployment']>().toEqualTypeOf<Deployment | undefined>();
    expectTypeOf<StateAt<'done'>['result']>().toEqualTypeOf<PutKeyResult | undefined>();
  });
});
