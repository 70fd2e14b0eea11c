/**
 * Nothing the first frame does not need runs before it is drawn: the wizard is run on --demo in a
 * pseudo-terminal with V8's precise coverage (helpers/frame-coverage.cjs), taken as the first
 * frame is written and again as the list is drawn; the bundle's source map (dist/, written by the
 * build) names the source file of each function that ran. The Azure SDK, the Azure side of the
 * gateway and the emulator run after the frame, on the machine's Node and on Node 24 alike (`npm
 * run test:node24`). And on Node 24 no run loads undici, which Node's own module view of
 * node:http would.
 */
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BIN, KEY, ROOT, runInPty } from '../helpers/pty';
import { withEnv } from '../helpers/child-env';
import { useTempDir } from '../helpers/temp';
import { cliWorld, runCli } from '../helpers/cli';

const tempDir = useTempDir('first-frame-');

/** What may wait until after the first frame: each is a source path of the bundle's source map. */
const AFTER_THE_FRAME = [
  /^node_modules\/@azure\//,
  /^node_modules\/@azure-rest\//,
  /^node_modules\/@inquirer\//,
  /^src\/azure\//,
  // The emulator's server and routes (sign-in, ARM, the vault); its sample world's names may come first.
  /^src\/emulator\/(?!sample-data\.ts$)/,
];

/**
 * Node's modules that dependencies load as they load, for uses these runs never reach: node:assert
 * (https-proxy-agent's one check), node:child_process with dgram (Ink's terminal-size; git, the
 * clipboard, az), worker_threads (on Node 24, with the rest of node:util's lazy parts, when an
 * interop read all of node:util). scripts/bundle-options.mjs, BUILTINS_LEFT_UNLOADED.
 */
const UNUSED_BUILTINS = ['assert', 'child_process', 'dgram', 'worker_threads'];

/** The source files of the functions that start at these offsets of the compiled script. */
function sourcesAt(offsets: number[]): Set<string> {
  const bundle = readFileSync(join(ROOT, 'dist', 'nginxaas-keys.cjs'), 'utf8');
  const map = new SourceMap(JSON.parse(readFileSync(join(ROOT, 'dist', 'nginxaas-keys.cjs.map'), 'utf8')));
  const lineStarts = [0];
  for (let i = bundle.indexOf('\n'); i >= 0; i = bundle.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const sources = new Set<string>();
  // The bundle is the script as it was compiled (its wrapper is in the file): offsets are the file's.
  for (const at of offsets) {
    let line = lineStarts.length - 1;
    while ((lineStarts[line] ?? 0) > at) line--;
    const entry = map.findEntry(line, at - (lineStarts[line] ?? 0)) as { originalSource?: string };
    if (entry.originalSource) sources.add(entry.originalSource.replace(/^(\.\.\/)+/, ''));
  }
  return sources;
}

describe('the first frame', () => {
  it('is drawn before the Azure SDK, the Azure gateway and the emulator run', async () => {
    const trace = join(tempDir(), 'coverage');
    const wizard = runInPty(
      process.execPath,
      ['--require', join(ROOT, 'test', 'helpers', 'frame-coverage.cjs'), BIN, '--demo'],
      { NGINXAAS_COVERAGE_FILE: trace, NO_COLOR: '1', XDG_CACHE_HOME: tempDir() },
      { cols: 120, rows: 40 },
    );
    // The list is there once the demo's emulator answered: by then the rest has run too.
    await wizard.waitFor('web-01');
    wizard.pty.write(KEY.ctrlC);
    expect(await wizard.exit).toBe(130);

    const takes = readFileSync(trace, 'utf8')
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            label: string;
            url?: string;
            ran: number[];
            modules: string[];
            made: Record<string, number>;
          },
      );
    expect(takes.map((t) => t.label)).toEqual(['frame', 'list']);
    expect(takes[0]?.url).toMatch(/dist\/nginxaas-keys\.cjs$/);
    const before = [...sourcesAt(takes[0]?.ran ?? [])];
    const after = [...sourcesAt(takes[1]?.ran ?? [])];
    // The frame's own: Ink and the wizard's screens.
    expect(before).toEqual(expect.arrayContaining(['src/ui/run-wizard.tsx', 'src/wizard/machine.ts']));
    expect(
      before.some((source) => source.startsWith('node_modules/ink/')),
      `Ink among the files run before the frame:\n${before.join('\n')}`,
    ).toBe(true);
    expect(before.filter((source) => AFTER_THE_FRAME.some((pattern) => pattern.test(source)))).toEqual([]);
    // And they run after it: the coverage sees them (so the check above looks at real runs).
    expect(after.some((source) => source.startsWith('node_modules/@azure/core-rest-pipeline/'))).toBe(true);
    expect(after.some((source) => source.startsWith('src/emulator/server'))).toBe(true);

    // Nor does the frame load what only later steps use: node:crypto (OpenSSL's start; random
    // names, TLS) or node:assert. ICU is not started for ASCII names: Ink's text is cut without a
    // segmenter and names are ordered without a collator where they can be.
    const [frame, list] = takes;
    // Nor node:child_process (Ink's terminal-size; git, the clipboard and az, asked only later)
    // with the dgram it brings. (worker_threads is the probe's own: node:inspector loads it.)
    const unused = UNUSED_BUILTINS.filter((m) => m !== 'worker_threads');
    expect(frame?.modules.filter((m) => [...unused, 'crypto', 'tls', 'https'].includes(m))).toEqual([]);
    expect(list?.made).toEqual({ Segmenter: 0, Collator: 0, DateTimeFormat: 0, NumberFormat: 0 });
    // The list's TLS loads crypto: the probe sees modules as they load.
    expect(list?.modules).toEqual(expect.arrayContaining(['crypto', 'tls']));
    // Nor the list node:assert (its child_process is the demo emulator's: a server's listen loads
    // node:cluster, which loads it; a run against Azure, below, loads none of them).
    expect(list?.modules).not.toContain('assert');
  });
});

