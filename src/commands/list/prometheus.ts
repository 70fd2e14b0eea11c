/**
 * `list -o prometheus`: the keys' expiry in Prometheus's text exposition format (0.0.4), for
 * node_exporter's textfile collector or any scraper. A series per key, and a series per
 * deployment (and per subscription) that says whether it could be read, so an alert can tell "no
 * data" from "fine". The labels name where a key is, never its secret nor its hint.
 */
import type { Listed } from './list-output';

const EXPIRATION = 'nginxaas_api_key_expiration_timestamp_seconds';
const EXPIRED = 'nginxaas_api_key_expired';
const DEPLOYMENT_READ = 'nginxaas_api_key_deployment_read_success';
const SUBSCRIPTION_READ = 'nginxaas_api_key_subscription_read_success';

/** A label value as the format wants it: backslash, double quote and line feed escaped. */
export function labelValue(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labels(pairs: Record<string, string>): string {
  return `{${Object.entries(pairs)
    .map(([name, value]) => `${name}="${labelValue(value)}"`)
    .join(',')}}`;
}

function family(name: string, help: string, samples: string[]): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, ...samples];
}

/**
 * The exposition of what was listed (already narrowed by --expiring-within). A key whose expiry
 * Azure gave as no time has NaN for its timestamp and no `expired` sample: it is not known.
 */
export function prometheusText(listed: Listed[], unreadSubscriptions: { subscriptionId: string }[], now: Date): string {
  // Each series once, whatever the listing holds twice (a Resource Graph row repeated, say): a
  // scraper refuses an exposition that repeats one. A deployment read once counts as read.
  const expiration = new Map<string, string>();
  const expired = new Map<string, string>();
  const read = new Map<string, string>();
  for (const { deployment, keys, problem } of listed) {
    const where = labels({
      subscription_id: deployment.subscriptionId,
      resource_group: deployment.resourceGroup,
      deployment: deployment.name,
    });
    if (read.get(where) !== '1') read.set(where, problem === undefined ? '1' : '0');
    for (const key of keys) {
      const end = key.endDateTime.getTime();
      const series = labels({
        subscription_id: deployment.subscriptionId,
        resource_group: deployment.resourceGroup,
        deployment: deployment.name,
        key: key.name,
      });
      if (expiration.has(series)) continue;
      expiration.set(series, Number.isNaN(end) ? 'NaN' : String(Math.floor(end / 1000)));
      if (!Number.isNaN(end)) expired.set(series, end <= now.getTime() ? '1' : '0');
    }
  }
  const samples = (name: string, values: Map<string, string>) =>
    [...values].map(([series, value]) => `${name}${series} ${value}`);
  const subscriptions = samples(
    SUBSCRIPTION_READ,
    new Map(unreadSubscriptions.map((s) => [labels({ subscription_id: s.subscriptionId }), '0'])),
  );
  return [
    ...family(
      EXPIRATION,
      'When the NGINXaaS dataplane API key expires, in seconds since the epoch.',
      samples(EXPIRATION, expiration),
    ),
    ...family(EXPIRED, '1 when the NGINXaaS dataplane API key has expired, else 0.', samples(EXPIRED, expired)),
    ...family(
      DEPLOYMENT_READ,
      "1 when the deployment's API keys could be read, 0 when they could not.",
      samples(DEPLOYMENT_READ, read),
    ),
    ...(subscriptions.length > 0
      ? family(SUBSCRIPTION_READ, '0 for a subscription whose deployments could not be listed.', subscriptions)
      : []),
    '',
  ].join('\n');
}
