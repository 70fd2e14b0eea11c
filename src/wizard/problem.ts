/** A failure as the wizard keeps it: plain words, the ARM code, our error kind. */
import { GatewayError } from '../port/gateway';
import type { Problem } from './state';

export function problemFrom(error: unknown): Problem {
  const e = error as { message?: string; code?: string };
  return {
    message: e?.message ?? String(error),
    ...(e?.code ? { code: e.code } : {}),
    kind: error instanceof GatewayError ? error.kind : undefined,
  };
}
