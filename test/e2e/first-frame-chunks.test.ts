/**
 * Nothing the first frame does not need is loaded before it is drawn: the wizard is run on --demo
 * in a pseudo-terminal with a loader hook that writes down each bundle file as it loads
 * (helpers/load-trace.mjs) and the moment the first frame is written; the bundle's metafile
 * (dist/meta.json, written by the build) names the source files in each. The Azure SDK, the
 * Azure side of the gateway and the emulator load after the frame, on the machine's Node and on
 * Node 24 alike (`npm run test:node24`). And on Node 24 no run loads undici, which Node's own
 * module view of node:http would.
 */
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BIN, KEY, ROOT, runInPty } from '../helpers/pty';
import { withEnv } from '../helpers/child-env';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('first-frame-');

/** What may wait until after the first frame: each is a source path of the bundle's metafile. */
const AFTER_THE_FRAME = [
  /^node_modules\/@azure\//,
  /^node_modules\/@azure-rest\//,
  /^node_modules\/@inquirer\//,
  /^src\/azure\//,
  // The emulator's server and routes (sign-in, ARM, the vault); its sample world's names may come first.
  /^src\/emulator\/(?!sample-data\.ts$)/,
];

interface Meta {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}

describe('the first frame', () => {
  it('is drawn before the Azure SDK, the Azure gateway and the emulator are loaded', async () => {
    const trace = join(tempDir(), 'loads');
    const wizard = runInPty(
      process.execPath,
      ['--import', join(ROOT, 'test', 'helpers', 'load-trace.mjs'), BIN, '--demo'],
      { NGINXAAS_LOAD_TRACE: trace, NO_COLOR: '1' },
      { cols: 120, rows: 40 },
    );
    // The list is there once the demo's emulator answered: by then the rest has loaded too.
    await wizard.waitFor('web-01');
    wizard.pty.write(KEY.ctrlC);
    expect(await wizard.exit).toBe(130);

    const meta = JSON.parse(readFileSync(join(ROOT, 'dist', 'meta.json'), 'utf8')) as Meta;
    const sources = (files: string[]) =>
      files.flatMap((file) => Object.keys(meta.outputs[`dist/${file}`]?.inputs ?? { [`unknown: ${file}`]: 0 }));
    const lines = readFileSync(trace, 'utf8').trim().split('\n');
    const frame = lines.indexOf('FRAME');
    expect(frame).toBeGreaterThan(0);
    const before = sources(lines.slice(0, frame));
    const after = sources(lines.slice(frame + 1));
    // Every file the trace names is in this build's metafile (a build during the run would say otherwise).
    expect([...before, ...after].filter((source) => source.startsWith('unknown: '))).toEqual([]);
    // The frame's own: Ink and the wizard's screens.
    expect(before).toEqual(expect.arrayContaining(['src/ui/run-wizard.tsx', 'src/wizard/machine.ts']));
    expect(
      before.some((source) => source.startsWith('node_modules/ink/')),
      `Ink among the files loaded before the frame; the trace:\n${lines.join('\n')}`,
    ).toBe(true);
    expect(before.filter((source) => AFTER_THE_FRAME.some((pattern) => pattern.test(source)))).toEqual([]);
    // And they are loaded after it: the trace sees them (so the check above looks at real loads).
    expect(after.some((source) => source.startsWith('node_modules/@azure/core-rest-pipeline/'))).toBe(true);
    expect(after.some((source) => source.startsWith('src/emulator/server'))).toBe(true);
  });
});

describe('what the npm command does not load', () => {
  // Node 22+ builds an ES module's view of node:http from all its exports, whose WebSocket getters
  // load undici; the bundle takes node:http by require (scripts/bundle-options.mjs, HTTP_BY_REQUIRE).
  it('on Node 24, a run that talks to Azure over HTTPS loads no undici', async () => {
    const node24 = execFileSync(process.execPath, [join(ROOT, 'scripts', 'node24.mjs')], { encoding: 'utf8' }).trim();
    const dir = tempDir();
    const probe = join(dir, 'probe.cjs');
    const said = join(dir, 'loaded');
    writeFileSync(
      probe,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(said)}, ` +
        `JSON.stringify(process.moduleLoadList.filter((m) => /http|undici/.test(m)))));\n`,
    );
    const { stdout } = await promisify(execFile)(
      node24,
      ['--require', probe, BIN, 'list', '--all', '--demo', '-o', 'json'],
      {
        env: withEnv({ XDG_STATE_HOME: dir }),
      },
    );
    expect(JSON.parse(stdout).deployments.length).toBeGreaterThan(0);
    const loaded = JSON.parse(readFileSync(said, 'utf8')) as string[];
    // The probe sees what it should: the run did load node:http.
    expect(loaded).toContain('NativeModule http');
    expect(loaded.filter((m) => m.includes('undici'))).toEqual([]);
  });
});
