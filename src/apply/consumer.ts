/**
 * What every target of `--apply` is, behind one interface, after AWS Secrets Manager's rotation
 * (create → set → test → finish, the old value kept until the new one is proven): every check
 * before any write (`preflight`), the key put in place (`apply`), shown to be in use (`prove`),
 * and the consumer put back as it was (`rollback`). A target never prints: it says its lines
 * through the context, and its failures in words that never hold a key.
 */
import type { ApplyTarget } from '../domain/apply-target';
import type { VerifyResult } from '../port/gateway';
import type { Runner } from './run-program';

/** What a target is told of the run: the deployment, the key it replaces, how to run programs. */
export interface ApplyContext {
  run: Runner;
  deployment: { name: string; id: string; dataplaneApiEndpoint?: string };
  /** The deployment's `…/nplus` URL: what a consumer of this deployment points at. */
  nplus: string;
  /** The key being replaced (rotate): a consumer whose key does not start with its hint is not this one's. */
  old?: { name: string; hint: string };
  /** First-time setup (create): a release that is not there yet is installed. */
  create: boolean;
  settings: ApplySettings;
  signal: AbortSignal;
  now(): Date;
  /** A line of progress for a person (stderr). */
  say(line: string): void;
  /** Asks the dataplane at `url` with a key (GET), as a consumer does at start. */
  ask(url: string, secret: string): Promise<VerifyResult>;
}

/** The flags that say where the consumers are (--kube-context, --namespace, --chart, --cluster…). */
export interface ApplySettings {
  kubeContext?: string;
  namespace?: string;
  chart?: string;
  cluster?: string;
  clusterGroup?: string;
  /** How long a consumer must run on the new key without a refusal (--settle). */
  settleMs: number;
}

/** A check before any write failed: nothing was changed. `exit` 2 for what the user asked, 1 for the world. */
export class ApplyRefusal extends Error {
  override readonly name = 'ApplyRefusal';
  constructor(
    message: string,
    readonly exit: 1 | 2 = 2,
  ) {
    super(message);
  }
}

/** Putting the key in place failed (the consumer may be half-changed: it is rolled back). */
export class ApplyFailure extends Error {
  override readonly name = 'ApplyFailure';
}

export type Proof =
  /** The consumer runs on the new key and nothing refused it during the settle window. */
  | { outcome: 'proven'; lines: string[] }
  /** In place, but nothing could show it in use (no cluster access, a log level that hides it). */
  | { outcome: 'unproven'; lines: string[]; why: string }
  | { outcome: 'failed'; lines: string[]; why: string };

export interface Consumer {
  readonly target: ApplyTarget;
  /** Words for it: "NLK release 'nlk' (namespace nlk, kube context aks-prod)". */
  readonly where: string;
  /** Every check before any write; throws ApplyRefusal. Returns what was found, in lines. */
  preflight(): Promise<string[]>;
  /** The commands it would run and what it would change, for --dry-run (after preflight). */
  plan(): string[];
  /** What the person must know of where the key now lives, if anything (the extension's plain settings). */
  exposure?(): string | undefined;
  /** Puts the key in place; throws ApplyFailure. Anything it may have changed is undone by rollback. */
  apply(secret: string): Promise<void>;
  prove(secret: string): Promise<Proof>;
  /** Back as it was before apply: the old key in place and running again. */
  rollback(): Promise<{ ok: boolean; said: string }>;
}

/** Waits `ms`, or less if the run is stopped meanwhile. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Parses a program's JSON answer, or says which program gave something else. */
export function jsonOf<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApplyRefusal(`${what} did not answer in JSON`, 1);
  }
}

/** A duration for people: "300 ms", "2.5 s", "60 s". */
export function seconds(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  return ms < 10_000 ? `${(ms / 1000).toFixed(1).replace(/\.0$/, '')} s` : `${Math.round(ms / 1000)} s`;
}
