/**
 * Step 3: the expiry. Presets (six months is the default) or a date of your own. The key
 * console's new expiry (e) is the same question with its own title and lines around it.
 */
import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { formatUtc, LONGEST_WHY, parseExpiry, PRESETS, resolvePreset } from '../../domain/expiry';
import { formatDaysFromNow, formatLocal } from '../../domain/expiry-words';
import type { ExpiryState, WizardState } from '../../wizard/state';
import { hintsNow } from '../../wizard/step-table';
import { Field, Question } from '../components/question';
import { Problem, Words } from '../components/said';
import { colors, figures } from '../../term/style';
import { padEnd } from '../../term/text-width';

export interface ExpiryViewProps {
  expiry: Pick<ExpiryState, 'cursor' | 'editing' | 'text' | 'error'>;
  now: Date;
  caretBack?: number;
  /** The step's keys (its keymap), as the hint line draws them. */
  hints: [string, string][];
}

/** Where the question is asked for another purpose than a new key. */
export interface ExpiryFrame {
  title?: string;
  /** Said under the title (the key and its current expiry). */
  context?: ReactNode;
  /** Said under the choice (the request in flight, or why it failed). */
  footer?: ReactNode;
}

export function expiryView(state: WizardState): ExpiryViewProps {
  const { cursor, editing, text, error } = state.expiry;
  return {
    expiry: { cursor, editing, text, error },
    now: state.now,
    caretBack: state.caretBack,
    hints: hintsNow(state),
  };
}

export function ExpiryStep({ expiry, now, caretBack, hints, title, context, footer }: ExpiryViewProps & ExpiryFrame) {
  const custom = PRESETS.length;
  const typed = expiry.editing && expiry.text.trim() !== '' ? parseExpiry(expiry.text, now) : undefined;
  const preset = PRESETS[expiry.cursor];
  const highlighted = preset ? resolvePreset(preset.id, now) : typed?.ok ? typed.date : undefined;
  return (
    <Question title={title ?? 'When should the key expire?'} error={expiry.error} hints={hints}>
      {context}
      <Box flexDirection="column" aria-role="radiogroup">
        {PRESETS.map((p, i) => {
          const selected = i === expiry.cursor && !expiry.editing;
          const spoken = `${p.label}: ${formatUtc(resolvePreset(p.id, now))}${p.id === '6mo' ? ', the default' : ''}${p.id === '2y' ? ', the longest allowed' : ''}`;
          return (
            <Box key={p.id} aria-role="radio" aria-state={{ checked: selected }} aria-label={spoken}>
              <Text color={selected ? colors.accent : undefined}>
                {selected ? `${figures.pointer} ` : '  '}
                {padEnd(p.label, 9)} {formatUtc(resolvePreset(p.id, now))}
                <Text color={colors.muted}>
                  {p.id === '6mo' ? '  (default)' : ''}
                  {p.id === '2y' ? '  (the longest allowed)' : ''}
                </Text>
              </Text>
            </Box>
          );
        })}
        <Box aria-role="radio" aria-state={{ checked: expiry.cursor === custom }} aria-label="a date of your own">
          <Text color={expiry.cursor === custom ? colors.accent : undefined}>
            {expiry.cursor === custom ? `${figures.pointer} ` : '  '}A date of your own…
          </Text>
        </Box>
      </Box>
      {expiry.editing ? (
        <Box flexDirection="column">
          <Field
            value={expiry.text}
            caretBack={caretBack ?? 0}
            placeholder="2027-05-01, 45d, 9mo or 2027-05-01T12:00:00Z"
          />
        </Box>
      ) : null}
      {highlighted ? (
        <Words
          role="muted"
          text={`${typed?.ok ? `${formatUtc(highlighted)} · ` : ''}${formatLocal(highlighted) ? `local ${formatLocal(highlighted)} · ` : ''}${formatDaysFromNow(highlighted, now)}`}
        />
      ) : null}
      {preset?.id === '2y' && !expiry.editing ? <Text color={colors.muted}>{LONGEST_WHY}</Text> : null}
      {typed && !typed.ok && !expiry.error ? <Problem text={typed.problem} /> : null}
      {footer}
    </Question>
  );
}
