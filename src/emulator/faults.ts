/**
 * Fault injection: make the next N matching requests fail the way Azure and networks fail.
 * Rules are tried in the order they were added; the first live match is used and spent.
 */

import type { EchoEncoding } from './echo';

export interface FaultSpec {
  /** HTTP method to match (any when absent). */
  method?: string;
  /** A substring of the request path (case-insensitive), or a regular expression source. */
  path?: string;
  /** Answer with this status and an ARM error envelope. */
  status?: number;
  code?: string;
  message?: string;
  /** With `status`: an ARM error whose message quotes the request's secret in this encoding. */
  echoSecret?: EchoEncoding;
  /** With `status`: answer with exactly this JSON body instead of an ARM error (a hostile page, say). */
  body?: unknown;
  /** Seconds, sent as Retry-After with the status. */
  retryAfter?: number;
  /** Wait this long before answering (alone: then answer normally). */
  delayMs?: number;
  /**
   * A barrier: hold the request until `count` requests matching `method` and `path` have been
   * answered (those before it included), then go on; after `timeoutMs` (default 20 s) it goes on
   * anyway. Makes a race certain: a PUT held until a second client's GET has had its answer.
   */
  holdUntil?: { method?: string; path?: string; count: number; timeoutMs?: number };
  /** Destroy the connection without an answer. */
  reset?: boolean;
  /** Carry the request out, then destroy the connection instead of answering. */
  commitThenDrop?: boolean;
  /** Carry the request out and answer this success status instead (200 where 201 was due). */
  okStatus?: number;
  /**
   * With `status`: answer with exactly this text (an empty body, an HTML page), as `contentType`.
   * Without: carry the request out, then answer its status with this text instead of its JSON.
   */
  text?: string;
  contentType?: string;
  /** Answer 200 and then a byte a second, never ending (until the client goes). */
  trickle?: boolean;
  /** Answer normally, padded to this many megabytes of JSON white space. */
  oversizedMb?: number;
  /** A list names itself as its next page (ARM), or gives the same $skipToken again (Resource Graph). */
  loopPages?: boolean;
  /** Resource Graph answers each row twice (its page's `data` repeated, the count to match). */
  duplicateRows?: boolean;
  /** Only requests that carry a credential (past a Key Vault's bearer challenge, say). */
  withToken?: boolean;
  /** How many matching requests to affect; default 1, -1 for every one. */
  times?: number;
}

export interface Fault extends FaultSpec {
  id: number;
  remaining: number;
}

export class FaultBook {
  private readonly rules: Fault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    const times = spec.times ?? 1;
    const fault: Fault = { ...spec, id: this.nextId++, remaining: times < 0 ? Number.POSITIVE_INFINITY : times };
    this.rules.push(fault);
    return fault;
  }

  clear(): void {
    this.rules.length = 0;
  }

  list(): readonly Fault[] {
    return this.rules.filter((rule) => rule.remaining > 0);
  }

  /** Finds and spends the first live rule that matches. */
  take(method: string, path: string, withToken = true): Fault | undefined {
    const rule = this.rules.find((r) => r.remaining > 0 && (!r.withToken || withToken) && matches(r, method, path));
    if (rule) rule.remaining -= 1;
    return rule;
  }
}

/** Whether a request matches a method and a path as a rule names them. */
export function matchesRequest(rule: { method?: string; path?: string }, method: string, path: string): boolean {
  return matches(rule, method, path);
}

function matches(rule: { method?: string; path?: string }, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  if (!rule.path) return true;
  if (path.toLowerCase().includes(rule.path.toLowerCase())) return true;
  try {
    return new RegExp(rule.path, 'i').test(path);
  } catch {
    return false;
  }
}
