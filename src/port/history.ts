/**
 * The record of what this machine changed (`history`): every change a run makes to a key — made,
 * given a new expiry, rotated, deleted, handed off — as one entry, written as an intent just
 * before the request leaves and completed once its outcome is known, so that a run that crashed
 * leaves an entry that says "unknown". Never a key's value, never a token: an entry holds names,
 * the hint, expiry times, the outcome and who the run was. src/files keeps it (history-file.ts).
 */
import { GatewayError } from './gateway';

export const HISTORY_ACTIONS = [
  'create',
  'replace',
  'extend',
  'rotate-new',
  'rotate-retire',
  'delete',
  'take-back',
  'hand-off',
  /** The key put in place at a consumer (--apply), shown to be in use there, or that consumer put back. */
  'apply',
  'apply-proof',
  'apply-rollback',
  /** The old key of a rotation given a shorter life instead of being deleted (--retire expire=…). */
  'retire-expire',
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];
export type HistoryOutcome = 'done' | 'failed' | 'unknown';

export interface HistoryEntry {
  id: string;
  /** When the intent was written (RFC 3339). */
  time: string;
  action: HistoryAction;
  /** The command that made it (`wizard` for the wizard and --plain). */
  command: string;
  /** The deployment's ARM resource id. */
  deployment: string;
  key: string;
  hint?: string;
  expiresBefore?: string;
  expiresAfter?: string;
  /** A hand-off's destination: a file's path or a Key Vault secret's URL (never its content); a consumer (--apply). */
  destination?: string;
  /** Why a step at a consumer failed or stayed unproven, in words (never a key). */
  detail?: string;
  outcome: HistoryOutcome;
  /** ARM's code (and the HTTP status) of a failure. */
  code?: string;
  status?: number;
  /** When the outcome was written. */
  finished?: string;
  account?: string;
  profile?: string;
}

export type HistoryIntent = Omit<HistoryEntry, 'id' | 'time' | 'outcome' | 'finished'>;
export type HistoryResult = Pick<HistoryEntry, 'outcome'> &
  Partial<Pick<HistoryEntry, 'code' | 'status' | 'hint' | 'expiresAfter' | 'detail'>>;

export interface History {
  /** Writes the intent (outcome unknown) and returns its id. */
  begin(intent: HistoryIntent): string;
  /** Completes the entry `id` with its outcome. */
  finish(id: string, result: HistoryResult): void;
  /** The entries, newest first, each as last written. */
  entries(): HistoryEntry[];
  /** The entries this run wrote, each as last written (for the closing step to settle). */
  thisRun(): HistoryEntry[];
}

/**
 * A failure's outcome: a request whose answer was lost may have been carried out. Its fields are
 * absent, not undefined: finish() spreads a result over the entry it completes.
 */
export function failureResult(error: unknown): HistoryResult {
  if (!(error instanceof GatewayError)) return { outcome: 'unknown' };
  if (error.kind === 'network' || error.kind === 'cancelled' || error.kind === 'unknown')
    return { outcome: 'unknown', ...(error.code ? { code: error.code } : {}) };
  return {
    outcome: 'failed',
    code: error.code ?? error.kind,
    ...(error.status !== undefined ? { status: error.status } : {}),
  };
}
