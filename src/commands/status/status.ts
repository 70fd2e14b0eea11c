/**
 * `nginxaas-keys status`: `gh auth status` and a doctor in one. How the run signs in and as whom,
 * the subscriptions and deployments it can see; with -d, the deployment's endpoint and whether
 * it answers; with a key's value (--secret-stdin, --secret-file, --keyvault), which key's hint it
 * matches, its expiry, and whether the dataplane takes it: the value is the key only when the
 * dataplane takes it and no other key has its hint (keys/prove-value.ts). A value no key's hint
 * matches is never sent to the dataplane. Exit 0 when all is well, 1 when
 * something is not, 4 when the run cannot sign in (thrown, and said as every command says it).
 */
import { flag, text, type CommandValues } from '../shared/flags';
import type { STATUS_FLAGS } from './flags';
import { parseHandoff } from '../../domain/handoff';
import { keyStatus } from '../../domain/readiness';
import { GatewayError, type ApiKey, type Deployment, type Discovery, type SignedIn } from '../../port/gateway';
import { EXIT } from '../../port/io';
import { UsageError } from '../../port/usage-error';
import { hintMatches, proveValue, type Proof } from '../../keys/prove-value';
import { figures } from '../../term/style';
import type { CommandDeps } from '../shared/deps';
import { describeDeployment, expiryText, keyJson } from '../shared/format';
import { readSecret, type SecretSource } from '../shared/new-key-options';
import { parseTarget, resolveDeployment, type TargetOptions } from '../shared/target';
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
    target,
    value: sources[0],
  };
}

interface Check {
  ok: boolean;
  said: string;
}

interface KeyFinding {
  /** The keys whose hint the value starts with. */
  matches: ApiKey[];
  /** What the dataplane said, asked only when exactly one key's hint matches. */
  proof?: Proof;
}

/** How the value is known to be a key: not at all, by its hint only, or proven on the dataplane. */
type Match = 'none' | 'hint' | 'dataplane';

function matchOf(finding: KeyFinding): Match {
  if (finding.proof?.outcome === 'proven') return 'dataplane';
  return finding.matches.length > 0 ? 'hint' : 'none';
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
      signIn: { how: gateway.authDescription, ...signedIn },
      subscriptions: subscriptions.map((s) => ({ id: s.subscriptionId, name: s.displayName, state: s.state })),
      deployments: discovery.deployments.length,
      ...(discovery.problems.length > 0 ? { problems: discovery.problems } : {}),
      deployment: deployment && {
        name: deployment.name,
        id: deployment.id,
        endpoint: deployment.dataplaneApiEndpoint ?? null,
        answers: endpoint?.ok ?? false,
      },
      ...(finding
        ? {
            key: finding.matches[0] ? keyJson(finding.matches[0], io.now()) : null,
            ...(finding.matches.length > 1 ? { hintMatches: finding.matches.map((k) => k.name) } : {}),
            match: matchOf(finding),
            proven: matchOf(finding) === 'dataplane',
            dataplaneAccepts: dataplaneAccepts(finding.proof),
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
  const matches = hintMatches(secret, keys);
  // A value that is none of the keys' is not sent anywhere; one that several keys' hints match
  // cannot be told apart by the dataplane, so it is not sent either.
  const [only] = matches;
  if (matches.length !== 1 || !only) return { matches };
  return { matches, proof: await proveValue(gateway, deployment, only, secret, keys, io.signal) };
}

/** true or false when the dataplane answered about the value; null when it was not asked or did not answer. */
function dataplaneAccepts(proof: Proof | undefined): boolean | null {
  if (proof?.outcome === 'proven') return true;
  if (proof?.outcome === 'refused') return false;
  return null;
}

function findingChecks(finding: KeyFinding, deployment: Deployment, now: Date): Check[] {
  const checks: Check[] = [];
  const [key] = finding.matches;
  if (!key) {
    checks.push({
      ok: false,
      said: `the value given is none of the keys of ${deployment.name} (no key has its hint); it was not sent to the dataplane`,
    });
    return checks;
  }
  if (finding.matches.length > 1) {
    checks.push({
      ok: false,
      said: `the value given matches the hint ${key.hint} of ${finding.matches.map((k) => `'${k.name}'`).join(' and ')}: which key it is cannot be told, so it was not sent to the dataplane`,
    });
    return checks;
  }
  const status = keyStatus(key.endDateTime, now);
  const proven = finding.proof?.outcome === 'proven';
  checks.push({
    ok: status === 'ok' || status === 'expiring',
    said: `the value given ${proven ? 'is' : 'matches the hint of'} key '${key.name}' (hint ${key.hint}), which ${status === 'expired' ? 'expired' : 'expires'} ${expiryText(key.endDateTime, now)}`,
  });
  const proof = finding.proof;
  if (proof)
    checks.push({
      ok: proof.outcome === 'proven',
      said:
        proof.outcome === 'proven'
          ? `the dataplane accepts it (GET /packages answered ${proof.status}), and no other key has its hint`
          : proof.outcome === 'refused'
            ? `the dataplane does not accept it (HTTP ${proof.status}): it is not the secret of '${key.name}', or that key is not active there`
            : `whether it is '${key.name}' could not be proven: ${proof.said}`,
    });
  return checks;
}
