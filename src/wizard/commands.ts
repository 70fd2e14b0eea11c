/**
 * Performs one command of the machine through the gateway and answers with the event that
 * reports its outcome. Nothing here decides a rule; it only does the work.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { generateUuidKey } from '../domain/secret';
import { looksLikeResourceId, parseDeploymentId } from '../domain/resource-id';
import { GatewayError, type Discovery, type Gateway } from '../port/gateway';
import { createKey } from '../keys/create-key';
import { extendKey } from '../keys/extend-key';
import { verifyWithPatience } from '../keys/verify';
import { deliverHandoffs, stageHandoffFiles, type StagedHandoffs } from '../keys/handoff';
import { exposureWarning, gitExposure } from '../keys/git-exposure';
import type { HandoffFacts, HandoffTarget } from '../domain/handoff';
import { problemFrom } from './problem';
import type { Command, WizardEvent, WizardScope } from './state';

export interface CommandDeps {
  gateway: Gateway;
  scope: WizardScope;
  signal: AbortSignal;
  now: () => Date;
  onProgress: (message: string) => void;
  copy: (secret: string) => Promise<string>;
}

async function discover(deps: CommandDeps): Promise<Discovery> {
  const { gateway, scope, signal } = deps;
  if (scope.deployment && looksLikeResourceId(scope.deployment)) {
    const ref = parseDeploymentId(scope.deployment);
    if (!ref)
      throw new GatewayError('invalid', `'${scope.deployment}' is not the resource id of an NGINXaaS deployment`);
    const [deployment, subscriptions] = await Promise.all([
      gateway.getDeployment(ref, { signal }),
      gateway.listSubscriptions({ signal }),
    ]);
    const subscription = subscriptions.find((s) => s.subscriptionId.toLowerCase() === ref.subscriptionId.toLowerCase());
    return {
      deployments: [{ ...deployment, ...(subscription ? { subscriptionName: subscription.displayName } : {}) }],
      searched: subscription
        ? [subscription]
        : [{ subscriptionId: ref.subscriptionId, displayName: ref.subscriptionId, state: 'Enabled' }],
      via: 'direct',
      problems: [],
    };
  }
  return gateway.discoverDeployments(
    {
      ...(scope.subscription ? { subscriptions: [scope.subscription] } : {}),
      ...(scope.resourceGroup ? { resourceGroup: scope.resourceGroup } : {}),
    },
    { signal, onProgress: deps.onProgress },
  );
}

/**
 * Never rejects: a command that throws is answered with its own failure event, so the machine
 * hears of it (an unhandled rejection would leave a spinner turning for ever).
 */
export async function runWizardCommand(command: Command, deps: CommandDeps): Promise<WizardEvent> {
  try {
    return await perform(command, deps);
  } catch (error) {
    return failureEvent(command, error);
  }
}

function failureEvent(command: Command, error: unknown): WizardEvent {
  const problem = problemFrom(error);
  switch (command.kind) {
    case 'discover':
      return { type: 'deploymentsFailed', problem };
    case 'loadKeys':
      return { type: 'keysFailed', deployment: command.deployment, problem };
    case 'peekKeys':
      return {
        type: 'peeked',
        results: command.deployments.map((deployment) => ({ deployment, problem })),
        answered: 1,
      };
    case 'create':
    case 'generate':
      return { type: 'createFailed', problem };
    case 'verify':
      return {
        type: 'verified',
        result: { ok: false, message: `the check itself failed: ${problem.message}` },
        ...(command.again ? { again: true } : {}),
      };
    case 'copy':
      return { type: 'copied', message: `could not copy the key: ${problem.message}` };
    case 'handoff':
      return { type: 'handedOff', result: { ok: false, said: `${command.target.kind}: ${problem.message}` } };
    case 'deleteKey':
      return { type: 'deleteFailed', problem };
    case 'extendKey':
      return { type: 'extendFailed', problem };
    case 'permissions':
      // Unknown is no refusal: the change itself will say if it is refused.
      return { type: 'permissionsRead', deployment: command.deployment, write: true, delete: true };
  }
}

