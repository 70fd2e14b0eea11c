/**
 * The wizard's door to the consumers of a key (--apply, in screens): what it finds on this machine
 * and in the current kube context that uses the key being rotated, and putting the new key there
 * with its proof. src/apply implements it; the command line hands it to the wizard, which knows
 * no program it runs.
 */
import type { ApiKey, Deployment } from './gateway';

/** A consumer found that uses the old key of this deployment. */
export interface FoundConsumer {
  /** As --apply writes it: nlk-helm=<release>, asg-sync=systemd[:<unit>]. */
  target: string;
  /** Words: "NLK release 'nlk' (namespace nlk, kube context aks-prod)". */
  where: string;
  /** Where it is, passed on to every program it needs (never the ambient context). */
  kubeContext?: string;
  namespace?: string;
}

/** What applying did, one consumer a line. */
export interface ConsumerOutcome {
  where: string;
  state: 'proven' | 'unproven' | 'failed' | 'skipped' | 'refused';
  /** Why it failed, stayed unproven or was refused; what was rolled back. */
  said?: string;
}

export interface ConsumersApplied {
  outcomes: ConsumerOutcome[];
  /** Every consumer took the new key and was proven to use it. */
  allProven: boolean;
  /** The consumers that hold the new key now (none after a rollback). */
  holding: string[];
}

export interface ConsumerDoor {
  /** How long each consumer must run on the new key before it counts as proven. */
  readonly settleMs: number;
  find(deployment: Deployment, old: ApiKey, signal: AbortSignal): Promise<FoundConsumer[]>;
  apply(
    deployment: Deployment,
    old: ApiKey,
    found: readonly FoundConsumer[],
    /** The new key: its name (for the history) and its value. */
    fresh: { name: string; secret: string },
    signal: AbortSignal,
  ): Promise<ConsumersApplied>;
}
