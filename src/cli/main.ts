/**
 * The entry point: parse argv with the one schema, answer what needs no Azure (version, help,
 * completion, the emulator, config, history), then let the factory (modes.ts) build the mode the
 * checked flags ask for — the wizard (a terminal), the line face (--plain, TERM=dumb) or a
 * command — and run it. Every usage error comes before any sign-in or request. Returns the exit code.
 */
import { type Shell } from './command-table';
import { flag } from './options';
import { parseCommandLine } from './parse';
import { helpOnHelpText, helpText } from './help';
import { versionLine } from './version';
import type { HelpTopic } from './help-topics';
import { EXIT } from '../port/io';
import { buildMode } from './modes';
import { Run } from './run';
import { applySettings, historyPath, settingsWords } from './saved-settings';

/** Commands whose stdout may carry a key: a failed write there is handled where it is made. */
const CARRY_SECRETS = new Set(['create', 'rotate']);

/**
 * `list --all | head -1`: the reader went away. Leave at once and quietly, as git and gh do, with
 * the status a process killed by SIGPIPE has (141) — unless stdout may carry a key, whose failed
 * write takes the key back (commands/new-key.ts) before the run ends.
 */
function quietOnClosedPipe(argv: string[]): void {
  const carriesSecret = argv.some((word) => CARRY_SECRETS.has(word));
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' || carriesSecret) return;
    process.exit(141);
  });
}

export async function main(argv: string[]): Promise<number> {
  const run = new Run(argv);
  quietOnClosedPipe(argv);
  const code = await runMode(run);
  run.quiet.end(code === EXIT.ok);
  return code;
}

async function runMode(run: Run): Promise<number> {
  const { argv, program } = run;
  try {
    let shell: Shell | undefined;
    let helpOnHelp: true | undefined;
    let helpTopic: HelpTopic | undefined;
    let words: string[] | undefined;
    ({ mode: run.mode, values: run.values, shell, helpOnHelp, helpTopic, words } = parseCommandLine(argv, program));
    const { mode, values } = run;
    if (flag(values, 'version')) {
      process.stdout.write(`${versionLine()}\n`);
      return EXIT.ok;
    }
    if (flag(values, 'help')) {
      const columns = process.stdout.isTTY ? process.stdout.columns : 80;
      if (helpTopic) {
        const { helpTopicText } = await import('./help-topics');
        process.stdout.write(`${helpTopicText(helpTopic, columns, program)}\n`);
        return EXIT.ok;
      }
      process.stdout.write(helpOnHelp ? helpOnHelpText(columns, program) : helpText(mode, columns, program));
      return EXIT.ok;
    }
    if (mode === 'completion' && shell) {
      const { completionScript } = await import('./completion');
      process.stdout.write(completionScript(shell));
      return EXIT.ok;
    }
    if (mode === 'emulator') {
      const { parseEmulatorOptions, runEmulator } = await import('../commands/emulator/emulator');
      return await runEmulator(parseEmulatorOptions(values), run.io(), program);
    }
    if (mode === 'config') {
      const { runConfig } = await import('./config-command');
      return await run.close({ code: runConfig(words ?? [], values, run.io(), program) });
    }
    // Saved defaults fill the flags that neither a flag nor the environment gave: every check below reads them.
    const settings = applySettings(mode, values, process.env, program);
    run.ranWith = settings;
    if (mode === 'history') {
      const { parseHistoryOptions, runHistory } = await import('../commands/history/history');
      const options = parseHistoryOptions(values, new Date());
      return await run.close({ code: runHistory(historyPath(process.env, flag(values, 'demo')), options, run.io()) });
    }
    const start = await buildMode(run, settings);
    return await start();
  } catch (error) {
    const code = await run.close({ failure: error });
    // A run that failed where saved defaults chose its target says so, so no one wonders why it went there.
    const target = run.ranWith?.used.filter((u) => ['subscription', 'resource-group', 'deployment'].includes(u.name));
    if (run.ranWith && target && target.length > 0 && run.values.output !== 'json')
      run.io().stderr.write(`${run.io().err('muted', `note: ${settingsWords({ ...run.ranWith, used: target })}`)}\n`);
    return code;
  } finally {
    await run.end();
  }
}
