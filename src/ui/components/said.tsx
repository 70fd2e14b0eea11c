/**
 * A line that says something with a mark in front (✖ a refusal, ⚠ a warning, ✔ done): where the
 * terminal is narrow it wraps under its own first word, not under the mark, and a date and time
 * is never split across lines (their spaces do not break).
 */
import { Box, Text } from 'ink';
import { colors, figures, type Role } from '../../term/style';
import { datesUnbroken } from '../../term/text-width';

export function Said({ mark, role, text }: { mark: string; role: Role; text: string }) {
  return (
    <Box>
      <Text color={colors[role]}>{mark} </Text>
      <Box flexShrink={1}>
        <Text color={colors[role]}>{datesUnbroken(text)}</Text>
      </Box>
    </Box>
  );
}

/** A refusal: ✖ and the reason in the danger colour. */
export function Problem({ text }: { text: string }) {
  return <Said mark={figures.fail} role="danger" text={text} />;
}
