/**
 * How the program is loaded: the bundle, one CommonJS file, compiled with V8's code cache from a
 * private folder when there is one (code-cache.ts), and a new cache written at the end of the
 * first run that had none. Without a folder, or when V8 rejects the cache (another Node, other
 * flags), it is compiled as `require` would. The npm command's dist/launch.cjs takes the bundle
 * from dist/ (launch, from bin/nginxaas-keys.js); the standalone executable's own script from its
 * assets (standalone-main.ts).
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { readFileSync } from 'node:fs';
import { constants, Script } from 'node:vm';
import { cacheFileName, cacheKind, privateCacheFolder, readCache, writeCache, type Packaging } from './code-cache';

// Node's own wrapper of a CommonJS module, ended by a line break so that every line of the bundle
// keeps its number.
export const WRAPPER_START = '(function (exports, require, module, __filename, __dirname) {\n';
const WRAPPER_END = '\n})';

/** The npm command: the bundle file beside this one. */
export function launch(bundle: string, argv: readonly string[]): void {
  runWithCodeCache(readFileSync(bundle, 'utf8'), bundle, 'npm', argv);
}

export function runWithCodeCache(
  source: string,
  filename: string,
  packaging: Packaging,
  argv: readonly string[],
): void {
  const folder = privateCacheFolder(process.env);
  const name = cacheFileName(source, cacheKind(argv), packaging);
  const cachedData = folder === undefined ? undefined : readCache(folder, name);
  const script = new Script(`${WRAPPER_START}${source}${WRAPPER_END}`, {
    filename,
    lineOffset: -1,
    ...(cachedData ? { cachedData } : {}),
    // The bundle imports nothing at run time; were it to, Node's own loader answers.
    ...(constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER
      ? { importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER }
      : {}),
  });
  if (folder !== undefined && (cachedData === undefined || script.cachedDataRejected === true))
    process.once('exit', () => writeCache(folder, name, script));
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  const module = { exports: {} };
  run.call(module.exports, module.exports, createRequire(filename), module, filename, dirname(filename));
}
