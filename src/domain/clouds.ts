/** The Azure clouds: where Resource Manager is and where one signs in. Data, shared by the CLI and src/azure. */
export const CLOUDS = {
  AzureCloud: { arm: 'https://management.azure.com', authority: 'https://login.microsoftonline.com' },
  AzureChinaCloud: { arm: 'https://management.chinacloudapi.cn', authority: 'https://login.chinacloudapi.cn' },
  AzureUSGovernment: { arm: 'https://management.usgovcloudapi.net', authority: 'https://login.microsoftonline.us' },
} as const;

export type CloudName = keyof typeof CLOUDS;

export function isCloudName(name: string): name is CloudName {
  return Object.hasOwn(CLOUDS, name);
}
