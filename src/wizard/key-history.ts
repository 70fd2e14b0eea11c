/** The key console's words for what this machine changed on a key (history), for both faces. */
import type { HistoryEntry } from '../port/history';
import type { WizardState } from './state';

/** At most this many changes are named for one key; `history -d … --key …` lists them all. */
const SHOWN = 3;

/** The changes recorded for `keyName` on the console's deployment, newest first. */
export function keyChanges(state: Pick<WizardState, 'keyHistory'>, keyName: string): HistoryEntry[] {
  const name = keyName.toLowerCase();
  return (state.keyHistory?.entries ?? []).filter((e) => e.key.toLowerCase() === name);
}

function said(entry: HistoryEntry): string {
  const outcome =
    entry.outcome === 'done'
      ? ''
      : entry.outcome === 'failed'
        ? ` failed${entry.code ? ` (${entry.code})` : ''}`
        : ' unknown';
  return `${entry.action} ${entry.time.slice(0, 10)}${outcome}`;
}

/** `extend 2026-12-06 · create 2026-12-01`, or undefined when nothing is recorded here. */
export function keyHistoryWords(state: Pick<WizardState, 'keyHistory'>, keyName: string): string | undefined {
  const changes = keyChanges(state, keyName);
  if (changes.length === 0) return undefined;
  const more = changes.length > SHOWN ? ` · ${changes.length - SHOWN} more` : '';
  return `${changes.slice(0, SHOWN).map(said).join(' · ')}${more}`;
}
