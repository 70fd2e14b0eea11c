/**
 * What the rotation's panel says of the consumers of the old key, in the same words in both faces:
 * what was found, the offer (a), the work under way, and what came of it, one consumer a line.
 */
import { spokenDuration } from '../domain/spoken-duration';
import type { WizardState } from './state';
import { consumersOffered } from './steps/rotation';

export interface ConsumerLine {
  mark: 'pass' | 'warn' | 'fail' | 'none';
  text: string;
}

export interface ConsumerWords {
  lines: ConsumerLine[];
  /** A line with a spinner: looking, or applying. */
  busy?: string;
  /** What a does, when it does anything. */
  offer?: string;
  /** Every consumer found runs on the new key: Enter retires the old one. */
  allProven: boolean;
  /** The consumers are being changed: the panel takes no key meanwhile. */
  holdsKeys?: boolean;
}

/** At most this many consumers are listed on the panel; the rest are counted. */
const LISTED = 2;

export function consumerWords(state: Pick<WizardState, 'rotation' | 'preset' | 'result'>): ConsumerWords | undefined {
  const rotation = state.rotation;
  const consumers = rotation?.consumers;
  if (!rotation || !consumers) return undefined;
  const old = rotation.old.name;
  const fresh = state.result?.key.name ?? '';
  const settleMs = state.preset.consumers?.settleMs ?? 60_000;
  const settle = settleMs < 1000 ? `${settleMs} ms` : spokenDuration(settleMs);
  if (consumers.stage === 'looking')
    return { lines: [], busy: `Looking for what uses '${old}' here (NLK, nginx-asg-sync)…`, allProven: false };
  const more = (count: number): ConsumerLine[] =>
    count > LISTED ? [{ mark: 'none', text: `  and ${count - LISTED} more` }] : [];
  if (consumers.stage === 'applying')
    return {
      lines: [],
      busy: `Applying '${fresh}' to ${consumers.found.length === 1 ? 'it' : `${consumers.found.length} consumers`} and proving it (${settle} each)…`,
      allProven: false,
      holdsKeys: true,
    };
  if (consumers.stage === 'found') {
    // Nothing found is no news on a panel that is short of rows already.
    if (consumers.found.length === 0) return undefined;
    return {
      lines: [
        ...consumers.found.slice(0, LISTED).map((f) => ({ mark: 'none' as const, text: `Uses '${old}': ${f.where}` })),
        ...more(consumers.found.length),
      ],
      offer: `a puts '${fresh}' there and proves it (${settle})`,
      allProven: false,
    };
  }
  const applied = consumers.applied;
  // Why, on a line of its own: the consumer's name alone may fill the line. What came of it goes
  // first: the full-screen panel cuts a long line at its end, and the verdict must stay in view.
  const lines: ConsumerLine[] = (applied?.outcomes ?? []).slice(0, LISTED).flatMap((o): ConsumerLine[] => {
    const why: ConsumerLine[] = o.said ? [{ mark: 'none', text: `  ${o.said}` }] : [];
    if (o.state === 'proven') return [{ mark: 'pass', text: `runs on '${fresh}': ${o.where}` }];
    if (o.state === 'unproven') return [{ mark: 'warn', text: `in place, unproven: ${o.where}` }, ...why];
    if (o.state === 'skipped') return [{ mark: 'none', text: `not changed: ${o.where}` }];
    return [{ mark: 'fail', text: `${o.state === 'refused' ? 'refused: ' : ''}${o.where}` }, ...why];
  });
  return {
    lines: [...lines, ...more(applied?.outcomes.length ?? 0)],
    offer: consumersOffered(state) ? `a tries again: '${old}' stays in use meanwhile` : undefined,
    allProven: applied?.allProven === true,
  };
}
