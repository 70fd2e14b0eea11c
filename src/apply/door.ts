/**
 * The wizard's door to the consumers (port/consumers.ts): finding what uses the old key — the NLK
 * releases in the current kube context whose nginxHosts point at this deployment and whose key
 * starts with the old key's hint, and nginx-asg-sync's unit on this machine — and applying the new
 * key to them with the same checks, proofs and rollbacks as `rotate --apply`. A tool that is not
 * there finds nothing; it is never an error here.
 */
import { applyText, hostsPointAt, NLK_CHART_NAME, startsWithHint, ASG_SYNC_UNIT } from '../domain/apply-target';
import { nplusUrl } from '../domain/endpoint';
import { deploymentId } from '../domain/resource-id';
import type { ApiKey, Deployment, Gateway } from '../port/gateway';
import type { ConsumerDoor, ConsumersApplied, FoundConsumer } from '../port/consumers';
import type { History } from '../port/history';
import { ApplyRefusal, type ApplyContext, type Consumer } from './consumer';
import { applyAll, consumerFor } from './finish';
import { programRunner, type Runner } from './run-program';
import { parseApplyTarget } from '../domain/apply-target';

const LOOK_MS = 20_000;

export interface DoorOptions {
  env: NodeJS.ProcessEnv;
  gateway: Gateway;
  settleMs: number;
  history?: Pick<History, 'begin' | 'finish'>;
  runner?: Runner;
}

export function consumerDoor(options: DoorOptions): ConsumerDoor {
  const run = options.runner ?? programRunner(options.env);
  const context = (
    deployment: Deployment,
    old: ApiKey,
    signal: AbortSignal,
    settings: { kubeContext?: string; namespace?: string },
  ): ApplyContext => {
    const endpoint = deployment.dataplaneApiEndpoint ?? '';
    return {
      run,
      deployment,
      nplus: nplusUrl(endpoint),
      old: { name: old.name, hint: old.hint },
      create: false,
      settings: { ...settings, settleMs: options.settleMs },
      signal,
      now: () => new Date(),
      say: () => undefined,
      ask: (url, secret) => options.gateway.verifyKey(endpoint, secret, { url, signal }),
    };
  };

  return {
    settleMs: options.settleMs,
    async find(deployment, old, signal) {
      const found: FoundConsumer[] = [];
      found.push(...(await findReleases(run, deployment, old, signal)));
      const unit = consumerFor({ kind: 'asg-sync', unit: ASG_SYNC_UNIT }, context(deployment, old, signal, {}));
      try {
        await unit.preflight();
        found.push({ target: applyText(unit.target), where: unit.where });
      } catch {
        // No unit here, or not this deployment's, or not this key's: nothing to offer.
      }
      return found;
    },
    async apply(deployment, old, chosen, fresh, signal): Promise<ConsumersApplied> {
      const consumers: Consumer[] = [];
      for (const one of chosen) {
        const parsed = parseApplyTarget(one.target);
        if (!parsed.ok) continue;
        // A flag given as '' is no flag: absent, so the consumer's `??` falls through to the cluster's own.
        const settings = {
          ...(one.kubeContext ? { kubeContext: one.kubeContext } : {}),
          ...(one.namespace ? { namespace: one.namespace } : {}),
        };
        consumers.push(consumerFor(parsed.target, context(deployment, old, signal, settings)));
      }
      // Checked again, all before any write: the cluster may have changed since it was found.
      for (const consumer of consumers) {
        try {
          await consumer.preflight();
        } catch (error) {
          const said = error instanceof ApplyRefusal ? error.message : String(error);
          return {
            outcomes: consumers.map((c) =>
              c === consumer
                ? { where: c.where, state: 'refused', said: `${said}; nothing was changed` }
                : { where: c.where, state: 'skipped' },
            ),
            allProven: false,
            holding: [],
          };
        }
      }
      const holding = new Set<string>();
      const report = await applyAll(consumers, fresh.secret, {
        say: () => undefined,
        holds: (c, on) => (on ? holding.add(c.where) : holding.delete(c.where)),
        record: (step, c, outcome, detail) => {
          if (!options.history) return;
          try {
            const id = options.history.begin({
              action: step,
              command: 'wizard',
              deployment: deploymentId(deployment),
              key: fresh.name,
              destination: c.where,
            });
            // Absent, not undefined: finish() spreads the result over the entry.
            options.history.finish(id, { outcome, ...(detail ? { detail } : {}) });
          } catch {
            // A record that cannot be written never stops the work.
          }
        },
      });
      return {
        outcomes: report.results.map((r) => ({
          where: r.where,
          state: r.state,
          said: r.why || r.rollback ? [r.why, r.rollback?.said].filter(Boolean).join('; ') : undefined,
        })),
        allProven: report.allProven,
        holding: [...holding],
      };
    },
  };
}

interface Listed {
  name: string;
  namespace: string;
  chart: string;
}

/** NLK releases of the current kube context that point at this deployment and use the old key. */
async function findReleases(
  run: Runner,
  deployment: Deployment,
  old: ApiKey,
  signal: AbortSignal,
): Promise<FoundConsumer[]> {
  const current = await run({ program: 'kubectl', args: ['config', 'current-context'], timeoutMs: LOOK_MS }, signal);
  const kubeContext = current.code === 0 ? current.stdout.trim() : '';
  if (kubeContext === '') return [];
  const list = await run(
    {
      program: 'helm',
      args: ['list', '--all-namespaces', '--output=json', `--kube-context=${kubeContext}`],
      timeoutMs: LOOK_MS,
    },
    signal,
  );
  if (list.code !== 0) return [];
  let releases: Listed[];
  try {
    releases = (JSON.parse(list.stdout) as Listed[]).filter((r) => r.chart.startsWith(`${NLK_CHART_NAME}-`));
  } catch {
    return [];
  }
  const nplus = nplusUrl(deployment.dataplaneApiEndpoint ?? '');
  const found: FoundConsumer[] = [];
  for (const release of releases) {
    const values = await run(
      {
        program: 'helm',
        args: [
          'get',
          'values',
          release.name,
          '--all',
          '--output=json',
          `--namespace=${release.namespace}`,
          `--kube-context=${kubeContext}`,
        ],
        timeoutMs: LOOK_MS,
      },
      signal,
    );
    if (values.code !== 0) continue;
    try {
      const nlk = (
        JSON.parse(values.stdout) as { nlk?: { dataplaneApiKey?: unknown; config?: { nginxHosts?: unknown } } }
      ).nlk;
      const key = typeof nlk?.dataplaneApiKey === 'string' ? nlk.dataplaneApiKey : '';
      if (!hostsPointAt(nlk?.config?.nginxHosts, nplus) || !startsWithHint(key, old.hint)) continue;
    } catch {
      continue;
    }
    found.push({
      target: `nlk-helm=${release.name}`,
      where: `NLK release '${release.name}' (namespace ${release.namespace}, kube context ${kubeContext})`,
      kubeContext,
      namespace: release.namespace,
    });
  }
  return found;
}
