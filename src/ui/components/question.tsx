/** One question: "? Title", then its body, then an optional one-line error. */
import { type ReactNode } from 'react';
import { Box, Text } from 'ink';
import { colors, figures } from '../../style';
import { Hints } from './hints';

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
      <Text>
        <Text color={colors.accent}>{figures.question}</Text> <Text bold>{title}</Text>
      </Text>
      {children}
      {error ? (
        <Text color={colors.danger}>
          {figures.fail} {error}
        </Text>
      ) : null}
      {hints ? <Hints keys={hints} /> : null}
    </Box>
  );
}

/** A single-line field with a visible cursor block. */
export function Field({ value, placeholder }: { value: string; placeholder?: string }) {
  return (
    <Text>
      <Text color={colors.accent}>{figures.pointer} </Text>
      {value === '' && placeholder ? <Text color={colors.muted}>{placeholder}</Text> : value}
      <Text inverse> </Text>
    </Text>
  );
}
