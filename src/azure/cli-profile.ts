/**
 * The Azure CLI's default subscription: `az account show --output json`, through the same `az`
 * that AzureCliCredential runs (first on PATH; on Windows through cmd.exe), so it honours
 * AZURE_CONFIG_DIR and `az account set`.
 */
import { azInvocation } from '../domain/platform';

export function azureCliDefaultSubscription(signal?: AbortSignal): Promise<string | undefined> {
  const az = azInvocation(['account', 'show', '--output', 'json'], process.platform, process.env);
  return new Promise((resolve) => {
    // node:child_process at the call, as in src/cli/az-token.ts: only a run that asks az needs it.
    const { execFile } = process.getBuiltinModule('node:child_process');
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
