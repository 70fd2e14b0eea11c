/**
 * `--apply nlk-helm=<release>`: NLK installed by Helm. Before any write: helm and kubectl are
 * there, the kube context exists, the release is NLK's chart and deployed, its `nginxHosts` point at
 * this deployment, its key starts with the old key's hint, and no GitOps tool owns it. Then
 * `helm upgrade <release> <chart> --version <installed> --reuse-values -f -` with only
 * `nlk.dataplaneApiKey` on standard input (never --set, an argument or a variable): the chart's
 * checksum of the values rolls the pod, which reads the key at start. Proven by a new deployed
 * revision, the Secret read back, the rollout, new pods and a quiet settle window; rolled back
 * with `helm rollback` to the revision before (or `helm uninstall` after a first install).
 */
import { hostsPointAt, NLK_CHART_NAME, startsWithHint, type ApplyTarget } from '../domain/apply-target';
import { NLK_CHART, NLK_CHART_VERSION } from '../domain/handoff';
import { ApplyFailure, ApplyRefusal, jsonOf, type ApplyContext, type Consumer, type Proof, seconds } from './consumer';
import { NlkOnCluster } from './nlk-cluster';
import { exercisedBy, proofFrom } from './nlk-proof';
import { describe, lastWords, type ProgramCall } from './run-program';

const READ_MS = 30_000;
const UPGRADE_MS = 600_000;

interface Metadata {
  name: string;
  chart: string;
  version: string;
  namespace: string;
  revision: number;
  status: string;
}

interface NlkValues {
  nlk?: {
    dataplaneApiKey?: unknown;
    config?: { nginxHosts?: unknown; logLevel?: unknown; serviceAnnotationMatch?: unknown };
  };
}

export class NlkHelm implements Consumer {
  readonly target: ApplyTarget;
  private namespace: string;
  private before?: Metadata;
  private values?: NlkValues;
  private cluster?: NlkOnCluster;
  private changed = false;

  constructor(
    private readonly ctx: ApplyContext,
    readonly release: string,
  ) {
    this.target = { kind: 'nlk-helm', release };
    this.namespace = ctx.settings.namespace ?? '';
  }

  private get kubeContext(): string {
    return this.ctx.settings.kubeContext ?? '';
  }

  get where(): string {
    const ns = this.namespace === '' ? '' : `namespace ${this.namespace}, `;
    return `NLK release '${this.release}' (${ns}kube context ${this.kubeContext})`;
  }

  private helm(args: string[], timeoutMs = READ_MS, input?: string, inputWords?: string): ProgramCall {
    return {
      program: 'helm',
      args: [...args, `--namespace=${this.namespace}`, `--kube-context=${this.kubeContext}`],
      timeoutMs,
      input,
      inputWords,
    };
  }

  private chart(): string {
    return this.ctx.settings.chart ?? NLK_CHART;
  }

  async preflight(): Promise<string[]> {
    const { ctx } = this;
    const version = await ctx.run({ program: 'helm', args: ['version', '--short'], timeoutMs: READ_MS }, ctx.signal);
    if (version.missing) throw new ApplyRefusal('helm is not on PATH: it is needed for --apply nlk-helm');
    await NlkOnCluster.checkContext(ctx, this.kubeContext);
    if (this.namespace === '') this.namespace = await this.findNamespace();
    const lines: string[] = [];
    const meta = await ctx.run(this.helm(['get', 'metadata', this.release, '--output=json']), ctx.signal);
    if (meta.code !== 0) {
      if (ctx.create && /not found/i.test(meta.stderr)) {
        this.cluster = undefined;
        return [`release '${this.release}' is not there yet: it will be installed in namespace ${this.namespace}`];
      }
      throw new ApplyRefusal(`helm could not read release '${this.release}': ${lastWords(meta)}`, 1);
    }
    const before = jsonOf<Metadata>(meta.stdout, 'helm get metadata');
    if (before.chart !== NLK_CHART_NAME)
      throw new ApplyRefusal(`release '${this.release}' is chart ${before.chart}, not NLK's ${NLK_CHART_NAME}`);
    if (before.status !== 'deployed')
      throw new ApplyRefusal(
        `release '${this.release}' is ${before.status}, not deployed: settle it first (helm history ${this.release} -n ${this.namespace})`,
      );
    this.before = before;
    lines.push(`release '${this.release}': ${NLK_CHART_NAME} ${before.version}, revision ${before.revision}, deployed`);
    const values = await ctx.run(this.helm(['get', 'values', this.release, '--all', '--output=json']), ctx.signal);
    if (values.code !== 0)
      throw new ApplyRefusal(`helm could not read the values of '${this.release}': ${lastWords(values)}`, 1);
    this.values = jsonOf<NlkValues>(values.stdout, 'helm get values');
    const nlk = this.values.nlk;
    if (!hostsPointAt(nlk?.config?.nginxHosts, ctx.nplus))
      throw new ApplyRefusal(
        `release '${this.release}' points at ${JSON.stringify(nlk?.config?.nginxHosts ?? null)}, not at ${ctx.deployment.name} (${ctx.nplus})`,
      );
    lines.push(`its nginxHosts point at ${ctx.nplus}`);
    if (ctx.old) {
      const key = typeof nlk?.dataplaneApiKey === 'string' ? nlk.dataplaneApiKey : '';
      if (!startsWithHint(key, ctx.old.hint))
        throw new ApplyRefusal(
          `release '${this.release}' does not use '${ctx.old.name}': its key does not start with that key's hint ${ctx.old.hint}`,
        );
      lines.push(`its key starts with ${ctx.old.hint}, the hint of '${ctx.old.name}'`);
    }
    this.cluster = new NlkOnCluster(ctx, this.release, this.kubeContext, this.namespace);
    lines.push(...(await this.cluster.checkDeployment()));
    return lines;
  }

