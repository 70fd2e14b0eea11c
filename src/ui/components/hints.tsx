/** The dim line of keys that work on this screen. */
import { Text } from 'ink';
import { colors } from '../../term/style';

export function Hints({ keys }: { keys: [string, string][] }) {
  return <Text color={colors.muted}>{keys.map(([key, what]) => `${key} ${what}`).join(' · ')}</Text>;
}
