/**
 * `nginxaas-keys create`: every check (deployment, name, expiry, key policy, where a generated
 * key goes) before any request; then the one create path, so an existing key is replaced only
 * with --replace and a lost answer never loses the key.
 */
import { flag, type Values } from '../cli-options';
import { EXIT } from '../io';
import type { CommandDeps } from './deps';
import {
  cancelledAfterIssue,
  issueNewKey,
  issuedDocument,
  parseNewKeyOptions,
  readSecret,
  readyDeployment,
  reportIssuedText,
  type NewKeyOptions,
} from './new-key';
import { parseKeyName, parseTarget, type TargetOptions } from './target';

export interface CreateOptions {
  target: TargetOptions;
  name: string;
  key: NewKeyOptions;
  replace: boolean;
  json: boolean;
}

export function parseCreateOptions(values: Values, now: Date): CreateOptions {
  const target = parseTarget(values);
  const name = parseKeyName(values);
  const key = parseNewKeyOptions(values, now);
  return { target, name, key, replace: flag(values, 'replace'), json: values.output === 'json' };
}

export async function runCreate(options: CreateOptions, deps: CommandDeps): Promise<number> {
  const { io } = deps;
  const secret = await readSecret(options.key, io);
  const deployment = await readyDeployment(deps, options.target);
  const issued = await issueNewKey(deps, deployment, options.name, options.key, secret, {
    replace: options.replace,
    remedy: 'Pass --replace to replace it.',
  });
  if (options.json)
    io.stdout.write(`${JSON.stringify(issuedDocument(deployment, options.key, issued, io.now()), null, 2)}\n`);
  else reportIssuedText(deployment, options.key, issued, io);
  return cancelledAfterIssue(options.key, issued, io) ? EXIT.cancelled : EXIT.ok;
}
