/**
 * The Azure CLI's token for Resource Manager, asked for at the very start of a run: `az` takes
 * most of a second, and it can run while the program loads the Azure SDK and its screens. The
 * same command AzureCliCredential runs; the credential is handed the answer (or, on any failure,
 * asks `az` again itself and reports what went wrong in its own words).
 */
import { armAudience, isCloudName } from '../domain/clouds';
import { azInvocation, type Invocation } from '../domain/platform';

export interface EarlyToken {
  /** The scope it is for, e.g. https://management.azure.com/.default */
  scope: string;
  /** Rejects as the Azure CLI credential would (CredentialUnavailableError, az's own words). */
  token: Promise<{ token: string; expiresOnTimestamp: number; subscription?: string }>;
}

/** az's failure in the credential's own shape, so that it is said as the credential's would be. */
function unavailable(error: { code?: string | number | null; message: string }, stderr: string): Error {
  const missing = error.code === 'ENOENT';
  const said = stderr
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.trim();
  const failure = new Error(
    missing ? 'Azure CLI could not be found (ENOENT)' : (said ?? error.message).replace(/^ERROR:\s*/, ''),
  );
  failure.name = 'CredentialUnavailableError';
  return failure;
}

export function askAzEarly(
  where: { cloud?: string; armEndpoint?: string; armAudience?: string },
  tenant: string | undefined,
): EarlyToken | undefined {
  const name = where.cloud ?? 'AzureCloud';
  if (!isCloudName(name)) return undefined;
  // The same audience the credential will ask for (domain/clouds.ts), so the answer is used.
  const audience = armAudience({
    cloud: name,
    armEndpoint: where.armEndpoint,
    // An empty audience is none: armAudience falls back with ??, so it stays absent.
    ...(where.armAudience ? { audience: where.armAudience } : {}),
  });
  if (!audience.ok) return undefined;
  const resource = audience.audience.replace(/\/+$/, '');
  const args = ['account', 'get-access-token', '--output', 'json', '--resource', resource];
  if (tenant) args.push('--tenant', tenant);
  const token = new Promise<{ token: string; expiresOnTimestamp: number; subscription?: string }>((resolve, reject) => {
    let az: Invocation;
    try {
      az = azInvocation(args, process.platform, process.env);
    } catch (refused) {
      return reject(unavailable(refused as Error, ''));
    }
    const options = { timeout: 30_000, windowsHide: true, windowsVerbatimArguments: az.windowsVerbatimArguments };
    // node:child_process at the call: the demo, the emulator and a static token never run az, and
    // the module (with dgram and the spawn bindings) was ~1 MB of every run's memory.
    const { execFile } = process.getBuiltinModule('node:child_process');
    execFile(az.file, az.args, options, (error, stdout, stderr) => {
      if (error) return reject(unavailable(error, String(stderr)));
      try {
        const answer = JSON.parse(stdout) as {
          accessToken?: string;
          expires_on?: number;
          expiresOn?: string;
          subscription?: string;
        };
        const expires = answer.expires_on ? answer.expires_on * 1000 : Date.parse(answer.expiresOn ?? '');
        if (!answer.accessToken || !Number.isFinite(expires)) return reject(new Error('az gave no token'));
        resolve({
          token: answer.accessToken,
          expiresOnTimestamp: expires,
          // az may say "" or null: none, so that cliSubscription ?? falls back to az's default.
          ...(answer.subscription ? { subscription: answer.subscription } : {}),
        });
      } catch (parseError) {
        reject(parseError as Error);
      }
    });
  });
  token.catch(() => undefined);
  return { scope: `${resource}/.default`, token };
}
