/**
 * The dim line of keys that work on this screen, on one line whatever the width: where the usual
 * form does not fit, the separators narrow, then the paging keys' hint goes, then the arrows'
 * (the one nobody needs).
 */
import { Text } from 'ink';
import { useFrameWidth } from './frame';
import { colors } from '../../term/style';
import stringWidth from '../../term/display-width';

export function hintLine(keys: [string, string][], columns: number): string {
  const words = (list: [string, string][]) => list.map(([key, what]) => `${key} ${what}`);
  const withoutPaging = keys.filter(([key]) => !key.startsWith('PgUp'));
  const withoutArrows = withoutPaging.filter(([key]) => !key.includes('↑'));
  const forms = [
    words(keys).join(' · '),
    words(keys).join('  '),
    words(withoutPaging).join('  '),
    words(withoutArrows).join('  '),
  ];
  return forms.find((form) => stringWidth(form) <= columns) ?? (forms[forms.length - 1] as string);
}

export function Hints({ keys }: { keys: [string, string][] }) {
  const width = useFrameWidth();
  return (
    <Text color={colors.muted} wrap="truncate-end">
      {hintLine(keys, width)}
    </Text>
  );
}
