/** The ways to sign in (`--auth`), and how screens name them. Data, shared by the CLI and src/azure. */
export const AUTH_MODES = ['cli', 'default', 'device-code', 'browser', 'env', 'token'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

export const AUTH_DESCRIPTIONS: Record<AuthMode, string> = {
  cli: 'the Azure CLI',
  default: 'the Azure credential chain',
  'device-code': 'a device code',
  browser: 'the browser',
  env: 'the AZURE_* service principal',
  token: 'the access token in NGINXAAS_ACCESS_TOKEN',
};
