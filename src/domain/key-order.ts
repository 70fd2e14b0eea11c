/**
 * The one order of a deployment's keys, wherever they are listed (the key console, its line face,
 * `list`, `list --all`): soonest expiry first — what needs attention first, the expired at the top —
 * then by name. A key whose expiry could not be read comes first of all: it needs a look most.
 */
import { naturalOrder } from './natural-order';

export function keyOrder(a: { name: string; endDateTime: Date }, b: { name: string; endDateTime: Date }): number {
  const at = a.endDateTime.getTime();
  const bt = b.endDateTime.getTime();
  const unread = Number(Number.isNaN(bt)) - Number(Number.isNaN(at));
  if (unread !== 0) return unread;
  return (Number.isNaN(at) ? 0 : at - bt) || naturalOrder(a.name, b.name);
}
