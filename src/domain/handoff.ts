/**
 * Handing a key to what consumes it, in the exact names of shared/docs/integrations.md: a Helm
 * values file for NLK (the raw key), a config.yaml for nginx-asg-sync (the `ApiKey <base64>`
 * header already made), a dotenv file, and a Key Vault secret. Pure text; the caller writes it.
 */
import { printable } from './printable';
import { apiKeyHeaderValue, nplusUrl } from './endpoint';
import { COMMAND_MARK, commandIn, shellWord } from './started-as';

export const HANDOFF_KINDS = ['nlk', 'asg-sync', 'env', 'keyvault'] as const;
export type HandoffKind = (typeof HANDOFF_KINDS)[number];

export type HandoffTarget =
  | { kind: 'nlk' | 'asg-sync' | 'env'; path: string }
  | { kind: 'keyvault'; vaultHost: string; secretName: string; url: string };

export const DEFAULT_FILES: Record<Exclude<HandoffKind, 'keyvault'>, string> = {
  nlk: 'nlk-values.yaml',
  'asg-sync': 'config.yaml',
  env: 'nginxaas.env',
};

/** The NLK chart named by the NGINXaaS docs. */
export const NLK_CHART = 'oci://registry-1.docker.io/nginxcharts/nginxaas-loadbalancer-kubernetes';
export const NLK_CHART_VERSION = '1.2.6';

const VAULT_HOST = /^([a-z0-9-]{3,24})\.vault\.(azure\.net|azure\.cn|usgovcloudapi\.net)$/i;
const SECRET_NAME = /^[0-9a-zA-Z-]{1,127}$/;

/**
 * A file typed into the wizard as `~/…` is in the home folder, as a shell would have it (a command's
 * flag reaches us with the shell's own expansion done). Only a leading `~` alone or `~/`.
 */
export function inHome(target: HandoffTarget, home: string): HandoffTarget {
  if (target.kind === 'keyvault') return target;
  const path = target.path;
  if (path !== '~' && !path.startsWith('~/')) return target;
  return { ...target, path: `${home}${path.slice(1)}` };
}

export type ParsedHandoff = { ok: true; target: HandoffTarget } | { ok: false; problem: string };

/** Reads `KIND=DEST` of `--emit`. */
export function parseHandoff(text: string): ParsedHandoff {
  const at = text.indexOf('=');
  const kind = (at < 0 ? text : text.slice(0, at)).trim();
  const dest = at < 0 ? '' : text.slice(at + 1).trim();
  if (!(HANDOFF_KINDS as readonly string[]).includes(kind)) {
    return {
      ok: false,
      problem: `--emit takes ${HANDOFF_KINDS.map((k) => `${k}=…`).join(', ')}; not '${printable(kind)}'`,
    };
  }
  if (dest === '') return { ok: false, problem: `--emit ${kind}= needs a destination` };
  if (kind !== 'keyvault') return { ok: true, target: { kind: kind as 'nlk' | 'asg-sync' | 'env', path: dest } };
  return parseVaultSecretUrl(dest);
}

/** `https://<vault>.vault.azure.net/secrets/<name>`: the vault's host and the secret's name. */
export function parseVaultSecretUrl(text: string): ParsedHandoff {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      problem: `'${printable(text)}' is not a URL: use https://<vault>.vault.azure.net/secrets/<name>`,
    };
  }
  const parts = url.pathname.split('/').filter(Boolean);
  if (url.protocol !== 'https:' || !VAULT_HOST.test(url.hostname) || parts.length !== 2 || parts[0] !== 'secrets') {
    return {
      ok: false,
      problem: `'${printable(text)}' is not a Key Vault secret: use https://<vault>.vault.azure.net/secrets/<name>`,
    };
  }
  const secretName = parts[1] ?? '';
  if (!SECRET_NAME.test(secretName)) {
    return {
      ok: false,
      problem: `the Key Vault secret name '${secretName}' may hold only letters, digits and hyphens (1-127)`,
    };
  }
  const vaultHost = url.hostname.toLowerCase();
  return {
    ok: true,
    target: { kind: 'keyvault', vaultHost, secretName, url: `https://${vaultHost}/secrets/${secretName}` },
  };
}

/** A YAML double-quoted scalar: the key policy allows only printable ASCII, so this is exact. */
function yamlString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export interface HandoffFacts {
  secret: string;
  keyName: string;
  endpoint: string;
  subscriptionId: string;
  resourceGroup: string;
  deploymentName: string;
  deploymentId: string;
  endDateTime: Date;
}

/** The facts of a key that a hand-off writes, from its deployment (any object with those fields). */
export function handoffFacts(
  deployment: {
    name: string;
    id: string;
    subscriptionId: string;
    resourceGroup: string;
    dataplaneApiEndpoint?: string;
  },
  key: { keyName: string; secret: string; endDateTime: Date },
): HandoffFacts {
  return {
    ...key,
    endpoint: deployment.dataplaneApiEndpoint ?? '',
    subscriptionId: deployment.subscriptionId,
    resourceGroup: deployment.resourceGroup,
    deploymentName: deployment.name,
    deploymentId: deployment.id,
  };
}

