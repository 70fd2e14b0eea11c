#!/usr/bin/env node
// React reads NODE_ENV when it loads; colour libraries read FORCE_COLOR when they load.
process.env.NODE_ENV = 'production';
const argv = process.argv.slice(2);
if (argv.includes('--no-color') || (process.env.NO_COLOR ?? '') !== '' || process.env.TERM === 'dumb') {
  process.env.FORCE_COLOR = '0';
}
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (error) {
  // A fresh clone has no bundle yet; the published package always ships one.
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli.js')) throw error;
  process.stderr.write(
    'nginxaas-keys is not built yet: run `npm run build` (or `npm run demo`, which builds first).\n',
  );
  process.exit(2);
}
// Exit explicitly: idle keep-alive sockets of the HTTP agent would otherwise hold the process.
// But only once stdout and stderr have handed over everything: a pipe takes 64 KiB at a time, and
// a big `list --all -o json` must not be cut there. A reader that went away (EPIPE) is no error.
const code = await cli.main(argv);
const flushed = (stream) =>
  new Promise((resolve) => {
    stream.on('error', resolve);
    if (stream.writableLength === 0) resolve();
    else stream.write('', resolve);
  });
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
