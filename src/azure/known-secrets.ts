/**
 * Every key a gateway sent and every token it held, so that a server message quoting one (a 400
 * that repeats the key, a 500 that echoes the request) is printed with it masked.
 */
import type { TokenCredential } from '@azure/core-auth';
import { maskKnown } from '../domain/printable';
import { GatewayError } from '../port/gateway';
import { tokenRecordingCredential } from './credentials';

export class KnownSecrets {
  private readonly values = new Set<string>();

  add(value: string): void {
    this.values.add(value);
  }

  /** The same credential, each token it hands out remembered here. */
  recording(credential: TokenCredential): TokenCredential {
    return tokenRecordingCredential(credential, (token) => this.add(token));
  }

  text(text: string): string {
    return maskKnown(text, this.values);
  }

  /** The error with every key and token we know masked in its words. */
  error(failure: GatewayError): GatewayError {
    const message = this.text(failure.message);
    const code = failure.code === undefined ? undefined : this.text(failure.code);
    if (message === failure.message && code === failure.code) return failure;
    return new GatewayError(failure.kind, message, code, failure.status);
  }
}
