/**
 * The events that move the wizard's state (machine.ts): what a person does in either face, and what
 * each command answers. Pure data, as the state is.
 */
import type { ApiKey, Deployment, Discovery, PutKeyResult, VerifyResult } from '../port/gateway';
import type { HistoryEntry } from '../port/history';
import type { ConsumersApplied, FoundConsumer } from '../port/consumers';
import type { Intent } from './intents';
import type { KeyFlags } from './tokens';
import type { Problem } from './commands';

/** One deployment's keys read for its mark on the list, or why they could not be. */
export interface PeekResult {
  deployment: Deployment;
  keys?: ApiKey[];
  problem?: Problem;
}

export type WizardEvent =
  /** What a person means (intents.ts): the line face's answers, read straight. */
  | { type: 'intent'; intent: Intent; now: Date }
  /** A keystroke of the Ink face, read through the step's keymap; `rows`: the terminal's height then. */
  | { type: 'input'; input: string; key: KeyFlags; now: Date; rows?: number; columns?: number }
  | { type: 'tick'; now: Date }
  /** The terminal's size changed (the Ink face): a key shown that no longer fits whole is hidden. */
  | { type: 'resized'; rows: number; columns: number }
  | { type: 'historyRead'; deploymentId: string; entries: HistoryEntry[] }
  /** SIGINT or SIGTERM from outside the terminal: leave now, but say what became of the key. */
  | { type: 'interrupted' }
  | { type: 'progress'; message: string }
  | { type: 'deploymentsLoaded'; discovery: Discovery; now: Date }
  | { type: 'deploymentsFailed'; problem: Problem }
  | { type: 'keysLoaded'; deployment: Deployment; keys: ApiKey[] }
  | { type: 'keysFailed'; deployment: Deployment; problem: Problem }
  | { type: 'secretGenerated'; secret: string }
  | { type: 'createSucceeded'; result: PutKeyResult; now: Date }
  | { type: 'createFailed'; problem: Problem }
  | { type: 'verified'; result: VerifyResult; again?: boolean }
  /** The answers of `answered` peekKeys commands (the runner may gather several into one event). */
  | { type: 'peeked'; results: PeekResult[]; answered: number }
  /** `ok`: the copy was carried out (a failed one says why in `message`). */
  | { type: 'copied'; message: string; ok: boolean; unsure?: boolean }
  /** notOurs: a key of that name is there, but not the one this run sent (onlyIfSentHere): left alone. */
  | { type: 'deleted'; outcome: 'deleted' | 'absent'; notOurs?: boolean }
  | {
      type: 'handedOff';
      result: {
        ok: boolean;
        said: string;
        nextLines?: string[];
        exposedPath?: string;
        existingPath?: string;
        /** A Key Vault secret whose newest version may hold the key: the store's answer was lost. */
        inDoubt?: string;
      };
    }
  | { type: 'deleteFailed'; problem: Problem }
  | { type: 'consumersFound'; found: FoundConsumer[] }
  | { type: 'consumersApplied'; applied: ConsumersApplied }
  | { type: 'extended'; key: ApiKey; previous: ApiKey }
  | { type: 'deviceCode'; message: string; userCode?: string; url?: string; expiresAt: number }
  | { type: 'signedIn'; authDescription: string; demoVault?: string }
  | { type: 'signInFailed'; problem: Problem }
  /** The sign-in under way was told to stop (Esc): nothing for the machine to change. */
  | { type: 'signInStopped' }
  | { type: 'permissionsRead'; deployment: Deployment; write: boolean; delete: boolean }
  | { type: 'extendFailed'; problem: Problem };
