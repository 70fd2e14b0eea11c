/**
 * The program's start, the first lines of the bundle (the npm command's dist/nginxaas-keys.cjs,
 * loaded by launch.ts with its code cache, and the standalone executable's one script): the
 * environment that libraries read as they load is set first, then the program is loaded and run,
 * and the process exits once its output has been handed over. Modules reached by `import()` below
 * are run only then (the bundle wraps each in a function of its own). `--version` alone never gets
 * here: both launchers answer it first (version.ts).
 */
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

run();

function run(): void {
  void (async () => {
    // A signal after main() has given its answer (a second Ctrl+C while the last words are flushed)
    // must not kill the process and replace that answer: from here to the exit, they are taken.
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => undefined);
    // Run here, not with this file: the environment above is set first.
    const { main } = await import('./main');
    const code = await main(argv);
    // Exit explicitly: idle keep-alive sockets of the HTTP agent would otherwise hold the process.
    // But only once stdout and stderr have handed over everything: a pipe takes 64 KiB at a time,
    // and a big `list --all -o json` must not be cut there.
    await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
    process.exit(code);
  })();
}
