/** Step 2: name the key, checked live; an existing key of that name is said at once. */
import { formatUtc } from '../../domain/expiry';
import { formatDaysFromNow } from '../../domain/expiry-words';
import type { ApiKey } from '../../port/gateway';
import type { WizardState } from '../../wizard/state';
import { existingKey, nameProblem } from '../../wizard/selectors';
import { hintsNow } from '../../wizard/step-table';
import { Field, Question } from '../components/question';
import { Spinner } from '../components/spinner';
import { figures } from '../../term/style';
import { Done, Said, Warning } from '../components/said';

export interface KeyNameViewProps {
  name: string;
  /** Why Enter was refused. */
  error?: string;
  /** The existing keys: still loading, read, or could not be read (with why). */
  keys:
    { state: 'loading'; waiting: boolean } | { state: 'read'; existing?: ApiKey } | { state: 'failed'; error: string };
  now: Date;
  caretBack?: number;
  /** The step's keys (its keymap), as the hint line draws them. */
  hints: [string, string][];
}

export function keyNameView(state: WizardState): KeyNameViewProps {
  const keys: KeyNameViewProps['keys'] =
    state.keys === 'loading' || state.keys === undefined
      ? { state: 'loading', waiting: state.nameWaiting }
      : Array.isArray(state.keys)
        ? { state: 'read', existing: existingKey(state) }
        : { state: 'failed', error: state.keys.error };
  return {
    name: state.name,
    keys,
    now: state.now,
    caretBack: state.caretBack,
    hints: hintsNow(state),
    error: state.nameError,
  };
}

export function KeyNameStep({ name, error, keys, now, caretBack, hints }: KeyNameViewProps) {
  const live = name === '' ? undefined : nameProblem(name);
  const existing = keys.state === 'read' ? keys.existing : undefined;
  return (
    <Question title="Name the key" error={error} hints={hints}>
      <Field
        value={name}
        caretBack={caretBack ?? 0}
        placeholder="e.g. nlk-prod (1-30 letters, digits, inner hyphens)"
      />
      {live && !error ? <Said mark={figures.fail} role="warning" text={live} /> : null}
      {!live && name !== '' && !existing && keys.state === 'read' ? (
        <Done text="a valid name, not used on this deployment" />
      ) : null}
      {existing ? (
        <Warning
          text={`'${existing.name}' exists (hint ${existing.hint}, expires ${formatUtc(existing.endDateTime).slice(0, 10)}, ${formatDaysFromNow(existing.endDateTime, now)}): it will be REPLACED`}
        />
      ) : null}
      {keys.state === 'loading' ? (
        <Spinner label={keys.waiting ? 'Checking the existing keys…' : 'Reading the existing keys…'} />
      ) : null}
      {keys.state === 'failed' ? (
        <Warning text={`Could not read the existing keys (${keys.error}); the create step checks again.`} />
      ) : null}
    </Question>
  );
}