/** A file for --require that writes, as the process exits, the modules Node loaded; and what it wrote. */
function moduleProbe(): { probe: string; loaded: () => string[] } {
  const dir = tempDir();
  const probe = join(dir, 'probe.cjs');
  const said = join(dir, 'loaded');
  writeFileSync(
    probe,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(said)}, JSON.stringify(process.moduleLoadList)));\n`,
  );
  return { probe, loaded: () => JSON.parse(readFileSync(said, 'utf8')) as string[] };
}

describe('what the npm command does not load', () => {
  it('a fleet list against Azure (the emulator, in a process of its own) loads none of the unused builtins', async () => {
    const { env } = await cliWorld();
    const { probe, loaded: moduleList } = moduleProbe();
    const result = await runCli(['list', '--all', '-o', 'json'], {
      env: { ...env, NODE_OPTIONS: `--require ${probe}` },
    });
    expect(result.code, result.stderr).toBe(0);
    const loaded = moduleList()
      .filter((m) => m.startsWith('NativeModule '))
      .map((m) => m.slice('NativeModule '.length));
    // The probe sees what it should: the run did load the SDK's HTTPS.
    expect(loaded).toEqual(expect.arrayContaining(['https', 'tls']));
    expect(loaded.filter((m) => UNUSED_BUILTINS.includes(m))).toEqual([]);
  });

  // Node 22+ builds an ES module's view of node:http from all its exports, whose WebSocket getters
  // load undici; the bundle takes node:http by require (scripts/bundle-options.mjs, HTTP_BY_REQUIRE).
  it('on Node 24, a run that talks to Azure over HTTPS loads no undici', async () => {
    const node24 = execFileSync(process.execPath, [join(ROOT, 'scripts', 'node24.mjs')], { encoding: 'utf8' }).trim();
    const { probe, loaded: moduleList } = moduleProbe();
    const { stdout } = await promisify(execFile)(
      node24,
      ['--require', probe, BIN, 'list', '--all', '--demo', '-o', 'json'],
      {
        env: withEnv({ XDG_STATE_HOME: tempDir() }),
      },
    );
    expect(JSON.parse(stdout).deployments.length).toBeGreaterThan(0);
    const loaded = moduleList().filter((m) => /http|undici/.test(m));
    // The probe sees what it should: the run did load node:http.
    expect(loaded).toContain('NativeModule http');
    expect(loaded.filter((m) => m.includes('undici'))).toEqual([]);
  });
});
