/**
 * A gateway whose sign-in can change during the run: the wizard's sign-in screen signs in anew
 * (a device code, a browser, the demo) and every call after that goes to the new gateway.
 */
import type { Gateway } from './gateway';

export interface SwitchableGateway extends Gateway {
  use(next: Gateway): void;
}

export function switchableGateway(first: Gateway): SwitchableGateway {
  let current = first;
  return new Proxy(first as SwitchableGateway, {
    get(_target, property) {
      if (property === 'use') return (next: Gateway) => (current = next);
      const member = Reflect.get(current, property, current) as unknown;
      return typeof member === 'function' ? (member as (...a: unknown[]) => unknown).bind(current) : member;
    },
  });
}
