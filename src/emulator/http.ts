/** Small HTTP helpers of the emulator: replies, the ARM error envelope, reading a JSON body. */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ArmErrorEnvelope } from '../wire/types';

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Thrown by a route to answer with the ARM error envelope. */
export class ArmFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly target?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  reply(): Reply {
    const envelope: ArmErrorEnvelope = {
      error: { code: this.code, message: this.message, ...(this.target ? { target: this.target } : {}) },
    };
    return { status: this.status, body: envelope, headers: this.headers };
  }
}

const DEFAULT_CODES: Record<number, string> = {
  400: 'BadRequest',
  401: 'AuthenticationFailed',
  403: 'AuthorizationFailed',
  404: 'ResourceNotFound',
  409: 'Conflict',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

export function defaultCode(status: number): string {
  return DEFAULT_CODES[status] ?? 'Error';
}

const MAX_BODY = 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ArmFailure(413, 'RequestEntityTooLarge', 'The request body is larger than 1 MiB.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ArmFailure(
      400,
      'InvalidRequestContent',
      'The request content was invalid and could not be deserialized.',
    );
  }
}

/** Writes a reply: JSON with its length, or no body (204); every answer carries a request id. */
export function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { 'x-ms-request-id': randomBytes(16).toString('hex'), ...reply.headers };
  if (reply.body === undefined || reply.status === 204) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** How a request says who it is, for the request log. */
export function authKind(req: IncomingMessage): 'bearer' | 'apikey' | 'none' | 'other' {
  const header = String(req.headers.authorization ?? '');
  if (header === '') return 'none';
  if (header.startsWith('Bearer ')) return 'bearer';
  if (header.startsWith('ApiKey ')) return 'apikey';
  return 'other';
}

/** ARM's refusal of a request without the emulator's bearer token. */
export function requireBearer(req: IncomingMessage, token: string): void {
  const header = String(req.headers.authorization ?? '');
  if (header === '') {
    throw new ArmFailure(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.");
  }
  if (header !== `Bearer ${token}`) {
    throw new ArmFailure(401, 'InvalidAuthenticationToken', 'The access token is invalid.');
  }
}
