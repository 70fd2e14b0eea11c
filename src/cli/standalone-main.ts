/**
 * The standalone executable's one script (build-sea.mjs): the program is an asset of the
 * executable, run with the user's code cache as the npm command's is (launch.ts). The executable's
 * own code cache, made when it is built, holds only this script and the launcher.
 */
import { getAsset } from 'node:sea';
import { runWithCodeCache } from './launch';
import { answeredVersionAlone } from './version';

const argv = process.argv.slice(2);
if (!answeredVersionAlone(argv))
  runWithCodeCache(new Uint8Array(getAsset('nginxaas-keys.cjs')), process.execPath, 'standalone', argv);
