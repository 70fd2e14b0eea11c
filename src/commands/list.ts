/**
 * `nginxaas-keys list`: the keys of one deployment, or of every deployment with --all, with
 * their expiry. `--expiring-within N` exits 3 when a listed key expires within N days or has
 * expired, for cron and CI.
 */
import { UsageError, type Values } from '../cli-options';
import { daysLeft } from '../domain/expiry';
import { GatewayError, type ApiKey, type Deployment, type Gateway } from '../gateway';
import { EXIT, type Io } from '../io';
import { mapBounded } from '../bounded';
import { deploymentJson, expiryText, keyJson, statusWords, table } from './format';
import { resolveDeployment, stringOption } from './target';
import { figures } from '../style';

const KEY_LISTING_CONCURRENCY = 4;

interface Listed {
  deployment: Deployment;
  keys: ApiKey[];
  problem?: string;
}

function expiringWithin(values: Values): number | undefined {
  const text = stringOption(values, 'expiring-within');
  if (text === undefined) return undefined;
  if (!/^\d{1,4}$/.test(text)) throw new UsageError(`--expiring-within takes a whole number of days, not '${text}'`);
  return Number(text);
}

async function listEverywhere(gateway: Gateway, values: Values, io: Io): Promise<Listed[]> {
  const subscription = stringOption(values, 'subscription');
  const group = stringOption(values, 'resource-group');
  const progress = (line: string) => {
    io.stderr.write(`${io.err('muted', line)}\n`);
  };
  const found = await gateway.discoverDeployments(
    { ...(subscription ? { subscriptions: [subscription] } : {}), ...(group ? { resourceGroup: group } : {}) },
    { signal: io.signal, onProgress: progress },
  );
  for (const problem of found.problems) io.stderr.write(`${io.err('warning', 'warning:')} ${problem.subscriptionId}: ${problem.message}\n`);
  const states = new Map(found.searched.map((s) => [s.subscriptionId.toLowerCase(), s.state]));
  const count = found.deployments.length;
  progress(`Reading the keys of ${count} deployment${count === 1 ? '' : 's'}…`);
  return mapBounded(found.deployments, KEY_LISTING_CONCURRENCY, async (deployment): Promise<Listed> => {
    try {
      return { deployment, keys: await gateway.listKeys(deployment, { signal: io.signal }) };
    } catch (error) {
      if (!(error instanceof GatewayError) || error.kind === 'cancelled') throw error;
      const state = states.get(deployment.subscriptionId.toLowerCase());
      return { deployment, keys: [], problem: `${error.plain}${state && state !== 'Enabled' ? ` (subscription ${state})` : ''}` };
    }
  });
}

export async function runList(gateway: Gateway, values: Values, io: Io): Promise<number> {
  const within = expiringWithin(values);
  const all = values.all === true;
  if (all && stringOption(values, 'deployment') !== undefined) throw new UsageError('use either --all or --deployment, not both');
  if (!all && stringOption(values, 'deployment') === undefined) throw new UsageError('name a deployment with -d, or pass --all');

  const listed: Listed[] = all
    ? await listEverywhere(gateway, values, io)
    : await resolveDeployment(gateway, values, io.signal).then(async (deployment) => [
        { deployment, keys: await gateway.listKeys(deployment, { signal: io.signal }) },
      ]);
  const now = io.now();
  const flagged = (key: ApiKey) => within !== undefined && (key.endDateTime.getTime() <= now.getTime() || daysLeft(key.endDateTime, now) < within);
  const anyFlagged = listed.some((l) => l.keys.some(flagged));

  if (values.output === 'json') {
    const document = {
      ...(within !== undefined ? { expiringWithinDays: within, expiringFound: anyFlagged } : {}),
      deployments: listed.map((l) => ({
        deployment: deploymentJson(l.deployment),
        ...(l.deployment.dataplaneApiEndpoint ? { dataplaneApiEndpoint: l.deployment.dataplaneApiEndpoint } : {}),
        keys: l.keys.map((k) => ({ ...keyJson(k, now), ...(within !== undefined ? { flagged: flagged(k) } : {}) })),
        ...(l.problem ? { problem: l.problem } : {}),
      })),
    };
    io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  } else {
    const p = io.out;
    const rows = listed.flatMap((l) =>
      l.keys.map((k) => [
        ...(all ? [l.deployment.name, l.deployment.resourceGroup] : []),
        k.name,
        k.hint,
        expiryText(k.endDateTime, now),
        statusWords(k, now, p),
      ]),
    );
    const headers = [...(all ? ['DEPLOYMENT', 'RESOURCE GROUP'] : []), 'NAME', 'HINT', 'EXPIRES', 'STATUS'];
    if (rows.length > 0) io.stdout.write(`${table(headers, rows, p)}\n`);
    else if (!all) io.stdout.write(`No keys on ${listed[0]?.deployment.name ?? 'that deployment'}.\n`);
    else io.stdout.write(listed.length === 0 ? 'No NGINXaaS deployments found.\n' : 'No keys on any deployment.\n');
    for (const l of listed.filter((x) => x.problem)) {
      io.stderr.write(`${io.err('warning', 'warning:')} could not read the keys of ${l.deployment.name}: ${l.problem}\n`);
    }
    if (within !== undefined && anyFlagged) {
      io.stderr.write(`${io.err('warning', figures.warning)} some keys expire within ${within} days or have expired.\n`);
    }
  }
  return anyFlagged ? EXIT.expiring : EXIT.ok;
}
