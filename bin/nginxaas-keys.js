#!/usr/bin/env node
// The npm command, in CommonJS (bin/package.json says so). `--version` alone is answered here with
// one write: Node's ES module loader and process.stdout together took a third again of a bare
// Node's start (29 against 20 ms), and scripts and package managers ask it often. The bundle's
// start (src/cli/start.ts) does everything else, `--version` among other words too.
'use strict';

const NOT_BUILT = 'nginxaas-keys is not built yet: run `npm run build` (or `npm run demo`, which builds first).\n';

/** A fresh clone has no bundle yet; the published package always ships one. */
function notBuilt(error, file) {
  return (
    (error?.code === 'MODULE_NOT_FOUND' || error?.code === 'ERR_MODULE_NOT_FOUND') &&
    String(error.message).includes(file)
  );
}

function answerVersion() {
  let line;
  try {
    line = `${require('../dist/version.cjs').versionLine()}\n`;
  } catch (error) {
    if (!notBuilt(error, 'dist/version.cjs')) throw error;
    process.stderr.write(NOT_BUILT);
    process.exit(2);
  }
  try {
    require('node:fs').writeSync(1, line);
  } catch (error) {
    // A reader that went away (`--version | true`) ends it quietly, as SIGPIPE would.
    if (error.code === 'EPIPE') process.exit(141);
    // A non-blocking pipe that is full: the stream waits for it.
    if (error.code === 'EAGAIN') process.stdout.write(line);
    else throw error;
  }
}

const argv = process.argv.slice(2);
if (argv.length === 1 && argv[0] === '--version') answerVersion();
else
  import('../dist/start.js').catch((error) => {
    if (!notBuilt(error, 'dist/start.js')) throw error;
    process.stderr.write(NOT_BUILT);
    process.exit(2);
  });
