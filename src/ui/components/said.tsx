/**
 * The one way the full-screen wizard says a message — a refusal (✖), a warning (⚠), something done
 * (✔), a note (ℹ), a question's title (?), what a spinner waits for: a mark, then words wrapped by
 * us (term/text-width messageLines) under their own start, within the frame's width, never by the
 * terminal; no blank line inside it; a word, a path or a date never split (a path wider than the
 * frame is cut in its middle, on a line of its own). A screen reader hears the message as one line,
 * its mark said in a word.
 */
import { Box, Text } from 'ink';
import { colors, figures, type Role } from '../../term/style';
import stringWidth from '../../term/display-width';
import { messageLines, startsBare } from '../../term/text-width';
import { useFrameWidth } from './frame';

/** What a mark says to a screen reader, by its role. */
const SPOKEN: Partial<Record<Role, string>> = { danger: 'error:', warning: 'warning:', success: 'done:' };

export interface SaidProps {
  mark: string;
  role: Role;
  text: string;
  /** Columns before the mark (a line inside a panel). */
  indent?: number;
  bold?: boolean;
  /** The words in the terminal's own colour, only the mark in the role's. */
  plainWords?: boolean;
  /** What a screen reader hears instead of the mark's word. */
  spoken?: string;
}

export function Said({ mark, role, text, indent = 0, bold = false, plainWords = false, spoken }: SaidProps) {
  const width = useFrameWidth();
  const markWidth = stringWidth(mark) + 1;
  const lines = messageLines(text, width - indent - markWidth);
  const pad = ' '.repeat(indent);
  const wordsColor = plainWords ? undefined : colors[role];
  const heard = [spoken ?? SPOKEN[role], text].filter(Boolean).join(' ');
  return (
    <Box flexDirection="column" aria-label={heard}>
      {(lines.length > 0 ? lines : ['']).map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {startsBare(lines[i - 1]) ? '' : pad}
          <Text color={colors[role]}>
            {i === 0 ? `${mark} ` : startsBare(lines[i - 1]) ? '' : ' '.repeat(markWidth)}
          </Text>
          <Text color={wordsColor} bold={bold}>
            {line}
          </Text>
        </Text>
      ))}
    </Box>
  );
}

/** A refusal: ✖ and the reason in the danger colour. */
export function Problem({ text, indent }: { text: string; indent?: number }) {
  return <Said mark={figures.fail} role="danger" text={text} indent={indent} />;
}

/** A warning: ⚠ and the words in the warning colour. */
export function Warning({ text, indent }: { text: string; indent?: number }) {
  return <Said mark={figures.warning} role="warning" text={text} indent={indent} />;
}

/** Something done: ✔ and the words in the success colour. */
export function Done({ text, indent }: { text: string; indent?: number }) {
  return <Said mark={figures.pass} role="success" text={text} indent={indent} />;
}

/** Words with no mark, wrapped the same way, starting `indent` columns in. */
export function Words({ text, indent = 0, role }: { text: string; indent?: number; role?: Role }) {
  const width = useFrameWidth();
  const lines = messageLines(text, width - indent);
  return (
    <Box flexDirection="column" aria-label={text}>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end" color={role ? colors[role] : undefined}>
          {startsBare(lines[i - 1]) ? '' : ' '.repeat(indent)}
          {line}
        </Text>
      ))}
    </Box>
  );
}
