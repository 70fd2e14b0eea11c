/**
 * The one closing step of a command. Every ending passes through here — a result, an Azure error,
 * a lost answer, the run's time limit, a signal, an exception, and the forced exit — and reads
 * the run's custody record (keys/custody.ts): staged key files are moved into place, every key
 * that may be live and was not accounted for yet is named with the commands that check and delete
 * it (one nobody holds is deleted again, within a short deadline of its own), and the exit code
 * and the one JSON document follow from the record.
 */
import { keyCommand } from '../domain/resource-id';
import { deleteIfSentHere } from '../keys/create-key';
import { account, hold, madeWords, takenBackWords, type Custody, type KeyAccount } from '../keys/custody';
import { GatewayError, type Gateway } from '../port/gateway';
import { EXIT, type Io } from '../port/io';
import { figures } from '../term/style';
import type { Mode } from './command-table';
import { reportFailure, writeJsonDocument } from './failure';
import type { Values } from './options';
import type { History } from '../port/history';
import { recordEnding } from './closing-history';

export interface RunEnding {
  custody: Custody;
  io: Io;
  values: Values;
  mode: Mode;
  demo: boolean;
  /** The program as this run was started, in the commands the closing step names. */
  program?: string;
  /** The words the run was given, for a failure that names the same command with another sign-in. */
  argv?: readonly string[];
  /** Where an unheld key is deleted again; absent before the run connected. */
  gateway?: Gateway;
  /** The run's record of changes: the closing step settles what custody knows and notes the key files. */
  history?: History;
}

export type Outcome = { code: number } | { failure: unknown };

/** How long the closing step may spend deleting again a key nobody holds. */
export const TAKE_BACK_MS = 8_000;

export async function closeRun(ending: RunEnding, outcome: Outcome): Promise<number> {
  const { custody, io, values } = ending;
  const json = values.output === 'json';
  const showSecret = values['show-secret'] === true;
  const live = custody.mayBeLive();
  // The secret goes in the document whenever it was asked for and the key may be live.
  const printsDocument = json && !custody.documentPrinted;
  const secret = showSecret && printsDocument ? live[0]?.secret : undefined;
  if (secret) for (const entry of live) hold(entry, { kind: 'stdout' });
  const accounts = account(custody);
  if (ending.history) recordEnding(ending.history, custody, ending.mode);
  const keys = accounts.map(keyJson);
  let code: number;
  if ('failure' in outcome) {
    // Only what there is: no empty `keys`, and the secret exactly when it was held for stdout above.
    const extra =
      json && (keys.length > 0 || secret)
        ? { ...(keys.length > 0 ? { keys } : {}), ...(secret ? { secret } : {}) }
        : {};
    code = reportFailure(outcome.failure, values, io, ending.mode, custody.documentPrinted ? undefined : extra, ending);
    if (json) custody.documentPrinted = true;
  } else {
    code = outcome.code;
    if (json && !custody.documentPrinted && live.some((e) => !e.told)) {
      writeJsonDocument(io, {
        error: { kind: 'unknown', message: 'the run ended before it said where its key is' },
        keys,
        ...(secret ? { secret } : {}),
      });
      custody.documentPrinted = true;
    }
  }

  let untold = 0;
  for (const entry of live) {
    if (entry.told) continue;
    untold += 1;
    entry.told = true;
    const words = accounts.find((a) => a.name === entry.name && a.deployment === entry.deployment.name);
    const ref = entry.deployment;
    const what = `key '${entry.name}' ${madeWords(entry)}`;
    if (entry.holders.length > 0) {
      io.stderr.write(
        `${io.err('warning', figures.warning)} ${what} on ${ref.name}: ${words?.said ?? 'its secret is held'}. Check it with: ${keyCommand('show', ref, entry.name, ending)}; delete it with: ${keyCommand('delete', ref, entry.name, ending)} --yes\n`,
      );
      continue;
    }
    io.stderr.write(
      `${io.err('danger', figures.fail)} ${await takeBack(ending, entry.deployment, entry.name, what)}\n`,
    );
  }
  if (untold > 0 && code === EXIT.ok) return EXIT.failed;
  return code;
}

/** A key that may be live while nobody holds its secret is deleted again; the words say what came of it. */
async function takeBack(
  ending: RunEnding,
  ref: Parameters<typeof keyCommand>[1],
  name: string,
  what: string,
): Promise<string> {
  const entry = ending.custody.find(ref, name);
  const deleteIt = `${keyCommand('delete', ref, name, ending)} --yes`;
  if (!ending.gateway) return `${what} on ${ref.name}, and nobody holds its secret: delete it with: ${deleteIt}`;
  try {
    const signal = AbortSignal.timeout(TAKE_BACK_MS);
    // A DELETE of it already under way (the forced exit came meanwhile): its answer, not a second one.
    // A key that only may have been made: the name may be someone else's by now.
    const outcome = entry?.takingBack
      ? await answerWithin(entry.takingBack, signal)
      : entry?.state === 'maybe'
        ? await deleteIfSentHere(ending.gateway, ref, name, { signal })
        : await ending.gateway.deleteKey(ref, name, { signal });
    if (outcome === 'notOurs')
      return `${what} on ${ref.name}: a key of that name is there, but not the one this run sent (another hint or expiry), so it was left alone.`;
    if (entry) entry.state = 'gone';
    return `${what} on ${ref.name}, but nobody held its secret, so it was deleted again.${takenBackWords(entry)}`;
  } catch (error) {
    const failure = error instanceof GatewayError ? error.plain : String(error);
    return `${what} on ${ref.name}, nobody holds its secret, and deleting it again failed (${failure}): delete it with: ${deleteIt}`;
  }
}

/** The answer of a request under way, or a failure once `signal` ends the wait. */
function answerWithin<T>(answer: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const gaveUp = () => reject(new Error(`no answer within ${TAKE_BACK_MS / 1000} s`));
    signal.addEventListener('abort', gaveUp, { once: true });
    answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', gaveUp));
  });
}

function keyJson(a: KeyAccount) {
  return {
    name: a.name,
    deployment: a.deployment,
    state: a.state,
    files: a.files,
    stdout: a.stdout,
    vaults: a.vaults,
  };
}

/**
 * The closing step once, whoever asks first: the command's own end, or the forced exit of the
 * run's time limit (which then leaves with the code it gives).
 */
export function closingOnce(ending: () => RunEnding): (outcome: Outcome) => Promise<number> {
  let closing: Promise<number> | undefined;
  return (outcome) => (closing ??= closeRun(ending(), outcome));
}
