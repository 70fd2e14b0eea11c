/**
 * A credential's failure in plain words, with the reason as a code (domain/sign-in.ts) so that
 * every face offers the ways out that fit: the Azure CLI missing or signed out, a sign-in that
 * expired, Microsoft Entra ID out of reach, the AZURE_* variables incomplete, every credential of
 * the chain refused. No library's error catalogue URL is passed on alone.
 */
import { SIGN_IN, type SignInCode } from '../domain/sign-in';
import { GatewayError } from '../port/gateway';

const CREDENTIAL_ERRORS = new Set([
  'CredentialUnavailableError',
  'AuthenticationRequiredError',
  'AuthenticationError',
  'AggregateAuthenticationError',
]);

export function isCredentialFailure(error: unknown): boolean {
  return CREDENTIAL_ERRORS.has((error as { name?: string })?.name ?? '');
}

const firstLine = (text: string | undefined) => (text ?? '').split('\n')[0]?.trim() ?? '';
/** msal's "See https://aka.ms/msal.js.errors#… for details" says nothing by itself. */
const withoutCatalogue = (text: string) =>
  text
    .replace(/\s*See https:\/\/aka\.ms\/\S+ for details\.?/gi, '')
    .trim()
    .replace(/:$/, '');

function reason(message: string): { code: SignInCode; words: string } {
  if (/Azure CLI could not be found|az: not found|is not recognized|ENOENT/i.test(message))
    return { code: SIGN_IN.azNotInstalled, words: 'the Azure CLI (`az`) is not installed here, or not on PATH' };
  if (/AADSTS700082|AADSTS70043|AADSTS50173|refresh token has expired|interaction_required/i.test(message))
    return { code: SIGN_IN.azExpired, words: "the Azure CLI's sign-in has expired" };
  if (/az login/i.test(message)) return { code: SIGN_IN.azSignedOut, words: 'not signed in to the Azure CLI' };
  if (/EnvironmentCredential is unavailable|environment variables are not fully configured/i.test(message))
    return { code: SIGN_IN.envIncomplete, words: 'the AZURE_* variables of a service principal are not all set' };
  if (
    /network_error|endpoints_resolution_error|ENOTFOUND|ECONNREFUSED|EAI_AGAIN|ETIMEDOUT|getaddrinfo|fetch failed|socket hang up/i.test(
      message,
    )
  )
    return { code: SIGN_IN.entraUnreachable, words: 'this machine cannot reach Microsoft Entra ID' };
  return { code: SIGN_IN.failed, words: `sign-in failed: ${withoutCatalogue(message) || 'no reason given'}` };
}

/** One credential of DefaultAzureCredential's chain, and why it gave up, in its first sentence. */
function chainLine(error: unknown): string {
  const message = firstLine((error as Error)?.message)
    .replace(/^(CredentialUnavailableError|AuthenticationError|Error):\s*/g, '')
    .replace(/^Error:\s*/, '');
  const name = /^(\w+Credential)\b/.exec(message)?.[1];
  const rest = message.replace(/^\w+Credential:?\s*/, '');
  const sentence = withoutCatalogue(rest).split(/\.\s|\. *$|\s+(?:Please visit|To troubleshoot|To mitigate)/)[0] ?? '';
  return name ? `${name}: ${sentence}` : sentence;
}

export function signInFailure(error: unknown, context: { authorityHost?: string } = {}): GatewayError {
  const e = error as { name?: string; message?: string; errors?: unknown[] };
  if (e?.name === 'AggregateAuthenticationError' && Array.isArray(e.errors)) {
    const tried = e.errors.map(chainLine).join('; ');
    return new GatewayError(
      'unauthenticated',
      `no credential of the chain could sign in (${tried})`,
      SIGN_IN.chainFailed,
    );
  }
  const found = reason(firstLine(e?.message));
  const host = context.authorityHost ? ` (${new URL(context.authorityHost).host})` : '';
  const words = found.code === SIGN_IN.entraUnreachable ? `${found.words}${host}` : found.words;
  return new GatewayError('unauthenticated', words, found.code);
}
