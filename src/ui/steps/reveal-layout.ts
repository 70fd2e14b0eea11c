/**
 * The reveal panel's words and what gives way on a short terminal: the frame stays shorter than
 * the terminal, dropping the least needed rows first (RevealStep draws what is kept).
 */
import { couldNotCheck } from '../../domain/reach';
import { isCommandLine } from '../../domain/handoff';
import { formatLocal } from '../../domain/expiry-words';
import type { VerifyResult } from '../../port/gateway';
import { UNHELD, UNSURE_COPY } from '../../wizard/steps/reveal';
import { commandLines, wrappedLineCount } from '../../term/text-width';
import { commandIn } from '../../domain/started-as';
import { handoffMenuRows, rotationRows } from './reveal-parts';
import type { RevealViewProps } from './reveal-step';

/** What gives way on a short terminal, first to last: the key, its hint, the URLs, the warning, a question and the keys stay. */
export const GIVES_WAY = ['integrations', 'labels', 'local', 'nextWords', 'olderDone', 'hLine', 'keyRow'] as const;
export type Optional = (typeof GIVES_WAY)[number];

export const H_LINE = 'hands it to NLK, nginx-asg-sync, a .env file or Key Vault';
export const INTEGRATION_ROWS = 7;

export function createdText(props: RevealViewProps): string {
  return `${props.action === 'created' ? 'Created' : 'Replaced'} key '${props.apiKey.name}' on ${props.deploymentName}${props.rotation ? ` to replace '${props.rotation.old}'` : ''}`;
}

export function verifyText(verify: VerifyResult): string {
  if (verify.ok) return `The dataplane accepted the key (GET /packages: ${verify.status}).`;
  return verify.unreachable
    ? couldNotCheck('the key', verify.unreachable)
    : `Could not confirm the key on the dataplane yet: ${verify.message}`;
}

export function askingText(props: RevealViewProps): string {
  const hints = props.hints.map(([k, what]) => `${k} ${what}`).join(' · ');
  const deletes = props.ctrlCAgainLeaves ? ' (Ctrl+C again: delete it and leave)' : '';
  if (props.unheld === 'unsure') return `Have you saved the key? ${UNSURE_COPY} ${hints}${deletes}`;
  if (props.unheld) return `${UNHELD} ${hints}${deletes}`;
  return `Have you saved the key? ${hints}${props.ctrlCAgainLeaves ? ' (Ctrl+C again: leave now)' : ''}`;
}

export const SAVE_NOW = 'Save the key now: it is never shown again.';

export const showsHints = (props: RevealViewProps) =>
  props.prompt === 'keys' &&
  !props.handoff &&
  (!props.rotation || (props.rotation.stage === 'shown' && !props.rotation.consumers?.holdsKeys));

/**
 * The parts of the panel that give way so that the frame (with its title row) stays shorter than
 * the terminal: a frame as tall as the terminal is drawn again from the top by Ink, and the last
 * one leaves the shell's prompt on its last line.
 */
export function givingWay(props: RevealViewProps, width: number, rows: number): Set<Optional> {
  const said = (text: string) => wrappedLineCount(text, width - 2);
  const last = props.handedOff.at(-1);
  const next = !props.handoff && last ? (last.nextLines ?? []) : [];
  const commands = next.reduce((n, line) => {
    const command = commandIn(line);
    return n + (command === undefined ? 0 : commandLines(command, width - 2).length);
  }, 0);
  const rowsOf: Record<Optional, number> = {
    integrations: props.handoff || last || props.rotation ? 0 : INTEGRATION_ROWS - said(H_LINE),
    labels: 2,
    local: formatLocal(props.apiKey.endDateTime) ? 1 : 0,
    nextWords: next.filter((line) => !isCommandLine(line)).reduce((n, line) => n + said(line), 0),
    olderDone: props.handedOff.slice(0, -1).reduce((n, done) => n + said(done.said), 0),
    hLine: props.handoff || last ? 0 : said(H_LINE),
    keyRow: 1,
  };
  const verify = props.verify;
  const kept =
    said(createdText(props)) +
    (props.raced ? said('It replaced a key someone made meanwhile.') : 0) +
    // The key, its hint, the expiry, the endpoint and its nplus form.
    5 +
    (props.handoff ? handoffMenuRows(props.handoff, width, rows) : 0) +
    (last ? said(last.said) : 0) +
    commands +
    (verify === 'pending' ? 1 : verify ? said(verifyText(verify)) : 0) +
    (props.copyMessage ? wrappedLineCount(props.copyMessage, width) : 0) +
    (props.notice ? said(props.notice) : 0) +
    said(SAVE_NOW) +
    (props.rotation && !props.handoff ? rotationRows(props.rotation, props.apiKey.name, width) : 0) +
    (props.prompt === 'deleting' ? 1 : 0) +
    (props.prompt === 'asking' ? said(askingText(props)) : 0) +
    (showsHints(props) ? 1 : 0);
  // The frame's title row, and one row short of the terminal.
  const room = rows - 2;
  let total = kept + GIVES_WAY.reduce((n, part) => n + rowsOf[part], 0);
  const gone = new Set<Optional>();
  for (const part of GIVES_WAY) {
    if (total <= room) break;
    gone.add(part);
    total -= rowsOf[part];
  }
  return gone;
}
