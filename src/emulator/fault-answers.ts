/**
 * How a fault answers: in place of the service (an ARM error, a given body or text, a body that
 * never ends), or after the request was carried out (another success status, a body that is not
 * the promised JSON, a list that names itself as its next page, an answer padded past any sane
 * size).
 */
import type { ServerResponse } from 'node:http';
import type { FaultSpec } from './faults';
import { echoMessage } from './echo';
import { ArmFailure, defaultCode, send, type Reply } from './http';

function sendText(res: ServerResponse, status: number, fault: FaultSpec): void {
  res.writeHead(status, { 'content-type': fault.contentType ?? 'text/html' }).end(fault.text);
}

/** True when the fault answered (nothing is carried out). */
export function answeredInstead(
  res: ServerResponse,
  fault: FaultSpec,
  request: { rawBody: string; authorization?: string; dataplane?: boolean } = { rawBody: '' },
): boolean {
  if (fault.trickle) return (trickle(res), true);
  if (!fault.status) return false;
  if (fault.text !== undefined) return (sendText(res, fault.status, fault), true);
  if (fault.body !== undefined) return (send(res, { status: fault.status, body: fault.body }), true);
  const headers: Record<string, string> =
    fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
  if (fault.status === 429) headers['x-ms-ratelimit-remaining-subscription-reads'] = '0';
  const echoed = fault.echoSecret ? echoMessage(fault.echoSecret, request.rawBody, request.authorization) : undefined;
  // A dataplane says it in the NGINX Plus API's shape.
  if (echoed !== undefined && request.dataplane) {
    const error = { status: fault.status, text: echoed, code: fault.code ?? 'Unauthorized' };
    return (send(res, { status: fault.status, body: { error } }), true);
  }
  const message = echoed ?? fault.message ?? `Injected fault: HTTP ${fault.status}.`;
  send(res, new ArmFailure(fault.status, fault.code ?? defaultCode(fault.status), message, undefined, headers).reply());
  return true;
}

/** The answer of a request that was carried out, as the fault changes it. */
export function answerAltered(res: ServerResponse, fault: FaultSpec, carriedOut: Reply, self: string): void {
  let reply = carriedOut;
  // A success answered with another success status: 200 (replaced) where 201 (created) was due.
  if (fault.okStatus && reply.status >= 200 && reply.status < 300) reply = { ...reply, status: fault.okStatus };
  // A body that is not the promised JSON (empty, an HTML page).
  if (fault.text !== undefined) return sendText(res, reply.status, fault);
  if (fault.loopPages) reply = loopedPage(reply, self);
  if (fault.duplicateRows) reply = duplicatedRows(reply);
  if (fault.oversizedMb) return sendPadded(res, reply, fault.oversizedMb);
  send(res, reply);
}

/** A 200 whose body never ends: a byte a second, until the client gives up. */
function trickle(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  res.write('{');
  const timer = setInterval(() => res.write(' '), 1000);
  res.on('close', () => clearInterval(timer));
}

/** The same page, pointing at itself again: an ARM nextLink, or Resource Graph's $skipToken. */
function loopedPage(reply: Reply, self: string): Reply {
  const body = reply.body as { nextLink?: string; $skipToken?: string; data?: unknown } | undefined;
  if (!body || typeof body !== 'object') return reply;
  return { ...reply, body: 'data' in body ? { ...body, $skipToken: 'the-same-token' } : { ...body, nextLink: self } };
}

/** A Resource Graph page whose every row comes twice, the second time after all the others. */
function duplicatedRows(reply: Reply): Reply {
  const body = reply.body as { data?: unknown[]; count?: number } | undefined;
  if (!body || !Array.isArray(body.data)) return reply;
  const data = [...body.data, ...body.data];
  return { ...reply, body: { ...body, data, count: data.length } };
}

/** The answer followed by megabytes of white space: valid JSON, and far too large to read. */
function sendPadded(res: ServerResponse, reply: Reply, megabytes: number): void {
  res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' });
  const chunk = ' '.repeat(1024 * 1024);
  let left = megabytes;
  const more = (): void => {
    while (left > 0) {
      left--;
      if (!res.write(chunk)) return void res.once('drain', more);
    }
    res.end(JSON.stringify(reply.body ?? {}));
  };
  res.on('close', () => (left = 0));
  more();
}
