/**
 * Text from Azure reaches a terminal escaped (a control character in a subscription's name could
 * retitle the window or write to the clipboard), but JSON carries the real text: the gateway
 * answers as Azure said, and the faces that draw on a terminal (the wizard, plain mode, a
 * command's text output) see it through this decorator, which escapes every string it returns.
 */
import { printable } from '../domain/printable';
import { GatewayError, type Gateway } from './gateway';

function escaped<T>(value: T): T {
  if (typeof value === 'string') return printable(value) as T;
  if (Array.isArray(value)) return value.map((item) => escaped(item)) as T;
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = escaped(item);
  return out as T;
}

/** A failure's words may quote a name Azure gave (a subscription's, say). */
function escapedError(error: unknown): unknown {
  if (!(error instanceof GatewayError)) return error;
  return new GatewayError(
    error.kind,
    printable(error.message),
    error.code === undefined ? undefined : printable(error.code),
    error.status,
  );
}

/** What is never escaped: a key's value read back is the value, not text to draw. */
const UNTOUCHED = new Set<PropertyKey>(['readSecret']);

export function terminalSafe(gateway: Gateway): Gateway {
  return new Proxy(gateway, {
    get(target, property, receiver) {
      const member = Reflect.get(target, property, receiver) as unknown;
      if (UNTOUCHED.has(property) && typeof member === 'function') return member.bind(target) as unknown;
      if (typeof member !== 'function') return typeof member === 'string' ? printable(member) : member;
      return (...args: unknown[]) => {
        const result = (member as (...a: unknown[]) => unknown).apply(target, args);
        return result instanceof Promise
          ? result.then(
              (answer) => escaped(answer),
              (error) => Promise.reject(escapedError(error)),
            )
          : escaped(result);
      };
    },
  });
}
