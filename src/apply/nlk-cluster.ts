/**
 * NLK on a cluster, through kubectl: what both NLK targets (the Helm release and the AKS
 * extension) check before a write and prove after it. The kube context and the namespace are
 * always passed (`--context=`, `--namespace=`), never the ambient ones; NLK's pods are found by
 * their owners (every release labels its pods `app: nlk`). The key is read back from the Secret and
 * compared in memory; it is never printed.
 */
import {
  NLK_QUIET_LEVELS,
  NLK_SECRET_KEY,
  NLK_SERVICE_ANNOTATION,
  nlkFullname,
  nlkSecretName,
} from '../domain/apply-target';
import { ApplyRefusal, jsonOf, pause, type ApplyContext, seconds } from './consumer';
import { lastWords, type ProgramCall } from './run-program';

const READ_MS = 30_000;
const ROLLOUT_MS = 300_000;
/** How often the logs are read during the settle window. */
const LOOK_EVERY_MS = 5_000;
/** NLK's INFO line when the dataplane refuses its key. */
const REFUSED = /got 40[13]\b/;

interface Meta {
  name: string;
  uid: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: { uid: string; kind: string }[];
  deletionTimestamp?: string;
}

interface Pod {
  metadata: Meta;
  status?: { phase?: string; startTime?: string; containerStatuses?: { restartCount?: number }[] };
}

export interface PodFacts {
  name: string;
  uid: string;
  restarts: number;
}

/** Argo CD's and Flux's marks on what they own: a helm change there is undone at their next sync. */
export function gitOpsOwner(meta: Pick<Meta, 'labels' | 'annotations'>): string | undefined {
  const marks = { ...meta.labels, ...meta.annotations };
  for (const [name, value] of Object.entries(marks)) {
    if (name.startsWith('argocd.argoproj.io/')) return `Argo CD (${name}=${value})`;
    if (name.includes('toolkit.fluxcd.io/')) return `Flux (${name}=${value})`;
  }
  return undefined;
}

export class NlkOnCluster {
  readonly fullname: string;
  private deploymentUid = '';
  private podsBefore = new Set<string>();

  constructor(
    private readonly ctx: ApplyContext,
    readonly release: string,
    readonly kubeContext: string,
    readonly namespace: string,
  ) {
    this.fullname = nlkFullname(release);
  }

  private kubectl(args: string[], timeoutMs = READ_MS): ProgramCall {
    return {
      program: 'kubectl',
      args: [...args, `--context=${this.kubeContext}`, `--namespace=${this.namespace}`],
      timeoutMs,
    };
  }

  private async read(args: string[], what: string): Promise<string> {
    const result = await this.ctx.run(this.kubectl(args), this.ctx.signal);
    if (result.code !== 0) throw new ApplyRefusal(`kubectl could not read ${what}: ${lastWords(result)}`, 1);
    return result.stdout;
  }

  /** kubectl is there and knows the context: never a cluster chosen by the ambient context. */
  static async checkContext(ctx: ApplyContext, kubeContext: string): Promise<void> {
    const result = await ctx.run(
      { program: 'kubectl', args: ['config', 'get-contexts', '--output=name'], timeoutMs: READ_MS },
      ctx.signal,
    );
    if (result.missing) throw new ApplyRefusal('kubectl is not on PATH: it is needed to check NLK in the cluster');
    if (result.code !== 0) throw new ApplyRefusal(`kubectl could not list its contexts: ${lastWords(result)}`, 1);
    const contexts = result.stdout.split('\n').map((line) => line.trim());
    if (!contexts.includes(kubeContext))
      throw new ApplyRefusal(`kube context '${kubeContext}' is not in kubectl's config (kubectl config get-contexts)`);
  }

  /**
   * The Deployment is there and no GitOps tool owns it; the pods running now are noted (not after a
   * first install, where every pod is new).
   */
  async checkDeployment(notePods = true): Promise<string[]> {
    const result = await this.ctx.run(
      this.kubectl(['get', 'deployment', this.fullname, '--output=json']),
      this.ctx.signal,
    );
    if (result.code !== 0)
      throw new ApplyRefusal(
        `the NLK Deployment '${this.fullname}' could not be read in namespace ${this.namespace}: ${lastWords(result)}`,
        1,
      );
    const deployment = jsonOf<{ metadata: Meta }>(result.stdout, 'kubectl get deployment');
    const owner = gitOpsOwner(deployment.metadata);
    if (owner)
      throw new ApplyRefusal(
        `${owner} owns the Deployment '${this.fullname}': a change made here would be undone at its next sync. Put the new key where it reads its values, and let it roll out`,
      );
    this.deploymentUid = deployment.metadata.uid;
    const pods = await this.pods();
    if (notePods) this.podsBefore = new Set(pods.map((p) => p.uid));
    return [`Deployment ${this.fullname}: ${pods.length} pod${pods.length === 1 ? '' : 's'} running, no GitOps owner`];
  }

  /** The pods of this Deployment (by owner: ReplicaSet, then Deployment), not being deleted. */
  async pods(): Promise<PodFacts[]> {
    const sets = jsonOf<{ items: { metadata: Meta }[] }>(
      await this.read(['get', 'replicasets', '--output=json'], 'the ReplicaSets'),
      'kubectl get replicasets',
    );
    const mine = new Set(
      sets.items
        .filter((s) => s.metadata.ownerReferences?.some((o) => o.uid === this.deploymentUid))
        .map((s) => s.metadata.uid),
    );
    const pods = jsonOf<{ items: Pod[] }>(
      await this.read(['get', 'pods', '--output=json'], 'the pods'),
      'kubectl get pods',
    );
    return pods.items
      .filter((p) => p.metadata.ownerReferences?.some((o) => mine.has(o.uid)) && !p.metadata.deletionTimestamp)
      .map((p) => ({
        name: p.metadata.name,
        uid: p.metadata.uid,
        restarts: (p.status?.containerStatuses ?? []).reduce((sum, c) => sum + (c.restartCount ?? 0), 0),
      }));
  }

