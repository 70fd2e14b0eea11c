/**
 * The wizard's state; the events that move it are in events.ts. Pure data: no Ink, no Azure, no
 * clock (every event that needs the time carries `now`).
 */
import type { ApiKey, Deployment, Discovery, PutKeyResult } from '../port/gateway';
import { DEFAULT_PRESET, PRESETS } from '../domain/expiry';
import type { History, HistoryEntry } from '../port/history';
import type { ConsumerDoor } from '../port/consumers';
import { NO_MARKS, type FleetMarks } from './fleet-marks';

import type { Command, Problem } from './commands';
import type {
  ConsoleState,
  ExpiryState,
  RevealState,
  RotationState,
  SignInFacts,
  SignInHow,
  SignInState,
} from './step-states';

export type * from './step-states';
export type * from './commands';
export type * from './events';

export type Step =
  | 'loading'
  /** No token could be had: the ways to sign in, in this run. */
  | 'signIn'
  | 'chooseDeployment'
  /** The key console: a deployment's keys, with new, rotate and delete. */
  | 'keys'
  | 'keyName'
  | 'expiry'
  | 'keyValue'
  | 'review'
  | 'creating'
  | 'reveal'
  | 'failed'
  | 'cancelled'
  | 'done';

/** What every step has; what a step owns is in StepState. */
export interface WizardCommon {
  now: Date;
  /** The terminal's height at the last key: how far PgUp and PgDn move a list. */
  rows: number;
  /** The terminal's width at the last key (80 where no face says): whether the key can be shown whole. */
  columns: number;
  loadingMessage: string;
  /** From -d/-g/--subscription: narrows discovery, may skip the first step. */
  preset: {
    deployment?: string;
    name?: string;
    demoVault?: string;
    demo?: boolean;
    /** The program as this run was started, in the commands the wizard names. */
    program?: string;
    signIn?: SignInFacts;
    /** The deployment id last used (per profile): offered first, with the cursor on it. */
    lastUsed?: string;
    /** This machine keeps a history: the console reads the deployment's part of it. */
    keepsHistory?: boolean;
    /** A rotation looks for the consumers of the old key, and offers to apply the new one there. */
    consumers?: { settleMs: number };
  };
  /** What this machine changed on the chosen deployment, newest first (history), read after each change. */
  keyHistory?: { deploymentId: string; entries: HistoryEntry[] };
  discovery?: Discovery;
  filter: string;
  /** Where the caret is in the field being typed into, counted from the end (0: after the text). */
  caretBack: number;
  cursor: number;
  /** Why Enter did nothing on the deployment list. */
  listMessage?: string;
  keys?: ApiKey[] | 'loading' | { error: string };
  console: ConsoleState;
  signIn?: SignInState;
  /** The terminal is handed to `az login`; the wizard starts again where it was when it returns. */
  handOver?: SignInHow;
  /** What ARM said this sign-in may do to the chosen deployment's keys; absent while unknown. */
  permissions?: { deploymentId: string; write: boolean; delete: boolean };
  rotation?: RotationState;
  /** What the key console changed in Azure during this run, said again when the wizard ends. */
  changes: string[];
  /** Expiry marks of the listed deployments, by id, as their keys arrive in the background. */
  fleet: FleetMarks;
  /** Deployments whose keys are read for their marks, and how many of them have been asked for. */
  fleetQueue: { deployments: Deployment[]; asked: number };
  name: string;
  nameError?: string;
  /** Enter was pressed on the name while the existing keys were still loading. */
  nameWaiting: boolean;
  expiry: ExpiryState;
  secret: string;
  secretShown: boolean;
  secretGenerated: boolean;
  secretError?: string;
  replaceConfirmed: boolean;
  reviewError?: string;
  createError?: Problem;
  /**
   * Ctrl+C ('key') or a signal ('signal') came while the key was being created: the request is let
   * finish so that its outcome is known; a second one leaves at once.
   */
  leaving?: 'key' | 'signal';
  reveal: RevealState;
  failure?: Problem;
  /** What is said after the wizard ends (the final frame and stderr). */
  farewell?: string;
  exitCode?: number;
  /** The step the wizard was on when it ended (step is then 'done' or 'cancelled'). */
  endedAt?: Step;
  commands: Command[];
  nextCommandId: number;
}

