/**
 * The Azure CLI's token for Resource Manager, asked for at the very start of a run: `az` takes
 * most of a second, and it can run while the program loads the Azure SDK and its screens. The
 * same command AzureCliCredential runs; the credential is handed the answer (or, on any failure,
 * asks `az` again itself and reports what went wrong in its own words).
 */
import { execFile } from 'node:child_process';
import { armAudience, isCloudName } from '../domain/clouds';

export interface EarlyToken {
  /** The scope it is for, e.g. https://management.azure.com/.default */
  scope: string;
  token: Promise<{ token: string; expiresOnTimestamp: number }>;
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
    ...(where.armEndpoint ? { armEndpoint: where.armEndpoint } : {}),
    ...(where.armAudience ? { audience: where.armAudience } : {}),
  });
  if (!audience.ok) return undefined;
  const resource = audience.audience.replace(/\/+$/, '');
  const args = ['account', 'get-access-token', '--output', 'json', '--resource', resource];
  if (tenant) args.push('--tenant', tenant);
  const token = new Promise<{ token: string; expiresOnTimestamp: number }>((resolve, reject) => {
    execFile('az', args, { timeout: 30_000, windowsHide: true }, (error, stdout) => {
      if (error) return reject(error);
      try {
        const answer = JSON.parse(stdout) as { accessToken?: string; expires_on?: number; expiresOn?: string };
        const expires = answer.expires_on ? answer.expires_on * 1000 : Date.parse(answer.expiresOn ?? '');
        if (!answer.accessToken || !Number.isFinite(expires)) return reject(new Error('az gave no token'));
        resolve({ token: answer.accessToken, expiresOnTimestamp: expires });
      } catch (parseError) {
        reject(parseError as Error);
      }
    });
  });
  token.catch(() => undefined);
  return { scope: `${resource}/.default`, token };
}
