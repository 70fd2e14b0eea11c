/**
 * Fakes of helm, kubectl, az, systemctl and journalctl, first on PATH (spawned without a shell, as
 * the program spawns the real ones), answering from a scenario and recording every call: argv,
 * standard input, environment and the files an argument names (consumer-tools.mjs). A scenario
 * holds NLK releases in kube contexts, AKS extensions, systemd units with nginx-asg-sync's config,
 * and the failures to inject.
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const TOOLS = fileURLToPath(new URL('./consumer-tools.mjs', import.meta.url));
export const PROGRAMS = ['helm', 'kubectl', 'az', 'systemctl', 'journalctl'] as const;

export interface Revision {
  revision: number;
  status: string;
  values: { nlk?: { dataplaneApiKey?: string; config?: Record<string, unknown> } };
}

export interface FakeRelease {
  context: string;
  namespace: string;
  name: string;
  chart: string;
  version: string;
  revisions: Revision[];
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  pods?: { name: string; uid: string; rs: string; restarts: number; started: string }[];
  replicaSets?: { name: string; uid: string }[];
  deploymentUid?: string;
}

export interface FakeUnit {
  loadState?: string;
  activeState?: string;
  mainPid: number;
  restarts: number;
  argv: string;
  journal: { at: number; line: string }[];
  crashing?: boolean;
}

export interface Faults {
  upgrade?: 'fail';
  rollout?: 'timeout';
  secret?: 'differs';
  logs?: '401';
  pods?: 'stale';
  restarts?: 'rise';
  journal?: 'problem';
  restart?: 'fail';
  extUpdate?: 'fail';
}

export interface Scenario {
  contexts?: string[];
  currentContext?: string;
  releases?: FakeRelease[];
  services?: { context: string; namespace: string; name: string; annotations?: Record<string, string> }[];
  extensions?: {
    name: string;
    cluster: string;
    group: string;
    context?: string;
    namespace: string;
    extensionType: string;
    provisioningState: string;
    configurationSettings: Record<string, string>;
  }[];
  units?: Record<string, FakeUnit>;
  /** The emulator's CA (PEM file): nginx-asg-sync's start asks it over HTTPS. */
  caFile?: string;
  faults?: Faults;
}

export interface Call {
  program: string;
  argv: string[];
  stdin: string;
  env: Record<string, string>;
  files: Record<string, { content: string; mode: number; folderMode: number }>;
}

export interface FakeConsumers {
  folder: string;
  /** PATH with the fakes first. */
  path: string;
  calls(): Call[];
  state(): Scenario;
  change(edit: (scenario: Scenario) => void): void;
}

export function makeFakeConsumers(scenario: Scenario, basePath = process.env.PATH ?? ''): FakeConsumers {
  const folder = mkdtempSync(join(tmpdir(), 'fake-consumers-'));
  const statePath = join(folder, 'state.json');
  writeFileSync(statePath, JSON.stringify(scenario, null, 2));
  for (const program of PROGRAMS) {
    const file = join(folder, program);
    // CommonJS by its name (no .mjs): the module is loaded with import().
    writeFileSync(file, `#!${process.execPath}\nimport(${JSON.stringify(pathToFileURL(TOOLS).href)});\n`);
    chmodSync(file, 0o755);
  }
  const state = () => JSON.parse(readFileSync(statePath, 'utf8')) as Scenario;
  return {
    folder,
    path: `${folder}:${basePath}`,
    calls: () =>
      existsSync(join(folder, 'calls.jsonl'))
        ? readFileSync(join(folder, 'calls.jsonl'), 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line) as Call)
        : [],
    state,
    change: (edit) => {
      const now = state();
      edit(now);
      writeFileSync(statePath, JSON.stringify(now, null, 2));
    },
  };
}

/** An NLK release of the chart, deployed at revision 1 with `values`, one pod running. */
export function nlkRelease(options: {
  name?: string;
  context?: string;
  namespace?: string;
  key: string;
  nplus: string;
  config?: Record<string, unknown>;
  labels?: Record<string, string>;
}): FakeRelease {
  const name = options.name ?? 'nlk';
  const full = name.includes('nginxaas-loadbalancer-kubernetes') ? name : `${name}-nginxaas-loadbalancer-kubernetes`;
  return {
    context: options.context ?? 'aks-prod',
    namespace: options.namespace ?? 'nlk',
    name,
    chart: 'nginxaas-loadbalancer-kubernetes',
    version: '1.2.7',
    revisions: [
      {
        revision: 1,
        status: 'deployed',
        values: {
          nlk: {
            dataplaneApiKey: options.key,
            config: { nginxHosts: options.nplus, tls: { mode: 'ca-tls' }, logLevel: 'info', ...options.config },
          },
        },
      },
    ],
    deploymentUid: `deploy-${name}`,
    replicaSets: [{ name: `${full}-1`, uid: `rs-${name}-1` }],
    pods: [
      {
        name: `${full}-1-old`,
        uid: `pod-${name}-old`,
        rs: `rs-${name}-1`,
        restarts: 0,
        started: '2026-01-01T00:00:00Z',
      },
    ],
    ...(options.labels ? { labels: options.labels } : {}),
  };
}

/** nginx-asg-sync's unit as the packages install it, reading `config`. */
export function asgUnit(config: string, log?: string): FakeUnit {
  return {
    mainPid: 4100,
    restarts: 0,
    argv: `/usr/sbin/nginx-asg-sync -config_path=${config}${log ? ` -log_path=${log}` : ''}`,
    journal: [],
  };
}