  /** The one namespace the release is in, when --namespace was not given. */
  private async findNamespace(): Promise<string> {
    const { ctx } = this;
    const list = await ctx.run(
      {
        program: 'helm',
        args: [
          'list',
          '--all-namespaces',
          `--filter=^${this.release}$`,
          '--output=json',
          `--kube-context=${this.kubeContext}`,
        ],
        timeoutMs: READ_MS,
      },
      ctx.signal,
    );
    if (list.code !== 0) throw new ApplyRefusal(`helm could not list the releases: ${lastWords(list)}`, 1);
    const found = jsonOf<{ name: string; namespace: string }[]>(list.stdout, 'helm list');
    const namespaces = [...new Set(found.filter((r) => r.name === this.release).map((r) => r.namespace))];
    if (namespaces.length === 1) return namespaces[0] as string;
    if (namespaces.length > 1)
      throw new ApplyRefusal(`release '${this.release}' is in namespaces ${namespaces.join(', ')}: pass --namespace`);
    if (ctx.create) return 'nlk';
    throw new ApplyRefusal(
      `no release '${this.release}' in kube context ${this.kubeContext} (helm list --all-namespaces)`,
    );
  }

  private upgradeCall(secret: string): ProgramCall {
    const installing = this.before === undefined;
    const values = installing
      ? { nlk: { dataplaneApiKey: secret, config: { nginxHosts: this.ctx.nplus, tls: { mode: 'ca-tls' } } } }
      : { nlk: { dataplaneApiKey: secret } };
    const args = installing
      ? [
          'upgrade',
          this.release,
          this.chart(),
          '--install',
          `--version=${NLK_CHART_VERSION}`,
          '--create-namespace',
          '--values=-',
        ]
      : [
          'upgrade',
          this.release,
          this.chart(),
          `--version=${this.before?.version ?? ''}`,
          '--reuse-values',
          '--values=-',
        ];
    const words = installing
      ? 'values on standard input: the key, nginxHosts and tls.mode ca-tls'
      : 'values on standard input: nlk.dataplaneApiKey only';
    return this.helm(args, UPGRADE_MS, JSON.stringify(values), words);
  }

  private rollbackCall(): ProgramCall {
    if (!this.before) return this.helm(['uninstall', this.release, '--wait'], UPGRADE_MS);
    return this.helm(['rollback', this.release, String(this.before.revision), '--wait', '--timeout=5m0s'], UPGRADE_MS);
  }

  plan(): string[] {
    const fullname = this.cluster?.fullname ?? this.release;
    return [
      describe(this.upgradeCall('<the new key>')),
      `kubectl get secret ${this.cluster ? `${fullname}-nginxaas-api-key` : '…'} --context=${this.kubeContext} --namespace=${this.namespace}  (read back, compared in memory)`,
      this.cluster ? describe(this.cluster.rolloutCall()) : `kubectl rollout status deployment/${fullname}`,
      `kubectl logs of the new pods for ${seconds(this.ctx.settings.settleMs)}: no 'got 401' or 'got 403'`,
      `on failure: ${describe(this.rollbackCall())}`,
    ];
  }

  async apply(secret: string): Promise<void> {
    this.changed = true;
    const result = await this.ctx.run(this.upgradeCall(secret), this.ctx.signal);
    if (result.code !== 0) throw new ApplyFailure(`helm upgrade of '${this.release}' failed: ${lastWords(result)}`);
  }

  async prove(secret: string): Promise<Proof> {
    const { ctx } = this;
    const lines: string[] = [];
    const meta = await ctx.run(this.helm(['get', 'metadata', this.release, '--output=json']), ctx.signal);
    if (meta.code !== 0)
      return { outcome: 'failed', why: `helm could not read '${this.release}' back: ${lastWords(meta)}`, lines };
    const after = jsonOf<Metadata>(meta.stdout, 'helm get metadata');
    if (after.status !== 'deployed' || (this.before && after.revision <= this.before.revision))
      return {
        outcome: 'failed',
        why: `release '${this.release}' is ${after.status} at revision ${after.revision}`,
        lines,
      };
    lines.push(`revision ${after.revision}, deployed`);
    if (!this.cluster) {
      this.cluster = new NlkOnCluster(ctx, this.release, this.kubeContext, this.namespace);
      await this.cluster.checkDeployment(false);
    }
    const proof = await this.cluster.prove(secret, exercisedBy(this.values?.nlk?.config));
    return proofFrom(proof, lines);
  }

  async rollback(): Promise<{ ok: boolean; said: string }> {
    if (!this.changed) return { ok: true, said: `${this.where} was not changed` };
    const call = this.rollbackCall();
    // A rollback is let finish even when the run is being stopped: a half-changed release is worse.
    const result = await this.ctx.run(call, undefined);
    if (result.code !== 0)
      return { ok: false, said: `${describe(call)} failed: ${lastWords(result)}; run it yourself` };
    return {
      ok: true,
      said: this.before
        ? `rolled back to revision ${this.before.revision}: the release holds the old key again`
        : `uninstalled '${this.release}' again`,
    };
  }
}
