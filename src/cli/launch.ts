/**
 * How the program is loaded: the bundle, one function expression (Node's CommonJS wrapper is
 * written into the file by the build), compiled with V8's code cache from a private folder when
 * there is one (code-cache.ts), and a new cache written at the end of the first run that had none.
 * Without a folder, or when V8 rejects the cache (another Node, other flags), it is compiled as
 * `require` would. The npm command's dist/launch.cjs takes the bundle from dist/ (launch, from
 * bin/nginxaas-keys.js); the standalone executable's own script from its assets
 * (standalone-main.ts).
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { readFileSync } from 'node:fs';
import { constants, Script } from 'node:vm';
import {
  cacheFileName,
  cacheKind,
  privateCacheFolder,
  programChecksum,
  readCache,
  writeCache,
  type Packaging,
} from './code-cache';

/** The npm command: the bundle file beside this one. */
export function launch(bundle: string, argv: readonly string[]): void {
  runWithCodeCache(readFileSync(bundle), bundle, 'npm', argv);
}

/**
 * `bundle` is the file's bytes, ASCII (the build makes sure): read as Latin-1, V8 keeps the text at
 * one byte a character, and decodes it without a look at UTF-8.
 */
export function runWithCodeCache(
  bundle: Uint8Array,
  filename: string,
  packaging: Packaging,
  argv: readonly string[],
): void {
  const folder = privateCacheFolder(process.env);
  const programSum = programChecksum(bundle);
  const name = cacheFileName(programSum, cacheKind(argv), packaging);
  const cachedData = folder === undefined ? undefined : readCache(folder, name, programSum);
  const script = new Script(Buffer.from(bundle.buffer, bundle.byteOffset, bundle.byteLength).toString('latin1'), {
    filename,
    ...(cachedData ? { cachedData } : {}),
    // The bundle imports nothing at run time; were it to, Node's own loader answers.
    ...(constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER
      ? { importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER }
      : {}),
  });
  // Written at the end of a run that had none, unless the run only refused its words (exit 2): a
  // typo's cache would hold almost nothing, and be kept.
  if (folder !== undefined && (cachedData === undefined || script.cachedDataRejected === true))
    process.once('exit', (code) => {
      if (code !== 2) writeCache(folder, name, script, programSum);
    });
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  const module = { exports: {} };
  run.call(module.exports, module.exports, createRequire(filename), module, filename, dirname(filename));
}
