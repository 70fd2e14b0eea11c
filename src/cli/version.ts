/**
 * What `--version` says: the program's version and the runtime it runs on, which tells a user of
 * the standalone executable which Node (and so which security fixes) it carries. Both are fixed
 * by the build (scripts/bundle-options.mjs, build-sea.mjs).
 */
export function versionLine(): string {
  const version = process.env.NGINXAAS_KEYS_VERSION ?? 'dev';
  const runtime =
    process.env.NGINXAAS_KEYS_PACKAGING === 'standalone'
      ? `node ${process.version}, ${process.platform}-${process.arch}, standalone`
      : `node ${process.version}, npm package`;
  return `nginxaas-keys ${version} (${runtime})`;
}
