/**
 * What `create` and `rotate` share: issuing the key through the one create path, with its key
 * file staged before the PUT and kept whenever the key may exist (the flags of a new key are
 * new-key-options.ts's).
 */
import { handoffFacts } from '../../domain/handoff';
import { canTakeKey } from '../../domain/readiness';
import { keyCommand } from '../../domain/resource-id';
import { GatewayError, type ApiKey, type Deployment } from '../../port/gateway';
import { requestTimeoutMs } from '../../port/io';
import { finishingWords, sayFinishing } from './let-finish';
import { createKey, racedWarning, type CreateOutcome } from '../../keys/create-key';
import { hold, releaseStaged, type CustodyEntry, type Holder } from '../../keys/custody';
import { exposureWarnings } from '../../keys/git-exposure';
import { figures } from '../../term/style';
import {
  deliverHandoffs,
  discardHandoffFiles,
  stageHandoffFiles,
  type HandoffResult,
  type StagedHandoffs,
} from '../../keys/handoff';
import type { CommandDeps } from './deps';
import { describeDeployment, expiresWords } from './format';
import { keepKeyFile, takeBackUnheldKey, writeOut } from './secret-output';
import { resolveDeployment, type TargetOptions } from './target';
import { stageSecretFile, type StagedSecretFile } from '../../files/secret-file';
import type { NewKeyOptions, SecretSource } from './new-key-options';

export async function readyDeployment(deps: CommandDeps, target: TargetOptions): Promise<Deployment> {
  const deployment = await resolveDeployment(deps.gateway, target, deps.io.signal);
  const ready = canTakeKey(deployment);
  if (!ready.ok)
    throw new GatewayError('invalid', `${describeDeployment(deployment)} cannot take a key now: ${ready.reason}`);
  return deployment;
}

/** A key that exists under the name asked for, said the same way by create and rotate. */
export function existingKeyError(existing: ApiKey, deployment: Deployment, now: Date, remedy: string): GatewayError {
  return new GatewayError(
    'alreadyExists',
    `a key named '${existing.name}' already exists on ${describeDeployment(deployment)}: hint ${existing.hint}, ${expiresWords(existing.endDateTime, now)}. Nothing was changed. ${remedy}`,
  );
}

export interface IssuedKey {
  key: ApiKey;
  action: 'created' | 'replaced';
  /** Azure replaced a key that someone made between our check and our PUT. */
  raced?: boolean;
  secret: string;
  handoffs: HandoffResult[];
  /** Its line in the run's custody record. */
  custody: CustodyEntry;
}

/**
 * Creates the key through the one create path. The key file is staged before the PUT and moved
 * into place when the key exists — and also when its outcome is unknown, so the user holds the
 * secret of a key that may be live. Throws when nothing was created; an unknown outcome is said in
 * full on stderr (with --show-secret the key still goes to stdout) and thrown as exit 1.
 */
