#!/usr/bin/env node
// React reads NODE_ENV when it loads; colour libraries read FORCE_COLOR when they load.
process.env.NODE_ENV = 'production';
const argv = process.argv.slice(2);
if (argv.includes('--no-color') || (process.env.NO_COLOR ?? '') !== '' || process.env.TERM === 'dumb') {
  process.env.FORCE_COLOR = '0';
}
const { main } = await import('../dist/cli.js');
// Exit explicitly: idle keep-alive sockets of the HTTP agent would otherwise hold the process.
// stdout and stderr are synchronous for files, pipes and terminals on Linux, so nothing is lost.
process.exit(await main(argv));
