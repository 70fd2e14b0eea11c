#!/usr/bin/env node
// The npm command: the bundle's start (src/cli/start.ts) does the rest.
try {
  await import('../dist/start.js');
} catch (error) {
  // A fresh clone has no bundle yet; the published package always ships one.
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/start.js')) throw error;
  process.stderr.write(
    'nginxaas-keys is not built yet: run `npm run build` (or `npm run demo`, which builds first).\n',
  );
  process.exit(2);
}
