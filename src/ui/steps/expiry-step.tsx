/** Step 3: the expiry. Presets (six months is the default) or a date of your own. */
import { Box, Text } from 'ink';
import { formatDaysFromNow, formatUtc, parseExpiry, PRESETS, resolvePreset } from '../../domain/expiry';
import type { WizardState } from '../../wizard/state';
import { Field, Question } from '../components/question';
import { colors, figures } from '../../style';
import { padEnd } from '../text';

function localTime(date: Date): string {
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function ExpiryStep({ state }: { state: WizardState }) {
  const { expiry, now } = state;
  const custom = PRESETS.length;
  const typed = expiry.editing && expiry.text.trim() !== '' ? parseExpiry(expiry.text, now) : undefined;
  const highlighted = expiry.cursor < custom ? resolvePreset(PRESETS[expiry.cursor]!.id, now) : typed?.ok ? typed.date : undefined;
  return (
    <Question title="When should the key expire?" error={expiry.error} hints={expiry.editing ? [['Enter', 'use this date'], ['Esc', 'presets']] : [['↑↓', 'move'], ['Enter', 'choose'], ['Esc', 'back']]}>
      <Box flexDirection="column">
        {PRESETS.map((preset, i) => {
          const selected = i === expiry.cursor && !expiry.editing;
          const end = resolvePreset(preset.id, now);
          return (
            <Text key={preset.id} color={selected ? colors.accent : undefined}>
              {selected ? `${figures.pointer} ` : '  '}
              {padEnd(preset.label, 9)} {formatUtc(end)}
              <Text color={colors.muted}>{preset.id === '6mo' ? '  (default)' : ''}{preset.id === '2y' ? '  (the longest allowed)' : ''}</Text>
            </Text>
          );
        })}
        <Text color={expiry.cursor === custom ? colors.accent : undefined}>
          {expiry.cursor === custom ? `${figures.pointer} ` : '  '}A date of your own…
        </Text>
      </Box>
      {expiry.editing ? (
        <Box flexDirection="column">
          <Field value={expiry.text} placeholder="2027-05-01, 45d, 9mo or 2027-05-01T12:00:00Z" />
        </Box>
      ) : null}
      {highlighted ? (
        <Text color={colors.muted}>
          {typed?.ok ? `${formatUtc(highlighted)} · ` : ''}Local time {localTime(highlighted)} · {formatDaysFromNow(highlighted, now)}
        </Text>
      ) : null}
      {typed && !typed.ok && !expiry.error ? <Text color={colors.muted}>{typed.problem}</Text> : null}
    </Question>
  );
}
