/**
 * Microsoft Entra ID's device code flow, as far as @azure/identity's DeviceCodeCredential (msal)
 * walks it: the tenant's OpenID configuration, POST /devicecode (a user code, a URL, how long it
 * lives), and POST /token answering `authorization_pending` until the code is approved — by a
 * visit to its page, or by itself after `behaviour.deviceCodePolls` polls — then a token that
 * this emulator accepts. Served at https://127.0.0.1:<port>/<tenant>/…, the authority host a
 * run is pointed at with NGINXAAS_AUTHORITY_HOST (instance discovery off).
 */
import { randomBytes } from 'node:crypto';
import type { Reply } from './http';

export const ENTRA_PATH =
  /^\/([A-Za-z0-9.-]+)\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/(?:devicecode|token))$/;
/** Where the person goes to enter the code (also the page that approves it here). */
export const DEVICE_LOGIN_PATH = '/devicelogin';
const TENANT_ID = '72f988bf-0000-4000-8000-000000000001';
const CODE_SECONDS = 900;

interface PendingCode {
  userCode: string;
  scope: string;
  clientId: string;
  polls: number;
  approved: boolean;
  expiresAt: number;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export class EntraEmulator {
  private readonly codes = new Map<string, PendingCode>();

  constructor(
    private readonly baseUrl: () => string,
    private readonly accessToken: string,
    private readonly pollsBeforeApproval: () => number,
    private readonly messageInstead: () => string | undefined = () => undefined,
  ) {}

  route(method: string, path: string, body: string, now: Date): Reply | undefined {
    const match = ENTRA_PATH.exec(path);
    if (method === 'GET' && path === DEVICE_LOGIN_PATH) return this.page();
    if (!match) return undefined;
    const [, tenant = 'organizations', what] = match;
    const form = new URLSearchParams(body);
    if (what?.startsWith('v2.0')) return { status: 200, body: this.configuration(tenant) };
    if (method !== 'POST') return oauthError(405, 'invalid_request', 'POST only.');
    if (what?.endsWith('devicecode')) return this.deviceCode(form, now);
    return this.token(form, now);
  }

  /** The page the user opens: it approves every code waiting (a real one asks for the code and a sign-in). */
  private page(): Reply {
    for (const code of this.codes.values()) code.approved = true;
    return { status: 200, body: { approved: [...this.codes.values()].map((c) => c.userCode) } };
  }

  private configuration(tenant: string) {
    const root = `${this.baseUrl()}/${tenant}`;
    return {
      issuer: `${this.baseUrl()}/${TENANT_ID}/v2.0`,
      authorization_endpoint: `${root}/oauth2/v2.0/authorize`,
      token_endpoint: `${root}/oauth2/v2.0/token`,
      device_authorization_endpoint: `${root}/oauth2/v2.0/devicecode`,
      jwks_uri: `${root}/discovery/v2.0/keys`,
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      tenant_region_scope: 'EU',
    };
  }

  private deviceCode(form: URLSearchParams, now: Date): Reply {
    const clientId = form.get('client_id') ?? '';
    if (!clientId)
      return oauthError(400, 'invalid_request', "AADSTS900144: The request body must contain 'client_id'.");
    const deviceCode = randomBytes(24).toString('base64url');
    const userCode = randomBytes(5).toString('hex').toUpperCase().slice(0, 9);
    const scope = form.get('scope') ?? '';
    this.codes.set(deviceCode, {
      userCode,
      scope,
      clientId,
      polls: 0,
      approved: false,
      expiresAt: now.getTime() + CODE_SECONDS * 1000,
    });
    const verificationUri = `${this.baseUrl()}${DEVICE_LOGIN_PATH}`;
    return {
      status: 200,
      body: {
        user_code: userCode,
        device_code: deviceCode,
        verification_uri: verificationUri,
        expires_in: CODE_SECONDS,
        interval: 1,
        message:
          this.messageInstead() ??
          `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${userCode} to authenticate.`,
      },
    };
  }

  private token(form: URLSearchParams, now: Date): Reply {
    if (form.get('grant_type') === 'refresh_token')
      return this.issued(form.get('scope') ?? '', form.get('client_id') ?? '', now);
    const code = this.codes.get(form.get('device_code') ?? '');
    if (!code) return oauthError(400, 'invalid_grant', 'AADSTS70000: The provided value for the code is not valid.');
    if (now.getTime() > code.expiresAt)
      return oauthError(
        400,
        'expired_token',
        'AADSTS70020: The provided value for the input parameter device_code has expired.',
      );
    code.polls += 1;
    if (!code.approved && code.polls <= this.pollsBeforeApproval())
      return oauthError(
        400,
        'authorization_pending',
        'AADSTS70016: OAuth 2.0 device flow error. Authorization is pending.',
      );
    this.codes.delete(form.get('device_code') ?? '');
    return this.issued(code.scope, code.clientId, now);
  }

  private issued(scope: string, clientId: string, now: Date): Reply {
    const seconds = Math.floor(now.getTime() / 1000);
    const claims = {
      aud: clientId,
      iss: `${this.baseUrl()}/${TENANT_ID}/v2.0`,
      iat: seconds,
      nbf: seconds,
      exp: seconds + 3600,
      name: 'Demo User',
      oid: '00000000-0000-4000-8000-0000000000d1',
      preferred_username: 'demo.user@contoso.example',
      sub: 'demo-user',
      tid: TENANT_ID,
      ver: '2.0',
    };
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        scope,
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: this.accessToken,
        refresh_token: `emulator-refresh-${randomBytes(12).toString('hex')}`,
        id_token: `${base64url({ typ: 'JWT', alg: 'none' })}.${base64url(claims)}.`,
        client_info: base64url({ uid: claims.oid, utid: TENANT_ID }),
      },
    };
  }
}

function oauthError(status: number, error: string, description: string): Reply {
  return {
    status,
    body: { error, error_description: description, error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1] ?? 0)] },
  };
}
