/**
 * How `create` and `rotate` report a new key: the key's facts, where it was handed off and what to
 * restart, the dataplane check, in text (stdout, or stderr when stdout carries the key) or JSON.
 */
import { commandIn } from '../../domain/started-as';
import { indentedCommand } from '../../term/text-width';
import { nplusUrl } from '../../domain/endpoint';
import type { Deployment } from '../../port/gateway';
import type { Verification } from '../../keys/verify';
import { figures } from '../../term/style';
import { EXPIRING_FROM_THE_START, expiringFromTheStart } from '../../domain/readiness';
import { deploymentJson, describeDeployment, expiryText, keyJson } from './format';
import type { IssuedKey } from './new-key';
import type { NewKeyOptions } from './new-key-options';
import { takeBackUnheldKey, writeOut } from './secret-output';
import type { CommandDeps } from './deps';
import { describeFsError } from '../../files/fs-error';
import { EXIT, type Io } from '../../port/io';
import { stoppedAfterChange } from './let-finish';

export function issuedDocument(
  deployment: Deployment,
  options: NewKeyOptions,
  issued: IssuedKey,
  now: Date,
  verification?: Verification,
) {
  const endpoint = deployment.dataplaneApiEndpoint as string;
  return {
    ...keyJson(issued.key, now),
    action: issued.action,
    dataplaneApiEndpoint: endpoint,
    nplusEndpoint: nplusUrl(endpoint),
    deployment: deploymentJson(deployment),
    secretFile: options.secretOut,
    ...(issued.handoffs.length > 0
      ? {
          handoff: issued.handoffs.map((h) => ({
            kind: h.target.kind,
            destination: h.target.kind === 'keyvault' ? h.target.url : h.target.path,
            ok: h.ok,
            message: h.said,
            // handoffNextStep may be '': no next step.
            ...(h.next ? { next: h.next } : {}),
          })),
        }
      : {}),
    verification,
    secret: options.showSecret ? issued.secret : undefined,
  };
}

/**
 * A line of a hand-off's next step, under its done line: a command laid out as a shell reads it to
 * the terminal's width (on no terminal: whole, on a line of its own), never wrapped by the terminal.
 */
function nextLine(line: string, out: Io['stdout']): string[] {
  const command = commandIn(line);
  if (command === undefined) return [`    ${line}`];
  return indentedCommand(command, out.isTTY && out.columns ? out.columns : undefined, '    ');
}

/**
 * Text output. With --show-secret, stdout carries the key alone (KEY=$(nginxaas-keys create ...)):
 * the answer is that write's error, if it failed (the key then reached nobody through stdout).
 */
export async function reportIssuedText(
  deployment: Deployment,
  options: NewKeyOptions,
  issued: IssuedKey,
  io: Io,
): Promise<Error | undefined> {
  const now = io.now();
  const summary = options.showSecret ? io.stderr : io.stdout;
  const p = options.showSecret ? io.err : io.out;
  const endpoint = deployment.dataplaneApiEndpoint as string;
  summary.write(
    [
      `${p('success', figures.pass)} ${issued.action === 'created' ? 'Created' : 'Replaced'} key '${issued.key.name}' on ${describeDeployment(deployment)}`,
      `  hint      ${issued.key.hint}`,
      `  expires   ${expiryText(issued.key.endDateTime, now)}`,
      ...(expiringFromTheStart(issued.key.endDateTime, now) ? [`  note      ${EXPIRING_FROM_THE_START}`] : []),
      `  endpoint  ${endpoint}`,
      `  nplus     ${nplusUrl(endpoint)}`,
      ...(options.secretOut !== undefined ? [`  key file  ${options.secretOut} (mode 0600)`] : []),
      ...issued.handoffs.flatMap((h) => [
        `${h.ok ? p('success', figures.pass) : p('danger', figures.fail)} ${h.target.kind}: ${h.said}`,
        ...(h.nextLines ?? []).flatMap((line) => nextLine(line, summary)),
      ]),
      `${p('warning', figures.warning)} Azure never shows this key again.`,
      '',
    ].join('\n'),
  );
  return options.showSecret ? writeOut(io, `${issued.secret}\n`) : undefined;
}

/**
 * After a write of the secret to stdout failed: where else the key is held, or — held nowhere —
 * the key is deleted again (takeBackUnheldKey throws). Answers the exit code when it is held.
 */
export async function secretWriteFailed(
  deps: CommandDeps,
  deployment: Deployment,
  options: NewKeyOptions,
  issued: IssuedKey,
  error: Error,
): Promise<number> {
  const why = `its secret could not be written to standard output (${describeFsError(error)})`;
  const files = [
    ...(options.secretOut !== undefined ? [options.secretOut] : []),
    ...issued.handoffs.filter((h) => h.ok).map((h) => h.said),
  ];
  if (files.length === 0) return takeBackUnheldKey(deps, deployment, issued.key.name, why);
  deps.io.stderr.write(
    `${deps.io.err('danger', figures.fail)} key '${issued.key.name}' was created, but ${why}; it is held here: ${files.join('; ')}\n`,
  );
  return EXIT.failed;
}

/**
 * The exit code when the run was stopped (Ctrl+C, or its time limit) while its key was being
 * created: the key exists all the same (the request was let finish), and the words say where it is.
 */
export function stoppedAfterIssue(options: NewKeyOptions, issued: IssuedKey, io: Io): number | undefined {
  if (!io.signal.aborted) return undefined;
  const handedOff = issued.handoffs.filter((h) => h.ok).length;
  const held =
    options.secretOut !== undefined
      ? `; it is in ${options.secretOut}`
      : options.showSecret
        ? '; it was printed above'
        : handedOff > 0
          ? '; it was handed off as shown'
          : '';
  return stoppedAfterChange(io, `${issued.action} key '${issued.key.name}'${held}`);
}

/** The dataplane check in one line, for text output. */
export function reportVerification(verification: Verification, io: Io, toStderr: boolean, when = ''): void {
  const stream = toStderr ? io.stderr : io.stdout;
  const p = toStderr ? io.err : io.out;
  const mark =
    verification.outcome === 'accepted'
      ? p('success', figures.pass)
      : verification.outcome === 'refused'
        ? p('danger', figures.fail)
        : p('warning', figures.warning);
  const said = `${when}${verification.message}`;
  stream.write(`${mark} ${said[0]?.toUpperCase()}${said.slice(1)}.\n`);
}
