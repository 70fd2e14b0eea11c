/**
 * Why a run could not sign in, and the ways out, fitted to how it tried: the same words for a
 * command's failure, the wizard's sign-in screen and `status`. Each reason is a code a
 * GatewayError carries (src/azure classifies the credential's failure); each way out is a line
 * that can be typed as it stands.
 */
import type { AuthMode } from './auth-modes';
import { commandLine } from './started-as';

export const SIGN_IN = {
  azNotInstalled: 'AzureCliNotFound',
  azSignedOut: 'AzureCliSignedOut',
  azExpired: 'AzureCliSignInExpired',
  entraUnreachable: 'EntraUnreachable',
  envIncomplete: 'EnvironmentIncomplete',
  chainFailed: 'CredentialChainFailed',
  failed: 'SignInFailed',
} as const;
export type SignInCode = (typeof SIGN_IN)[keyof typeof SIGN_IN];

export function isSignInCode(code: string | undefined): code is SignInCode {
  return (Object.values(SIGN_IN) as (string | undefined)[]).includes(code);
}

/** What EnvironmentCredential needs: a tenant, a client, and one way to prove it is that client. */
export function missingEnvironment(env: NodeJS.ProcessEnv): string[] {
  const missing = ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID'].filter((name) => !env[name]);
  const proofs = ['AZURE_CLIENT_SECRET', 'AZURE_CLIENT_CERTIFICATE_PATH', 'AZURE_FEDERATED_TOKEN_FILE'];
  if (!proofs.some((name) => env[name])) missing.push(`${proofs[0]} (or ${proofs.slice(1).join(' or ')})`);
  return missing;
}

export interface SignInContext {
  auth: AuthMode;
  tenant?: string;
  /** The Microsoft Entra host of the cloud in use, for the words about reaching it. */
  authorityHost?: string;
  /** The program as this run was started (cli/program-name.ts). */
  program?: string;
  /** This run's command and arguments without --auth, to run again with another sign-in; absent: `…`. */
  again?: string;
}

/** The commands that sign this run in, one per line; the demo is always one of them. */
export function waysToSignIn(code: SignInCode | undefined, context: SignInContext): string[] {
  const tenant = context.tenant ? ` --tenant ${context.tenant}` : '';
  const azLogin = [`az login${tenant}`, `az login${tenant} --use-device-code   (where no browser can open)`];
  const as = context.program ? { program: context.program } : {};
  const demo = `${commandLine('', { ...as, demo: true })}   (the local emulator, no Azure account)`;
  // The run's own words carry its --tenant already.
  const withDeviceCode =
    context.again !== undefined ? `${context.again} --auth device-code` : `… --auth device-code${tenant}`;
  const deviceCode = `${commandLine(withDeviceCode, as)}   (no Azure CLI needed)`;
  switch (code) {
    case SIGN_IN.azNotInstalled:
      return ['install the Azure CLI (https://aka.ms/installazurecli), then: az login', deviceCode, demo];
    case SIGN_IN.azSignedOut:
    case SIGN_IN.azExpired:
      return [...azLogin, deviceCode, demo];
    case SIGN_IN.envIncomplete:
      return ['export the missing AZURE_* variables named above, then run it again', demo];
    case SIGN_IN.entraUnreachable:
      return [
        'check the network or the proxy (HTTPS_PROXY) to that host, or',
        ...(context.auth === 'cli' ? [] : ['az login   (where the Azure CLI can sign in), then --auth cli']),
        demo,
      ];
    default:
      if (context.auth === 'token')
        return [
          'export NGINXAAS_ACCESS_TOKEN="$(az account get-access-token --query accessToken -o tsv)"',
          'az login, then --auth cli',
          demo,
        ];
      return context.auth === 'cli' ? [...azLogin, deviceCode, demo] : [...azLogin.slice(0, 1), demo];
  }
}
