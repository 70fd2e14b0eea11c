/**
 * `--apply nlk-ext=<extension>` with --cluster and --cluster-group: NLK installed as the AKS
 * extension (nginxinc.nginxaas-aks-extension). The Marketplace template keeps the key in the
 * extension's plain configuration settings, so the old key can be read back to check the
 * consumer (its hint) and to put it back on a rollback, and the person is told that anyone who
 * can read the extension can read the key. The new key goes in with `az k8s-extension update
 * --configuration-settings-file` (a 0600 file in a 0700 folder, removed after). Proven in the
 * cluster as the Helm release is when --kube-context is given (the extension's release is
 * named after it); without it, the extension's own word is all there is: unproven, and the old
 * key stays unless the person says so.
 */
import { hostsPointAt, NLK_EXTENSION_TYPE, startsWithHint, type ApplyTarget } from '../domain/apply-target';
import { ApplyFailure, ApplyRefusal, jsonOf, type ApplyContext, type Consumer, type Proof, seconds } from './consumer';
import { NlkOnCluster } from './nlk-cluster';
import { exercisedBy, proofFrom } from './nlk-proof';
import { withPrivateFile } from './private-file';
import { describe, lastWords, type ProgramCall } from './run-program';

const READ_MS = 120_000;
const UPDATE_MS = 1_200_000;
const KEY_SETTING = 'nlk.dataplaneApiKey';

interface Extension {
  extensionType?: string;
  provisioningState?: string;
  configurationSettings?: Record<string, string>;
  scope?: { cluster?: { releaseNamespace?: string }; namespace?: { targetNamespace?: string } };
}

export class NlkExtension implements Consumer {
  readonly target: ApplyTarget;
  private oldKey?: string;
  private cluster?: NlkOnCluster;
  private settings: Record<string, string> = {};
  private changed = false;

  constructor(
    private readonly ctx: ApplyContext,
    readonly extension: string,
  ) {
    this.target = { kind: 'nlk-ext', extension };
  }

  get where(): string {
    const { cluster, clusterGroup } = this.ctx.settings;
    return `NLK extension '${this.extension}' (cluster ${cluster ?? '?'}, group ${clusterGroup ?? '?'})`;
  }

  private az(args: string[], timeoutMs = READ_MS): ProgramCall {
    const { cluster = '', clusterGroup = '' } = this.ctx.settings;
    return {
      program: 'az',
      args: [
        'k8s-extension',
        ...args,
        `--name=${this.extension}`,
        `--cluster-name=${cluster}`,
        `--resource-group=${clusterGroup}`,
        '--cluster-type=managedClusters',
      ],
      timeoutMs,
    };
  }

  private async show(): Promise<Extension> {
    const result = await this.ctx.run(this.az(['show', '--output=json']), this.ctx.signal);
    if (result.missing) throw new ApplyRefusal('az is not on PATH: it is needed for --apply nlk-ext');
    if (result.code !== 0)
      throw new ApplyRefusal(`az could not read extension '${this.extension}': ${lastWords(result)}`, 1);
    return jsonOf<Extension>(result.stdout, 'az k8s-extension show');
  }

  async preflight(): Promise<string[]> {
    const { ctx } = this;
    const extension = await this.show();
    if ((extension.extensionType ?? '').toLowerCase() !== NLK_EXTENSION_TYPE)
      throw new ApplyRefusal(
        `extension '${this.extension}' is ${extension.extensionType ?? 'of no type'}, not ${NLK_EXTENSION_TYPE}`,
      );
    if (extension.provisioningState !== 'Succeeded')
      throw new ApplyRefusal(
        `extension '${this.extension}' is ${extension.provisioningState ?? 'in no state'}: let it settle first`,
      );
    this.settings = extension.configurationSettings ?? {};
    if (!hostsPointAt(this.settings['nlk.config.nginxHosts'], ctx.nplus))
      throw new ApplyRefusal(`extension '${this.extension}' does not point at ${ctx.deployment.name} (${ctx.nplus})`);
    const lines = [`extension '${this.extension}': ${NLK_EXTENSION_TYPE}, Succeeded, nginxHosts point at ${ctx.nplus}`];
    const key = this.settings[KEY_SETTING];
    if (key === undefined && !ctx.create)
      throw new ApplyRefusal(
        `extension '${this.extension}' keeps no ${KEY_SETTING} among its plain settings (a protected one cannot be read back): which key it uses cannot be told, so it is not changed`,
      );
    this.oldKey = key;
    if (ctx.old) {
      if (!startsWithHint(key ?? '', ctx.old.hint))
        throw new ApplyRefusal(
          `extension '${this.extension}' does not use '${ctx.old.name}': its key does not start with that key's hint ${ctx.old.hint}`,
        );
      lines.push(`its key starts with ${ctx.old.hint}, the hint of '${ctx.old.name}'`);
    }
    const kubeContext = ctx.settings.kubeContext;
    if (kubeContext) {
      await NlkOnCluster.checkContext(ctx, kubeContext);
      const namespace =
        ctx.settings.namespace ??
        extension.scope?.cluster?.releaseNamespace ??
        extension.scope?.namespace?.targetNamespace ??
        'nlk';
      this.cluster = new NlkOnCluster(ctx, this.extension, kubeContext, namespace);
      lines.push(...(await this.cluster.checkDeployment()));
    } else lines.push('no --kube-context: the cluster itself cannot be asked, so the change will be unproven');
    return lines;
  }

