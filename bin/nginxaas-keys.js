#!/usr/bin/env node
// The npm command, in CommonJS (bin/package.json says so). `--version` alone is answered here with
// one write: Node's ES module loader and process.stdout together took a third again of a bare
// Node's start (29 against 20 ms), and scripts and package managers ask it often. Everything else
// is the bundle's, loaded with its code cache (src/cli/launch.ts), `--version` among other words.
'use strict';

const NOT_BUILT = 'nginxaas-keys is not built yet: run `npm run build` (or `npm run demo`, which builds first).\n';

/** A part of dist/; a fresh clone has none until it is built (the published package always has them). */
function built(file) {
  try {
    return require(`../dist/${file}`);
  } catch (error) {
    if (error?.code !== 'MODULE_NOT_FOUND' || !String(error.message).includes(`dist/${file}`)) throw error;
    process.stderr.write(NOT_BUILT);
    process.exit(2);
  }
}

const argv = process.argv.slice(2);
if (argv.length === 1 && argv[0] === '--version') built('version.cjs').answeredVersionAlone(argv);
else built('launch.cjs').launch(require('node:path').join(__dirname, '..', 'dist', 'nginxaas-keys.cjs'), argv);
