/**
 * What the emulator was asked, for tests and for `holdUntil` faults: each request as it arrived
 * and how it was answered (a long-running emulator keeps only the newest), and requests held until
 * enough others have been answered.
 */
import { matchesRequest, type FaultSpec } from './faults';

const MAX_LOGGED_REQUESTS = 10_000;

export interface RequestRecord {
  method: string;
  path: string;
  status: number | 'dropped';
  authorization: 'bearer' | 'apikey' | 'none' | 'other';
  /** A PUT whose body carries a key's value (properties.secretText): tests tell what was re-sent. */
  carriesSecret?: boolean;
  /**
   * When it arrived, in ms since 1970 to a fraction of a ms: tests measure the gaps between
   * retries, and put it in order with what other programs did.
   */
  at: number;
}

export class RequestLog {
  /** The same array for the emulator's life: tests and the control route hold it. */
  readonly records: RequestRecord[] = [];
  // Requests held by a `holdUntil` fault, each told when another request has been answered.
  private readonly barriers = new Set<() => void>();

  add(request: Pick<RequestRecord, 'method' | 'path' | 'authorization'>): RequestRecord {
    const record: RequestRecord = {
      method: request.method,
      path: request.path,
      status: 'dropped',
      authorization: request.authorization,
      at: performance.timeOrigin + performance.now(),
    };
    this.records.push(record);
    // A long-running emulator keeps only the newest requests.
    if (this.records.length > MAX_LOGGED_REQUESTS) this.records.splice(0, this.records.length - MAX_LOGGED_REQUESTS);
    return record;
  }

  answered(record: RequestRecord, status: number): void {
    record.status = status;
    for (const answered of this.barriers) answered();
  }

  heldUntil(barrier: NonNullable<FaultSpec['holdUntil']>): Promise<void> {
    const answered = (r: RequestRecord) => typeof r.status === 'number' && matchesRequest(barrier, r.method, r.path);
    const reached = () => this.records.filter(answered).length >= barrier.count;
    return new Promise((resolve) => {
      const done = () => {
        this.barriers.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const check = () => {
        if (reached()) done();
      };
      const timer = setTimeout(done, barrier.timeoutMs ?? 20_000);
      this.barriers.add(check);
      check();
    });
  }
}

/** A PUT whose body carries a key's value (properties.secretText). */
export function carriesSecret(rawBody: string): boolean {
  try {
    const body = JSON.parse(rawBody) as { properties?: { secretText?: unknown } } | null;
    return body?.properties?.secretText !== undefined;
  } catch {
    return false;
  }
}