  exposure(): string {
    return `the AKS extension keeps the key as a plain configuration setting: anyone who can read extension '${this.extension}' can read it (prefer NLK by Helm, nlk-helm, where you can)`;
  }

  private updateCall(file: string): ProgramCall {
    return this.az(['update', `--configuration-settings-file=${file}`, '--yes', '--output=none'], UPDATE_MS);
  }

  plan(): string[] {
    return [
      `${describe(this.updateCall('<0600 file: {"nlk.dataplaneApiKey": <the new key>}>'))}`,
      `${describe(this.az(['show', '--output=json']))}  (provisioningState Succeeded, the key read back)`,
      ...(this.cluster
        ? [
            describe(this.cluster.rolloutCall()),
            `kubectl logs of the new pods for ${seconds(this.ctx.settings.settleMs)}`,
          ]
        : ['no --kube-context: the cluster is not asked, the change stays unproven']),
      `on failure: the same update with the old key's value`,
    ];
  }

  private async update(value: string, signal: AbortSignal | undefined): Promise<void> {
    const result = await withPrivateFile('settings.json', JSON.stringify({ [KEY_SETTING]: value }), (file) =>
      this.ctx.run(this.updateCall(file), signal),
    );
    if (result.code !== 0)
      throw new ApplyFailure(`az k8s-extension update of '${this.extension}' failed: ${lastWords(result)}`);
  }

  async apply(secret: string): Promise<void> {
    this.changed = true;
    await this.update(secret, this.ctx.signal);
  }

  async prove(secret: string): Promise<Proof> {
    const lines: string[] = [];
    const extension = await this.show().catch((error: Error) => error);
    if (extension instanceof Error) return { outcome: 'failed', why: extension.message, lines };
    if (extension.provisioningState !== 'Succeeded')
      return {
        outcome: 'failed',
        why: `extension '${this.extension}' is ${extension.provisioningState ?? 'in no state'}`,
        lines,
      };
    if (extension.configurationSettings?.[KEY_SETTING] !== secret)
      return { outcome: 'failed', why: `extension '${this.extension}' does not hold the new key`, lines };
    lines.push(`extension '${this.extension}' holds the new key, Succeeded`);
    if (!this.cluster)
      return { outcome: 'unproven', why: 'no --kube-context was given: the pods were not seen to take it', lines };
    const proof = await this.cluster.prove(secret, {
      ...exercisedBy({
        logLevel: this.settings['nlk.config.logLevel'],
        serviceAnnotationMatch: this.settings['nlk.config.serviceAnnotationMatch'],
      }),
    });
    return proofFrom(proof, lines);
  }

  async rollback(): Promise<{ ok: boolean; said: string }> {
    if (!this.changed) return { ok: true, said: `${this.where} was not changed` };
    if (this.oldKey === undefined)
      return {
        ok: false,
        said: `extension '${this.extension}' had no key before: remove it yourself (az k8s-extension delete)`,
      };
    try {
      await this.update(this.oldKey, undefined);
      return { ok: true, said: `extension '${this.extension}' holds the old key again` };
    } catch (error) {
      return { ok: false, said: `${(error as Error).message}; put the old key back yourself` };
    }
  }
}
