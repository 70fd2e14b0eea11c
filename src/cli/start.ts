/**
 * The program's start, from npm's bin/nginxaas-keys.js and as the standalone executable's one
 * script: the environment that libraries read as they load is set first, and V8's compile cache
 * is turned on (the npm command on Node 22.1+; the executable carries its own), then the program
 * is loaded and run, and the process exits once its output has been handed over. It imports only
 * what that takes: everything else is in the bundle's chunks, loaded by `import()` below.
 */
import { versionLine } from './version';

const argv = process.argv.slice(2);
// React reads NODE_ENV when it loads (the bundles fix it too; written so, the build's define
// leaves this line alone); colour libraries read FORCE_COLOR when they load.
Object.assign(process.env, { NODE_ENV: 'production' });
if (argv.includes('--no-color') || (process.env.NO_COLOR ?? '') !== '' || process.env.TERM === 'dumb') {
  process.env.FORCE_COLOR = '0';
}

/** Resolves once the stream has handed everything over; a reader that went away (EPIPE) is no error. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    stream.on('error', () => resolve());
    if (stream.writableLength === 0) resolve();
    else stream.write('', () => resolve());
  });
}

/**
 * `--version` alone is answered here, before the program loads: scripts and package managers ask
 * it often, and it needs nothing but the build's version. With other words it is main()'s, which
 * checks them all first (the same line, from the same function).
 */
function versionAlone(): boolean {
  if (argv.length !== 1 || argv[0] !== '--version') return false;
  // A reader that went away (`--version | true`) ends it as main() does: quietly, as SIGPIPE would.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(141);
  });
  process.stdout.write(`${versionLine()}\n`);
  return true;
}

// stdout may be a pipe or a file: the version's line is handed over before the natural exit.
if (!versionAlone()) run();

function run(): void {
  void (async () => {
    // A signal after main() has given its answer (a second Ctrl+C while the last words are flushed)
    // must not kill the process and replace that answer: from here to the exit, they are taken.
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => undefined);
    // Loaded here, not with this file: `--version` alone needs none of it.
    const { enablePrivateCompileCache, flushCompileCache } = await import('./compile-cache');
    if (process.env.NGINXAAS_KEYS_PACKAGING !== 'standalone') enablePrivateCompileCache(process.env);
    const { main } = await import('./main');
    const code = await main(argv);
    // Exit explicitly: idle keep-alive sockets of the HTTP agent would otherwise hold the process.
    // But only once stdout and stderr have handed over everything: a pipe takes 64 KiB at a time,
    // and a big `list --all -o json` must not be cut there.
    await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
    flushCompileCache();
    process.exit(code);
  })();
}
