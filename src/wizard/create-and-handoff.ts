/**
 * The runner's two commands that make something: the create (through the one create path, which
 * never replaces a key unasked) and a hand-off (a file staged and moved into place, or a Key Vault
 * version). Each answers with the event that reports its outcome.
 */
import { GatewayError } from '../port/gateway';
import { createKey } from '../keys/create-key';
import { deliverHandoffs, replacesAFile, stageHandoffFiles, type StagedHandoffs } from '../keys/handoff';
import { exposureWarning, gitExposure } from '../keys/git-exposure';
import { homedir } from 'node:os';
import { inHome, type HandoffFacts, type HandoffTarget } from '../domain/handoff';
import { problemFrom } from './problem';
import { HANDOFF_LABELS } from './steps/handoff';
import type { PerformDeps } from './perform';
import type { Command, WizardEvent } from './state';

export async function performCreate(
  command: Extract<Command, { kind: 'create' }>,
  deps: PerformDeps,
): Promise<WizardEvent> {
  const { gateway, signal } = deps;
  try {
    // The one create path: a key that appeared since the review is never replaced unasked.
    const outcome = await createKey(
      gateway,
      command.deployment,
      command.name,
      { secret: command.secret, endDateTime: command.endDateTime },
      { replace: command.replace, signal, purpose: command.purpose },
    );
    if (outcome.kind === 'exists') {
      const existing = outcome.existing;
      throw new GatewayError(
        'alreadyExists',
        `a key named '${existing.name}' appeared meanwhile (hint ${existing.hint}); press Esc and review again`,
      );
    }
    if (outcome.kind === 'unknown') {
      const problem = outcome.problem;
      return {
        type: 'createFailed',
        problem: {
          message: `the answer was lost (${problem.message}) and a check could not tell whether Azure created the key`,
          uncertain: true,
          kind: problem.kind,
          ...(problem.code ? { code: problem.code } : {}),
        },
      };
    }
    // Raced: Azure replaced a key made meanwhile with ours; the reveal says so, loudly.
    return {
      type: 'createSucceeded',
      result: {
        key: outcome.key,
        created: outcome.kind === 'created',
        ...(outcome.kind === 'raced' ? { raced: true } : {}),
      },
      now: deps.now(),
    };
  } catch (error) {
    return { type: 'createFailed', problem: problemFrom(error) };
  }
}

export async function performHandoff(
  command: Extract<Command, { kind: 'handoff' }>,
  deps: PerformDeps,
): Promise<WizardEvent> {
  const { gateway, signal } = deps;
  // The machine knows the path as typed (it asks again about that path); the files, where it is.
  const typed = command.target;
  const target = inHome(typed, homedir());
  const typedPath = typed.kind === 'keyvault' ? '' : typed.path;
  const exposure = target.kind === 'keyvault' || command.acceptExposed ? undefined : gitExposure(target.path);
  if (exposure && target.kind !== 'keyvault') {
    return {
      type: 'handedOff',
      result: {
        ok: false,
        said: `git would commit it: ${exposureWarning(target.path, exposure)}. Enter again writes it anyway; or type another path.`,
        exposedPath: typedPath,
      },
    };
  }
  if (replacesAFile(target) && !command.replaceExisting && target.kind !== 'keyvault') {
    return {
      type: 'handedOff',
      result: {
        ok: false,
        said: `'${target.path}' exists: Enter again replaces it, or type another path.`,
        existingPath: typedPath,
      },
    };
  }
  const staged =
    target.kind === 'keyvault' ? undefined : tryStage(target, command.facts, command.replaceExisting === true);
  if (staged && 'refused' in staged) return { type: 'handedOff', result: { ok: false, said: staged.refused } };
  const [result] = await deliverHandoffs(gateway, [target], staged, command.facts, {
    keyExists: true,
    signal,
  });
  if (!result) return { type: 'handedOff', result: { ok: false, said: 'nothing was handed off' } };
  const said = `${target.kind}: ${result.said}`;
  return {
    type: 'handedOff',
    result: {
      ok: result.ok,
      said,
      nextLines: result.nextLines,
      ...(result.uncertain && result.target.kind === 'keyvault' ? { inDoubt: result.target.url } : {}),
    },
  };
}

/** Stages a file hand-off (its path checked there; over an existing file only when asked); a refusal in words. */
function tryStage(target: HandoffTarget, facts: HandoffFacts, replace: boolean): StagedHandoffs | { refused: string } {
  try {
    // The wizard speaks in no flags: the file is named by what it is, and Enter again replaces one.
    return stageHandoffFiles([target], facts, replace, (kind) => ({
      name: `the ${HANDOFF_LABELS[kind]}`,
      toReplace: 'press Enter again to replace it',
    }));
  } catch (error) {
    return { refused: (error as Error).message };
  }
}
