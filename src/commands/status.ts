/**
 * `nginxaas-keys status`: `gh auth status` and a doctor in one. How the run signs in and as whom,
 * the subscriptions and deployments it can see; with -d, the deployment's endpoint and whether
 * it answers; with a key's value (--secret-stdin, --secret-file, --keyvault), which key record it
 * is (by hint), its expiry, and whether the dataplane takes it. Exit 0 when all is well, 1 when
 * something is not, 4 when the run cannot sign in (thrown, and said as every command says it).
 */
import { flag, text, type CommandValues, type STATUS_FLAGS } from './flags';
import { parseHandoff } from '../domain/handoff';
import { keyStatus } from '../domain/readiness';
import { GatewayError, type ApiKey, type Deployment, type Discovery, type SignedIn } from '../port/gateway';
import { EXIT } from '../port/io';
import { UsageError } from '../port/usage-error';
import { valueMatchesHint } from '../keys/extend-key';
import { figures } from '../term/style';
import type { CommandDeps } from './deps';
import { describeDeployment, expiryText, keyJson } from './format';
import { readSecret, type SecretSource } from './new-key';
import { parseTarget, resolveDeployment, type TargetOptions } from './target';
import { settingsCheck } from './status-settings';

type ValueSource =
  | Exclude<SecretSource, { kind: 'generate' }>
  | { kind: 'keyvault'; vaultHost: string; secretName: string; url: string };

export interface StatusOptions {
  target?: TargetOptions;
  value?: ValueSource;
  json: boolean;
}

export function parseStatusOptions(values: CommandValues<typeof STATUS_FLAGS>): StatusOptions {
  const target = text(values, 'deployment') === undefined ? undefined : parseTarget(values);
  const sources: ValueSource[] = [];
  if (flag(values, 'secret-stdin')) sources.push({ kind: 'stdin' });
  const file = text(values, 'secret-file');
  if (file !== undefined) sources.push({ kind: 'file', path: file });
  const vault = text(values, 'keyvault');
  if (vault !== undefined) {
    const parsed = parseHandoff(`keyvault=${vault}`);
    if (!parsed.ok || parsed.target.kind !== 'keyvault')
      throw new UsageError(parsed.ok ? 'not a Key Vault secret URL' : parsed.problem);
    sources.push(parsed.target);
  }
  if (sources.length > 1) throw new UsageError('choose one of --secret-stdin, --secret-file and --keyvault');
  if (sources.length === 1 && !target)
    throw new UsageError("a key's value is checked against a deployment's keys: pass -d <deployment> too");
  return {
    json: values.output === 'json',
    ...(target ? { target } : {}),
    ...(sources[0] ? { value: sources[0] } : {}),
  };
}

interface Check {
  ok: boolean;
  said: string;
}

interface KeyFinding {
  key?: ApiKey;
  dataplane?: { accepted: boolean; said: string };
}

export async function runStatus(options: StatusOptions, deps: CommandDeps): Promise<number> {
  const { gateway, io } = deps;
  const signal = { signal: io.signal };
  // A value from stdin or a file is read (and checked) before any request, as every command reads it.
  const given =
    options.value && options.value.kind !== 'keyvault' ? await readSecret({ source: options.value }, io) : undefined;
  // The first call signs in: a run that cannot is exit 4, with the ways out, as every command says it.
  const subscriptions = await gateway.listSubscriptions(signal);
  const signedIn = await gateway.signedInAs?.(signal).catch(() => undefined);
  const discovery = await gateway.discoverDeployments({}, signal);
  const checks: Check[] = [signInCheck(gateway.authDescription, signedIn, deps.demo === true)];
  const enabled = subscriptions.filter((s) => s.state === 'Enabled');
  checks.push({
    ok: enabled.length > 0,
    said:
      subscriptions.length === 0
        ? 'no subscription is visible to this sign-in'
        : `${subscriptions.length} subscription${subscriptions.length === 1 ? '' : 's'} visible: ${subscriptions.map((s) => `${s.displayName || s.subscriptionId}${s.state === 'Enabled' ? '' : ` (${s.state})`}`).join(', ')}`,
  });
  checks.push(discoveryCheck(discovery));
  const saved = settingsCheck(deps);
  if (saved) checks.push(saved);

  let deployment: Deployment | undefined;
  let endpoint: Check | undefined;
  let finding: KeyFinding | undefined;
  if (options.target) {
    deployment = await resolveDeployment(gateway, options.target, io.signal);
    endpoint = await endpointCheck(deps, deployment);
    checks.push(endpoint);
    const value = given ?? (options.value?.kind === 'keyvault' ? options.value : undefined);
    if (value !== undefined) {
      finding = await keyFinding(deps, deployment, value);
      checks.push(...findingChecks(finding, deployment, io.now()));
    }
  }
  const ok = checks.every((c) => c.ok);
  if (options.json) {
    const document = {
      ok,
      signIn: { how: gateway.authDescription, ...(signedIn ? signedIn : {}) },
      subscriptions: subscriptions.map((s) => ({ id: s.subscriptionId, name: s.displayName, state: s.state })),
      deployments: discovery.deployments.length,
      ...(discovery.problems.length > 0 ? { problems: discovery.problems } : {}),
      ...(deployment
        ? {
            deployment: {
              name: deployment.name,
              id: deployment.id,
              endpoint: deployment.dataplaneApiEndpoint ?? null,
              answers: endpoint?.ok ?? false,
            },
          }
        : {}),
      ...(finding
        ? {
            key: finding.key ? keyJson(finding.key, io.now()) : null,
            dataplaneAccepts: finding.dataplane?.accepted ?? null,
          }
        : {}),
      checks,
    };
    io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  } else {
    for (const check of checks)
      io.stdout.write(`${check.ok ? io.out('success', figures.pass) : io.out('danger', figures.fail)} ${check.said}\n`);
  }
  return ok ? EXIT.ok : EXIT.failed;
}

