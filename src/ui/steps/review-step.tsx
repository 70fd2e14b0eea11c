/** Step 5: what is about to happen, CREATE or REPLACE (which needs an explicit y). */
import { Box, Text } from 'ink';
import { formatUtc } from '../../domain/expiry';
import { formatDaysFromNow } from '../../domain/expiry-words';
import type { ApiKey, Deployment } from '../../port/gateway';
import type { StateAt } from '../../wizard/state';
import { existingKey, permissionWarning } from '../../wizard/selectors';
import { hintsNow } from '../../wizard/step-table';
import { EXPIRING_FROM_THE_START_WORDS, expiringFromTheStart } from '../../domain/readiness';
import { Question } from '../components/question';
import { Said, Warning } from '../components/said';
import { colors, figures } from '../../term/style';

const LABEL_WIDTH = 17;

export interface ReviewViewProps {
  deployment: Pick<Deployment, 'name' | 'resourceGroup' | 'subscriptionId' | 'subscriptionName' | 'location'>;
  name: string;
  endDateTime: Date;
  generated: boolean;
  existing?: ApiKey;
  replaceConfirmed: boolean;
  error?: string;
  /** ARM said in advance that the create will be refused. */
  refusal?: string;
  now: Date;
  /** The step's keys (its keymap), as the hint line draws them. */
  hints: [string, string][];
}

/** Undefined until an expiry is chosen (the review cannot show before). */
export function reviewView(state: StateAt<'review'>): ReviewViewProps | undefined {
  const { deployment } = state;
  const endDateTime = state.expiry.chosen;
  if (!endDateTime) return undefined;
  const existing = existingKey(state);
  const refusal = permissionWarning(state, 'write');
  return {
    deployment,
    name: state.name,
    endDateTime,
    generated: state.secretGenerated,
    replaceConfirmed: state.replaceConfirmed,
    now: state.now,
    hints: hintsNow(state),
    existing,
    error: state.reviewError,
    refusal,
  };
}

export function ReviewStep({
  deployment: d,
  name,
  endDateTime,
  generated,
  existing,
  replaceConfirmed,
  error,
  refusal,
  now,
  hints,
}: ReviewViewProps) {
  const rows: [string, string][] = [
    // The id on a row of its own: beside the name it wrapped at 60 columns.
    ['Subscription', d.subscriptionName ?? d.subscriptionId],
    ...(d.subscriptionName ? ([['Subscription ID', d.subscriptionId]] as [string, string][]) : []),
    ['Resource group', d.resourceGroup],
    ['Deployment', `${d.name} (${d.location})`],
    ['Key name', name],
    ['Expires', `${formatUtc(endDateTime)} (${formatDaysFromNow(endDateTime, now)})`],
    ['Key', generated ? 'generated UUIDv4, shown after creation' : 'the one you typed'],
  ];
  return (
    <Question title="Review" error={error} hints={hints}>
      <Box flexDirection="column" marginLeft={2}>
        {rows.map(([label, value]) => (
          <Text key={label}>
            <Text color={colors.muted}>{label.padEnd(LABEL_WIDTH)}</Text>
            {value}
          </Text>
        ))}
        <Text>
          <Text color={colors.muted}>{'Action'.padEnd(LABEL_WIDTH)}</Text>
          {existing ? (
            <Text color={colors.warning} bold>
              REPLACE the existing key (hint {existing.hint}){replaceConfirmed ? ` ${figures.pass} confirmed` : ''}
            </Text>
          ) : (
            <Text color={colors.success} bold>
              CREATE a new key
            </Text>
          )}
        </Text>
      </Box>
      {expiringFromTheStart(endDateTime, now) ? <Warning text={`${EXPIRING_FROM_THE_START_WORDS}.`} /> : null}
      {refusal ? <Said mark={figures.warning} role="danger" text={refusal} /> : null}
      {existing && !replaceConfirmed ? (
        <Warning text="Replacing stops everything that uses the old key. Type y to confirm." />
      ) : null}
    </Question>
  );
}