  /** The key in the chart's Secret, decoded (compared in memory, never shown). */
  async secretKey(): Promise<string | undefined> {
    const result = await this.ctx.run(
      this.kubectl(['get', 'secret', nlkSecretName(this.release), `--output=jsonpath={.data.${NLK_SECRET_KEY}}`]),
      this.ctx.signal,
    );
    if (result.code !== 0) return undefined;
    return Buffer.from(result.stdout.trim(), 'base64').toString('utf8');
  }

  rolloutCall(): ProgramCall {
    return this.kubectl(
      ['rollout', 'status', `deployment/${this.fullname}`, `--timeout=${ROLLOUT_MS / 1000}s`],
      ROLLOUT_MS + 10_000,
    );
  }

  /**
   * What shows the pods use the new key: the Secret holds it, the rollout finished, every pod
   * running started after the change, and during the settle window no pod logged a refusal (nor
   * restarted). `exercised` says whether a refusal could have shown at all.
   */
  async prove(
    secret: string,
    exercised: { logLevel: string; annotationMatch: string },
  ): Promise<{ ok: true; lines: string[]; notExercised?: string } | { ok: false; why: string; lines: string[] }> {
    const lines: string[] = [];
    const held = await this.secretKey();
    if (held === undefined)
      return { ok: false, why: `the Secret ${nlkSecretName(this.release)} could not be read back`, lines };
    if (held !== secret)
      return { ok: false, why: `the Secret ${nlkSecretName(this.release)} does not hold the new key`, lines };
    lines.push(`the Secret ${nlkSecretName(this.release)} holds the new key (read back)`);
    const rollout = await this.ctx.run(this.rolloutCall(), this.ctx.signal);
    if (rollout.code !== 0)
      return { ok: false, why: `the rollout of ${this.fullname} did not finish: ${lastWords(rollout)}`, lines };
    lines.push(`deployment/${this.fullname} rolled out`);
    const pods = await this.pods();
    const stale = pods.filter((p) => this.podsBefore.has(p.uid));
    if (pods.length === 0) return { ok: false, why: `no pod of ${this.fullname} is running`, lines };
    if (stale.length > 0)
      return {
        ok: false,
        why: `pod ${stale.map((p) => p.name).join(', ')} started before the change and still runs on the old key`,
        lines,
      };
    lines.push(`${pods.length} pod${pods.length === 1 ? '' : 's'} started after the change`);
    const settled = await this.settle(pods);
    if (settled) return { ok: false, why: settled, lines };
    const quiet = NLK_QUIET_LEVELS.includes(exercised.logLevel.toLowerCase());
    const annotated = quiet ? true : await this.annotatedServices(exercised.annotationMatch);
    lines.push(`no refusal logged in ${seconds(this.ctx.settings.settleMs)}`);
    if (quiet)
      return {
        ok: true,
        lines,
        notExercised: `NLK logs at ${exercised.logLevel}, which hides the line a refused key writes`,
      };
    if (!annotated)
      return {
        ok: true,
        lines,
        notExercised: `no Service carries ${NLK_SERVICE_ANNOTATION}: ${exercised.annotationMatch}, so NLK has not used the key yet`,
      };
    return { ok: true, lines };
  }

  /** Reads the new pods' logs through the settle window; the first refusal (or restart) ends it. */
  private async settle(pods: PodFacts[]): Promise<string | undefined> {
    const until = Date.now() + this.ctx.settings.settleMs;
    for (;;) {
      for (const pod of pods) {
        const logs = await this.ctx.run(
          this.kubectl(['logs', `pod/${pod.name}`, '--all-containers=true']),
          this.ctx.signal,
        );
        const refused = logs.stdout.split('\n').find((line) => REFUSED.test(line));
        if (refused)
          return `the dataplane refused the new key: ${REFUSED.exec(refused)?.[0] ?? 'got 401'} in the log of pod ${pod.name}`;
      }
      const now = await this.pods();
      const restarted = now.find((p) => (pods.find((q) => q.uid === p.uid)?.restarts ?? p.restarts) < p.restarts);
      if (restarted) return `pod ${restarted.name} restarted during the settle window`;
      const left = until - Date.now();
      if (left <= 0 || this.ctx.signal.aborted)
        return this.ctx.signal.aborted ? 'stopped during the settle window' : undefined;
      await pause(Math.min(LOOK_EVERY_MS, left), this.ctx.signal);
    }
  }

  private async annotatedServices(match: string): Promise<boolean> {
    const result = await this.ctx.run(
      {
        program: 'kubectl',
        args: ['get', 'services', '--all-namespaces', '--output=json', `--context=${this.kubeContext}`],
        timeoutMs: READ_MS,
      },
      this.ctx.signal,
    );
    if (result.code !== 0) return false;
    const services = jsonOf<{ items: { metadata: Meta }[] }>(result.stdout, 'kubectl get services');
    return services.items.some((s) => s.metadata.annotations?.[NLK_SERVICE_ANNOTATION] === match);
  }
}
