// Fakes of helm, kubectl, az, systemctl and journalctl for the --apply tests: one program, started
// under each name from a folder first on PATH (test/helpers/fake-consumers.ts writes the shims).
// Each run answers from the scenario in its folder (state.json, changed as the real tools would
// change the cluster or the machine), and appends what it was given to calls.jsonl: its argv, its
// standard input, its whole environment, and every file an argument names (content, mode, and the
// mode of its folder). A failure asked for in the scenario (`faults`) is answered as the real tool
// answers it. nginx-asg-sync's start is played for real: on a restart the fake reads the config the
// unit names and asks the emulator's NGINX Plus API with its Authorization header, as asg-sync does.
import { appendFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { basename, dirname, join } from 'node:path';

const program = basename(process.argv[1] ?? '');
const folder = dirname(process.argv[1] ?? '');
const argv = process.argv.slice(2);
const statePath = join(folder, 'state.json');
const state = JSON.parse(readFileSync(statePath, 'utf8'));
const faults = state.faults ?? {};
const nowSeconds = () => Math.floor(Date.now() / 1000);

function readStdin() {
  try {
    return readFileSync(0, 'utf8');
  } catch {
    return '';
  }
}

/** `--name=value` flags and the words that are not flags. */
function parse(words) {
  const flags = {};
  const positional = [];
  for (const word of words) {
    const match = /^--?([^=]+)(?:=(.*))?$/s.exec(word);
    if (match) flags[match[1]] = match[2] ?? true;
    else positional.push(word);
  }
  return { flags, positional };
}

function namedFiles() {
  const files = {};
  for (const word of argv) {
    const value = word.includes('=') ? word.slice(word.indexOf('=') + 1) : word;
    if (!value.startsWith('/') || !existsSync(value)) continue;
    try {
      const stat = statSync(value);
      if (!stat.isFile()) continue;
      files[value] = {
        content: readFileSync(value, 'utf8'),
        mode: stat.mode & 0o777,
        folderMode: statSync(dirname(value)).mode & 0o777,
      };
    } catch {
      // Gone meanwhile.
    }
  }
  return files;
}

const input = program === 'helm' && argv.includes('--values=-') ? readStdin() : '';
appendFileSync(
  join(folder, 'calls.jsonl'),
  `${JSON.stringify({ program, argv, stdin: input, env: process.env, files: namedFiles(), at: Date.now() })}\n`,
);

function save() {
  state.uidCount = uidCount;
  writeFileSync(statePath, JSON.stringify(state, null, 2));
}
function out(text) {
  process.stdout.write(text);
}
function fail(text, code = 1) {
  process.stderr.write(`${text}\n`);
  save();
  process.exit(code);
}
function done(text = '') {
  out(text);
  save();
  process.exit(0);
}

const CHART = 'nginxaas-loadbalancer-kubernetes';
const fullname = (release) =>
  (release.includes(CHART) ? release : `${release}-${CHART}`).slice(0, 63).replace(/-+$/, '');
let uidCount = state.uidCount ?? 1;
const newUid = (prefix) => `${prefix}-${(uidCount += 1)}`;

function merge(base, extra) {
  const outValue = JSON.parse(JSON.stringify(base ?? {}));
  for (const [k, v] of Object.entries(extra ?? {})) {
    outValue[k] =
      v && typeof v === 'object' && !Array.isArray(v) && outValue[k] && typeof outValue[k] === 'object'
        ? merge(outValue[k], v)
        : v;
  }
  return outValue;
}

// ---- the cluster: releases (helm), their Deployment, ReplicaSets, pods, Secret ----

function releaseOf(context, namespace, name) {
  return (state.releases ?? []).find(
    (r) => r.context === context && r.name === name && (namespace === undefined || r.namespace === namespace),
  );
}
function current(release) {
  return release.revisions.at(-1);
}
/** The running revision: the newest deployed one. */
function running(release) {
  return [...release.revisions].reverse().find((r) => r.status === 'deployed') ?? current(release);
}
/** A new ReplicaSet with fresh pods for the release, as a rollout of a changed pod template makes. */
function roll(release) {
  release.deploymentUid ??= newUid('deploy');
  const rs = { name: `${fullname(release.name)}-${(uidCount += 1)}`, uid: newUid('rs') };
  const stale = faults.pods === 'stale' ? (release.pods ?? []).slice(0, 1) : [];
  release.replicaSets = [...(release.replicaSets ?? []), rs];
  release.pods = [
    ...stale,
    { name: `${rs.name}-abcde`, uid: newUid('pod'), rs: rs.uid, restarts: 0, started: new Date().toISOString() },
  ];
}
function findDeployment(context, namespace, name) {
  return (state.releases ?? []).find(
    (r) => r.context === context && r.namespace === namespace && fullname(r.name) === name,
  );
}
function inNamespace(context, namespace) {
  return (state.releases ?? []).filter((r) => r.context === context && r.namespace === namespace && r.pods);
}

function helm() {
  const { flags, positional } = parse(argv);
  const context = flags['kube-context'];
  const namespace = flags.namespace;
  const [verb, sub] = positional;
  if (verb === 'version') return done('v3.21.0+gfake\n');
  if (state.contexts && context !== undefined && !state.contexts.includes(context))
    fail(`Error: context "${context}" does not exist`);
  if (verb === 'list') {
    const filter = flags.filter ? new RegExp(flags.filter) : /.*/;
    const list = (state.releases ?? [])
      .filter((r) => r.context === context && filter.test(r.name))
      .map((r) => ({
        name: r.name,
        namespace: r.namespace,
        revision: String(current(r).revision),
        status: current(r).status,
        chart: `${r.chart}-${r.version}`,
        app_version: '1.2.0',
      }));
    return done(`${JSON.stringify(list)}\n`);
  }
  if (verb === 'get') {
    const release = releaseOf(context, namespace, positional[2]);
    if (!release) fail('Error: release: not found');
    const revision = current(release);
    if (sub === 'metadata')
      return done(
        `${JSON.stringify({ name: release.name, chart: release.chart, version: release.version, namespace: release.namespace, revision: revision.revision, status: revision.status, appVersion: '1.2.0' })}\n`,
      );
    if (sub === 'values') return done(`${JSON.stringify(running(release).values)}\n`);
  }
  if (verb === 'upgrade') {
    const name = positional[1];
    let release = releaseOf(context, namespace, name);
    const values = JSON.parse(input || '{}');
    if (!release) {
      if (flags.install !== true) fail(`Error: UPGRADE FAILED: "${name}" has no deployed releases`);
      release = { context, namespace, name, chart: CHART, version: flags.version, revisions: [] };
      (state.releases ??= []).push(release);
    }
    const before = running(release)?.values ?? {};
    const next = flags['reuse-values'] === true ? merge(before, values) : values;
    const revision = (current(release)?.revision ?? 0) + 1;
    if (faults.upgrade === 'fail') {
      release.revisions.push({ revision, status: 'failed', values: next });
      fail(`Error: UPGRADE FAILED: context deadline exceeded`);
    }
    for (const r of release.revisions) if (r.status === 'deployed') r.status = 'superseded';
    release.revisions.push({ revision, status: 'deployed', values: next });
    roll(release);
    return done(`Release "${name}" has been upgraded. Happy Helming!\n`);
  }
  if (verb === 'rollback') {
    const release = releaseOf(context, namespace, positional[1]);
    if (!release) fail('Error: release: not found');
    const to = release.revisions.find((r) => r.revision === Number(positional[2]));
    if (!to) fail(`Error: release has no ${positional[2]} version`);
    for (const r of release.revisions) if (r.status === 'deployed') r.status = 'superseded';
    release.revisions.push({ revision: current(release).revision + 1, status: 'deployed', values: to.values });
    delete faults.pods;
    roll(release);
    return done('Rollback was a success! Happy Helming!\n');
  }
  if (verb === 'uninstall') {
    state.releases = state.releases.filter((r) => r !== releaseOf(context, namespace, positional[1]));
    return done(`release "${positional[1]}" uninstalled\n`);
  }
  fail(`fake helm: unsupported: ${argv.join(' ')}`, 2);
}

function kubectl() {
  const { flags, positional } = parse(argv);
  const context = flags.context ?? state.currentContext;
  const namespace = flags.namespace ?? 'default';
  const [verb, what, name] = positional;
  if (verb === 'config' && what === 'get-contexts') return done(`${(state.contexts ?? []).join('\n')}\n`);
  if (verb === 'config' && what === 'current-context') {
    if (!state.currentContext) fail('error: current-context is not set');
    return done(`${state.currentContext}\n`);
  }
  if (state.contexts && !state.contexts.includes(context)) fail(`error: context "${context}" does not exist`);
  if (verb === 'get' && what === 'deployment') {
    const release = findDeployment(context, namespace, name);
    if (!release) fail(`Error from server (NotFound): deployments.apps "${name}" not found`);
    release.deploymentUid ??= newUid('deploy');
    return done(
      `${JSON.stringify({ metadata: { name, uid: release.deploymentUid, labels: { app: 'nlk', ...release.labels }, annotations: release.annotations ?? {} } })}\n`,
    );
  }
  if (verb === 'get' && what === 'replicasets') {
    const items = inNamespace(context, namespace).flatMap((r) =>
      (r.replicaSets ?? []).map((rs) => ({
        metadata: { name: rs.name, uid: rs.uid, ownerReferences: [{ kind: 'Deployment', uid: r.deploymentUid }] },
      })),
    );
    return done(`${JSON.stringify({ items })}\n`);
  }
  if (verb === 'get' && what === 'pods') {
    const items = inNamespace(context, namespace).flatMap((r) =>
      r.pods.map((p) => ({
        metadata: {
          name: p.name,
          uid: p.uid,
          labels: { app: 'nlk' },
          ownerReferences: [{ kind: 'ReplicaSet', uid: p.rs }],
        },
        status: { phase: 'Running', startTime: p.started, containerStatuses: [{ restartCount: p.restarts }] },
      })),
    );
    return done(`${JSON.stringify({ items })}\n`);
  }
  if (verb === 'get' && what === 'secret') {
    const release = (state.releases ?? []).find(
      (r) => r.context === context && r.namespace === namespace && `${fullname(r.name)}-nginxaas-api-key` === name,
    );
    if (!release) fail(`Error from server (NotFound): secrets "${name}" not found`);
    const key =
      faults.secret === 'differs' ? 'a-different-key-0000' : (running(release).values?.nlk?.dataplaneApiKey ?? '');
    return done(Buffer.from(key).toString('base64'));
  }
  if (verb === 'get' && what === 'services') {
    const items = (state.services ?? [])
      .filter((s) => s.context === context)
      .map((s) => ({
        metadata: { name: s.name, namespace: s.namespace, uid: s.name, annotations: s.annotations ?? {} },
      }));
    return done(`${JSON.stringify({ items })}\n`);
  }
  if (verb === 'rollout' && what === 'status') {
    if (faults.rollout === 'timeout') fail('error: timed out waiting for the condition');
    return done(`deployment "${name?.replace('deployment/', '')}" successfully rolled out\n`);
  }
  if (verb === 'logs') {
    const podName = what?.replace(/^pod\//, '');
    const release = inNamespace(context, namespace).find((r) => r.pods.some((p) => p.name === podName));
    if (!release) fail(`error: pods "${podName}" not found`);
    const lines = [
      '{"level":"info","msg":"Starting NGINXaaS Loadbalancer for Kubernetes"}',
      '{"level":"info","msg":"Watcher::Watch: watching services"}',
    ];
    if (faults.logs === '401')
      lines.push(
        '{"level":"info","msg":"Synchronizer::withRetry: requeued service update","error":"expected 200 response, got 401"}',
      );
    return done(`${lines.join('\n')}\n`);
  }
  fail(`fake kubectl: unsupported: ${argv.join(' ')}`, 2);
}

// ---- the AKS extension ----

function az() {
  const { flags, positional } = parse(argv);
  if (positional[0] !== 'k8s-extension') fail(`fake az: unsupported: ${argv.join(' ')}`, 2);
  const extension = (state.extensions ?? []).find(
    (e) => e.name === flags.name && e.cluster === flags['cluster-name'] && e.group === flags['resource-group'],
  );
  if (!extension)
    fail(`(ResourceNotFound) The Resource 'Microsoft.KubernetesConfiguration/extensions/${flags.name}' was not found.`);
  if (positional[1] === 'show')
    return done(
      `${JSON.stringify({
        name: extension.name,
        extensionType: extension.extensionType,
        provisioningState: extension.provisioningState,
        configurationSettings: extension.configurationSettings,
        scope: { cluster: { releaseNamespace: extension.namespace } },
      })}\n`,
    );
  if (positional[1] === 'update') {
    if (faults.extUpdate === 'fail') {
      // Once: the rollback's update (the old key again) goes through.
      delete faults.extUpdate;
      fail('(BadRequest) the extension could not be updated');
    }
    const file = flags['configuration-settings-file'];
    const settings = JSON.parse(readFileSync(file, 'utf8'));
    extension.configurationSettings = { ...extension.configurationSettings, ...settings };
    // The extension is a Helm release in the cluster: its values move with it.
    const release = (state.releases ?? []).find((r) => r.name === extension.name && r.context === extension.context);
    if (release) {
      const values = merge(running(release).values, { nlk: { dataplaneApiKey: settings['nlk.dataplaneApiKey'] } });
      for (const r of release.revisions) if (r.status === 'deployed') r.status = 'superseded';
      release.revisions.push({ revision: current(release).revision + 1, status: 'deployed', values });
      roll(release);
    }
    return done('');
  }
  fail(`fake az: unsupported: ${argv.join(' ')}`, 2);
}

// ---- nginx-asg-sync under systemd ----

function ask(url, header) {
  return new Promise((resolve) => {
    const ca = state.caFile ? readFileSync(state.caFile, 'utf8') : undefined;
    const req = request(url, { method: 'GET', headers: { authorization: header }, ca }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end();
  });
}

/** nginx-asg-sync's start: its config read once, each upstream asked with the header it carries. */
async function startAsgSync(unit) {
  const path = /-config_path=(\S+)/.exec(unit.argv)?.[1] ?? '/etc/nginx/config.yaml';
  const text = readFileSync(path, 'utf8');
  const endpoint = /^api_endpoint:\s*"?([^"\s]+)"?/m.exec(text)?.[1] ?? '';
  const header = /^\s+Authorization:\s*["']?(ApiKey [A-Za-z0-9+/=]+)["']?/m.exec(text)?.[1] ?? '';
  const upstreams = [...text.matchAll(/-\s+name:\s*(\S+)[\s\S]*?kind:\s*(http|stream)/g)].map((m) => [m[1], m[2]]);
  for (const [name, kind] of upstreams) {
    const status = await ask(`${endpoint.replace(/\/+$/, '')}/9/${kind}/upstreams/${name}/servers`, header);
    if (status !== 200) {
      unit.journal.push({
        at: nowSeconds(),
        line: `Problem with the NGINX configuration: error accessing the NGINX API: expected 200 response, got ${status}`,
      });
      return false;
    }
  }
  unit.journal.push({
    at: nowSeconds(),
    line: 'Updated HTTP servers of backend-one; Added: []; Removed: []; Updated: []',
  });
  return true;
}

async function systemctl() {
  const { flags, positional } = parse(argv);
  const [verb, name] = positional;
  const unit = state.units?.[name];
  if (verb === 'show') {
    if (!unit)
      return done(`LoadState=not-found\nActiveState=inactive\nSubState=dead\nMainPID=0\nNRestarts=0\nExecStart=\n`);
    // systemd restarts a unit that exited (nginx-asg-sync exits 10 on a refused key) every 5 s.
    if (unit.crashing || faults.restarts === 'rise') {
      unit.restarts += 1;
      unit.mainPid += 1;
    }
    const props = String(flags.property ?? '').split(',');
    const all = {
      LoadState: unit.loadState ?? 'loaded',
      ActiveState: unit.activeState ?? 'active',
      SubState: 'running',
      MainPID: unit.mainPid,
      NRestarts: unit.restarts,
      ExecStart: `{ path=${unit.argv.split(' ')[0]} ; argv[]=${unit.argv} ; ignore_errors=no ; start_time=[n/a] ; pid=0 ; code=(null) ; status=0/0 }`,
    };
    return done(
      `${props
        .filter((p) => p in all)
        .map((p) => `${p}=${all[p]}`)
        .join('\n')}\n`,
    );
  }
  if (verb === 'restart') {
    if (!unit) fail(`Failed to restart ${name}: Unit ${name} not found.`, 5);
    if (faults.restart === 'fail') {
      // Once: the restart on the old config (the rollback's) works again.
      delete faults.restart;
      fail(`Job for ${name} failed because the control process exited with error code.`);
    }
    unit.mainPid += 100;
    unit.crashing = !(await startAsgSync(unit));
    if (faults.journal === 'problem')
      unit.journal.push({ at: nowSeconds(), line: "Couldn't update HTTP servers in NGINX: got 401" });
    return done('');
  }
  fail(`fake systemctl: unsupported: ${argv.join(' ')}`, 2);
}

function journalctl() {
  const { flags } = parse(argv);
  if (flags.version) return done('systemd 252 (252.30-1~deb12u2)\n');
  const unit = state.units?.[flags.unit];
  const since = Number(String(flags.since ?? '@0').replace('@', ''));
  const lines = (unit?.journal ?? []).filter((e) => e.at >= since).map((e) => e.line);
  return done(lines.length > 0 ? `${lines.join('\n')}\n` : '-- No entries --\n');
}

if (program === 'helm') helm();
else if (program === 'kubectl') kubectl();
else if (program === 'az') az();
else if (program === 'systemctl') await systemctl();
else if (program === 'journalctl') journalctl();
else fail(`fake: unknown program ${program}`, 2);
