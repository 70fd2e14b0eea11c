/** One question: "? Title", then its body, then an optional one-line error. */
import { type ReactNode } from 'react';
import { Box, Text } from 'ink';
import { colors, figures, REVERSE, REVERSE_OFF } from '../../term/style';
import { Hints } from './hints';
import { Problem, Said } from './said';

export function Question({
  title,
  children,
  error,
  hints,
}: {
  title: string;
  children?: ReactNode;
  error?: string | undefined;
  hints?: [string, string][];
}) {
  return (
    <Box flexDirection="column">
      <Said mark={figures.question} role="accent" text={title} bold plainWords spoken="" />
      {children}
      {error ? <Problem text={error} /> : null}
      {hints ? <Hints keys={hints} /> : null}
    </Box>
  );
}

/**
 * The caret as reverse video written out, not through Ink's `inverse`, which follows the colour
 * setting: NO_COLOR asks for no colour, and reverse video is not a colour — without it ← and →
 * moved a caret nobody could see (the wizard hides the terminal's own cursor).
 */
function caretBlock(under: string) {
  return <Text>{`${REVERSE}${under}${REVERSE_OFF}`}</Text>;
}

/**
 * A single-line field with its caret drawn as an inverse block. `caretBack` counts characters
 * from the end. A value longer than the line loses its start, never the caret's end of it.
 */
export function Field({
  value,
  caretBack = 0,
  placeholder,
  spoken,
}: {
  value: string;
  caretBack?: number;
  placeholder?: string;
  /** What a screen reader hears instead of the drawn field and its caret. */
  spoken?: string;
}) {
  const chars = Array.from(value);
  const at = chars.length - Math.min(Math.max(caretBack, 0), chars.length);
  const under = chars[at] ?? ' ';
  return (
    <Text
      // Typing, the end (where the caret is) stays in view; empty, the pointer and the start of
      // the placeholder do: cut at its start, an offer reads '…Enter to generate one'.
      wrap={value === '' && placeholder ? 'truncate-end' : 'truncate-start'}
      aria-label={spoken ?? (value === '' ? `empty${placeholder ? `; ${placeholder}` : ''}` : `typed: ${value}`)}
    >
      <Text color={colors.accent}>{figures.pointer} </Text>
      {value === '' && placeholder ? <Text color={colors.muted}>{placeholder}</Text> : chars.slice(0, at).join('')}
      {caretBlock(under)}
      {chars.slice(at + 1).join('')}
    </Text>
  );
}
