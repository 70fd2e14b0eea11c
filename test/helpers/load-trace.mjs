// Loaded with --import into a run of the built binary: writes to NGINXAAS_LOAD_TRACE, in the order
// they happen, the bundle's files as each one is loaded (load-trace-hooks.mjs, the loader's hook:
// a file's line is written before its code runs) and the line FRAME when the program first writes
// the wizard's title. So the lines before FRAME are every file loaded before the first frame.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';

const log = process.env.NGINXAAS_LOAD_TRACE;
register(new URL('./load-trace-hooks.mjs', import.meta.url), { data: { log } });
const write = process.stdout.write.bind(process.stdout);
let framed = false;
process.stdout.write = (chunk, ...rest) => {
  if (!framed && String(chunk).includes('dataplane API key')) {
    framed = true;
    appendFileSync(log, 'FRAME\n');
  }
  return write(chunk, ...rest);
};
