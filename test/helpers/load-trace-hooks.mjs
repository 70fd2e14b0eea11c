// The loader hook of load-trace.mjs: each file of dist/ is written down before it is handed on.
import { appendFileSync } from 'node:fs';

let log;
export function initialize(data) {
  log = data.log;
}
export async function load(url, context, next) {
  const inDist = url.lastIndexOf('/dist/');
  if (inDist !== -1) appendFileSync(log, `${url.slice(inDist + '/dist/'.length)}\n`);
  return next(url, context);
}
