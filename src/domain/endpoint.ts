/**
 * The dataplane API endpoint of a deployment and what integrations need from it.
 * The service has returned both `host` (spec examples) and `https://host/` (NGINX docs), so
 * every form is normalised to `https://host[/prefix]/` with exactly one trailing slash.
 */

export type EndpointResult = { ok: true; url: string } | { ok: false; problem: string };

export function normaliseEndpoint(raw: string): EndpointResult {
  const text = raw.trim();
  if (text === '') return { ok: false, problem: 'the deployment has no dataplane API endpoint' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, problem: `'${text}' is not a URL` };
  }
  if (url.protocol !== 'https:')
    return { ok: false, problem: `the dataplane endpoint must use https, not ${url.protocol}` };
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}/` };
}

/** The form NLK's `nlk.config.nginxHosts` and nginx-asg-sync's `api_endpoint` take. */
export function nplusUrl(normalisedEndpoint: string): string {
  return `${normalisedEndpoint.replace(/\/+$/, '')}/nplus`;
}

/** The `Authorization` header value of the dataplane API: `ApiKey <base64 of the key>`. */
export function apiKeyHeaderValue(secret: string): string {
  return `ApiKey ${Buffer.from(secret, 'utf8').toString('base64')}`;
}
