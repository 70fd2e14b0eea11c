/**
 * `--apply KIND=TARGET`: where a new key is put to work and proven before the old one goes. The
 * names of shared/docs/integrations.md: an NLK Helm release, NLK as the AKS extension, an
 * nginx-asg-sync systemd unit on this machine. Each name is checked here, before anything runs,
 * so that none can be read as a flag by the program it is handed to.
 */
import { printable } from './printable';

export const APPLY_KINDS = ['nlk-helm', 'nlk-ext', 'asg-sync'] as const;
export type ApplyKind = (typeof APPLY_KINDS)[number];

export type ApplyTarget =
  { kind: 'nlk-helm'; release: string } | { kind: 'nlk-ext'; extension: string } | { kind: 'asg-sync'; unit: string };

export const ASG_SYNC_UNIT = 'nginx-asg-sync.service';

/** Helm's rule for a release name: a DNS label of at most 53 characters. */
const RELEASE = /^[a-z0-9]([-a-z0-9]{0,51}[a-z0-9])?$/;
/** An Azure extension's name: letters, digits, '-', '.', '_', not first. */
const EXTENSION = /^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/;
/** A systemd unit name: no leading '-', no '/', at most 255 characters. */
const UNIT = /^[A-Za-z0-9_][A-Za-z0-9:_.\\@-]{0,250}$/;

export type ParsedApply = { ok: true; target: ApplyTarget } | { ok: false; problem: string };

export function parseApplyTarget(text: string): ParsedApply {
  const at = text.indexOf('=');
  const kind = (at < 0 ? text : text.slice(0, at)).trim();
  const value = at < 0 ? '' : text.slice(at + 1).trim();
  if (!(APPLY_KINDS as readonly string[]).includes(kind))
    return {
      ok: false,
      problem: `--apply takes nlk-helm=<release>, nlk-ext=<extension> or asg-sync=systemd[:<unit>]; not '${printable(kind)}'`,
    };
  if (kind === 'nlk-helm') {
    if (!RELEASE.test(value))
      return {
        ok: false,
        problem: `--apply nlk-helm= needs a Helm release name (lower-case letters, digits and inner '-', at most 53); not '${printable(value)}'`,
      };
    return { ok: true, target: { kind, release: value } };
  }
  if (kind === 'nlk-ext') {
    if (!EXTENSION.test(value))
      return {
        ok: false,
        problem: `--apply nlk-ext= needs the cluster extension's name; not '${printable(value)}'`,
      };
    return { ok: true, target: { kind, extension: value } };
  }
  const [how, unit = ASG_SYNC_UNIT] = value === 'systemd' ? ['systemd'] : splitOnce(value, ':');
  if (how !== 'systemd')
    return {
      ok: false,
      problem: `--apply asg-sync= takes systemd or systemd:<unit> (the unit on this machine); not '${printable(value)}'`,
    };
  if (!UNIT.test(unit))
    return { ok: false, problem: `--apply asg-sync=systemd:<unit>: '${printable(unit)}' is not a unit name` };
  return { ok: true, target: { kind: 'asg-sync', unit: unit.includes('.') ? unit : `${unit}.service` } };
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

/** The target as `--apply` writes it (for the command that continues, and the history). */
export function applyText(target: ApplyTarget): string {
  if (target.kind === 'nlk-helm') return `nlk-helm=${target.release}`;
  if (target.kind === 'nlk-ext') return `nlk-ext=${target.extension}`;
  return target.unit === ASG_SYNC_UNIT ? 'asg-sync=systemd' : `asg-sync=systemd:${target.unit}`;
}

/** NLK's chart, by the name a release records (`helm get metadata`): `chart` and its version. */
export const NLK_CHART_NAME = 'nginxaas-loadbalancer-kubernetes';
/** The AKS extension's type (Marketplace). */
export const NLK_EXTENSION_TYPE = 'nginxinc.nginxaas-aks-extension';

/**
 * The chart's `<fullname>`: the release name when it holds the chart's name, else
 * `<release>-nginxaas-loadbalancer-kubernetes`; cut to 63 characters without a trailing '-'.
 */
export function nlkFullname(release: string): string {
  const full = release.includes(NLK_CHART_NAME) ? release : `${release}-${NLK_CHART_NAME}`;
  return full.slice(0, 63).replace(/-+$/, '');
}

/** The Secret the chart makes of `nlk.dataplaneApiKey`, and its data key. */
export function nlkSecretName(release: string): string {
  return `${nlkFullname(release)}-nginxaas-api-key`;
}
export const NLK_SECRET_KEY = 'nginxaasApiKey';

/** The Service annotation NLK watches, and its default value. */
export const NLK_SERVICE_ANNOTATION = 'nginx.com/nginxaas';
export const NLK_DEFAULT_ANNOTATION_MATCH = 'nginxaas';

/** Log levels at which NLK's INFO line of a refused key (`got 401`) is not written. */
export const NLK_QUIET_LEVELS = ['warn', 'warning', 'error', 'fatal', 'panic'];

/** An `nplus` URL as compared: scheme and host in lower case, no trailing '/', `//nplus` as `/nplus`. */
export function sameNplus(a: string, b: string): boolean {
  return nplusForm(a) !== undefined && nplusForm(a) === nplusForm(b);
}

function nplusForm(text: string): string | undefined {
  try {
    const url = new URL(text.trim());
    const path = url.pathname.replace(/\/{2,}/g, '/').replace(/\/+$/, '');
    return `${url.protocol}//${url.host.toLowerCase()}${path}`;
  } catch {
    return undefined;
  }
}

/** Whether `nlk.config.nginxHosts` (a string or a list) points at this `nplus` URL. */
export function hostsPointAt(hosts: unknown, nplus: string): boolean {
  const list = Array.isArray(hosts) ? hosts : [hosts];
  return list.some((h) => typeof h === 'string' && sameNplus(h, nplus));
}

/** A key's value is the old key's when it starts with the old key's hint (what Azure shows of it). */
export function startsWithHint(value: string, hint: string): boolean {
  return hint !== '' && value.startsWith(hint);
}