export function nlkValues(facts: HandoffFacts): string {
  return [
    `# NGINXaaS Loadbalancer for Kubernetes: key '${facts.keyName}' of ${facts.deploymentName}, expires ${facts.endDateTime.toISOString()}.`,
    '# This file holds the key: keep it out of version control. NLK reads the key only when its pod starts.',
    'nlk:',
    `  dataplaneApiKey: ${yamlString(facts.secret)}`,
    '  config:',
    `    nginxHosts: ${yamlString(nplusUrl(facts.endpoint))}`,
    '    tls:',
    '      mode: "ca-tls"',
    '',
  ].join('\n');
}

export function asgSyncConfig(facts: HandoffFacts): string {
  return [
    `# nginx-asg-sync for NGINXaaS: key '${facts.keyName}' of ${facts.deploymentName}, expires ${facts.endDateTime.toISOString()}.`,
    '# This file holds the key: keep it 0600. nginx-asg-sync reads it only at start (restart it after a new key).',
    'cloud_provider: Azure',
    `subscription_id: ${yamlString(facts.subscriptionId)}`,
    `resource_group_name: ${yamlString(facts.resourceGroup)}  # the resource group of your VMSS, if not this one`,
    `api_endpoint: ${yamlString(nplusUrl(facts.endpoint))}`,
    'sync_interval: 5s',
    'custom_headers:',
    '  Content-Type: application/json',
    `  Authorization: ${yamlString(apiKeyHeaderValue(facts.secret))}`,
    '# upstreams:',
    '#   - name: backend-one                        # an NGINX upstream with a zone and a state file',
    '#     virtual_machine_scale_set: backend-one-vmss',
    '#     port: 80',
    '#     kind: http                               # http or stream',
    '#     max_conns: 0',
    '#     max_fails: 1',
    '#     fail_timeout: 10s',
    '#     slow_start: 0s',
    '',
  ].join('\n');
}

/**
 * A dotenv value: bare when it holds only characters no loader treats specially (a UUID, a URL),
 * so every loader reads it alike; else single-quoted (double-quoted if it holds a quote), so `$`
 * and backticks stay literal.
 */
function envValue(text: string): string {
  if (/^[A-Za-z0-9._:/@+=-]+$/.test(text)) return text;
  if (!text.includes("'")) return `'${text}'`;
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$').replace(/`/g, '\\`')}"`;
}

export function envFile(facts: HandoffFacts): string {
  return [
    `# NGINXaaS dataplane API key '${facts.keyName}' of ${facts.deploymentName}, expires ${facts.endDateTime.toISOString()}.`,
    `NGINXAAS_DATAPLANE_API_KEY=${envValue(facts.secret)}`,
    `NGINXAAS_DATAPLANE_ENDPOINT=${envValue(facts.endpoint)}`,
    `NGINXAAS_NPLUS_ENDPOINT=${envValue(nplusUrl(facts.endpoint))}`,
    '',
  ].join('\n');
}

export function handoffFile(kind: 'nlk' | 'asg-sync' | 'env', facts: HandoffFacts): string {
  return kind === 'nlk' ? nlkValues(facts) : kind === 'asg-sync' ? asgSyncConfig(facts) : envFile(facts);
}

/**
 * What the person does next, never the key itself: sentences, each one line that a face wraps to
 * its width, and commands (`$ ` and the command, term/text-width COMMAND_MARK), which a face lays
 * out as a shell reads them (commandLines), never wrapped by the terminal or cut.
 */
export function handoffNextLines(target: HandoffTarget): string[] {
  switch (target.kind) {
    case 'nlk':
      return [
        `${COMMAND_MARK}helm upgrade --install nlk ${NLK_CHART} --version ${NLK_CHART_VERSION} -f ${shellWord(target.path)}`,
        'The upgrade rolls the NLK pod, which reads the key only at start.',
      ];
    case 'asg-sync':
      return [
        `Install ${target.path} as /etc/nginx/config.yaml, then restart nginx-asg-sync: it reads the key only at start.`,
      ];
    case 'env':
      return [
        `Load ${target.path} where the key is needed (docker compose env_file, systemd EnvironmentFile); restart that to take a new key.`,
      ];
    case 'keyvault':
      return ['The key is the newest version of that secret; each rotation adds one.'];
  }
}

/** A line that is a command: laid out as a shell reads it, where a sentence is wrapped. */
export const isCommandLine = (line: string): boolean => commandIn(line) !== undefined;

/** The same, as one line (for JSON). */
export function handoffNextStep(target: HandoffTarget): string {
  return handoffNextLines(target)
    .map((line) => commandIn(line) ?? line)
    .join(' ')
    .replace(/\s+/g, ' ');
}
