/**
 * One read-only call to a deployment's dataplane (`GET <endpoint>packages`, or the address a
 * consumer asks first, such as nginx-asg-sync's `…/nplus/9/http/upstreams/<u>/servers`) with the
 * new key, the same header NLK and nginx-asg-sync send, to show that the key works.
 */
import {
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
} from '@azure/core-rest-pipeline';
import { apiKeyHeaderValue } from '../domain/endpoint';
import { printable } from '../domain/printable';
import { answerCause, networkCause } from '../domain/reach';
import type { VerifyResult } from '../port/gateway';
import { withoutIdlePolicies } from './pipeline-policies';
import { tlsOptionsFor, type ArmTarget } from './cloud';
import { toGatewayError } from './errors';

export async function verifyDataplaneKey(
  target: ArmTarget,
  endpoint: string,
  secret: string,
  signal?: AbortSignal,
  address?: string,
): Promise<VerifyResult> {
  const tlsOptions = tlsOptionsFor(target);
  const pipeline = withoutIdlePolicies(
    createPipelineFromOptions({
      retryOptions: { maxRetries: 1, retryDelayInMs: 500 },
      tlsOptions,
      userAgentOptions: { userAgentPrefix: 'nginxaas-keys' },
    }),
  );
  const url = address ?? `${endpoint.replace(/\/+$/, '')}/packages`;
  const host = new URL(url).host;
  if (!url.startsWith('https://')) return { ok: false, message: `${url} is not an https address` };
  const request = createPipelineRequest({
    url,
    method: 'GET',
    headers: createHttpHeaders({ authorization: apiKeyHeaderValue(secret), accept: 'application/json' }),
    timeout: 15_000,
    abortSignal: signal,
  });
  try {
    const response = await pipeline.sendRequest(createDefaultHttpClient(), request);
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    let text = `the dataplane answered HTTP ${response.status}`;
    let words: string | undefined;
    try {
      const body = JSON.parse(response.bodyAsText ?? '') as { error?: { text?: string } };
      if (body.error?.text) words = printable(body.error.text);
      if (words) text += `: ${words}`;
    } catch {
      // Not JSON: the status says enough.
    }
    const refused = response.status === 401 || response.status === 403;
    return {
      ok: false,
      status: response.status,
      message: text,
      ...(refused ? {} : { unreachable: { host, cause: answerCause(response.status, words) } }),
    };
  } catch (error) {
    const message = toGatewayError(error, { endpoint: new URL(url).origin }).message;
    if (signal?.aborted) return { ok: false, message };
    // Our own time limit on the request ends it as an abort: the host did not answer in time.
    const e = error as { name?: string; code?: string; cause?: { code?: string } };
    const code = e.name === 'AbortError' ? 'TIMEOUT' : (e.code ?? e.cause?.code);
    return { ok: false, message, unreachable: { host, cause: networkCause(code) } };
  }
}
