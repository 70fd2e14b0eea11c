/**
 * Messages that arrive from deep inside a sign-in (the device code to enter) and must reach
 * whatever is on screen: stderr for commands, the loading screen of the wizard. They may carry an
 * authority's words, so they reach either only escaped.
 */
import { printable } from '../domain/printable';

export class Notices {
  private listener: ((message: string) => void) | undefined;

  constructor(private readonly fallback: (message: string) => void) {}

  /** `direct`: where it goes when nothing listens, in place of the fallback (a device code, which must not wait). */
  emit(message: string, direct?: (message: string) => void): void {
    (this.listener ?? direct ?? this.fallback)(printable(message));
  }

  /** Takes the messages until the returned function is called. */
  listen(listener: (message: string) => void): () => void {
    this.listener = listener;
    return () => {
      if (this.listener === listener) this.listener = undefined;
    };
  }
}
