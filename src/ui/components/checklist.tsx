/** The key policy, live: every rule with ✔ or ✖ and words, never colour alone. */
import { Box, Text } from 'ink';
import { evaluate } from '../../domain/policy';
import { colors, figures } from '../../term/style';

export function Checklist({ secret }: { secret: string }) {
  const { rules } = evaluate(secret);
  return (
    <Box flexDirection="column" aria-role="list">
      {rules.map((rule) => (
        <Box
          key={rule.id}
          aria-role="listitem"
          aria-state={{ checked: rule.ok }}
          aria-label={`${rule.required ? '' : 'one of the kinds: '}${rule.label}${rule.detail ? ` (${rule.detail})` : ''}: ${rule.ok ? 'met' : 'not met'}`}
        >
          <Text color={rule.ok ? colors.success : rule.required ? colors.danger : colors.muted}>
            {rule.required ? '' : '    '}
            {rule.ok ? figures.pass : figures.fail} {rule.label}
            {rule.detail && (rule.id !== 'charset' || !rule.ok) ? (
              <Text color={colors.muted}> ({rule.detail})</Text>
            ) : null}
            {!rule.required ? <Text color={colors.muted}>{rule.ok ? ' — yes' : ' — no'}</Text> : null}
          </Text>
        </Box>
      ))}
    </Box>
  );
}
