/**
 * Step 7: the reveal panel. The key is masked (hint visible) until `r`; it hides again after
 * 30 seconds; `c` copies it. The endpoint, its …/nplus form and what NLK and nginx-asg-sync need.
 */
import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { apiKeyHeaderValue, nplusUrl } from '../../domain/endpoint';
import { isCommandLine } from '../../domain/handoff';
import { formatUtc } from '../../domain/expiry';
import { formatDaysFromNow, formatLocal } from '../../domain/expiry-words';
import { maskSecret } from '../../domain/secret';
import type { ApiKey, VerifyResult } from '../../port/gateway';
import { REVEAL_SECONDS, type HandoffMenu, type WithCreatedKey } from '../../wizard/state';
import { HandoffMenuView, RotationLines, type RotationView } from './reveal-parts';
import { askingText, createdText, givingWay, H_LINE, SAVE_NOW, showsHints, verifyText } from './reveal-layout';

import { heldByNoOne, newKeyUnseen } from '../../wizard/steps/reveal';
import { hintsNow } from '../../wizard/step-table';
import { consumerWords } from '../../wizard/consumer-words';
import { Hints } from '../components/hints';
import { Spinner } from '../components/spinner';
import { Done, Said, Warning, Words } from '../components/said';
import { useFrameWidth } from '../components/frame';
import { cutMiddle } from '../../term/text-width';
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
  /** A generated key that has not left the panel: leaving deletes it again (custody). */
  unheld?: true | 'unsure';
  /** What the last line offers: the keys, the "saved?" question, a delete in flight, or nothing. */
  prompt: 'keys' | 'asking' | 'deleting' | 'none';
  now: Date;
  caretBack?: number;
  /** A rotation from the console: the key this one replaces, and how far it has got. */
  rotation?: RotationView;
  /** The panel's keys (its keymap) for what is on it now, as the hint line draws them. */
  hints: [string, string][];
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
    raced: result.raced ? true : undefined,
    apiKey: result.key,
    deploymentName: deployment.name,
    endpoint: deployment.dataplaneApiEndpoint ?? '',
    secret: state.secret,
    shown,
    secondsLeft,
    prompt: finished ? 'none' : reveal.deleting ? 'deleting' : reveal.askingToLeave ? 'asking' : 'keys',
    now: state.now,
    caretBack: state.caretBack,
    hints: finished ? [] : hintsNow(state),
    rotation: state.rotation && {
      old: state.rotation.old.name,
      stage: state.rotation.stage,
      problem: state.rotation.problem,
      unseen: newKeyUnseen(state),
      consumers: consumerWords(state),
      finishing: state.rotation.leaving === true,
    },
    verify: reveal.verify,
    copyMessage: reveal.copyMessage,
    notice: reveal.notice && !finished ? reveal.notice : undefined,
    handoff: reveal.handoff && !finished ? reveal.handoff : undefined,
    handedOff: reveal.handedOff,
    ctrlCAgainLeaves: reveal.askedByCtrlC ? true : undefined,
    unheld: heldByNoOne(state) ? (reveal.copiedUnsure ? 'unsure' : true) : undefined,
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
function Whole({
  children,
  color,
  bold,
  spoken,
}: {
  children: string;
  color?: string | undefined;
  bold?: boolean;
  /** What a screen reader hears: the whole token (never the cut one), or words for a masked key. */
  spoken?: string;
}) {
  // Wider than the frame, it is cut in its middle, never split over rows: a URL torn at the edge
  // would be copied torn. c copies the key and h writes the URLs whole to a file.
  const width = useFrameWidth();
  return (
    <Text color={color} bold={bold} wrap="truncate-end" aria-label={spoken ?? children}>
      {`  ${cutMiddle(children, width - 2)}`}
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

export function RevealStep(props: RevealViewProps & { rows?: number }) {
  const { apiKey: key, endpoint, shown, verify } = props;
  const nplus = endpoint ? nplusUrl(endpoint) : '';
  const keyText = shown ? props.secret : maskSecret(props.secret);
  const header = shown ? apiKeyHeaderValue(props.secret) : 'ApiKey <base64 of the key>';
  const last = props.handedOff.at(-1);
  const width = useFrameWidth();
  const gone = givingWay(props, width, props.rows ?? 24);
  const local = gone.has('local') ? undefined : formatLocal(key.endDateTime);
  const shownDone = gone.has('olderDone') ? props.handedOff.slice(-1) : props.handedOff;
  return (
    <Box flexDirection="column">
      <Said mark={figures.pass} role="success" bold text={createdText(props)} />
      {props.raced ? (
        <Said mark={figures.warning} role="danger" bold text="It replaced a key someone made meanwhile." />
      ) : null}
      {gone.has('keyRow') ? null : (
        <Row label="Key">
          <Text color={colors.muted}>{shown ? `shown (hides in ${props.secondsLeft} s)` : 'masked (r shows it)'}</Text>
        </Row>
      )}
      <Whole
        color={shown ? colors.secret : undefined}
        bold={shown}
        spoken={shown ? `the key: ${keyText}` : `the key, masked: its hint ${key.hint}, the rest hidden`}
      >
        {keyText}
      </Whole>
      <Row label="Hint">{key.hint}</Row>
      <Row label="Expires">{`${formatUtc(key.endDateTime)} (${formatDaysFromNow(key.endDateTime, props.now)})`}</Row>
      {/* On a row of its own: beside the UTC time it would not fit 60 columns in Chatham or Kolkata. */}
      {local ? <Row label="Local">{local}</Row> : null}
      {gone.has('labels') ? null : (
        <Row label="Endpoint">
          <Text color={colors.muted}>the dataplane API</Text>
        </Row>
      )}
      <Whole>{endpoint}</Whole>
      {gone.has('labels') ? null : (
        <Row label="nplus">
          <Text color={colors.muted}>what NLK and nginx-asg-sync take</Text>
        </Row>
      )}
      <Whole>{nplus}</Whole>
      {props.handoff ? (
        <HandoffMenuView
          menu={props.handoff}
          caretBack={props.caretBack ?? 0}
          rows={props.rows ?? 24}
          hints={props.hints}
        />
      ) : last ? null : !gone.has('integrations') && !props.rotation ? (
        <IntegrationHints header={header} />
      ) : gone.has('hLine') ? null : (
        <Said mark="h" role="accent" plainWords spoken="h" text={H_LINE} />
      )}
      {shownDone.map((done) => (
        <Done key={done.said} text={done.said} />
      ))}
      {/* Only the latest hand-off's next step: a command laid out as a shell reads it, never cut. */}
      {!props.handoff && last
        ? (last.nextLines ?? []).map((line) =>
            isCommandLine(line) || !gone.has('nextWords') ? <Words key={line} indent={2} text={line} /> : null,
          )
        : null}
      {verify === 'pending' ? <Spinner label="Checking the key against the dataplane…" /> : null}
      {verify && verify !== 'pending' && verify.ok ? <Done text={verifyText(verify)} /> : null}
      {verify && verify !== 'pending' && !verify.ok ? <Warning text={verifyText(verify)} /> : null}
      {props.copyMessage ? <Words role="accent" text={props.copyMessage} /> : null}
      {props.notice ? <Warning text={props.notice} /> : null}
      <Warning text={SAVE_NOW} />
      {props.rotation && !props.handoff ? (
        <RotationLines rotation={props.rotation} fresh={key.name} hints={props.hints} />
      ) : null}
      {props.prompt === 'deleting' ? <Spinner label={`Deleting key '${key.name}'…`} /> : null}
      {props.prompt === 'asking' ? (
        <Said mark={figures.question} role="accent" bold spoken="" text={askingText(props)} />
      ) : null}
      {showsHints(props) ? <Hints keys={props.hints} /> : null}
    </Box>
  );
}
