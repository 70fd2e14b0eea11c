/**
 * The --apply step of `create` and `rotate`: its flags read and checked before any request; every
 * target's checks before the key is made (a refusal leaves everything as it was); then, once the
 * dataplane takes the new key, each consumer given it and proven, or everything rolled back. Each
 * step goes to the history; a consumer that holds the key is a holder in the custody record.
 */
import { applyText, parseApplyTarget, type ApplyTarget } from '../../domain/apply-target';
import { nplusUrl } from '../../domain/endpoint';
import { parseExpiry } from '../../domain/expiry';
import { printable } from '../../domain/printable';
import { deploymentId } from '../../domain/resource-id';
import { ApplyRefusal, type ApplyContext, type ApplySettings, type Consumer } from '../../apply/consumer';
import { applyAll, consumerFor, preflightAll, reportLines, type ApplyReport } from '../../apply/finish';
import { programRunner, type Runner } from '../../apply/run-program';
import { hold, release, type CustodyEntry } from '../../keys/custody';
import { GatewayError, type ApiKey, type Deployment } from '../../port/gateway';
import { UsageError } from '../../port/usage-error';
import { figures } from '../../term/style';
import { flag, text, texts, type APPLY_FLAGS, type CommandValues } from './flags';
import type { CommandDeps } from './deps';
import { parseSettle } from './settle';

export interface ApplyOptions {
  targets: ApplyTarget[];
  settings: ApplySettings;
  dryRun: boolean;
}

export function parseApplyOptions(values: CommandValues<typeof APPLY_FLAGS>): ApplyOptions {
  const targets = texts(values, 'apply').map((entry) => {
    const parsed = parseApplyTarget(entry);
    if (!parsed.ok) throw new UsageError(parsed.problem);
    return parsed.target;
  });
  const seen = new Set<string>();
  for (const target of targets) {
    if (seen.has(applyText(target))) throw new UsageError(`--apply ${applyText(target)} is given twice`);
    seen.add(applyText(target));
  }
  const kubeContext = text(values, 'kube-context');
  const namespace = text(values, 'namespace');
  const chart = text(values, 'chart');
  const cluster = text(values, 'cluster');
  const clusterGroup = text(values, 'cluster-group');
  const has = (kind: ApplyTarget['kind']) => targets.some((t) => t.kind === kind);
  const needs = (flagName: string, value: string | undefined, kinds: ApplyTarget['kind'][]) => {
    if (value !== undefined && !kinds.some(has))
      throw new UsageError(`--${flagName} is for --apply ${kinds.map((k) => `${k}=…`).join(' or ')}`);
  };
  needs('kube-context', kubeContext, ['nlk-helm', 'nlk-ext']);
  needs('namespace', namespace, ['nlk-helm', 'nlk-ext']);
  needs('chart', chart, ['nlk-helm']);
  needs('cluster', cluster, ['nlk-ext']);
  needs('cluster-group', clusterGroup, ['nlk-ext']);
  if (text(values, 'settle') !== undefined && targets.length === 0) throw new UsageError('--settle is for --apply');
  if (has('nlk-helm') && kubeContext === undefined)
    throw new UsageError(
      '--apply nlk-helm needs --kube-context <name>: the cluster is named, never taken from the ambient context (kubectl config get-contexts lists them)',
    );
  if (has('nlk-ext') && (cluster === undefined || clusterGroup === undefined))
    throw new UsageError('--apply nlk-ext needs --cluster <AKS cluster> and --cluster-group <its resource group>');
  for (const [name, value] of [
    ['kube-context', kubeContext],
    ['namespace', namespace],
    ['chart', chart],
    ['cluster', cluster],
    ['cluster-group', clusterGroup],
  ] as const)
    if (value !== undefined && (value === '' || printable(value) !== value))
      throw new UsageError(`--${name} '${printable(value)}' is not a name`);
  return {
    targets,
    dryRun: flag(values, 'dry-run'),
    settings: {
      settleMs: parseSettle(text(values, 'settle')),
      ...(kubeContext !== undefined ? { kubeContext } : {}),
      ...(namespace !== undefined ? { namespace } : {}),
      ...(chart !== undefined ? { chart } : {}),
      ...(cluster !== undefined ? { cluster } : {}),
      ...(clusterGroup !== undefined ? { clusterGroup } : {}),
    },
  };
}

export type RetireHow = { kind: 'delete' } | { kind: 'expire'; endDateTime: Date; given: string };

/** `--retire delete` (the default) or `--retire expire=<when>`: a shorter life for the old key. */
export function parseRetire(given: string | undefined, now: Date): RetireHow {
  if (given === undefined || given === 'delete') return { kind: 'delete' };
  const match = /^expire=(.+)$/.exec(given);
  if (!match) throw new UsageError(`--retire takes delete or expire=<when>; not '${printable(given)}'`);
  const when = match[1] as string;
  const parsed = parseExpiry(when, now);
  if (!parsed.ok) throw new UsageError(`--retire expire=: ${parsed.problem}`);
  return { kind: 'expire', endDateTime: parsed.date, given: when };
}

