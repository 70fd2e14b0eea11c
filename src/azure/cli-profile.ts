/**
 * The Azure CLI's default subscription: `az account show --output json`, through the same `az`
 * that AzureCliCredential runs (first on PATH; on Windows through cmd.exe), so it honours
 * AZURE_CONFIG_DIR and `az account set`.
 */
import { execFile } from 'node:child_process';
import { azInvocation } from '../domain/platform';

export function azureCliDefaultSubscription(signal?: AbortSignal): Promise<string | undefined> {
  const az = azInvocation(['account', 'show', '--output', 'json'], process.platform, process.env);
  return new Promise((resolve) => {
    execFile(
      az.file,
      az.args,
      {
        timeout: 30_000,
        signal,
        windowsHide: true,
        windowsVerbatimArguments: az.windowsVerbatimArguments,
      },
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
