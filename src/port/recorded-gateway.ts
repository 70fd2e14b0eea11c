/**
 * A gateway whose every change is recorded in the history (port/history.ts): putKey, deleteKey
 * and storeSecret write their intent just before the request leaves and their outcome after it,
 * in one place for every face. What a key was before (its hint, its expiry) is known from the
 * reads the run made of it on its way here; who the run is, from the gateway's own sign-in.
 */
import { deploymentId } from '../domain/resource-id';
import type { ApiKey, CallOptions, DeploymentRef, Gateway, PutKeyResult } from './gateway';
import { failureResult, type History, type HistoryAction, type HistoryIntent } from './history';

export interface RecordContext {
  history: History;
  /** The command that runs (`wizard` for both interactive faces). */
  command: string;
  profile?: string;
}

/** How long the record may wait to learn who the run is: never long enough to hold up a change. */
const WHO_WAIT_MS = 2_000;

const keyOf = (ref: DeploymentRef, name: string) => `${deploymentId(ref)}/${name}`.toLowerCase();

function putAction(command: string, withSecret: boolean, existed: boolean): HistoryAction {
  if (command === 'rotate') return 'rotate-new';
  if (command === 'extend' || !withSecret) return 'extend';
  return existed ? 'replace' : 'create';
}

function deleteAction(command: string): HistoryAction {
  if (command === 'rotate') return 'rotate-retire';
  // create and extend delete only to take back a key whose secret nobody holds (cli/closing.ts).
  if (command === 'create' || command === 'extend') return 'take-back';
  return 'delete';
}

export function recorded(gateway: Gateway, context: RecordContext): Gateway {
  const seen = new Map<string, ApiKey>();
  let account: Promise<string | undefined> | undefined;
  const who = (options?: CallOptions): Promise<string | undefined> =>
    (account ??= Promise.race([
      gateway.signedInAs?.(options)?.then((s) => s?.account) ?? Promise.resolve(undefined),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), WHO_WAIT_MS).unref()),
    ]).catch(() => undefined));
  const remember = (ref: DeploymentRef, key: ApiKey | undefined) => {
    if (key) seen.set(keyOf(ref, key.name), key);
  };
  async function change<T>(
    intent: Omit<HistoryIntent, 'command' | 'account' | 'profile'>,
    options: CallOptions | undefined,
    send: () => Promise<T>,
    after: (answer: T) => { hint?: string; expiresAfter?: string },
  ): Promise<T> {
    const signedIn = await who(options);
    const id = context.history.begin({
      ...intent,
      command: context.command,
      // '' is no account or profile: absent, as the closing step looks for the first entry that has one.
      ...(signedIn ? { account: signedIn } : {}),
      ...(context.profile ? { profile: context.profile } : {}),
    });
    try {
      const answer = await send();
      context.history.finish(id, { outcome: 'done', ...after(answer) });
      return answer;
    } catch (error) {
      context.history.finish(id, failureResult(error));
      throw error;
    }
  }
  const before = (ref: DeploymentRef, name: string) => {
    const known = seen.get(keyOf(ref, name));
    return known ? { hint: known.hint, expiresBefore: known.endDateTime.toISOString() } : {};
  };

  const overrides: Partial<Gateway> = {
    async getKey(ref, name, options) {
      const key = await gateway.getKey(ref, name, options);
      remember(ref, key);
      return key;
    },
    async listKeys(ref, options) {
      const keys = await gateway.listKeys(ref, options);
      for (const key of keys) remember(ref, key);
      return keys;
    },
    putKey(ref, name, body, options) {
      const existed = seen.has(keyOf(ref, name));
      return change<PutKeyResult>(
        {
          action: options?.purpose ?? putAction(context.command, body.secret !== undefined, existed),
          deployment: deploymentId(ref),
          key: name,
          ...before(ref, name),
        },
        options,
        () => gateway.putKey(ref, name, body, options),
        (answer) => {
          remember(ref, answer.key);
          return { hint: answer.key.hint, expiresAfter: answer.key.endDateTime.toISOString() };
        },
      );
    },
    deleteKey(ref, name, options) {
      return change(
        {
          action: options?.purpose ?? deleteAction(context.command),
          deployment: deploymentId(ref),
          key: name,
          ...before(ref, name),
        },
        options,
        () => gateway.deleteKey(ref, name, options),
        () => ({}),
      );
    },
    storeSecret(destination, value, options) {
      const deployment = options.tags.deployment ?? '';
      const key = options.tags.keyName ?? destination.secretName;
      return change(
        {
          action: 'hand-off',
          deployment,
          key,
          destination: `https://${destination.vaultHost}/secrets/${destination.secretName}`,
          expiresAfter: options.expiresOn.toISOString(),
        },
        options,
        () => gateway.storeSecret(destination, value, options),
        () => ({}),
      );
    },
  };

  return new Proxy(gateway, {
    get(target, property, receiver) {
      if (typeof property === 'string' && Object.hasOwn(overrides, property))
        return overrides[property as keyof Gateway];
      const member = Reflect.get(target, property, receiver) as unknown;
      return typeof member === 'function' ? (member as (...a: unknown[]) => unknown).bind(target) : member;
    },
  });
}
