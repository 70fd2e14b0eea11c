/**
 * The one way this room runs helm, kubectl, az, systemctl and journalctl: spawned without a shell
 * (no word is ever parsed again), with a deadline (SIGTERM, then SIGKILL), with what it prints
 * capped, and with an environment that is the run's own less this program's NGINXAAS_* settings
 * (an access token may be among them). A key reaches a program only on its standard input or in a
 * 0600 file it is told the path of: never in an argument or a variable, which other users of the
 * machine can read in /proc.
 */
import { spawn } from 'node:child_process';
import { printable } from '../domain/printable';

export interface ProgramCall {
  program: string;
  args: string[];
  /** Written to its standard input, then closed (values for `helm upgrade -f -`). */
  input?: string;
  /** How long it may take; it is stopped after that. */
  timeoutMs: number;
  /** Said in place of the input in `describe` (never the input itself). */
  inputWords?: string;
}

export interface ProgramResult {
  /** Its exit code; null when a signal ended it. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Stopped at its deadline (or by the run's own stop). */
  timedOut: boolean;
  /** Not found on PATH. */
  missing: boolean;
}

export type Runner = (call: ProgramCall, signal?: AbortSignal) => Promise<ProgramResult>;

const STDOUT_CAP = 4 * 1024 * 1024;
const STDERR_CAP = 64 * 1024;
const KILL_AFTER_MS = 2_000;

/** The environment a program gets: the run's, without NGINXAAS_* (a token, this run's own settings). */
export function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) if (!name.startsWith('NGINXAAS_')) out[name] = value;
  return out;
}

export function programRunner(env: NodeJS.ProcessEnv): Runner {
  const childEnvironment = childEnv(env);
  return (call, signal) =>
    new Promise((resolve) => {
      let stdout = '';
      let stderr = '';
      let timedOut = false;
      let settled = false;
      const child = spawn(call.program, call.args, {
        shell: false,
        env: childEnvironment,
        stdio: ['pipe', 'pipe', 'pipe'],
        windowsHide: true,
      });
      const stop = () => {
        timedOut = true;
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS).unref();
      };
      const timer = setTimeout(stop, call.timeoutMs);
      timer.unref();
      signal?.addEventListener('abort', stop, { once: true });
      const finish = (result: ProgramResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', stop);
        resolve(result);
      };
      child.stdout.on('data', (chunk: Buffer) => {
        if (stdout.length < STDOUT_CAP) stdout += chunk.toString('utf8').slice(0, STDOUT_CAP - stdout.length);
      });
      child.stderr.on('data', (chunk: Buffer) => {
        if (stderr.length < STDERR_CAP) stderr += chunk.toString('utf8').slice(0, STDERR_CAP - stderr.length);
      });
      child.on('error', (error: NodeJS.ErrnoException) =>
        finish({ code: null, stdout, stderr: stderr || error.message, timedOut, missing: error.code === 'ENOENT' }),
      );
      child.on('close', (code) => finish({ code, stdout, stderr, timedOut, missing: false }));
      // A program that does not read its input must not fail the run with EPIPE.
      child.stdin.on('error', () => undefined);
      child.stdin.end(call.input ?? '');
      if (signal?.aborted) stop();
    });
}

/** A word as a shell would need it to mean itself: for the commands a person reads and may paste. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The call as one line a person can read and run (the input named, never shown). */
export function describe(call: Pick<ProgramCall, 'program' | 'args' | 'inputWords'>): string {
  const line = [call.program, ...call.args].map(shellWord).join(' ');
  return call.inputWords ? `${line}  (${call.inputWords})` : line;
}

/**
 * The last line a program wrote on stderr, short and escaped: what a failure says in one line.
 * Never its stdout, which may hold a key (`helm get values`, a Secret's data).
 */
export function lastWords(result: ProgramResult): string {
  if (result.missing) return 'not found on PATH';
  if (result.timedOut) return 'it did not finish in time and was stopped';
  const text = result.stderr.trim().split('\n').at(-1) ?? '';
  const line = printable(text.length > 300 ? `${text.slice(0, 300)}…` : text);
  return line === '' ? `exit code ${String(result.code)}` : line;
}
