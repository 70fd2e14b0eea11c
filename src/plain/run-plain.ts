/**
 * The plain mode (--plain, TERM=dumb): the wizard's questions as line prompts on
 * @inquirer/prompts, for screen readers and dumb terminals. No full-screen redraws. The same
 * domain rules and the same gateway as the wizard; the key is shown once, on request.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { filterDeployments } from '../domain/deployment-filter';
import { apiKeyHeaderValue, nplusUrl } from '../domain/endpoint';
import {
  checkExpiry,
  formatDaysFromNow,
  formatUtc,
  parseExpiry,
  PRESETS,
  resolvePreset,
  DEFAULT_PRESET,
} from '../domain/expiry';
import { checkKeyName } from '../domain/key-name';
import { EXPIRING_FROM_THE_START, expiringFromTheStart } from '../domain/readiness';
import { evaluate } from '../domain/policy';
import { keyCommand } from '../domain/resource-id';
import { generateUuidKey } from '../domain/secret';
import { GatewayError, type ApiKey, type Deployment, type Gateway } from '../port/gateway';
import { EXIT, type Io } from '../port/io';
import { createKey, racedWarning } from '../keys/create-key';
import { readiness } from '../wizard/selectors';
import type { WizardScope } from '../wizard/state';
import { runPlainConsole } from './plain-console';
import { promptsFor } from './prompts';

export async function runPlain(run: { gateway: Gateway; demo: boolean }, scope: WizardScope, io: Io): Promise<number> {
  const gateway = run.gateway;
  const prompts = await promptsFor(io);
  const say = (line = '') => io.stdout.write(`${line}\n`);
  const now = () => io.now();

  say(`NGINXaaS dataplane API key${run.demo ? ' (demo on the local emulator)' : ''}`);
  say(`Signing in with ${gateway.authDescription} and finding deployments…`);
  const subscription = scope.subscription;
  const group = scope.resourceGroup;
  const found = await gateway.discoverDeployments(
    { ...(subscription ? { subscriptions: [subscription] } : {}), ...(group ? { resourceGroup: group } : {}) },
    { signal: io.signal, onProgress: (message) => say(message) },
  );
  const who = await gateway.signedInAs?.({ signal: io.signal }).catch(() => undefined);
  if (who && !run.demo) say(`Signed in as ${who.account}${who.tenant ? ` (tenant ${who.tenant})` : ''}.`);
  if (found.deployments.length === 0) {
    const searched = found.searched.map((s) => s.displayName).join(', ') || 'none';
    throw new GatewayError('notFound', `no NGINXaaS deployments found (subscriptions searched: ${searched})`);
  }
  const describe = (d: Deployment) =>
    `${d.name}, group ${d.resourceGroup}, ${d.subscriptionName ?? d.subscriptionId}, ${d.location}`;
  const wanted = scope.deployment?.toLowerCase();
  const preset = found.deployments.filter(
    (d) => (d.name.toLowerCase() === wanted || d.id.toLowerCase() === wanted) && readiness({ discovery: found }, d).ok,
  );
  const deployment: Deployment =
    preset.length === 1
      ? (preset[0] as Deployment)
      : await prompts.search<Deployment>({
          message: 'Deployment (type to filter)',
          source: (term) =>
            filterDeployments(found.deployments, term ?? '').map((d) => {
              const ready = readiness({ discovery: found }, d);
              return {
                name: describe(d),
                value: d,
                ...(ready.ok ? {} : { disabled: `cannot take a key: ${ready.reason}` }),
              };
            }),
        });
  say(`Deployment: ${describe(deployment)}`);

  let keys: ApiKey[] | undefined = await gateway.listKeys(deployment, { signal: io.signal }).catch(() => undefined);
  if (keys && keys.length > 0 && !scope.name) {
    const next = await runPlainConsole({ gateway, deployment, prompts, io, demo: run.demo, say }, keys);
    if (next !== 'new') return next;
    keys = await gateway.listKeys(deployment, { signal: io.signal }).catch(() => undefined);
  }
  const name = await prompts.input({
    message: 'Key name (1-30 letters, digits, inner hyphens)',
    ...(scope.name ? { default: scope.name } : {}),
    validate: (text) => {
      const check = checkKeyName(text);
      return check.ok ? true : check.problem;
    },
  });
  const existing = keys?.find((k) => k.name.toLowerCase() === name.toLowerCase());
  if (existing)
    say(
      `A key named '${existing.name}' exists (hint ${existing.hint}, expires ${formatUtc(existing.endDateTime)}): it would be replaced.`,
    );

  const choice = await prompts.select<string>({
    message: 'Expiry',
    default: DEFAULT_PRESET,
    choices: [
      ...PRESETS.map((p) => ({
        name: `${p.label}: ${formatUtc(resolvePreset(p.id, now()))}${p.id === DEFAULT_PRESET ? ' (default)' : ''}`,
        value: p.id,
      })),
      { name: 'A date of your own', value: 'custom' },
    ],
  });
  let endDateTime: Date;
  if (choice === 'custom') {
    const text = await prompts.input({
      message: 'Expiry date (2027-05-01, 45d, or an RFC 3339 time)',
      validate: (value) => {
        const parsed = parseExpiry(value, now());
        return parsed.ok ? true : parsed.problem;
      },
    });
    endDateTime = (parseExpiry(text, now()) as { date: Date }).date;
  } else {
    endDateTime = resolvePreset(choice as (typeof PRESETS)[number]['id'], now());
  }
  say(`Expires ${formatUtc(endDateTime)} (${formatDaysFromNow(endDateTime, now())}).`);

  say(
    'The key: press Enter to generate one (UUIDv4), or type your own: at least 12 characters, 3 of lowercase, uppercase, digits, symbols.',
  );
  const typed = await prompts.password({
    message: 'Key (hidden)',
    validate: (value) => {
      if (value === '') return true;
      const policy = evaluate(value);
      if (policy.ok) return true;
      const failing = policy.rules
        .filter((r) => r.required && !r.ok)
        .map((r) => `${r.label}${r.detail ? ` (${r.detail})` : ''}`);
      return `Not accepted: ${failing.join('; ')}`;
    },
  });
  const generated = typed === '';
  const secret = generated ? generateUuidKey({ randomUUID, randomBytes }) : typed;

  const action = existing ? 'REPLACE' : 'CREATE';
  say(
    `Review: ${action} key '${name}' on ${describe(deployment)}, expiring ${formatUtc(endDateTime)}, ${generated ? 'generated' : 'your own'} key.`,
  );
  if (expiringFromTheStart(endDateTime, now())) say(`Note: ${EXPIRING_FROM_THE_START}.`);
  const sure = await prompts.confirm({
    message: existing ? `Replace the existing key '${existing.name}'? Whatever uses it stops working.` : 'Create it?',
    default: !existing,
  });
  if (!sure) {
    say('Nothing was created.');
    return EXIT.cancelled;
  }
  const check = checkExpiry(endDateTime, now());
  if (!check.ok) throw new GatewayError('invalid', check.problem);
  const outcome = await createKey(
    gateway,
    deployment,
    name,
    { secret, endDateTime },
    {
      replace: Boolean(existing),
      signal: io.signal,
      forceSignal: io.forceSignal,
      onHeld: () =>
        say(
          `Finishing the request that creates key '${name}', so that its outcome is known; a second Ctrl+C leaves at once.`,
        ),
    },
  );
  if (outcome.kind === 'exists') {
    throw new GatewayError(
      'alreadyExists',
      `a key named '${outcome.existing.name}' appeared meanwhile (hint ${outcome.existing.hint}); nothing was changed`,
    );
  }
  const endpoint = deployment.dataplaneApiEndpoint ?? '';
  if (outcome.kind === 'unknown') {
    // The key may be live: the user must hold its secret, so it is shown without asking.
    say(
      `The answer was lost (${outcome.problem.plain}) and a check could not tell whether Azure created key '${name}'.`,
    );
    say(`So that it is not lost, here is the key: ${secret}`);
    say(`Check with: ${keyCommand('show', deployment, name, run.demo)}`);
    return EXIT.failed;
  }
  if (outcome.kind === 'raced') say(`Warning: ${racedWarning(name)}.`);
  say(
    `${outcome.kind === 'created' ? 'Created' : 'Replaced'} key '${outcome.key.name}'. Hint ${outcome.key.hint}. Expires ${formatUtc(outcome.key.endDateTime)}.`,
  );
  say('Azure never shows this key again.');

  if (await prompts.confirm({ message: 'Show the key now, once?', default: true })) {
    say(`Key: ${secret}`);
    say(`Authorization header for nginx-asg-sync: ${apiKeyHeaderValue(secret)}`);
  }
  say(`Dataplane endpoint: ${endpoint}`);
  say(`For NLK and nginx-asg-sync: ${nplusUrl(endpoint)}`);
  const verify = await gateway.verifyKey(endpoint, secret, { signal: io.signal });
  say(
    verify.ok
      ? `The dataplane accepted the key (GET /packages answered ${verify.status}).`
      : `Could not confirm the key on the dataplane yet: ${verify.message}`,
  );

  if (!(await prompts.confirm({ message: 'Have you saved the key?', default: true }))) {
    const replaced = outcome.kind === 'replaced';
    const question = replaced
      ? `Delete key '${name}'? The key it replaced is gone already: no key of that name would be left.`
      : `Delete key '${name}' again, so nothing is left behind?`;
    // Deleting a live key is never the default.
    if (await prompts.confirm({ message: question, default: false })) {
      await gateway.deleteKey(deployment, name, { signal: io.signal });
      say(`Deleted key '${name}'.`);
      return EXIT.ok;
    }
    say(`Key '${name}' stays active. Delete it later with: ${keyCommand('delete', deployment, name, run.demo)}`);
  }
  return EXIT.ok;
}