async function perform(command: Command, deps: CommandDeps): Promise<WizardEvent> {
  const { gateway, signal } = deps;
  switch (command.kind) {
    case 'discover':
      try {
        const [discovery, signedIn] = await Promise.all([
          discover(deps),
          gateway.signedInAs?.({ signal }).catch(() => undefined),
        ]);
        return {
          type: 'deploymentsLoaded',
          discovery: { ...discovery, ...(signedIn ? { signedIn } : {}) },
          now: deps.now(),
        };
      } catch (error) {
        return { type: 'deploymentsFailed', problem: problemFrom(error) };
      }
    case 'loadKeys':
      try {
        return {
          type: 'keysLoaded',
          deployment: command.deployment,
          keys: await gateway.listKeys(command.deployment, { signal }),
        };
      } catch (error) {
        return { type: 'keysFailed', deployment: command.deployment, problem: problemFrom(error) };
      }
    case 'peekKeys': {
      // A batch read one after another, answered as one event: a list of thousands redraws per
      // batch, not per deployment.
      const results = [];
      for (const deployment of command.deployments) {
        try {
          results.push({ deployment, keys: await gateway.listKeys(deployment, { signal }) });
        } catch (error) {
          results.push({ deployment, problem: problemFrom(error) });
        }
      }
      return { type: 'peeked', results, answered: 1 };
    }
    case 'generate':
      return { type: 'secretGenerated', secret: generateUuidKey({ randomUUID, randomBytes }) };
    case 'create':
      try {
        // The one create path: a key that appeared since the review is never replaced unasked.
        const outcome = await createKey(
          gateway,
          command.deployment,
          command.name,
          { secret: command.secret, endDateTime: command.endDateTime },
          { replace: command.replace, signal },
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
    case 'verify': {
      // The same patience as create --verify: a new key may take a moment to reach the dataplane.
      const checked = await verifyWithPatience(gateway, command.endpoint, command.secret, { signal });
      const result =
        checked.outcome === 'accepted'
          ? { ok: true as const, status: checked.status }
          : { ok: false as const, message: checked.message, ...(checked.status ? { status: checked.status } : {}) };
      return { type: 'verified', result, ...(command.again ? { again: true } : {}) };
    }
    case 'copy':
      return { type: 'copied', message: await deps.copy(command.secret) };
    case 'handoff': {
      const target = command.target;
      const exposure = target.kind === 'keyvault' || command.acceptExposed ? undefined : gitExposure(target.path);
      if (exposure && target.kind !== 'keyvault') {
        return {
          type: 'handedOff',
          result: {
            ok: false,
            said: `git would commit it: ${exposureWarning(target.path, exposure)}. Enter again writes it anyway; or type another path.`,
            exposedPath: target.path,
          },
        };
      }
      const staged = command.target.kind === 'keyvault' ? undefined : tryStage(command.target, command.facts);
      if (staged && 'refused' in staged) return { type: 'handedOff', result: { ok: false, said: staged.refused } };
      const [result] = await deliverHandoffs(gateway, [command.target], staged, command.facts, {
        keyExists: true,
        signal,
      });
      if (!result) return { type: 'handedOff', result: { ok: false, said: 'nothing was handed off' } };
      const said = `${command.target.kind}: ${result.said}`;
      return {
        type: 'handedOff',
        result: { ok: result.ok, said, ...(result.nextLines ? { nextLines: result.nextLines } : {}) },
      };
    }
    case 'permissions': {
      const may = await gateway.keyPermissions(command.deployment, { signal });
      return { type: 'permissionsRead', deployment: command.deployment, ...may };
    }
    case 'extendKey': {
      const extended = await extendKey(gateway, command.deployment, command.key, command.endDateTime, { signal });
      return { type: 'extended', key: extended.key, previous: extended.previous };
    }
    case 'deleteKey':
      try {
        return { type: 'deleted', outcome: await gateway.deleteKey(command.deployment, command.name, { signal }) };
      } catch (error) {
        return { type: 'deleteFailed', problem: problemFrom(error) };
      }
  }
}

/** Stages a file hand-off (its path checked there; never over an existing file); a refusal in words. */
function tryStage(target: HandoffTarget, facts: HandoffFacts): StagedHandoffs | { refused: string } {
  try {
    return stageHandoffFiles([target], facts, false);
  } catch (error) {
    return { refused: (error as Error).message };
  }
}
