/**
 * Performs one command of the machine through the gateway and answers with the event that
 * reports its outcome. Nothing here decides a rule; it only does the work.
 */
import { randomBytes, randomUUID } from '../domain/random';
import { resolve } from 'node:path';
import { generateUuidKey } from '../domain/secret';
import { looksLikeResourceId, parseDeploymentId } from '../domain/resource-id';
import { GatewayError, type Discovery, type Gateway, type VerifyResult } from '../port/gateway';
import { extendKey } from '../keys/extend-key';
import { verifyWithPatience } from '../keys/verify';
import { deleteIfSentHere } from '../keys/create-key';
import { failureEvent } from './failure-event';
import { problemFrom } from './problem';
import { performCreate, performHandoff } from './create-and-handoff';
import type { Command, CopyOutcome, SignInHow, WizardEvent, WizardScope } from './state';
import type { HistoryEntry } from '../port/history';

export interface PerformDeps {
  gateway: Gateway;
  scope: WizardScope;
  signal: AbortSignal;
  now: () => Date;
  onProgress: (message: string) => void;
  copy: (secret: string) => Promise<CopyOutcome>;
  /** Signs this run in another way (the sign-in screen); the gateway answers as the new sign-in afterwards. */
  signIn?: (
    how: SignInHow,
    onDeviceCode: (code: DeviceCodeShown) => void,
    signal: AbortSignal,
  ) => Promise<SignedInWith>;
  /** Stops the sign-in under way (Esc on the sign-in screen). */
  cancelSignIn?: () => void;
  /** Where a device code is shown: the runner turns it into the machine's event. */
  onDeviceCode?: (code: DeviceCodeShown) => void;
}

export interface DeviceCodeShown {
  message: string;
  userCode?: string;
  url?: string;
  expiresAt: number;
}

export interface SignedInWith {
  authDescription: string;
  demoVault?: string;
}

async function discover(deps: PerformDeps): Promise<Discovery> {
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
      // Absent, not undefined: spread over the deployment as Azure gave it.
      deployments: [{ ...deployment, ...(subscription ? { subscriptionName: subscription.displayName } : {}) }],
      searched: subscription
        ? [subscription]
        : [{ subscriptionId: ref.subscriptionId, displayName: ref.subscriptionId, state: 'Enabled' }],
      via: 'direct',
      problems: [],
    };
  }
  // A flag given as '' is no flag: absent, as the gateway tells an undefined scope from a given one.
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
export async function perform(command: Command, deps: PerformDeps): Promise<WizardEvent> {
  try {
    return await carryOut(command, deps);
  } catch (error) {
    return failureEvent(command, error);
  }
}

async function carryOut(command: Command, deps: PerformDeps): Promise<WizardEvent> {
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
    case 'readHistory': {
      const id = command.deployment.id.toLowerCase();
      let entries: HistoryEntry[] = [];
      try {
        entries = deps.scope.history?.entries().filter((e) => e.deployment.toLowerCase() === id) ?? [];
      } catch {
        // A record that cannot be read shows nothing: it never stands in the way of the keys.
      }
      return { type: 'historyRead', deploymentId: command.deployment.id, entries };
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
      return performCreate(command, deps);
    case 'verify': {
      // The same patience as create --verify: a new key may take a moment to reach the dataplane.
      const checked = await verifyWithPatience(gateway, command.endpoint, command.secret, { signal });
      const result: VerifyResult =
        checked.outcome === 'accepted'
          ? { ok: true, status: checked.status }
          : checked.outcome === 'unreachable'
            ? {
                ok: false,
                message: checked.message,
                ...(checked.status ? { status: checked.status } : {}),
                unreachable: { host: checked.host, cause: checked.cause },
              }
            : {
                ok: false,
                message: checked.message,
                ...(checked.outcome === 'refused' ? { status: checked.status } : {}),
              };
      return { type: 'verified', result, again: command.again };
    }
    case 'copy': {
      const copied = await deps.copy(command.secret);
      // Only a copy known to have arrived holds the key; OSC 52 alone is said, not counted.
      return { type: 'copied', message: copied.said, ok: copied.sure, unsure: !copied.sure && copied.sent };
    }
    case 'handoff': {
      const event = await performHandoff(command, deps);
      recordFileHandoff(deps.scope.history, command, event);
      return event;
    }
    case 'signIn': {
      if (!deps.signIn) throw new GatewayError('unknown', 'this run cannot sign in another way');
      const signedIn = await deps.signIn(command.how, (code) => deps.onDeviceCode?.(code), signal);
      return { type: 'signedIn', ...signedIn };
    }
    case 'cancelSignIn':
      deps.cancelSignIn?.();
      return { type: 'signInStopped' };
    case 'permissions': {
      const may = await gateway.keyPermissions(command.deployment, { signal });
      return { type: 'permissionsRead', deployment: command.deployment, ...may };
    }
    case 'extendKey': {
      const extended = await extendKey(gateway, command.deployment, command.key, command.endDateTime, { signal });
      return { type: 'extended', key: extended.key, previous: extended.previous };
    }
    case 'findConsumers': {
      const door = deps.scope.consumers;
      return { type: 'consumersFound', found: door ? await door.find(command.deployment, command.old, signal) : [] };
    }
    case 'applyConsumers': {
      const door = deps.scope.consumers;
      if (!door) throw new GatewayError('unknown', 'this run cannot change the consumers');
      const applied = await door.apply(command.deployment, command.old, command.found, command.fresh, signal);
      return { type: 'consumersApplied', applied };
    }
    case 'deleteKey':
      try {
        if (command.onlyIfSentHere) {
          const outcome = await deleteIfSentHere(gateway, command.deployment, command.name, { signal });
          return outcome === 'notOurs'
            ? { type: 'deleted', outcome: 'absent', notOurs: true }
            : { type: 'deleted', outcome };
        }
        const options = { signal, purpose: command.purpose };
        return { type: 'deleted', outcome: await gateway.deleteKey(command.deployment, command.name, options) };
      } catch (error) {
        return { type: 'deleteFailed', problem: problemFrom(error) };
      }
  }
}

/**
 * A file the wizard handed a key to is recorded as a hand-off (its path, never its content); a Key
 * Vault hand-off is recorded where it is sent (port/recorded-gateway.ts).
 */
function recordFileHandoff(
  history: WizardScope['history'],
  command: Extract<Command, { kind: 'handoff' }>,
  event: WizardEvent,
): void {
  if (!history?.begin || command.target.kind === 'keyvault') return;
  if (event.type !== 'handedOff' || !event.result.ok) return;
  const id = history.begin({
    action: 'hand-off',
    command: 'wizard',
    deployment: command.facts.deploymentId,
    key: command.facts.keyName,
    destination: resolve(command.target.path),
    expiresAfter: command.facts.endDateTime.toISOString(),
  });
  history.finish?.(id, { outcome: 'done' });
}
