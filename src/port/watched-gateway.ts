/**
 * A command's calls to Azure, watched: each one in flight is named on the terminal's status line,
 * which says so once it has waited two seconds (term/status-line.ts). The words name what is
 * asked, never a secret.
 */
import { printable } from '../domain/printable';
import type { DeploymentRef, Gateway } from './gateway';

const quoted = (name: unknown) => `'${printable(String(name))}'`;
const ref = (value: unknown) => quoted((value as DeploymentRef | undefined)?.name ?? '?');

const WORDS: Record<string, (args: unknown[]) => string> = {
  listSubscriptions: () => 'listing subscriptions',
  signedInAs: () => 'reading who is signed in',
  defaultSubscription: () => 'finding the default subscription',
  discoverDeployments: () => 'finding deployments',
  getDeployment: ([deployment]) => `reading deployment ${ref(deployment)}`,
  listKeys: ([deployment]) => `reading the keys of ${ref(deployment)}`,
  getKey: ([deployment, name]) => `reading key ${quoted(name)} of ${ref(deployment)}`,
  putKey: ([deployment, name]) => `saving key ${quoted(name)} on ${ref(deployment)}`,
  deleteKey: ([deployment, name]) => `deleting key ${quoted(name)} from ${ref(deployment)}`,
  storeSecret: ([destination]) =>
    `storing the key in Key Vault ${quoted((destination as { vaultHost?: string }).vaultHost)}`,
  keyPermissions: ([deployment]) => `reading what this sign-in may do on ${ref(deployment)}`,
  readSecret: ([destination]) =>
    `reading the key from Key Vault ${quoted((destination as { vaultHost?: string }).vaultHost)}`,
  verifyKey: () => 'checking the key on the dataplane',
};

/** What keeps the waits (a command's status line): told when each call starts, and when it is over. */
export interface WaitWatcher {
  begin(label: string): () => void;
}

export function watched(gateway: Gateway, line: WaitWatcher): Gateway {
  return new Proxy(gateway, {
    get(target, property, receiver) {
      const member = Reflect.get(target, property, receiver) as unknown;
      const words = typeof property === 'string' ? WORDS[property] : undefined;
      if (typeof member !== 'function' || !words) return member;
      return (...args: unknown[]) => {
        const result = (member as (...a: unknown[]) => unknown).apply(target, args);
        if (!(result instanceof Promise)) return result;
        const done = line.begin(words(args));
        return result.finally(done);
      };
    },
  });
}
