/**
 * Step 7: the reveal panel. The key is masked (hint visible) until `r`; it hides again after
 * 30 seconds; `c` copies it. The endpoint, its …/nplus form and what NLK and nginx-asg-sync need.
 */
import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { apiKeyHeaderValue, nplusUrl } from '../../domain/endpoint';
import { formatDaysFromNow, formatLocal, formatUtc } from '../../domain/expiry';
import { maskSecret } from '../../domain/secret';
import type { ApiKey, VerifyResult } from '../../port/gateway';
import { REVEAL_SECONDS, type HandoffMenu, type WithCreatedKey } from '../../wizard/state';
import { HandoffMenuView, RotationLines, type RotationView } from './reveal-parts';
import { newKeyUnseen } from '../../wizard/steps/rotation';
import { consumerWords } from '../../wizard/consumer-words';
import { Hints } from '../components/hints';
import { Spinner } from '../components/spinner';
import { colors, figures } from '../../term/style';

export interface RevealViewProps {
  action: 'created' | 'replaced';
  /** Azure replaced a key that someone made after the review found the name free. */
  raced?: boolean;
  apiKey: ApiKey;
  deploymentName: string;
  endpoint: string;
  secret: string;
  /** The key is drawn in the clear (never in the last frame). */
  shown: boolean;
  secondsLeft: number;
  verify?: VerifyResult | 'pending';
  copyMessage?: string;
  notice?: string;
  /** The hand-off menu, when open (h). */
  handoff?: HandoffMenu;
  /** The hand-offs done, each with its next step. */
  handedOff: { said: string; nextLines?: string[] }[];
  /** The question came from Ctrl+C: a second one leaves at once. */
  ctrlCAgainLeaves?: boolean;
  /** What the last line offers: the keys, the "saved?" question, a delete in flight, or nothing. */
  prompt: 'keys' | 'asking' | 'deleting' | 'none';
  now: Date;
  caretBack?: number;
  /** A rotation from the console: the key this one replaces, and how far it has got. */
  rotation?: RotationView;
}

/** The panel of the key created: at its step, and in the last frame after the wizard ends. */
export function revealView(state: WithCreatedKey): RevealViewProps {
  const { result, deployment, reveal } = state;
  const finished = state.exitCode !== undefined;
  const shown = reveal.shown && !finished;
  const secondsLeft =
    reveal.shownAt === undefined
      ? REVEAL_SECONDS
      : Math.max(0, REVEAL_SECONDS - Math.floor((state.now.getTime() - reveal.shownAt) / 1000));
  return {
    action: result.created ? 'created' : 'replaced',
    ...(result.raced ? { raced: true } : {}),
    apiKey: result.key,
    deploymentName: deployment.name,
    endpoint: deployment.dataplaneApiEndpoint ?? '',
    secret: state.secret,
    shown,
    secondsLeft,
    prompt: finished ? 'none' : reveal.deleting ? 'deleting' : reveal.askingToLeave ? 'asking' : 'keys',
    now: state.now,
    caretBack: state.caretBack,
    ...(state.rotation
      ? {
          rotation: {
            old: state.rotation.old.name,
            stage: state.rotation.stage,
            ...(state.rotation.problem ? { problem: state.rotation.problem } : {}),
            unseen: newKeyUnseen(state),
            ...(consumerWords(state) ? { consumers: consumerWords(state) } : {}),
          },
        }
      : {}),
    ...(reveal.verify ? { verify: reveal.verify } : {}),
    ...(reveal.copyMessage ? { copyMessage: reveal.copyMessage } : {}),
    ...(reveal.notice && !finished ? { notice: reveal.notice } : {}),
    ...(reveal.handoff && !finished ? { handoff: reveal.handoff } : {}),
    handedOff: reveal.handedOff,
    ...(reveal.askedByCtrlC ? { ctrlCAgainLeaves: true } : {}),
  };
}

function Row({ label, children }: { label: string; children?: ReactNode }) {
  return (
    <Text wrap="truncate-end">
      {'  '}
      <Text color={colors.muted}>{label.padEnd(10)}</Text>
      {children}
    </Text>
  );
}

/**
 * A URL or a key: alone on its line, indented two columns, never cut or joined to a label, so
 * that a copy from the terminal takes it whole.
 */
function Whole({ children, color, bold }: { children: string; color?: string | undefined; bold?: boolean }) {
  return (
    <Text color={color} bold={bold}>
      {`  ${children}`}
    </Text>
  );
}

/** What the integrations take, when no hand-off menu is open: the names, never a URL again. */
function IntegrationHints({ header }: { header: string }) {
  return (
    <Box flexDirection="column">
      <Text bold>For NLK (Helm values)</Text>
      <Text wrap="truncate-end">{'  nlk.dataplaneApiKey=<the key>'}</Text>
      <Text wrap="truncate-end">{'  nlk.config.nginxHosts=<the nplus URL>'}</Text>
      <Text bold>For nginx-asg-sync (config.yaml)</Text>
      <Text wrap="truncate-end">{'  api_endpoint: <the nplus URL>'}</Text>
      <Text wrap="truncate-end">{'  Authorization header:'}</Text>
      <Whole>{`  ${header}`}</Whole>
    </Box>
  );
}

