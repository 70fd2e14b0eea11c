/**
 * The work the wizard's machine asks of the outside world (Command), run once each by the runner,
 * and what a request's failure and a copy report back. Pure data, as the state is.
 */
import type { HandoffFacts, HandoffTarget } from '../domain/handoff';
import type { ApiKey, ChangePurpose, Deployment, ErrorKind } from '../port/gateway';
import type { FoundConsumer } from '../port/consumers';
import type { SignInHow } from './step-states';

/** What a copy did: words for the person, and whether the key surely arrived somewhere (a system clipboard). */
export interface CopyOutcome {
  said: string;
  sure: boolean;
  /** Sent where it may or may not arrive (OSC 52 to the terminal). */
  sent: boolean;
}

export interface Problem {
  message: string;
  code?: string;
  kind?: ErrorKind;
  /** The request may have been carried out although no answer said so (a create whose answer was lost). */
  uncertain?: boolean;
}

/** No answer came (a reset, a timeout, a server error): the request may have been carried out all the same. */
export function answerMayBeLost(problem: Problem): boolean {
  return problem.kind === 'network' || problem.kind === 'cancelled' || problem.kind === 'unknown';
}

/** Work the runner does for the machine; each runs once, by id. */
export type Command =
  | { id: number; kind: 'discover' }
  | { id: number; kind: 'signIn'; how: SignInHow }
  | { id: number; kind: 'cancelSignIn' }
  | { id: number; kind: 'loadKeys'; deployment: Deployment }
  /** This machine's record of the deployment's changes (history): read, never written, by the wizard. */
  | { id: number; kind: 'readHistory'; deployment: Deployment }
  /** What this sign-in may do to the deployment's keys, asked of ARM before any change. */
  | { id: number; kind: 'permissions'; deployment: Deployment }
  /** The keys of a deployment on the list, read in the background for its expiry mark. */
  | { id: number; kind: 'peekKeys'; deployments: Deployment[] }
  | { id: number; kind: 'generate' }
  | {
      id: number;
      kind: 'create';
      deployment: Deployment;
      name: string;
      secret: string;
      endDateTime: Date;
      replace: boolean;
      /** Set when the key is a rotation's new key, for the history. */
      purpose?: ChangePurpose;
    }
  | { id: number; kind: 'verify'; endpoint: string; secret: string; again?: boolean }
  | { id: number; kind: 'copy'; secret: string }
  | {
      id: number;
      kind: 'deleteKey';
      deployment: Deployment;
      name: string;
      purpose?: ChangePurpose;
      /** Only the key this run sent by that name (its creation was in doubt): another is left alone. */
      onlyIfSentHere?: boolean;
    }
  /** What uses the rotated key here: NLK releases in the current kube context, nginx-asg-sync on this machine. */
  | { id: number; kind: 'findConsumers'; deployment: Deployment; old: ApiKey }
  /** The new key put in place at the consumers found, proven, or every one rolled back. */
  | {
      id: number;
      kind: 'applyConsumers';
      deployment: Deployment;
      old: ApiKey;
      found: FoundConsumer[];
      fresh: { name: string; secret: string };
    }
  /** A new expiry for a key of the console, the same secret. */
  | { id: number; kind: 'extendKey'; deployment: Deployment; key: ApiKey; endDateTime: Date }
  | {
      id: number;
      kind: 'handoff';
      target: HandoffTarget;
      facts: HandoffFacts;
      acceptExposed?: boolean;
      /** The destination is a file that exists, and Enter was pressed on it again: replace it. */
      replaceExisting?: boolean;
    };

export type CommandSpec = Command extends infer C ? (C extends { id: number } ? Omit<C, 'id'> : never) : never;
