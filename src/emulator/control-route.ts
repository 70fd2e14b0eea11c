/** The emulator's own routes under /_emulator/: health, faults, the request log, behaviour. */
import type { IncomingMessage } from 'node:http';
import type { Behaviour } from './data';
import type { FaultBook, FaultSpec } from './faults';
import { ArmFailure, parseJson, requireBearer, type Reply } from './http';
import type { RequestRecord } from './request-log';

/** Test hooks over HTTP, for an emulator in another process. Never shows a secret. */
export function controlRoute(
  emulator: { token: string; faults: FaultBook; requests: RequestRecord[]; behaviour: Behaviour },
  req: IncomingMessage,
  url: URL,
  rawBody: string,
): Reply {
  const { token, faults, requests, behaviour } = emulator;
  if (url.pathname === '/_emulator/health') return { status: 200, body: { ok: true } };
  try {
    requireBearer(req, token);
  } catch (error) {
    return (error as ArmFailure).reply();
  }
  const method = (req.method ?? 'GET').toUpperCase();
  if (url.pathname === '/_emulator/faults') {
    if (method === 'POST') return { status: 201, body: faults.add((parseJson(rawBody) ?? {}) as FaultSpec) };
    if (method === 'DELETE') return (faults.clear(), { status: 204 });
    return { status: 200, body: faults.list() };
  }
  if (url.pathname === '/_emulator/requests') return { status: 200, body: requests };
  if (url.pathname === '/_emulator/behaviour') {
    if (method === 'POST') Object.assign(behaviour, parseJson(rawBody) ?? {});
    return { status: 200, body: behaviour };
  }
  return { status: 404, body: { error: { code: 'NotFound', message: 'unknown control route' } } };
}