/** Below this many rows the integrations' names give way to one line: the key must stay in view. */
const ROWS_FOR_HINTS = 23;

export function RevealStep(props: RevealViewProps & { rows?: number }) {
  const { apiKey: key, endpoint, shown, verify } = props;
  const nplus = endpoint ? nplusUrl(endpoint) : '';
  const keyText = shown ? props.secret : maskSecret(props.secret);
  const header = shown ? apiKeyHeaderValue(props.secret) : 'ApiKey <base64 of the key>';
  const last = props.handedOff.at(-1);
  const local = formatLocal(key.endDateTime);
  return (
    <Box flexDirection="column">
      <Text color={colors.success} bold wrap="truncate-end">
        {figures.pass} {props.action === 'created' ? 'Created' : 'Replaced'} key '{key.name}' on {props.deploymentName}
        {props.rotation ? ` to replace '${props.rotation.old}'` : ''}
      </Text>
      {props.raced ? (
        <Text color={colors.danger} bold wrap="truncate-end">
          {figures.warning} It replaced a key someone made meanwhile.
        </Text>
      ) : null}
      <Row label="Key">
        <Text color={colors.muted}>{shown ? `shown (hides in ${props.secondsLeft} s)` : 'masked (r shows it)'}</Text>
      </Row>
      <Whole color={shown ? colors.secret : undefined} bold={shown}>
        {keyText}
      </Whole>
      <Row label="Hint">{key.hint}</Row>
      <Row label="Expires">{`${formatUtc(key.endDateTime)} (${formatDaysFromNow(key.endDateTime, props.now)})`}</Row>
      {/* On a row of its own: beside the UTC time it would not fit 60 columns in Chatham or Kolkata. */}
      {local ? <Row label="Local">{local}</Row> : null}
      <Row label="Endpoint">
        <Text color={colors.muted}>the dataplane API</Text>
      </Row>
      <Whole>{endpoint}</Whole>
      <Row label="nplus">
        <Text color={colors.muted}>what NLK and nginx-asg-sync take</Text>
      </Row>
      <Whole>{nplus}</Whole>
      {props.handoff ? (
        <HandoffMenuView menu={props.handoff} caretBack={props.caretBack ?? 0} rows={props.rows ?? 24} />
      ) : last ? null : (props.rows ?? 24) >= ROWS_FOR_HINTS && !props.rotation ? (
        <IntegrationHints header={header} />
      ) : (
        <Text wrap="truncate-end">
          <Text bold>h</Text> hands it to NLK, nginx-asg-sync, a .env file or Key Vault
        </Text>
      )}
      {props.handedOff.map((done) => (
        <Text key={done.said} color={colors.success} wrap="truncate-end">
          {figures.pass} {done.said}
        </Text>
      ))}
      {/* Only the latest hand-off's next step: the panel must stay within 24 rows. */}
      {!props.handoff && last ? (last.nextLines ?? []).map((line) => <Text key={line}>{`  ${line}`}</Text>) : null}
      {verify === 'pending' ? <Spinner label="Checking the key against the dataplane…" /> : null}
      {verify && verify !== 'pending' && verify.ok ? (
        <Text color={colors.success}>
          {figures.pass} The dataplane accepted the key (GET /packages: {verify.status}).
        </Text>
      ) : null}
      {verify && verify !== 'pending' && !verify.ok ? (
        <Text color={colors.warning}>
          {figures.warning} Could not confirm the key on the dataplane yet: {verify.message}
        </Text>
      ) : null}
      {props.copyMessage ? <Text color={colors.accent}>{props.copyMessage}</Text> : null}
      {props.notice ? (
        <Text color={colors.warning}>
          {figures.warning} {props.notice}
        </Text>
      ) : null}
      <Text color={colors.warning}>{figures.warning} The only time the key can be seen: Azure keeps its hint.</Text>
      {props.rotation && !props.handoff ? <RotationLines rotation={props.rotation} fresh={key.name} /> : null}
      {props.prompt === 'deleting' ? <Spinner label={`Deleting key '${key.name}'…`} /> : null}
      {props.prompt === 'asking' ? (
        <Text color={colors.accent} bold>
          {figures.question} Have you saved the key? y yes · n stay · d delete it
          {props.ctrlCAgainLeaves ? ' (Ctrl+C again: leave now)' : ''}
        </Text>
      ) : null}
      {props.prompt === 'keys' &&
      !props.handoff &&
      props.rotation?.stage === 'shown' &&
      !props.rotation.consumers?.holdsKeys ? (
        <Hints
          keys={[
            ['r', shown ? 'hide' : 'show'],
            ['c', 'copy'],
            ['h', 'hand off'],
            ['Enter', 'switched'],
            ['Esc', 'stop'],
          ]}
        />
      ) : null}
      {props.prompt === 'keys' && !props.handoff && !props.rotation ? (
        <Hints
          keys={[
            ['r', shown ? 'hide' : 'show'],
            ['c', 'copy'],
            ['h', 'hand off'],
            ['q', 'leave'],
          ]}
        />
      ) : null}
    </Box>
  );
}
