/**
 * The Azure CLI's default subscription: `az account show --output json`, through the same `az`
 * that AzureCliCredential runs (first on PATH), so it honours AZURE_CONFIG_DIR and `az account set`.
 */
import { execFile } from 'node:child_process';

export function azureCliDefaultSubscription(signal?: AbortSignal): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      'az',
      ['account', 'show', '--output', 'json'],
      { timeout: 30_000, ...(signal ? { signal } : {}), windowsHide: true },
      (error, stdout) => {
        if (error) return resolve(undefined);
        try {
          const account = JSON.parse(stdout) as { id?: string };
          resolve(account.id || undefined);
        } catch {
          resolve(undefined);
        }
      },
    );
  });
}