function signInCheck(how: string, who: SignedIn | undefined, demo: boolean): Check {
  if (demo) return { ok: true, said: 'the demo: the local emulator, no Azure account used' };
  const as = who ? ` as ${who.account}${who.tenant ? ` (tenant ${who.tenant})` : ''}` : '';
  return { ok: true, said: `signed in with ${how}${as}` };
}

function discoveryCheck(discovery: Discovery): Check {
  const count = discovery.deployments.length;
  const ready = discovery.deployments.filter((d) => d.provisioningState === 'Succeeded').length;
  const unread = discovery.problems.map((p) => `${p.subscriptionId}: ${p.message}`);
  return {
    ok: discovery.problems.length === 0,
    said: [
      `${count} NGINXaaS deployment${count === 1 ? '' : 's'} visible (${ready} ready to take keys)`,
      ...(unread.length > 0 ? [`; could not read ${unread.join('; ')}`] : []),
    ].join(''),
  };
}

/** Whether the dataplane answers at all: a request without a key that it refuses is an answer. */
async function endpointCheck(deps: CommandDeps, deployment: Deployment): Promise<Check> {
  const where = describeDeployment(deployment);
  const endpoint = deployment.dataplaneApiEndpoint;
  if (!endpoint) return { ok: false, said: `${where} has no dataplane API endpoint (${deployment.provisioningState})` };
  const answer = await deps.gateway.verifyKey(endpoint, 'no-key-status-probe', { signal: deps.io.signal });
  const answers = answer.ok || answer.status !== undefined;
  return {
    ok: answers,
    said: answers
      ? `${where}: the dataplane API at ${endpoint} answers`
      : `${where}: the dataplane API at ${endpoint} does not answer (${answer.ok ? '' : answer.message})`,
  };
}

/** The value already read, or the Key Vault secret to read it from. */
async function keyFinding(
  deps: CommandDeps,
  deployment: Deployment,
  value: string | Extract<ValueSource, { kind: 'keyvault' }>,
): Promise<KeyFinding> {
  const { gateway, io } = deps;
  let secret: string;
  if (typeof value === 'string') secret = value;
  else {
    const held = await gateway.readSecret(value, { signal: io.signal });
    if (!held) throw new GatewayError('notFound', `${value.url} does not exist`);
    secret = held.value;
  }
  const keys = await gateway.listKeys(deployment, { signal: io.signal });
  const key = keys.find((k) => valueMatchesHint(secret, k));
  const endpoint = deployment.dataplaneApiEndpoint;
  if (!endpoint) return key ? { key } : {};
  const answer = await gateway.verifyKey(endpoint, secret, { signal: io.signal });
  const said = answer.ok ? `GET /packages answered ${answer.status}` : answer.message;
  return { ...(key ? { key } : {}), dataplane: { accepted: answer.ok, said } };
}

function findingChecks(finding: KeyFinding, deployment: Deployment, now: Date): Check[] {
  const checks: Check[] = [];
  const key = finding.key;
  if (!key)
    checks.push({ ok: false, said: `the value given is none of the keys of ${deployment.name} (no key has its hint)` });
  else {
    const status = keyStatus(key.endDateTime, now);
    checks.push({
      ok: status === 'ok' || status === 'expiring',
      said: `the value given is key '${key.name}' (hint ${key.hint}), which ${status === 'expired' ? 'expired' : 'expires'} ${expiryText(key.endDateTime, now)}`,
    });
  }
  if (finding.dataplane)
    checks.push({
      ok: finding.dataplane.accepted,
      said: finding.dataplane.accepted
        ? `the dataplane accepts it (${finding.dataplane.said})`
        : `the dataplane does not accept it (${finding.dataplane.said})`,
    });
  return checks;
}