export async function issueNewKey(
  deps: CommandDeps,
  deployment: Deployment,
  name: string,
  options: NewKeyOptions,
  secret: string,
  create: { replace: boolean; remedy: string; json?: boolean },
): Promise<IssuedKey> {
  const { io, gateway, custody } = deps;
  let facts = handoffFacts(deployment, { keyName: name, secret, endDateTime: options.endDateTime });
  let staged: StagedSecretFile | undefined;
  let stagedHandoffs: StagedHandoffs | undefined;
  let entry: CustodyEntry | undefined;
  const discard = () => {
    staged?.discard();
    discardHandoffFiles(stagedHandoffs);
    if (entry) {
      entry.state = 'gone';
      entry.holders = [];
    }
  };
  // Said before anything is written: a key file where `git add .` would take it.
  const files = [
    ...(options.secretOut !== undefined ? [options.secretOut] : []),
    ...options.emit.flatMap((t) => (t.kind === 'keyvault' ? [] : [t.path])),
  ];
  for (const warning of exposureWarnings(files)) io.stderr.write(`${io.err('warning', 'warning:')} ${warning}\n`);
  let outcome: CreateOutcome;
  try {
    outcome = await createKey(
      gateway,
      deployment,
      name,
      { secret, endDateTime: options.endDateTime },
      {
        replace: create.replace,
        signal: io.signal,
        // After a timeout, the second look waits as long as the client waited (10 s at the most).
        recheckAfterMs: Math.min(requestTimeoutMs(io.env) ?? 10_000, 10_000),
        forceSignal: io.forceSignal,
        onHeld: () => io.stderr.write(finishingWords(io, `creates key '${name}'`)),
        onSending: (sent) => {
          // The files name the expiry the PUT carries, to the millisecond of this attempt.
          facts = { ...facts, endDateTime: sent.endDateTime };
          // In the record before anything is written or sent: whatever ends the run reads it.
          entry = custody.sending(deployment, name, secret);
          const given = givenHolder(options.source);
          if (given) hold(entry, given);
          if (options.secretOut !== undefined) {
            staged = stageSecretFile(options.secretOut, secret, options.force);
            holdStaged(entry, staged);
          }
          stagedHandoffs = stageHandoffFiles(options.emit, facts, options.force);
          for (const file of stagedHandoffs.files) holdStaged(entry, file.staged);
        },
      },
    );
  } catch (error) {
    // createKey throws only when nothing was created, for certain.
    discard();
    throw error;
  }
  if (outcome.kind === 'exists') {
    discard();
    if (outcome.appearedMeanwhile) {
      const e = outcome.existing;
      throw new GatewayError(
        'alreadyExists',
        `a key named '${e.name}' was created by someone else after this run found the name free: hint ${e.hint}, ${expiresWords(e.endDateTime, io.now())}. Nothing was changed. ${create.remedy}`,
      );
    }
    throw existingKeyError(outcome.existing, deployment, io.now(), create.remedy);
  }
  const held = entry ?? custody.sending(deployment, name, secret);
  held.state = outcome.kind === 'unknown' ? 'maybe' : 'live';
  const kept = keepKeyFile(staged, name, outcome.kind !== 'unknown');
  if (staged && kept.ok) hold(held, { kind: 'file', path: staged.path });
  // Its staged copy was taken away and could not be written again: that file holds it nowhere.
  if (staged && !kept.ok && kept.lost) releaseStaged(held, staged.path);
  const keyExists = outcome.kind !== 'unknown';
  // A vault's store is let finish on a first Ctrl+C: the vault may carry it out all the same.
  const quiet = sayFinishing(io, `stores key '${name}' in Key Vault`);
  const handoffs = await deliverHandoffs(gateway, options.emit, stagedHandoffs, facts, {
    keyExists,
    signal: io.signal,
    forceSignal: io.forceSignal,
  }).finally(quiet);
  // Raced: a key made meanwhile by someone else, replaced by this one (a 200 where 201 was due).
  held.replaced = outcome.kind === 'replaced' || outcome.kind === 'raced';
  for (const h of handoffs) {
    if (!h.ok && h.uncertain && h.target.kind === 'keyvault')
      held.vaultsInDoubt = [...(held.vaultsInDoubt ?? []), h.target.url];
    if (!h.ok) continue;
    hold(
      held,
      h.target.kind === 'keyvault' ? { kind: 'vault', url: h.target.url } : { kind: 'file', path: h.target.path },
    );
  }
  const handedFiles = handoffs
    .filter((h) => h.ok && h.target.kind !== 'keyvault')
    .map((h) => h.said.replace(/^wrote /, ''));
  if (outcome.kind === 'unknown') {
    // A JSON run carries the key in its one document (the closing step writes it), never a bare line.
    if (options.showSecret && !create.json && !(await writeOut(io, `${secret}\n`))) hold(held, { kind: 'stdout' });
    const places = [
      staged ? (kept.ok ? `The key is in ${staged.path} (mode 0600).` : kept.lost ? '' : `${kept.message}.`) : '',
      options.showSecret
        ? create.json
          ? 'The key is in the JSON document as "secret".'
          : 'The key was printed above.'
        : '',
      handedFiles.length > 0 ? `The key is also in ${handedFiles.join(', ')}.` : '',
    ]
      .filter(Boolean)
      .join(' ');
    const lost = outcome.mayStillAppear
      ? `no answer came to creating key '${name}' (${outcome.problem.plain}), and Azure may still be carrying it out: the key was not there when checked, but it may still appear`
      : `the answer to creating key '${name}' was lost (${outcome.problem.plain}) and a check could not tell whether Azure created it`;
    held.told = places !== '';
    const nobody = !kept.ok && kept.lost ? `Nobody holds its secret (${kept.why})` : 'Nobody holds its secret';
    throw new GatewayError(
      'unknown',
      `${lost}. ${places || `${nobody}: if it appears, delete it.`} Check with: ${keyCommand('show', deployment, name, deps)}`,
    );
  }
  if (!kept.ok && !kept.lost) {
    held.told = true;
    throw new GatewayError('unknown', kept.message);
  }
  if (!kept.ok) {
    // Only what holds it already counts: stdout and the consumers would have it only after this.
    const elsewhere = [
      ...(options.source.kind !== 'generate' ? ['what you gave'] : []),
      ...handoffs.flatMap((h) => (!h.ok ? [] : [h.target.kind === 'keyvault' ? h.target.url : h.target.path])),
    ];
    if (elsewhere.length === 0) await takeBackUnheldKey(deps, deployment, name, kept.why);
    held.told = true;
    throw new GatewayError('unknown', `${kept.message}. Its secret is in ${elsewhere.join(', ')}.`);
  }
  if (outcome.kind === 'raced') {
    const where = staged ? ` This run's key is in ${staged.path}.` : '';
    io.stderr.write(`${io.err('danger', figures.fail)} ${racedWarning(name)}.${where}\n`);
  }
  if (outcome.kind !== 'raced' && outcome.settledByCheck)
    io.stderr.write(`${io.err('muted', `The answer was lost; a check found the key, so it was ${outcome.kind}.`)}\n`);
  // A key meant for consumers (--apply) is held once one takes it, or taken back when none does.
  const heldSomewhere =
    staged !== undefined ||
    options.showSecret ||
    options.source.kind !== 'generate' ||
    handoffs.some((h) => h.ok) ||
    options.consumers > 0;
  if (!heldSomewhere) {
    const why = handoffs.map((h) => h.said).join('; ');
    await takeBackUnheldKey(deps, deployment, name, `it could not be handed off anywhere (${why})`);
  }
  // A key the user typed or gave in a file: they hold its secret already.
  if (options.source.kind !== 'generate') held.told = true;
  const action = outcome.kind === 'raced' ? 'replaced' : outcome.kind;
  return { key: outcome.key, action, secret, handoffs, raced: outcome.kind === 'raced', custody: held };
}

/** A key the user typed, piped or named a file of: they hold it already. */
function givenHolder(source: SecretSource): Holder | undefined {
  if (source.kind === 'generate') return undefined;
  return {
    kind: 'given',
    from: source.kind === 'file' ? `your file ${source.path}` : 'what you gave on standard input',
  };
}

function holdStaged(entry: CustodyEntry, staged: StagedSecretFile): void {
  // Where it waits is read when it is named: a copy taken away is staged anew at another name.
  hold(entry, {
    kind: 'staged',
    path: staged.path,
    get stagingPath() {
      return staged.stagingPath;
    },
    commit: () => staged.commit(),
  });
}
