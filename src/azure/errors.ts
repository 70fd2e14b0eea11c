/**
 * Turns what the Azure SDK and ARM throw into our own error kinds, carrying the ARM error code
 * and message in plain words. No stack traces leave this room.
 */
import { printable } from '../domain/printable';
import { GatewayError, type ErrorKind } from '../port/gateway';
import { isCredentialFailure, signInFailure } from './sign-in-failure';

/** A non-success answer from ARM, with the error envelope read. */
export class ArmError extends Error {
  override readonly name = 'ArmError';
  constructor(
    readonly statusCode: number,
    readonly code: string | undefined,
    message: string,
    readonly retryAfter?: string,
  ) {
    super(message);
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'REQUEST_SEND_ERROR',
  'UND_ERR_SOCKET',
]);
const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

function kindForStatus(status: number, code?: string): ErrorKind {
  if (status === 409 && code && /already ?exists/i.test(code)) return 'alreadyExists';
  if (status === 412) return 'alreadyExists';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 429) return 'throttled';
  if (status === 400 || status === 409 || status === 422) return 'invalid';
  return 'unknown';
}

export function toGatewayError(error: unknown, context?: { endpoint?: string; authorityHost?: string }): GatewayError {
  if (error instanceof GatewayError) return error;
  const mapped = mapError(error, context);
  // Messages and codes come from the network: they reach the terminal with control characters escaped.
  return new GatewayError(
    mapped.kind,
    printable(mapped.message),
    mapped.code === undefined ? undefined : printable(mapped.code),
    mapped.status,
  );
}

function mapError(error: unknown, context?: { endpoint?: string; authorityHost?: string }): GatewayError {
  const e = error as { name?: string; message?: string; code?: string; statusCode?: number; cause?: { code?: string } };
  if (error instanceof ArmError) {
    const message = error.message || `Azure answered HTTP ${error.statusCode}`;
    const suffix =
      error.statusCode === 429 && error.retryAfter
        ? ` Azure asked to wait ${error.retryAfter} s before trying again.`
        : '';
    return new GatewayError(
      kindForStatus(error.statusCode, error.code),
      `${message}${suffix}`,
      error.code,
      error.statusCode,
    );
  }
  if (e?.name === 'AbortError') return new GatewayError('cancelled', 'cancelled');
  if (isCredentialFailure(error)) return signInFailure(error, context);
  const code = e?.code ?? e?.cause?.code;
  if (code && TLS_CODES.has(code)) {
    return new GatewayError(
      'network',
      `the certificate of ${context?.endpoint ?? 'the endpoint'} is not trusted (${code}); pass its CA with --arm-ca`,
      code,
    );
  }
  if (code && NETWORK_CODES.has(code)) {
    return new GatewayError(
      'network',
      `could not reach ${context?.endpoint ?? 'Azure'}: ${firstLine(e.message) || code}`,
      code,
    );
  }
  if (typeof e?.statusCode === 'number') {
    return new GatewayError(
      kindForStatus(e.statusCode),
      firstLine(e.message) || `Azure answered HTTP ${e.statusCode}`,
      code,
      e.statusCode,
    );
  }
  return new GatewayError('unknown', firstLine(e?.message) || String(error), code);
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n')[0]?.trim() ?? '';
}
