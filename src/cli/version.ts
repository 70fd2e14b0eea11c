import { writeSync } from 'node:fs';

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

/**
 * `--version` alone, answered before the program loads, by the npm command's bin and the
 * standalone executable's script alike: scripts and package managers ask it often, and it needs
 * nothing but this line (one write: not even process.stdout, whose making costs a bare Node's
 * start a fifth again). With other words it is main()'s, which checks them all first.
 */
export function answeredVersionAlone(argv: readonly string[]): boolean {
  if (argv.length !== 1 || argv[0] !== '--version') return false;
  const line = `${versionLine()}\n`;
  try {
    writeSync(1, line);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A reader that went away (`--version | true`) ends it quietly, as SIGPIPE would.
    if (code === 'EPIPE') process.exit(141);
    // A non-blocking pipe that is full: the stream waits for it.
    if (code === 'EAGAIN') process.stdout.write(line);
    else {
      // A full disk, say: one line, as every failure of this program says it.
      process.stderr.write(`error: cannot write to stdout (${code ?? String(error)})\n`);
      process.exit(1);
    }
  }
  return true;
}
