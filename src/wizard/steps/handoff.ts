/**
 * The hand-off menu of the reveal panel (h): choose what takes the key — an NLK values file, an
 * nginx-asg-sync config, a dotenv file, a Key Vault secret — then its destination (a file in the
 * current folder by default), and the runner writes it (0600; over an existing file only after
 * Enter again on it) or stores it. Esc closes the menu; the panel keeps a line for each hand-off done.
 */
import {
  DEFAULT_FILES,
  HANDOFF_KINDS,
  handoffFacts,
  parseHandoff,
  type HandoffFacts,
  type HandoffKind,
} from '../../domain/handoff';
import { issue } from '../effects';
import { BACK, SUBMIT, type Intent } from '../intents';
import type { Binding } from '../keymap';
import { MOVES, moveTo, pageOf, within } from '../list-window';
import type { HandoffMenu, StateAt, WizardEvent, WizardState } from '../state';

export const HANDOFF_LABELS: Record<HandoffKind, string> = {
  nlk: 'NLK Helm values file',
  'asg-sync': 'nginx-asg-sync config.yaml',
  env: 'dotenv file',
  keyvault: 'Azure Key Vault secret',
};

export function defaultDestination(state: StateAt<'reveal'>, kind: HandoffKind): string {
  if (kind !== 'keyvault') return DEFAULT_FILES[kind];
  const vault = state.preset.demoVault ?? '<vault>.vault.azure.net';
  return `https://${vault}/secrets/${state.result.key.name}`;
}

export function openHandoffMenu(state: WizardState): WizardState {
  return { ...state, reveal: { ...state.reveal, shown: false, handoff: { stage: 'kind', cursor: 0, text: '' } } };
}

function withMenu(state: WizardState, menu: HandoffMenu | undefined): WizardState {
  const { handoff: _closed, ...reveal } = state.reveal;
  return { ...state, reveal: menu ? { ...reveal, handoff: menu } : reveal };
}

function facts(state: StateAt<'reveal'>): HandoffFacts {
  const { deployment, result } = state;
  return handoffFacts(deployment, {
    keyName: result.key.name,
    secret: state.secret,
    endDateTime: result.key.endDateTime,
  });
}

const menuAt = (stage: HandoffMenu['stage']) => (s: StateAt<'reveal'>) => s.reveal.handoff?.stage === stage;
const kindOf = (menu: HandoffMenu | undefined) => HANDOFF_KINDS[menu?.cursor ?? 0] ?? 'nlk';

/** The menu's keys: a kind from the list, then its destination typed into the field. */
export const HANDOFF_KEYS: readonly Binding<StateAt<'reveal'>>[] = [
  {
    keys: MOVES,
    label: 'move',
    word: false,
    when: menuAt('kind'),
    intent: (s, token) => moveTo(token, s.reveal.handoff?.cursor ?? 0, HANDOFF_KINDS.length, pageOf('handoff', s.rows)),
  },
  { keys: ['enter'], label: 'choose', word: false, when: menuAt('kind'), intent: SUBMIT },
  { keys: ['escape'], label: 'close', when: menuAt('kind'), intent: BACK },
  {
    keys: ['enter'],
    label: (s) => (kindOf(s.reveal.handoff) === 'keyvault' ? 'store it' : 'write it (0600)'),
    word: false,
    when: menuAt('destination'),
    intent: SUBMIT,
  },
  { keys: ['escape'], label: 'back', when: menuAt('destination'), intent: BACK },
];

export function onHandoffIntent(state: StateAt<'reveal'>, menu: HandoffMenu, intent: Intent): WizardState {
  if (menu.stage === 'working') return state;
  if (intent.type === 'back')
    return withMenu(state, menu.stage === 'destination' ? { stage: 'kind', cursor: menu.cursor, text: '' } : undefined);
  if (menu.stage === 'kind') {
    if (intent.type === 'select')
      return withMenu(state, { ...menu, cursor: within(intent.index, HANDOFF_KINDS.length) });
    const at = intent.type === 'choose' ? within(intent.index, HANDOFF_KINDS.length) : menu.cursor;
    if (intent.type === 'submit' || intent.type === 'choose') {
      const kind = HANDOFF_KINDS[at] ?? 'nlk';
      return withMenu(state, { stage: 'destination', cursor: at, text: defaultDestination(state, kind) });
    }
    return state;
  }
  if (intent.type === 'setText')
    return withMenu({ ...state, caretBack: intent.caretBack ?? 0 }, { ...menu, text: intent.text, error: undefined });
  if (intent.type !== 'submit') return state;
  const kind = kindOf(menu);
  if (menu.text.trim() === '')
    return withMenu(state, { ...menu, error: `Type where the ${HANDOFF_LABELS[kind]} goes.` });
  const parsed = parseHandoff(`${kind}=${menu.text.trim()}`);
  if (!parsed.ok) return withMenu(state, { ...menu, error: parsed.problem });
  const path = parsed.target.kind === 'keyvault' ? undefined : parsed.target.path;
  return issue(withMenu(state, { ...menu, stage: 'working' }), {
    kind: 'handoff',
    target: parsed.target,
    facts: facts(state),
    // A command says only what was asked: no flag at all unless Enter came again on the same path.
    ...(path !== undefined && path === menu.warnedPath ? { acceptExposed: true } : {}),
    ...(path !== undefined && path === menu.existingPath ? { replaceExisting: true } : {}),
  });
}

/** The hand-off under way: its kind, and in words ("the Azure Key Vault secret https://…"). */
export function handoffUnderWay(
  state: Pick<WizardState, 'reveal'>,
): { kind: HandoffKind; destination: string; words: string } | undefined {
  const menu = state.reveal.handoff;
  if (menu?.stage !== 'working') return undefined;
  const kind = kindOf(menu);
  const destination = menu.text.trim();
  return { kind, destination, words: `the ${HANDOFF_LABELS[kind]} ${destination}` };
}

export function onHandedOff(
  state: WizardState,
  result: Extract<WizardEvent, { type: 'handedOff' }>['result'],
): WizardState {
  const menu = state.reveal.handoff;
  // A store whose answer was lost: if the key is deleted again, that version is said to be dead.
  if (result.inDoubt !== undefined)
    state = {
      ...state,
      reveal: { ...state.reveal, vaultsInDoubt: [...(state.reveal.vaultsInDoubt ?? []), result.inDoubt] },
    };
  // A refused destination (a folder, a link, a file that exists, one git would commit) keeps the
  // menu open to choose another; a file that exists, or a path git would commit, is written when
  // Enter is pressed on it again. A warning said once stays known, so each is asked only once.
  if (!result.ok) {
    const warned = {
      // Only what this answer says: a warning given earlier stays known (its key is left out, not cleared).
      ...(result.exposedPath !== undefined ? { warnedPath: result.exposedPath } : {}),
      ...(result.existingPath !== undefined ? { existingPath: result.existingPath } : {}),
    };
    return withMenu(state, menu ? { ...menu, stage: 'destination', error: result.said, ...warned } : undefined);
  }
  return withMenu({ ...state, reveal: { ...state.reveal, handedOff: [...state.reveal.handedOff, result] } }, undefined);
}
