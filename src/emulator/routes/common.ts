/** What every ARM route of the emulator shares: its context, the api-version and method checks, paging. */
import type { Behaviour } from '../data';
import type { World } from '../world';
import { ArmFailure, type Reply } from '../http';
import type { RuleViolation } from '../service-rules';
import type { PagedList } from '../../wire/types';

export interface ArmContext {
  method: string;
  url: URL;
  body: unknown;
  world: World;
  baseUrl: string;
  pageSize: number;
  now: Date;
  /** The request's If-None-Match header, for ARM's conditional create. */
  ifNoneMatch?: string;
  behaviour?: Behaviour;
}

export function requireApiVersion(ctx: ArmContext, supported: string[], type: string): void {
  const version = ctx.url.searchParams.get('api-version');
  if (!version) {
    throw new ArmFailure(
      400,
      'MissingApiVersionParameter',
      'The api-version query parameter (?api-version=) is required for all requests.',
    );
  }
  if (!supported.includes(version)) {
    throw new ArmFailure(
      400,
      'NoRegisteredProviderFound',
      `No registered resource provider found for location 'global' and API version '${version}' for type '${type}'. The supported api-versions are '${supported.join(', ')}'.`,
    );
  }
}

export function requireMethod(ctx: ArmContext, allowed: string[]): void {
  if (!allowed.includes(ctx.method)) {
    throw new ArmFailure(405, 'MethodNotAllowed', `The method '${ctx.method}' is not allowed on this resource.`);
  }
}

export function fail(violation: RuleViolation): never {
  throw new ArmFailure(violation.status, violation.code, violation.message, violation.target);
}

/** One page of `items`, with an absolute nextLink that keeps api-version. */
export function page<T>(ctx: ArmContext, items: T[]): Reply {
  const start = Number(ctx.url.searchParams.get('$skipToken') ?? '0') || 0;
  const slice = items.slice(start, start + ctx.pageSize);
  const body: PagedList<T> = { value: slice };
  if (start + ctx.pageSize < items.length) {
    const next = new URL(ctx.url.pathname, ctx.baseUrl);
    next.searchParams.set('api-version', ctx.url.searchParams.get('api-version') ?? '');
    next.searchParams.set('$skipToken', String(start + ctx.pageSize));
    body.nextLink = next.toString();
  }
  return { status: 200, body };
}
