/**
 * `--settle`, how long a consumer must run on the new key before it counts as proven. A file of its
 * own so the wizard checks the flag with every other flag, before the first frame, without loading
 * the --apply step itself.
 */
import { printable } from '../../domain/printable';
import { UsageError } from '../../port/usage-error';

export const DEFAULT_SETTLE_MS = 60_000;
const LONGEST_SETTLE_MS = 30 * 60_000;

/** `--settle`: 90s, 2m, 500ms, or a number of seconds. */
export function parseSettle(given: string | undefined): number {
  if (given === undefined) return DEFAULT_SETTLE_MS;
  const match = /^(\d{1,7})(ms|s|m)?$/.exec(given.trim());
  const ms = match ? Number(match[1]) * (match[2] === 'ms' ? 1 : match[2] === 'm' ? 60_000 : 1000) : NaN;
  if (!(ms >= 0 && ms <= LONGEST_SETTLE_MS))
    throw new UsageError(`--settle takes a duration up to 30m, such as 60s, 2m or 500ms; not '${printable(given)}'`);
  return ms;
}
