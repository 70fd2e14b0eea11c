/** Why a sign-in failed, in words and a code; and what the AZURE_* service principal lacks. */
import { describe, expect, it } from 'vitest';
import { missingEnvironment, SIGN_IN, waysToSignIn } from '../../src/domain/sign-in';
import { signInFailure } from '../../src/azure/sign-in-failure';

const failure = (name: string, message: string, extra: object = {}) =>
  Object.assign(new Error(message), { name, ...extra });

describe('a credential failure, classified', () => {
  it.each([
    [
      'CredentialUnavailableError',
      'Azure CLI could not be found. Please visit https://aka.ms/azure-cli',
      SIGN_IN.azNotInstalled,
    ],
    ['CredentialUnavailableError', "Please run 'az login' from a command prompt", SIGN_IN.azSignedOut],
    ['CredentialUnavailableError', 'AADSTS70043: The refresh token has expired', SIGN_IN.azExpired],
    [
      'AuthenticationError',
      'network_error: See https://aka.ms/msal.js.errors#network_error for details',
      SIGN_IN.entraUnreachable,
    ],
    [
      'CredentialUnavailableError',
      'EnvironmentCredential is unavailable. No underlying credential',
      SIGN_IN.envIncomplete,
    ],
    ['AuthenticationError', 'invalid_client: AADSTS7000215 Invalid client secret', SIGN_IN.failed],
  ])('%s "%s" is %s', (name, message, code) => {
    expect(signInFailure(failure(name, message)).code).toBe(code);
  });

  it('Microsoft Entra ID out of reach names its host, and never the catalogue URL alone', () => {
    const said = signInFailure(
      failure('AuthenticationError', 'network_error: See https://aka.ms/msal.js.errors#network_error for details'),
      {
        authorityHost: 'https://login.microsoftonline.com',
      },
    );
    expect(said.message).toBe('this machine cannot reach Microsoft Entra ID (login.microsoftonline.com)');
    const other = signInFailure(
      failure('AuthenticationError', 'unknown_error: See https://aka.ms/msal.js.errors#x for details'),
    );
    expect(other.message).toBe('sign-in failed: unknown_error');
  });

  it('the credential chain says which credentials were tried and why each gave up', () => {
    const chain = failure('AggregateAuthenticationError', 'ChainedTokenCredential authentication failed.', {
      errors: [
        failure(
          'CredentialUnavailableError',
          'EnvironmentCredential is unavailable. No underlying credential could be used.',
        ),
        failure('CredentialUnavailableError', 'ManagedIdentityCredential: Authentication failed. No endpoint.'),
        failure('CredentialUnavailableError', "AzureCliCredential: Please run 'az login' from a command prompt"),
      ],
    });
    const said = signInFailure(chain);
    expect(said.code).toBe(SIGN_IN.chainFailed);
    expect(said.message).toBe(
      "no credential of the chain could sign in (EnvironmentCredential: is unavailable; ManagedIdentityCredential: Authentication failed; AzureCliCredential: Please run 'az login' from a command prompt)",
    );
  });
});

describe('what --auth env lacks', () => {
  it.each([
    [
      {},
      [
        'AZURE_TENANT_ID',
        'AZURE_CLIENT_ID',
        'AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH or AZURE_FEDERATED_TOKEN_FILE)',
      ],
    ],
    [{ AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c', AZURE_CLIENT_SECRET: 's' }, []],
    [{ AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c', AZURE_CLIENT_CERTIFICATE_PATH: '/p.pem' }, []],
  ])('%j lacks %j', (env, missing) => {
    expect(missingEnvironment(env)).toEqual(missing);
  });

  it('the ways out of an incomplete environment do not send the user to az', () => {
    expect(waysToSignIn(SIGN_IN.envIncomplete, { auth: 'env' }).join('\n')).not.toContain('az login');
  });
});
