/**
 * Every key a gateway sent and every token it held, so that a server message quoting one (a 400
 * that repeats the key, a 500 that echoes the request) is printed with it masked — or, when the
 * masking cannot be sure of every form, with the server's words not printed at all.
 */
import type { TokenCredential } from '@azure/core-auth';
import { maskSecrets } from '../domain/secret-forms';
import { GatewayError } from '../port/gateway';
import { tokenRecordingCredential } from './credentials';

/** What stands for a server's words that may quote a key or a token. */
export function hiddenWords(status: number | undefined): string {
  const answered = status === undefined ? 'the server answered' : `the server answered HTTP ${status}`;
  return `${answered}; its words are hidden because they may quote the key or the sign-in token`;
}

export class KnownSecrets {
  private readonly values = new Set<string>();

  add(value: string): void {
    this.values.add(value);
  }

  /** The same credential, each token it hands out remembered here. */
  recording(credential: TokenCredential): TokenCredential {
    return tokenRecordingCredential(credential, (token) => this.add(token));
  }

  /** The text with every key and token we know masked; the words hidden when that is not certain. */
  text(text: string, status?: number): string {
    const masked = maskSecrets(text, this.values);
    return masked.certain ? masked.text : hiddenWords(status);
  }

  /** The text with every key and token we know masked; `instead` when that is not certain. */
  textOr(text: string, instead: string): string {
    const masked = maskSecrets(text, this.values);
    return masked.certain ? masked.text : instead;
  }

  /** The error with every key and token we know masked in its words (its code and status kept). */
  error(failure: GatewayError): GatewayError {
    const message = maskSecrets(failure.message, this.values);
    const code = failure.code === undefined ? undefined : maskSecrets(failure.code, this.values);
    const words = message.certain ? message.text : hiddenWords(failure.status);
    const shownCode = code === undefined || !code.certain ? undefined : code.text;
    if (words === failure.message && shownCode === failure.code) return failure;
    return new GatewayError(failure.kind, words, shownCode, failure.status);
  }
}
