/**
 * The questions a rotation asks before the old key goes: whether everything uses the new key,
 * whether to retire it once every consumer is proven (or some are not), and whether to go on when
 * the new key could not be checked. A script's flags answer them; a terminal asks, no by default.
 */
import type { ApiKey } from '../../port/gateway';
import type { Io } from '../../port/io';
import { figures } from '../../term/style';
import { confirmOnTerminal } from '../shared/ask';
import type { ApplyReport } from '../../apply/finish';
import type { RotateOptions } from './rotate';

/**
 * The dataplane could not be asked after the switch: a person may go on after a yes that says the
 * new key was not checked; a script (--yes) stops, and --no-verify is how it goes on.
 */
export async function goOnUnchecked(options: RotateOptions, io: Io, old: ApiKey, newName: string): Promise<boolean> {
  if (options.retire !== 'ask' || !(io.stdin.isTTY && io.stderr.isTTY)) return false;
  return confirmOnTerminal(
    io,
    `'${newName}' was not checked: it could not be asked from here. Delete '${old.name}' (hint ${old.hint}) all the same?`,
  );
}

/**
 * Some consumer took the new key but could not be shown using it (no cluster access, a log level
 * that hides a refusal): the old key stays unless the person says so, on a terminal; --yes said
 * yes before this was known, so it does not count here.
 */
export async function unprovenRetire(
  report: ApplyReport,
  options: RotateOptions,
  io: Io,
  old: ApiKey,
): Promise<boolean> {
  const unproven = report.results.filter((r) => r.state === 'unproven');
  if (options.retire === 'keep' || options.json || !(io.stdin.isTTY && io.stderr.isTTY)) {
    io.stderr.write(
      `${io.err('warning', figures.warning)} ${unproven.map((r) => r.where).join(', ')}: unproven, so '${old.name}' stays.\n`,
    );
    return false;
  }
  const verb = options.retireHow.kind === 'expire' ? 'shortens' : 'deletes';
  return confirmOnTerminal(
    io,
    `${unproven.map((r) => r.where).join(', ')} could not be shown to use the new key. Retire '${old.name}' anyway? Yes ${verb} it.`,
  );
}

/** Every consumer runs on the new key: --yes retires the old one; on a terminal, a yes does. */
export async function provenRetire(options: RotateOptions, io: Io, old: ApiKey, newName: string): Promise<boolean> {
  if (options.retire === 'yes') return true;
  if (options.retire === 'keep' || !(io.stdin.isTTY && io.stderr.isTTY)) return false;
  const verb = options.retireHow.kind === 'expire' ? 'shortens its life' : 'deletes it';
  return confirmOnTerminal(
    io,
    `Every consumer runs on '${newName}'. Retire '${old.name}' (hint ${old.hint})? Yes checks '${newName}' once more and ${verb}.`,
  );
}

/** Whether the integrations use the new key now: --yes says so; on a terminal, Enter does. */
export async function switched(options: RotateOptions, io: Io, old: ApiKey, newName: string): Promise<boolean> {
  if (options.retire === 'yes') return true;
  if (options.retire === 'keep' || !(io.stdin.isTTY && io.stderr.isTTY)) return false;
  io.stderr.write(`Now move what uses '${old.name}' to '${newName}' (see "next" above: restart what reads the key).\n`);
  return confirmOnTerminal(
    io,
    `Does everything use '${newName}' now? Yes checks it once more and deletes '${old.name}' (hint ${old.hint}).`,
  );
}
