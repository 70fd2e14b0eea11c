/**
 * The emulator's in-memory state with the lookups the routes need. Names are matched without
 * regard to case, as ARM does; a `--state` file is rewritten (atomically, mode 0600, never through
 * a link) after every change.
 */
import { createHash } from 'node:crypto';
import { StateFile } from './state-file';
import type {
  EmulatedDeployment,
  EmulatedKey,
  EmulatedSubscription,
  EmulatedUpstream,
  EmulatedVaultSecret,
  EmulatorData,
} from './data';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

const lower = (...parts: string[]) => parts.join('/').toLowerCase();

/** Lookups by lower-cased id, rebuilt whenever a list has grown or shrunk since they were made. */
interface Index {
  stamp: string;
  subscriptions: Map<string, EmulatedSubscription>;
  deploymentsBySubscription: Map<string, EmulatedDeployment[]>;
  deployments: Map<string, EmulatedDeployment>;
  keys: Map<string, EmulatedKey[]>;
}

export class World {
  private built?: Index;
  private readonly file: StateFile | undefined;

  constructor(
    private data: EmulatorData,
    statePath?: string,
  ) {
    this.file = statePath ? new StateFile(statePath) : undefined;
  }

  /**
   * Takes in what another process wrote to the state file since (a `create --demo` beside an open
   * wizard): called before each request is answered.
   */
  refresh(): void {
    const fresh = this.file?.readIfChanged();
    if (!fresh) return;
    this.data = { ...fresh, vaults: fresh.vaults ?? this.data.vaults ?? [], vaultSecrets: fresh.vaultSecrets ?? [] };
    this.built = undefined;
  }

  /** A change, made on the state file's newest world under its lock, then written. */
  private change<T>(work: () => T): T {
    if (!this.file) return work();
    const file = this.file;
    return file.locked(() => {
      this.refresh();
      const result = work();
      file.write(this.data);
      return result;
    });
  }

  /** A fleet of thousands is looked up on every request: by map, not by scanning the lists. */
  private index(): Index {
    const { subscriptions, deployments, keys } = this.data;
    const stamp = `${subscriptions.length}/${deployments.length}/${keys.length}`;
    if (this.built?.stamp === stamp) return this.built;
    const index: Index = {
      stamp,
      subscriptions: new Map(subscriptions.map((s) => [lower(s.subscriptionId), s])),
      deploymentsBySubscription: new Map(),
      deployments: new Map(),
      keys: new Map(),
    };
    for (const d of deployments) {
      const list = index.deploymentsBySubscription.get(lower(d.subscriptionId)) ?? [];
      list.push(d);
      index.deploymentsBySubscription.set(lower(d.subscriptionId), list);
      index.deployments.set(lower(d.subscriptionId, d.resourceGroup, d.name), d);
    }
    for (const k of keys) {
      const id = lower(k.subscriptionId, k.resourceGroup, k.deployment);
      index.keys.set(id, [...(index.keys.get(id) ?? []), k]);
    }
    return (this.built = index);
  }

  snapshot(): EmulatorData {
    return structuredClone(this.data);
  }

  subscriptions(): EmulatedSubscription[] {
    return this.data.subscriptions;
  }

  subscription(id: string): EmulatedSubscription | undefined {
    return this.index().subscriptions.get(lower(id));
  }

  hasResourceGroup(subscriptionId: string, group: string): boolean {
    return this.subscription(subscriptionId)?.resourceGroups.some((g) => same(g, group)) ?? false;
  }

  deployments(subscriptionId: string, group?: string): EmulatedDeployment[] {
    const inSubscription = this.index().deploymentsBySubscription.get(lower(subscriptionId)) ?? [];
    return group === undefined ? [...inSubscription] : inSubscription.filter((d) => same(d.resourceGroup, group));
  }

  deployment(subscriptionId: string, group: string, name: string): EmulatedDeployment | undefined {
    return this.index().deployments.get(lower(subscriptionId, group, name));
  }