/** The steps before a deployment is chosen, and the ends (which keep what the run had). */
type Unbound = 'loading' | 'signIn' | 'chooseDeployment' | 'failed' | 'cancelled' | 'done';
/** The steps that work on one deployment: from its keys to the key being created. */
type OnDeployment = 'keys' | 'keyName' | 'expiry' | 'keyValue' | 'review' | 'creating';

/**
 * What a step owns: a chosen deployment from the key console on, and the created key on the
 * reveal panel. A view of a step has them without asking whether they are there.
 */
export type StepState =
  | { [S in Unbound]: { step: S; deployment?: Deployment; result?: PutKeyResult } }[Unbound]
  | { [S in OnDeployment]: { step: S; deployment: Deployment; result?: PutKeyResult } }[OnDeployment]
  | { step: 'reveal'; deployment: Deployment; result: PutKeyResult };

export type WizardState = WizardCommon & StepState;
/** The state while the wizard is at one step: what that step owns is there. */
export type StateAt<S extends Step> = Extract<WizardState, { step: S }>;
/** A key was created in this run: on the reveal panel, and in the states that end after it. */
export type WithCreatedKey = WizardState & { deployment: Deployment; result: PutKeyResult };
/** A state with a chosen deployment: every step from the key console to creating. */
export type Bound = WizardState & { deployment: Deployment };

/** Where the wizard starts from: -d, -g, --subscription and --name, each optional. */
export interface WizardScope {
  subscription?: string;
  resourceGroup?: string;
  /** A name or a full resource id: narrows discovery, and may skip the first step. */
  deployment?: string;
  /** Pre-fills the key name. */
  name?: string;
  /** The demo's vault, offered as the Key Vault hand-off's default. */
  demoVault?: string;
  /** The program as this run was started (`npx nginxaas-keys`, `node bin/nginxaas-keys.js`), in the commands it names. */
  program?: string;
  /** Where a run that cannot sign in is offered a sign-in screen (the wizard); absent: it fails. */
  signIn?: SignInFacts;
  /** The deployment id last used (the command line remembers it, per profile). */
  lastUsed?: string;
  /** This machine's record of changes: the key console shows the selected key's; a file hand-off is written to it. */
  history?: Pick<History, 'entries'> & Partial<Pick<History, 'begin' | 'finish'>>;
  /** What finds and changes the consumers of a key (NLK, nginx-asg-sync) during a rotation. */
  consumers?: ConsumerDoor;
  /**
   * Told every state the face draws: the command line keeps the last, so that an ending the
   * machine did not decide (the terminal closed under it) still deletes a key no one holds.
   */
  watch?: (state: WizardState) => void;
}

export const REVEAL_SECONDS = 30;
/** Where the expiry's cursor starts: on the default preset, wherever the list puts it. */
export const DEFAULT_PRESET_INDEX = PRESETS.findIndex((preset) => preset.id === DEFAULT_PRESET);

export function initialState(now: Date, options: WizardScope = {}, authDescription = 'Azure'): WizardState {
  return {
    step: 'loading',
    now,
    rows: 24,
    columns: 80,
    loadingMessage: `Signing in with ${authDescription}…`,
    // A flag given as '' is no flag: absent, as readers tell undefined from given (`preset.name !== undefined`).
    preset: {
      ...(options.deployment ? { deployment: options.deployment } : {}),
      ...(options.name ? { name: options.name } : {}),
      ...(options.demoVault ? { demoVault: options.demoVault, demo: true } : {}),
      ...(options.program ? { program: options.program } : {}),
      signIn: options.signIn,
      ...(options.lastUsed ? { lastUsed: options.lastUsed } : {}),
      ...(options.history ? { keepsHistory: true } : {}),
      ...(options.consumers ? { consumers: { settleMs: options.consumers.settleMs } } : {}),
    },
    filter: '',
    caretBack: 0,
    console: { cursor: 0, arriving: false },
    changes: [],
    fleet: NO_MARKS,
    fleetQueue: { deployments: [], asked: 0 },
    cursor: 0,
    name: options.name ?? '',
    nameWaiting: false,
    expiry: { cursor: DEFAULT_PRESET_INDEX, editing: false, text: '' },
    secret: '',
    secretShown: false,
    secretGenerated: false,
    replaceConfirmed: false,
    reveal: { shown: false, askingToLeave: false, deleting: false, handedOff: [] },
    commands: [{ id: 1, kind: 'discover' }],
    nextCommandId: 2,
  };
}
