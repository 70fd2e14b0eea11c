/**
 * What each step keeps while it is on screen: the expiry's choice, the reveal panel, the sign-in
 * screen, the key console and its questions, a rotation, the hand-off menu. Pure data.
 */
import type { ApiKey, VerifyResult } from '../port/gateway';
import type { ConsumersApplied, FoundConsumer } from '../port/consumers';
import type { Problem } from './state';

export interface ExpiryState {
  /** 0..PRESETS.length-1 for a preset, PRESETS.length for "a date of your own". */
  cursor: number;
  editing: boolean;
  text: string;
  chosen?: Date;
  chosenLabel?: string;
  error?: string;
}

export interface RevealState {
  shown: boolean;
  /** When r last showed the key: set only by the person's own r, kept after it hides again. */
  shownAt?: number;
  copyMessage?: string;
  /** A copy was carried out (not merely asked for, nor failed): the key has left the panel. */
  copied?: boolean;
  /** A copy is under way (its outcome not yet known). */
  copying?: boolean;
  /** Sent to the terminal's clipboard only (OSC 52), which may not have taken it: said, not counted. */
  copiedUnsure?: boolean;
  verify?: VerifyResult | 'pending';
  /** Asking "have you saved it?" before leaving. */
  askingToLeave: boolean;
  /** Ctrl+C asked (a second one leaves at once), not q or Enter. */
  askedByCtrlC?: boolean;
  deleting: boolean;
  /**
   * The key is being deleted again on the way out (a second Ctrl+C, or a signal) because no one
   * holds its secret: the run then ends cancelled, 130.
   */
  leavingUnheld?: boolean;
  /** That leaving was asked by a signal: a failed DELETE then ends the run all the same. */
  leftBySignal?: boolean;
  /** Said above the keys, e.g. that the key was created although Ctrl+C was pressed. */
  notice?: string;
  /** The hand-off menu (h): choosing a kind, then its destination. */
  handoff?: HandoffMenu;
  /** What the hand-offs did, one line each with the next step. */
  handedOff: { ok: boolean; said: string; nextLines?: string[] }[];
  /** Key Vault secrets whose newest version may hold the key (a store whose answer was lost). */
  vaultsInDoubt?: string[];
}

/** The ways the sign-in screen offers; the Azure CLI's two run `az login` in this terminal. */
export type SignInHow = 'az-login' | 'az-login-device' | 'device-code' | 'browser' | 'demo' | 'quit';

/** What the machine is told of this machine's means to sign in (computed by the command line). */
export interface SignInFacts {
  azInstalled: boolean;
  /** A browser can be opened here (a display, or macOS/Windows). */
  browser: boolean;
}

export interface SignInState {
  cursor: number;
  choices: SignInHow[];
  /** choose → working (a sign-in under way) → waiting (a device code shown, counting down). */
  stage: 'choose' | 'working' | 'waiting';
  how?: SignInHow;
  /** Why no token could be had (or why the last try failed). */
  problem: Problem;
  deviceCode?: { message: string; userCode?: string; url?: string; expiresAt: number };
  copyMessage?: string;
}

/** The key console's own state: the cursor, a question in progress, what was last done. */
export interface ConsoleState {
  cursor: number;
  /** Typing a key's name to delete it, or confirming a rotation. */
  confirm?: { kind: 'delete' | 'rotate'; key: ApiKey; typed: string; error?: string; working?: boolean };
  /** The key to keep selected when the keys are read again (its place in the order may change). */
  follow?: string;
  /** Choosing a new expiry for a key (e): the expiry's own choice, then the request. */
  extend?: ExtendChoice;
  /** What the last action did, said above the keys. */
  message?: { ok: boolean; text: string };
  /** Just arrived from the list: a deployment without keys goes on to naming a new one. */
  arriving: boolean;
}

export interface ExtendChoice {
  key: ApiKey;
  expiry: ExpiryState;
  /**
   * A chosen expiry earlier than the key's current one, waiting for its own yes: y sends it, n
   * chooses again, and Enter alone does nothing (a shorter life is not a default).
   */
  shorter?: { endDateTime: Date; label: string; days: number; words: string };
  working?: boolean;
  /** Why the last request did not change it. */
  failed?: string;
}

/** A rotation from the console: the new key is made by the usual create, then shown on the panel. */
export interface RotationState {
  old: ApiKey;
  /**
   * creating → shown (hand off, switch) → reverifying → retiring; or, after Esc on the panel,
   * shown → stopping (both stay, or the new one is deleted again) → discarding. Enter on the
   * panel while no one holds the new key's secret asks first: shown → unheld → (d) reverifying.
   * Where the second check could not ask the dataplane from here: reverifying → unchecked, whose
   * y goes on to retiring (the new key said to be unchecked), Enter checks again, Esc stops.
   */
  stage: 'creating' | 'shown' | 'unheld' | 'unchecked' | 'reverifying' | 'retiring' | 'stopping' | 'discarding';
  problem?: string;
  /** d was answered to "delete the old key though the new one is held nowhere?", for this try. */
  unheldConfirmed?: boolean;
  /** y was answered to "delete the old key though the new one could not be checked from here?". */
  uncheckedConfirmed?: boolean;
  /** What uses the old key here (NLK releases, nginx-asg-sync), found and offered: a applies the new key there. */
  consumers?: ConsumersState;
  /** A signal came while the rotation's own request was in flight: its answer is taken, then the run ends. */
  leaving?: boolean;
  /** The old key's DELETE got no answer (why, in words): it may be gone already. */
  oldInDoubt?: string;
}

/** looking → found (a offers them) → applying → applied (a tries again after a failure). */
export interface ConsumersState {
  stage: 'looking' | 'found' | 'applying' | 'applied';
  found: FoundConsumer[];
  applied?: ConsumersApplied;
}

export interface HandoffMenu {
  stage: 'kind' | 'destination' | 'working';
  cursor: number;
  text: string;
  error?: string;
  /** A path inside a git work tree that git does not ignore, said once: Enter again writes there. */
  warnedPath?: string;
  /** A file that exists, said once: Enter again on the same path replaces it. */
  existingPath?: string;
}