  /** The host an endpoint stands for: `<name>-<12 hex>.<region>.nginxaas.net`, stable per id. */
  endpointHost(d: EmulatedDeployment): string {
    const digest = createHash('sha256')
      .update(`${d.subscriptionId}/${d.resourceGroup}/${d.name}`.toLowerCase())
      .digest('hex')
      .slice(0, 12);
    return `${d.name.toLowerCase()}-${digest}.${d.location}.nginxaas.net`;
  }

  deploymentByHost(host: string): EmulatedDeployment | undefined {
    return this.data.deployments.find((d) => d.hasEndpoint && same(this.endpointHost(d), host));
  }

  keys(d: EmulatedDeployment): EmulatedKey[] {
    return [...(this.index().keys.get(lower(d.subscriptionId, d.resourceGroup, d.name)) ?? [])];
  }

  key(d: EmulatedDeployment, name: string): EmulatedKey | undefined {
    return this.keys(d).find((k) => same(k.name, name));
  }

  /** Creates or replaces; true when it created. With `onlyIfAbsent`, an existing key is left and undefined answered. */
  putKey(
    d: EmulatedDeployment,
    name: string,
    secret: string,
    endDateTime: string,
    options: { onlyIfAbsent?: boolean } = {},
  ): { key: EmulatedKey; created: boolean } | undefined {
    return this.change(() => this.putKeyNow(d, name, secret, endDateTime, options.onlyIfAbsent ?? false));
  }

  private putKeyNow(
    d: EmulatedDeployment,
    name: string,
    secret: string,
    endDateTime: string,
    onlyIfAbsent: boolean,
  ): { key: EmulatedKey; created: boolean } | undefined {
    const existing = this.key(d, name);
    if (existing && onlyIfAbsent) return undefined;
    if (existing) {
      existing.secret = secret;
      existing.endDateTime = endDateTime;
      return { key: existing, created: false };
    }
    const key: EmulatedKey = {
      subscriptionId: d.subscriptionId,
      resourceGroup: d.resourceGroup,
      deployment: d.name,
      name,
      secret,
      endDateTime,
    };
    this.data.keys.push(key);
    return { key, created: true };
  }

  deleteKey(d: EmulatedDeployment, name: string): boolean {
    return this.change(() => {
      const existing = this.key(d, name);
      if (!existing) return false;
      this.data.keys.splice(this.data.keys.indexOf(existing), 1);
      // The index counts lengths: a delete and a create between two reads would fool it.
      this.built = undefined;
      return true;
    });
  }

  /** An upstream of a deployment's NGINX Plus API, by kind and name (names are exact, as NGINX's are). */
  upstream(d: EmulatedDeployment, kind: 'http' | 'stream', name: string): EmulatedUpstream | undefined {
    return d.upstreams?.find((u) => u.kind === kind && u.name === name);
  }

  /** Changes an upstream's servers, on the state file's newest world when there is one. */
  changeUpstream<T>(
    d: EmulatedDeployment,
    kind: 'http' | 'stream',
    name: string,
    work: (u: EmulatedUpstream) => T,
  ): T | undefined {
    return this.change(() => {
      const fresh = this.deployment(d.subscriptionId, d.resourceGroup, d.name);
      const upstream = fresh ? this.upstream(fresh, kind, name) : undefined;
      return upstream ? work(upstream) : undefined;
    });
  }

  hasVault(host: string): boolean {
    return (this.data.vaults ?? []).some((v) => same(v, host));
  }

  /** Every version of a vault's secret, oldest first. */
  vaultSecretVersions(host: string, name: string): EmulatedVaultSecret[] {
    return (this.data.vaultSecrets ?? []).filter((s) => same(s.vault, host) && same(s.name, name));
  }

  addVaultSecret(secret: EmulatedVaultSecret): void {
    this.change(() => (this.data.vaultSecrets ??= []).push(secret));
  }

  /** Writes the state file now (it holds every key's secret: 0600, atomic, never through a link). */
  save(): void {
    this.change(() => undefined);
  }
}
