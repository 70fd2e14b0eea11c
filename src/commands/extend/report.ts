/** What `extend` says once the key's new expiry stands: JSON or lines, the proof, the vault's stores. */
import { shortening } from '../../domain/expiry';
import { nplusUrl } from '../../domain/endpoint';
import type { Deployment } from '../../port/gateway';
import type { Extended } from '../../keys/extend-key';
import type { Proof } from '../../keys/prove-value';
import type { HandoffResult } from '../../keys/handoff';
import { figures } from '../../term/style';
import type { CommandDeps } from '../shared/deps';
import { stoppedJson } from '../shared/let-finish';
import { deploymentJson, describeDeployment, expiryText, keyJson } from '../shared/format';
import type { ExtendOptions } from './extend';

export function reportExtended(
  options: ExtendOptions,
  deps: CommandDeps,
  deployment: Deployment,
  extended: Extended,
  stored: HandoffResult[],
  proof: Proof | undefined,
): void {
  const { io } = deps;
  const now = io.now();
  const { key, previous } = extended;
  const proven = proof?.outcome === 'proven';
  if (options.json) {
    const endpoint = deployment.dataplaneApiEndpoint;
    const document = {
      ...keyJson(key, now),
      previousEndDateTime: previous.endDateTime.toISOString(),
      ...(endpoint ? { dataplaneApiEndpoint: endpoint, nplusEndpoint: nplusUrl(endpoint) } : {}),
      deployment: deploymentJson(deployment),
      valueSent: proven,
      ...(proof ? { proven, proof: { outcome: proof.outcome, said: proof.said } } : {}),
      ...(stored.length > 0 ? { handoffs: stored.map((s) => ({ kind: s.target.kind, ok: s.ok, said: s.said })) } : {}),
      ...stoppedJson(io),
    };
    io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  } else {
    const shorter = shortening(previous.endDateTime, key.endDateTime);
    const sooner = shorter ? `, ${shorter.words.replace('than it expires now', 'than before')}` : '';
    io.stdout.write(
      [
        `${io.out('success', figures.pass)} Key '${key.name}' on ${describeDeployment(deployment)} now expires ${expiryText(key.endDateTime, now)}${sooner}.`,
        `  was       ${expiryText(previous.endDateTime, now)}`,
        proven
          ? `  hint      ${key.hint} (the same secret, re-sent once proven: nothing that uses it needs to change)`
          : `  hint      ${key.hint} (only the expiry was sent, so the key keeps its secret: nothing that uses it needs to change)`,
        ...(proof ? [`  checked   ${proof.said}`] : []),
        '',
      ].join('\n'),
    );
  }
  if (proof?.outcome === 'unasked')
    io.stderr.write(
      `${io.err('warning', figures.warning)} The value given was not sent: it could not be proven to be '${key.name}' (${proof.said}). Only the expiry was.\n`,
    );
  for (const s of stored)
    io.stderr.write(
      s.ok
        ? `${io.err('success', figures.pass)} Key Vault: ${s.said}. ${(s.nextLines ?? []).join(' ')}\n`
        : `${io.err('danger', figures.fail)} Key Vault: ${s.said}. The key's new expiry stands; store it again with --emit once the vault answers.\n`,
    );
}
