/**
 * The clock of a command (not the wizard's, where a person sets the pace): its time limit, and
 * the status line that says on a terminal what the run waits on.
 */
import { flag, text, type Values } from './options';
import { StatusLine } from '../term/status-line';
import type { Io } from '../port/io';
import { DEFAULT_RUN_LIMIT_MS, graceFrom, parseRunLimit, RunLimit, type RunTimeLimit } from '../port/run-limit';
import { colorEnabled, painter } from '../term/style';

/**
 * A command keeps time (run-limit.ts) and names its waits (watched-gateway.ts): the limit from
 * --timeout or NGINXAAS_KEYS_TIMEOUT stops the run as a signal would, then insists, then leaves.
 */
export function keepTime(
  values: Values,
  aborter: AbortController,
  forcer: AbortController,
  /** The forced exit: the run's closing step, then the process leaves with the code it gives. */
  leave: (reason: RunTimeLimit) => void,
) {
  const given = text(values, 'timeout');
  const fromEnv = process.env.NGINXAAS_KEYS_TIMEOUT;
  const ms =
    given !== undefined
      ? parseRunLimit(given, '--timeout')
      : fromEnv
        ? parseRunLimit(fromEnv, 'NGINXAAS_KEYS_TIMEOUT')
        : DEFAULT_RUN_LIMIT_MS;
  const paint = painter(colorEnabled(process.stderr, process.env, flag(values, 'no-color')));
  const status = StatusLine.for(process.stderr, process.stdout, process.env, paint, () => limit.left());
  const limit = new RunLimit(
    ms,
    {
      stop: (reason) => {
        reason.waitingOn = status.waitingOn();
        aborter.abort(reason);
      },
      force: (reason) => forcer.abort(reason),
      leave,
    },
    Date.now,
    graceFrom(process.env),
  );
  const askingPerson = <T>(asking: Promise<T>) => limit.hold(status.hold(asking));
  return {
    limit,
    status,
    io: { status, askingPerson } satisfies Partial<Io>,
    end: () => {
      status.end();
      limit.end();
    },
  };
}
