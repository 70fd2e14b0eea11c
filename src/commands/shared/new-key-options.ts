/**
 * The flags of a new key, for `create` and `rotate`: its expiry, where the key comes from and where
 * a generated key goes, all checked before any request; and reading a key given on stdin or in a
 * file. Issuing it is new-key.ts's.
 */
import { randomBytes, randomUUID } from '../../domain/random';
import { flag, text, texts, type CommandValues, type NEW_KEY_FLAGS } from './flags';
import { parseHandoff, type HandoffTarget } from '../../domain/handoff';
import { defaultExpiry, parseExpiry } from '../../domain/expiry';
import { evaluate } from '../../domain/policy';
import { generateUuidKey } from '../../domain/secret';
import type { Io } from '../../port/io';
import { checkHandoffTargets } from '../../keys/handoff';
import { UsageError } from '../../port/usage-error';
import { whilePersonAnswers } from './ask';
import { checkSecretOut, UnfitDestination } from '../../files/secret-file';
import { readSecretFile, readSecretFromStream, readSecretFromTerminal } from './secret-io';

type NewKeyValues = CommandValues<typeof NEW_KEY_FLAGS>;

export type SecretSource = { kind: 'stdin' } | { kind: 'file'; path: string } | { kind: 'generate' };

export interface NewKeyOptions {
  endDateTime: Date;
  source: SecretSource;
  secretOut?: string;
  showSecret: boolean;
  force: boolean;
  /** Where the key is handed off (--emit), each checked before any request. */
  emit: HandoffTarget[];
  /** How many consumers take the key (--apply): each is a place the key is held once applied. */
  consumers: number;
}

function parseSource(values: NewKeyValues): SecretSource {
  const chosen: SecretSource[] = [];
  if (flag(values, 'secret-stdin')) chosen.push({ kind: 'stdin' });
  const file = text(values, 'secret-file');
  if (file !== undefined) chosen.push({ kind: 'file', path: file });
  if (flag(values, 'generate')) chosen.push({ kind: 'generate' });
  if (chosen.length > 1) throw new UsageError('choose one of --secret-stdin, --secret-file and --generate');
  return chosen[0] ?? { kind: 'generate' };
}

export function parseNewKeyOptions(values: NewKeyValues, now: Date, consumers = 0): NewKeyOptions {
  const expires = text(values, 'expires');
  let endDateTime = defaultExpiry(now);
  if (expires !== undefined) {
    const parsed = parseExpiry(expires, now);
    if (!parsed.ok) throw new UsageError(parsed.problem);
    endDateTime = parsed.date;
  }
  const source = parseSource(values);
  const secretOut = text(values, 'secret-out');
  const showSecret = flag(values, 'show-secret');
  const force = flag(values, 'force');
  const emit = texts(values, 'emit').map((entry) => {
    const parsed = parseHandoff(entry);
    if (!parsed.ok) throw new UsageError(parsed.problem);
    return parsed.target;
  });
  if (source.kind !== 'generate' && (secretOut !== undefined || showSecret)) {
    throw new UsageError('--secret-out and --show-secret are for generated keys; you already have yours');
  }
  if (source.kind === 'generate' && secretOut === undefined && !showSecret && emit.length === 0 && consumers === 0) {
    throw new UsageError(
      'a generated key must go somewhere: add --secret-out <file>, --emit <kind=dest>, --apply <kind=target> or --show-secret (nobody could read it otherwise)',
    );
  }
  try {
    if (secretOut !== undefined) checkSecretOut(secretOut, force);
    checkHandoffTargets(emit, force, secretOut);
  } catch (error) {
    // A destination that cannot take the key is a usage error: said before anything is sent.
    if (error instanceof UnfitDestination) throw new UsageError(error.message);
    throw error;
  }
  return {
    endDateTime,
    source,
    showSecret,
    force,
    emit,
    consumers,
    secretOut,
  };
}

/** The key itself, read or generated and checked against the policy; nothing is sent yet. */
export async function readSecret(options: Pick<NewKeyOptions, 'source'>, io: Io): Promise<string> {
  let secret: string;
  if (options.source.kind === 'stdin') {
    // On a terminal the key is read without echo; from a pipe, whole.
    // A person typing is not the run being slow: the time limit waits (a pipe's writer is not a person).
    secret = io.stdin.isTTY
      ? await whilePersonAnswers(io, readSecretFromTerminal(io.stdin, io.stderr, io.env.TERM === 'dumb', io.signal))
      : await readSecretFromStream(io.stdin, io.signal);
  } else if (options.source.kind === 'file') {
    secret = readSecretFile(options.source.path);
  } else {
    secret = generateUuidKey({ randomUUID, randomBytes });
  }
  const policy = evaluate(secret);
  if (!policy.ok) throw new UsageError(policy.problem ?? 'the key does not meet the policy');
  return secret;
}