/** The flags that put the consumers back in a command a person may run again. */
export function applyArgs(options: ApplyOptions): string[] {
  const { settings } = options;
  return [
    ...options.targets.map((t) => `--apply ${applyText(t)}`),
    ...(settings.kubeContext !== undefined ? [`--kube-context ${settings.kubeContext}`] : []),
    ...(settings.namespace !== undefined ? [`--namespace ${settings.namespace}`] : []),
    ...(settings.chart !== undefined ? [`--chart ${settings.chart}`] : []),
    ...(settings.cluster !== undefined ? [`--cluster ${settings.cluster}`] : []),
    ...(settings.clusterGroup !== undefined ? [`--cluster-group ${settings.clusterGroup}`] : []),
  ];
}

/** Where the tests put their fakes of helm, kubectl, az, systemctl and journalctl: the PATH, like any program. */
function runnerFor(deps: CommandDeps): Runner {
  return deps.runner ?? programRunner(deps.io.env);
}

/**
 * Every target built and checked, before the new key exists. A refusal (the wrong release, a
 * GitOps owner, a tool missing) says so and nothing is changed: exit 2 for what was asked, 1 for
 * what the world answered.
 */
export async function checkConsumers(
  options: ApplyOptions,
  deps: CommandDeps,
  deployment: Deployment,
  old: ApiKey | undefined,
  create: boolean,
): Promise<Consumer[]> {
  const { io, gateway } = deps;
  const endpoint = deployment.dataplaneApiEndpoint ?? '';
  const ctx: ApplyContext = {
    run: runnerFor(deps),
    deployment,
    nplus: nplusUrl(endpoint),
    ...(old ? { old: { name: old.name, hint: old.hint } } : {}),
    create,
    settings: options.settings,
    signal: io.signal,
    now: () => io.now(),
    say: (line) => io.stderr.write(`${line}\n`),
    ask: (url, secret) => gateway.verifyKey(endpoint, secret, { url, signal: io.signal }),
  };
  const consumers = options.targets.map((target) => consumerFor(target, ctx));
  try {
    await preflightAll(consumers, (line) => io.stderr.write(`${io.err('muted', line)}\n`));
  } catch (error) {
    if (!(error instanceof ApplyRefusal)) throw error;
    const words = `${error.message}. Nothing was changed`;
    if (error.exit === 1) throw new GatewayError('invalid', words);
    throw new UsageError(words);
  }
  return consumers;
}

/** What --dry-run says it would do at the consumers, one line each. */
export function consumerPlan(consumers: readonly Consumer[]): string[] {
  return consumers.flatMap((consumer) => [
    `At ${consumer.where}:`,
    ...consumer.plan().map((line) => `  ${line}`),
    ...(consumer.exposure?.() ? [`  note: ${consumer.exposure?.()}`] : []),
  ]);
}

/** The consumers given the new key and proven, or all rolled back; the report is said on stderr. */
export async function applyToConsumers(
  consumers: readonly Consumer[],
  secret: string,
  entry: CustodyEntry,
  deps: CommandDeps,
  deployment: Deployment,
  keyName: string,
): Promise<ApplyReport> {
  const { io, history } = deps;
  const report = await applyAll(consumers, secret, {
    say: (line) => io.stderr.write(`${line}\n`),
    holds: (consumer, holding) =>
      holding
        ? hold(entry, { kind: 'consumer', where: consumer.where })
        : release(entry, { kind: 'consumer', where: consumer.where }),
    record: (step, consumer, outcome, detail) => {
      if (!history) return;
      try {
        const id = history.begin({
          action: step,
          command: deps.command ?? 'rotate',
          deployment: deploymentId(deployment),
          key: keyName,
          destination: consumer.where,
        });
        history.finish(id, { outcome, ...(detail ? { detail } : {}) });
      } catch {
        // The record is kept beside the work; a record that cannot be written never stops it.
      }
    },
  });
  const marks = {
    pass: io.err('success', figures.pass),
    fail: io.err('danger', figures.fail),
    warn: io.err('warning', figures.warning),
  };
  for (const line of reportLines(report, marks)) io.stderr.write(`${line}\n`);
  return report;
}

/** The report in a JSON document: each consumer, its state, what showed it, what was undone. */
export function appliedJson(report: ApplyReport) {
  return report.results.map((r) => ({
    target: applyText(r.target),
    where: r.where,
    state: r.state,
    ...(r.why ? { why: r.why } : {}),
    proof: r.lines,
    ...(r.rollback ? { rollback: r.rollback } : {}),
  }));
}
