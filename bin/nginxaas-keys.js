#!/usr/bin/env node
// The npm command, in CommonJS (bin/package.json says so). `--version` alone is answered here with
// one write: Node's ES module loader and process.stdout together took a third again of a bare
// Node's start (29 against 20 ms), and scripts and package managers ask it often. Everything else
// is the bundle's, loaded with its code cache (src/cli/launch.ts), `--version` among other words.
'use strict';

const NOT_BUILT = 'nginxaas-keys is not built yet: run `npm run build` (or `npm run demo`, which builds first).\n';

/** A fresh clone has no bundle yet; the published package always ships one. */
function notBuilt(error, file) {
  return error?.code === 'MODULE_NOT_FOUND' && String(error.message).includes(file);
}

function answerVersion() {
  let version;
  try {
    version = require('../dist/version.cjs');
  } catch (error) {
    if (!notBuilt(error, 'dist/version.cjs')) throw error;
    process.stderr.write(NOT_BUILT);
    process.exit(2);
  }
  version.answeredVersionAlone(argv);
}

const argv = process.argv.slice(2);
if (argv.length === 1 && argv[0] === '--version') answerVersion();
else runProgram();

function runProgram() {
  let launch;
  try {
    ({ launch } = require('../dist/launch.cjs'));
  } catch (error) {
    if (!notBuilt(error, 'dist/launch.cjs')) throw error;
    process.stderr.write(NOT_BUILT);
    process.exit(2);
  }
  launch(require('node:path').join(__dirname, '..', 'dist', 'nginxaas-keys.cjs'), argv);
}
