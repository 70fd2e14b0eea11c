/** The line of a windowed list that says how many rows are out of view above or below it. */
import { Text } from 'ink';
import { colors } from '../../term/style';

export function More({ count, direction }: { count: number; direction: 'up' | 'down' }) {
  if (count <= 0) return null;
  return <Text color={colors.muted} wrap="truncate-end">{`  ${direction === 'up' ? '↑' : '↓'} ${count} more`}</Text>;
}
