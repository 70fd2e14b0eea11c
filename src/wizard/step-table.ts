/**
 * The one table of the wizard's steps: for each, its keymap, the field that typing edits now,
 * what an intent does there, and whether it waits on Azure rather than a person. The machine
 * reads it to move; the Ink face reads its keys and hints from it, the line face its answers and
 * questions. A step is added here, and the faces' own step lists (typed by Step) must follow.
 */
import { hintsOf, type Binding, type FieldNow } from './keymap';
import type { Intent } from './intents';
import type { StateAt, Step, WizardState } from './state';
import { CHOOSE_DEPLOYMENT_KEYS, onListIntent } from './steps/choose-deployment';
import { CREATING_KEYS, onCreatingIntent } from './steps/creating';
import { EXPIRY_KEYS, onExpiryIntent } from './steps/expiry';
import { FAILED_KEYS, onFailedIntent } from './steps/failed';
import { HANDOFF_KEYS } from './steps/handoff';
import { CONSOLE_KEYS, onConsoleIntent } from './steps/keys';
import { KEY_NAME_KEYS, onNameIntent } from './steps/key-name';
import { KEY_VALUE_KEYS, onSecretIntent } from './steps/key-value';
import { onRevealIntent, REVEAL_KEYS } from './steps/reveal';
import { onReviewIntent, REVIEW_KEYS } from './steps/review';
import { onRotationRevealIntent, ROTATION_KEYS } from './steps/rotation';
import { onSignInIntent, SIGN_IN_KEYS } from './steps/sign-in';

export interface StepEntry<S extends Step> {
  /** Key → intent, its label, and when it applies. */
  keys: readonly Binding<StateAt<S>>[];
  /** The field that typing edits now, if any: the caret belongs to it. */
  field?: (state: StateAt<S>) => FieldNow | undefined;
  /** What an intent does at this step. */
  on: (state: StateAt<S>, intent: Intent) => WizardState;
  /** The step waits on Azure (or has ended), not on a person: nothing is asked. */
  waits?: (state: StateAt<S>) => boolean;
}

const ENDED: StepEntry<'done'> = { keys: [], on: (s) => s, waits: () => true };
const field = (name: FieldNow['name'], text: string): FieldNow => ({ name, text });

export const STEPS: { [S in Step]: StepEntry<S> } = {
  // Waiting to sign in or for the first list: q leaves, as Ctrl+C does.
  loading: {
    keys: [{ keys: ['q'], word: false, intent: { type: 'cancel' } }],
    on: (s) => s,
    waits: () => true,
  },
  signIn: {
    keys: SIGN_IN_KEYS,
    on: onSignInIntent,
    waits: (s) => s.signIn?.stage !== 'choose',
  },
  chooseDeployment: {
    keys: CHOOSE_DEPLOYMENT_KEYS,
    field: (s) => field('filter', s.filter),
    on: onListIntent,
  },
  keys: {
    keys: CONSOLE_KEYS,
    field: (s) => {
      const extend = s.console.extend;
      if (extend) return extend.expiry.editing && !extend.working ? field('extend', extend.expiry.text) : undefined;
      const confirm = s.console.confirm;
      return confirm?.kind === 'delete' && !confirm.working ? field('confirm', confirm.typed) : undefined;
    },
    on: onConsoleIntent,
    waits: (s) => s.keys === 'loading',
  },
  keyName: {
    keys: KEY_NAME_KEYS,
    field: (s) => field('name', s.name),
    on: onNameIntent,
    waits: (s) => s.nameWaiting,
  },
  expiry: {
    keys: EXPIRY_KEYS,
    field: (s) => (s.expiry.editing ? field('expiry', s.expiry.text) : undefined),
    on: onExpiryIntent,
  },
  keyValue: {
    keys: KEY_VALUE_KEYS,
    field: (s) => field('secret', s.secret),
    on: onSecretIntent,
  },
  review: { keys: REVIEW_KEYS, on: onReviewIntent },
  creating: {
    keys: CREATING_KEYS,
    on: onCreatingIntent,
    waits: (s) => s.createError === undefined,
  },
  reveal: {
    keys: [...HANDOFF_KEYS, ...ROTATION_KEYS, ...REVEAL_KEYS],
    field: (s) => (s.reveal.handoff?.stage === 'destination' ? field('handoff', s.reveal.handoff.text) : undefined),
    on: (s, intent) => onRotationRevealIntent(s, intent) ?? onRevealIntent(s, intent),
  },
  failed: { keys: FAILED_KEYS, on: onFailedIntent },
  cancelled: ENDED as unknown as StepEntry<'cancelled'>,
  done: ENDED,
};

/** The entry of the step the state is at. TypeScript cannot pair a step read here with its entry: said once. */
export function entryOf(state: WizardState): StepEntry<Step> {
  return STEPS[state.step] as unknown as StepEntry<Step>;
}

/** The step's keymap, for the state it is in. */
export function keysOf(state: WizardState): readonly Binding<WizardState>[] {
  return entryOf(state).keys as readonly Binding<WizardState>[];
}

/** The text field that typing edits now, if any: the caret belongs to it. */
export function activeField(state: WizardState): FieldNow | undefined {
  return entryOf(state).field?.(state as never);
}

/** Whether a person is asked something now (else the wizard waits on Azure, or has ended). */
export function asksNow(state: WizardState): boolean {
  return !(entryOf(state).waits?.(state as never) ?? false);
}

/** The hint line of the step the state is at: its keymap's bindings that apply, as [key, label]. */
export function hintsNow(state: WizardState, rows = state.rows): [string, string][] {
  const at = rows === state.rows ? state : { ...state, rows };
  return hintsOf(keysOf(at), at);
}
