/** An in-memory gateway for screen tests (the real one is tested against the emulator). */
import {
  GatewayError,
  type ApiKey,
  type Deployment,
  type Discovery,
  type Gateway,
  type PutKeyResult,
  type VerifyResult,
} from '../../src/port/gateway';
import { hintOf } from '../../src/domain/secret';
import { discovery } from './fixtures';

export class FakeGateway implements Gateway {
  readonly authDescription = 'the fake';
  readonly keys = new Map<string, { key: ApiKey; secret: string }>();
  readonly calls: string[] = [];
  createFailure?: GatewayError;
  discoverFailure?: GatewayError;

  constructor(
    private readonly found: Discovery = discovery(),
    existing: ApiKey[] = [],
  ) {
    // A secret that starts with the key's hint, as a real key's does.
    for (const key of existing) this.keys.set(key.name, { key, secret: `${key.hint}-Unknown-1` });
  }

  async listSubscriptions() {
    return this.found.searched;
  }
  async defaultSubscription() {
    return this.found.searched[0]!.subscriptionId;
  }
  async discoverDeployments(): Promise<Discovery> {
    this.calls.push('discover');
    if (this.discoverFailure) throw this.discoverFailure;
    return this.found;
  }
  async getDeployment(ref: { name: string }): Promise<Deployment> {
    const d = this.found.deployments.find((x) => x.name === ref.name);
    if (!d) throw new GatewayError('notFound', 'no such deployment', 'ResourceNotFound');
    return d;
  }
  async listKeys(): Promise<ApiKey[]> {
    this.calls.push('listKeys');
    return [...this.keys.values()].map((k) => k.key);
  }
  async getKey(_ref: Deployment, name: string) {
    this.calls.push(`getKey ${name}`);
    return this.keys.get(name)?.key;
  }
  async putKey(ref: Deployment, name: string, body: { secret?: string; endDateTime: Date }): Promise<PutKeyResult> {
    this.calls.push(`putKey ${name}`);
    if (this.createFailure) throw this.createFailure;
    const created = !this.keys.has(name);
    // As the emulator: a PUT without a secret keeps the key's own.
    const secret = body.secret ?? this.keys.get(name)?.secret;
    if (secret === undefined) throw new GatewayError('invalid', 'secretText is required', 'InvalidApiKeySecret', 400);
    const key: ApiKey = {
      id: `${ref.id}/apiKeys/${name}`,
      name,
      hint: hintOf(secret),
      endDateTime: body.endDateTime,
    };
    this.keys.set(name, { key, secret });
    return { key, created };
  }
  async deleteKey(_ref: Deployment, name: string) {
    this.calls.push(`deleteKey ${name}`);
    return this.keys.delete(name) ? ('deleted' as const) : ('absent' as const);
  }
  async storeSecret(destination: { secretName: string }) {
    this.calls.push(`storeSecret ${destination.secretName}`);
    return { id: `https://vault/secrets/${destination.secretName}/1`, version: '1' };
  }
  keyPermissions = async () => ({ write: true, delete: true });
  async readSecret(destination: { secretName: string }) {
    this.calls.push(`readSecret ${destination.secretName}`);
    return undefined;
  }
  async verifyKey(): Promise<VerifyResult> {
    return { ok: true, status: 200 };
  }
}
