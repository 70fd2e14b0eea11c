/**
 * A gateway that is still connecting: each call waits for the real one. It lets the wizard draw
 * its first frame while the Azure SDK (or the demo's emulator) is still loading and starting,
 * instead of after.
 */
import type { Gateway } from './gateway';

export function deferredGateway(authDescription: string, ready: Promise<Gateway>): Gateway {
  // A failed connection is reported by whoever awaits `ready` itself, once; not as a stray rejection here.
  ready.catch(() => undefined);
  return {
    authDescription,
    signInAgain: () => void ready.then((gateway) => gateway.signInAgain?.()).catch(() => undefined),
    warmUp: () => void ready.then((gateway) => gateway.warmUp?.()).catch(() => undefined),
    signedInAs: async (options) => (await ready).signedInAs?.(options),
    listSubscriptions: async (options) => (await ready).listSubscriptions(options),
    defaultSubscription: async (options) => (await ready).defaultSubscription(options),
    discoverDeployments: async (scope, options) => (await ready).discoverDeployments(scope, options),
    getDeployment: async (ref, options) => (await ready).getDeployment(ref, options),
    listKeys: async (ref, options) => (await ready).listKeys(ref, options),
    getKey: async (ref, name, options) => (await ready).getKey(ref, name, options),
    putKey: async (ref, name, body, options) => (await ready).putKey(ref, name, body, options),
    deleteKey: async (ref, name, options) => (await ready).deleteKey(ref, name, options),
    storeSecret: async (destination, value, options) => (await ready).storeSecret(destination, value, options),
    keyPermissions: async (ref, options) => (await ready).keyPermissions(ref, options),
    readSecret: async (destination, options) => (await ready).readSecret(destination, options),
    verifyKey: async (endpoint, secret, options) => (await ready).verifyKey(endpoint, secret, options),
  };
}
