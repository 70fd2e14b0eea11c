/**
 * The door the sign-in screen opens: the ways the command line can sign this run in without
 * ending it (a device code, a browser, the demo; `az login` in this terminal, handed over). One
 * type for both faces; the command line builds it (cli/sign-in-door.ts).
 */
import type { DeviceCodeShown, SignedInWith } from './perform';
import type { SignInFacts, SignInHow } from './state';

export interface SignInDoor {
  /** What this machine can offer (az on PATH, a browser that can open). */
  facts: SignInFacts;
  signIn(how: SignInHow, onDeviceCode: (code: DeviceCodeShown) => void, signal: AbortSignal): Promise<SignedInWith>;
  /** Stops the sign-in under way (Esc on the screen). */
  cancel(): void;
  /**
   * Runs `az login` on this terminal; resolves when it is over, or at once when `force` is aborted
   * (a second Ctrl+C), az then stopped whatever it does.
   */
  handOver(how: SignInHow, force?: AbortSignal): Promise<void>;
}
