/**
 * Each wizard step rendered alone from hand-made props at 80 columns, as an unstyled frame: the
 * view draws exactly what it is given, and nothing is wider than the terminal.
 */
import { handoffNextLines } from '../../src/domain/handoff';
import { describe, expect, it } from 'vitest';
import { CreatingStep } from '../../src/ui/steps/creating-step';
import { ChooseDeploymentStep, type DeploymentRow } from '../../src/ui/steps/choose-deployment-step';
import { ExpiryStep } from '../../src/ui/steps/expiry-step';
import { KeysStep } from '../../src/ui/steps/keys-step';
import { KeyNameStep } from '../../src/ui/steps/key-name-step';
import { RevealStep, type RevealViewProps } from '../../src/ui/steps/reveal-step';
import { ReviewStep } from '../../src/ui/steps/review-step';
import { KeyValueStep } from '../../src/ui/steps/key-value-step';
import { FailedStep, Farewell } from '../../src/ui/steps/status-steps';
import { NOW, WEB, key } from '../helpers/fixtures';
import { frameAt, overWide } from '../helpers/render-at';
import { useZone } from '../helpers/zone';
import { hintsAt, revealed } from '../helpers/hints';
import { initialState } from '../../src/wizard/state';

// These frames were written for UTC; test/ui/zones.test.tsx draws the screens in other zones.
useZone('UTC');

const WIDTH = 80;

async function at80(tree: Parameters<typeof frameAt>[0]): Promise<string> {
  const frame = await frameAt(tree, WIDTH);
  expect(await overWide(frame, WIDTH)).toEqual([]);
  return frame;
}

const row = (name: string, extra: Partial<DeploymentRow> = {}): DeploymentRow => ({
  id: `/d/${name}`,
  name,
  resourceGroup: 'edge-rg',
  subscription: 'Contoso Production',
  location: 'eastus2',
  provisioningState: 'Succeeded',
  ...extra,
});

/** A reveal panel just after a create, the key masked and accepted by the dataplane. */
const reveal: RevealViewProps = {
  action: 'created',
  apiKey: key('nlk-a', 181, 'Q7f'),
  deploymentName: 'web-01',
  endpoint: 'https://web-01-0123456789ab.eastus2.nginxaas.net/',
  secret: 'Q7f-2c9b-41aa-8e1d-xyz',
  shown: false,
  secondsLeft: 30,
  verify: { ok: true, status: 200 },
  prompt: 'keys',
  handedOff: [],
  now: NOW,
  hints: hintsAt(revealed()),
};

describe('each step alone at 80 columns', () => {
  it('deployment list: the filter, the count, the rows and why a row cannot be chosen', async () => {
    const frame = await at80(
      <ChooseDeploymentStep
        hints={hintsAt({ step: 'chooseDeployment' })}
        filter=""
        cursor={1}
        rows={[row('broken-01', { blocked: 'deployment failed', provisioningState: 'Failed' }), row('web-01')]}
        start={0}
        matching={2}
        total={2}
        subscriptions={1}
      />,
    );
    expect(frame).toMatchInlineSnapshot(`
      "? Choose a deployment
      ❯ type to filter by name, group, subscription or region
      2 deployments in 1 subscription
          broken-01   ✖ deployment failed  edge-rg   Contoso Production  eastus2
      ❯   web-01      …                    edge-rg   Contoso Production  eastus2
      ✖ cannot take a key now, and why · ! a key expired or expiring
      ↑↓ move · Enter choose · ! expiring only"
    `);
  });

  it('deployment list: nothing matches the filter', async () => {
    const frame = await at80(
      <ChooseDeploymentStep
        hints={hintsAt({ step: 'chooseDeployment', filter: 'zzz' })}
        filter="zzz"
        cursor={0}
        rows={[]}
        start={0}
        matching={0}
        total={4}
        subscriptions={2}
        message="No deployment matches the filter; Esc clears it."
      />,
    );
    expect(frame).toMatchInlineSnapshot(`
      "? Choose a deployment
      ❯ zzz
      0 of 4 deployments match; 2 subscriptions searched
      No deployment matches “zzz”.
      ✖ No deployment matches the filter; Esc clears it.
      ↑↓ move · Enter choose · ! expiring only · Esc clear the filter"
    `);
  });

  it('name: an existing key of that name is said at once', async () => {
    const frame = await at80(
      <KeyNameStep
        hints={hintsAt({ step: 'keyName' })}
        name="nlk-prod"
        keys={{ state: 'read', existing: key('nlk-prod') }}
        now={NOW}
      />,
    );
    expect(frame).toMatchInlineSnapshot(`
      "? Name the key
      ❯ nlk-prod
      ⚠ 'nlk-prod' exists (hint e17, expires 2026-12-16, in 20 days): it will be
        REPLACED
      Enter next · Esc back · Ctrl+C quit"
    `);
  });

  it('name: a bad character is named with its position', async () => {
    const frame = await at80(
      <KeyNameStep
        hints={hintsAt({ step: 'keyName' })}
        name="bad_name"
        keys={{ state: 'failed', error: 'HTTP 500' }}
        now={NOW}
      />,
    );
    expect(frame).toMatchInlineSnapshot(`
      "? Name the key
      ❯ bad_name
      ✖ the key name may hold only letters, digits and hyphens: character '_' at
        position 4
      ⚠ Could not read the existing keys (HTTP 500); the create step checks again.
      Enter next · Esc back · Ctrl+C quit"
    `);
  });

  it('expiry: the presets with six months chosen', async () => {
    const frame = await at80(
      <ExpiryStep expiry={{ cursor: 2, editing: false, text: '' }} now={NOW} hints={hintsAt({ step: 'expiry' })} />,
    );
    expect(frame).toMatchInlineSnapshot(`
      "? When should the key expire?
        30 days   2026-12-26 12:00 UTC
        90 days   2027-02-24 12:00 UTC
      ❯ 6 months  2027-05-26 12:00 UTC  (default)
        1 year    2027-11-26 12:00 UTC
        2 years   2028-11-26 11:50 UTC  (the longest allowed)
        A date of your own…
      in 181 days
      ↑↓ move · Enter choose · Esc back"
    `);
  });

  it('expiry: a date of your own, previewed', async () => {
    const frame = await at80(
      <ExpiryStep
        expiry={{ cursor: 5, editing: true, text: '2027-03-01' }}
        now={NOW}
        hints={hintsAt({ step: 'expiry', expiry: { cursor: 5, editing: true, text: '2027-03-01' } })}
      />,
    );
    expect(frame).toMatchInlineSnapshot(`
      "? When should the key expire?
        30 days   2026-12-26 12:00 UTC
        90 days   2027-02-24 12:00 UTC
        6 months  2027-05-26 12:00 UTC  (default)
        1 year    2027-11-26 12:00 UTC
        2 years   2028-11-26 11:50 UTC  (the longest allowed)
      ❯ A date of your own…
      ❯ 2027-03-01
      2027-03-01 23:59 UTC · in 95 days
      Enter use this date · Esc back to the presets"
    `);
  });

  it('expiry: a date of your own that cannot be taken says why with ✖, as every other refusal does', async () => {
    const frame = await at80(
      <ExpiryStep
        expiry={{ cursor: 5, editing: true, text: '2099-01-01' }}
        now={NOW}
        hints={hintsAt({ step: 'expiry', expiry: { cursor: 5, editing: true, text: '2099-01-01' } })}
      />,
    );
    const lines = frame.replaceAll('\u00a0', ' ').split('\n');
    const at = lines.findIndex((line) => line.startsWith('✖ '));
    expect(lines[at]).toMatch(/^✖ 2099-01-01 23:59 UTC is more than two years away;/);
    // Wrapped under its own words, the latest date whole on one line.
    expect(lines[at + 1]).toMatch(/^ {2}(\S.* )?2028-11-26 11:50 UTC$/);
  });

  it('key value: masked, with the checklist', async () => {
    const frame = await at80(
      <KeyValueStep
        hints={hintsAt({ step: 'keyValue', secret: 'abc' })}
        secret="abc"
        shown={false}
        error="Enter is refused: the key must have at least 12 characters (it has 3)"
      />,
    );
    expect(frame).toMatchInlineSnapshot(`
      "? The key value
      ❯ •••
      ✖ at least 12 characters (3 so far)
          ✔ a lowercase letter (a-z) — yes
          ✖ an uppercase letter (A-Z) — no
          ✖ a digit (0-9) — no
          ✖ a symbol (such as - _ . : + @) — no
      ✖ 3 of the 4 kinds above (1 of 4)
      ✔ only printable ASCII, no spaces
      ✖ Enter is refused: the key must have at least 12 characters (it has 3)
      Enter next · Tab show · Esc back"
    `);
  });

  it('review: REPLACE waits for y', async () => {
    const frame = await at80(
      <ReviewStep
        hints={hintsAt({ step: 'review', name: 'nlk-prod', keys: [key('nlk-prod')] })}
        deployment={WEB}
        name="nlk-prod"
        endDateTime={new Date('2027-05-26T12:00:00Z')}
        generated
        existing={key('nlk-prod')}
        replaceConfirmed={false}
        now={NOW}
      />,
    );
    expect(frame).toMatchInlineSnapshot(`
      "? Review
        Subscription     Production
        Subscription ID  11111111-0000-4000-8000-000000000000
        Resource group   edge-rg
        Deployment       web-01 (eastus2)
        Key name         nlk-prod
        Expires          2027-05-26 12:00 UTC (in 181 days)
        Key              generated UUIDv4, shown after creation
        Action           REPLACE the existing key (hint e17)
      ⚠ Replacing stops everything that uses the old key. Type y to confirm.
      y confirm replace · Esc back"
    `);
  });

  it('review at 60 columns: the subscription id is whole on a row of its own, no row wraps', async () => {
    const frame = await frameAt(
      <ReviewStep
        hints={hintsAt({ step: 'review' })}
        deployment={{ ...WEB, subscriptionName: 'Contoso Production Subscription (legacy)' }}
        name="nlk-prod"
        endDateTime={new Date('2027-05-26T12:00:00Z')}
        generated
        replaceConfirmed={false}
        now={NOW}
      />,
      60,
    );
    const lines = frame.split('\n');
    expect(lines).toContain('  Subscription ID  11111111-0000-4000-8000-000000000000');
    expect(lines).toContain('  Subscription     Contoso Production Subscription (legacy)');
    expect(lines.filter((line) => /^ {2}\S/.test(line)).map((line) => line.slice(2, 17).trim())).toEqual([
      'Subscription',
      'Subscription ID',
      'Resource group',
      'Deployment',
      'Key name',
      'Expires',
      'Key',
      'Action',
    ]);
  });

  it('creating: an Azure refusal with its code', async () => {
    const frame = await at80(
      <CreatingStep
        hints={hintsAt({ step: 'creating', createError: { message: 'refused' } })}
        finishing={false}
        name="k"
        deploymentName="web-01"
        error={{ message: 'The client does not have authorization.', code: 'AuthorizationFailed' }}
      />,
    );
    expect(frame).toMatchInlineSnapshot(`
      "✖ Azure did not create the key: The client does not have authorization.
        (AuthorizationFailed)
      r retry · Esc back to edit · Ctrl+C quit"
    `);
  });

  it('creating: an answer that was lost is not called a refusal, and Esc is not offered', async () => {
    const frame = await at80(
      <CreatingStep
        hints={hintsAt({ step: 'creating', createError: { message: 'lost', uncertain: true } })}
        name="k"
        deploymentName="web-01"
        finishing={false}
        error={{ message: 'the answer was lost (ECONNRESET)', uncertain: true, kind: 'network' }}
      />,
    );
    expect(frame).not.toContain('did not create');
    expect(frame).not.toContain('Esc');
    expect(frame).toMatchInlineSnapshot(`
      "⚠ Not known whether Azure created the key: the answer was lost (ECONNRESET)
      Sending the same key again is safe: it creates it, or finds it there.
      r send it again · Ctrl+C quit"
    `);
  });

  it('failed: the failure, what to do next, and the keys', async () => {
    const frame = await at80(
      <FailedStep
        failure={{ message: 'could not reach Azure', kind: 'network' }}
        hints={hintsAt({ step: 'failed' })}
      />,
    );
    expect(frame).toMatchInlineSnapshot(`
      "✖ could not reach Azure
        Check the network, a proxy, or --arm-endpoint.
      r try again · q quit"
    `);
  });

  it('failed: a long message wraps under itself, not under the mark', async () => {
    const message = 'the Azure CLI (`az`) was not found: install it and run `az login`, or use --auth device-code';
    const frame = await at80(
      <FailedStep failure={{ message, kind: 'unauthenticated' }} hints={hintsAt({ step: 'failed' })} />,
    );
    expect(frame).toMatchInlineSnapshot(`
      "✖ the Azure CLI (\`az\`) was not found: install it and run \`az login\`, or use
        --auth device-code
      r try again · q quit"
    `);
  });

  it('farewell: one line, with its figure', async () => {
    expect(await at80(<Farewell message="Cancelled. Nothing was created." exitCode={130} />)).toMatchInlineSnapshot(
      `"⚠ Cancelled. Nothing was created."`,
    );
  });

  it('reveal: masked, with the endpoint and what the integrations need', async () => {
    const frame = await at80(<RevealStep {...reveal} />);
    expect(frame).not.toContain(reveal.secret);
    expect(frame).toMatchInlineSnapshot(`
      "✔ Created key 'nlk-a' on web-01
        Key       masked (r shows it)
        Q7f••••••••••••
        Hint      Q7f
        Expires   2027-05-26 12:00 UTC (in 181 days)
        Endpoint  the dataplane API
        https://web-01-0123456789ab.eastus2.nginxaas.net/
        nplus     what NLK and nginx-asg-sync take
        https://web-01-0123456789ab.eastus2.nginxaas.net/nplus
      For NLK (Helm values)
        nlk.dataplaneApiKey=<the key>
        nlk.config.nginxHosts=<the nplus URL>
      For nginx-asg-sync (config.yaml)
        api_endpoint: <the nplus URL>
        Authorization header:
          ApiKey <base64 of the key>
      ✔ The dataplane accepted the key (GET /packages: 200).
      ⚠ Save the key now: it is never shown again.
      r show the key · c copy · h hand off · q leave"
    `);
  });

  it('reveal: the hand-off menu, then its destination with the default file', async () => {
    const menu = await at80(
      <RevealStep
        {...reveal}
        handoff={{ stage: 'kind', cursor: 0, text: '' }}
        hints={hintsAt(
          revealed({ reveal: { ...initialState(NOW).reveal, handoff: { stage: 'kind', cursor: 0, text: '' } } }),
        )}
      />,
    );
    expect(menu).toContain('? Hand the key to');
    expect(menu).not.toContain('For NLK (Helm values)');
    const where = await at80(
      <RevealStep
        {...reveal}
        handoff={{ stage: 'destination', cursor: 0, text: 'nlk-values.yaml' }}
        hints={hintsAt(
          revealed({
            reveal: {
              ...initialState(NOW).reveal,
              handoff: { stage: 'destination', cursor: 0, text: 'nlk-values.yaml' },
            },
          }),
        )}
      />,
    );
    expect(where).toContain('? Where should the NLK Helm values file go?');
  });

  it('reveal: a hand-off done, its next step in lines that fit', async () => {
    const done = {
      said: 'nlk: wrote nlk-values.yaml (mode 0600)',
      nextLines: handoffNextLines({ kind: 'nlk', path: 'nlk-values.yaml' }),
    };
    const frame = await at80(<RevealStep {...reveal} handedOff={[done]} />);
    expect(frame).toContain('✔ nlk: wrote nlk-values.yaml (mode 0600)');
    // The command on lines of its own, as a shell reads it, indented under the done line.
    expect(frame).toContain(
      '  helm upgrade --install nlk \\\n    oci://registry-1.docker.io/nginxcharts/nginxaas-loadbalancer-kubernetes \\\n',
    );
  });

  it('reveal: shown on r, with the ApiKey header value', async () => {
    const frame = await at80(
      <RevealStep
        {...reveal}
        shown
        prompt="asking"
        hints={hintsAt(revealed({ reveal: { ...initialState(NOW).reveal, askingToLeave: true } }))}
      />,
    );
    expect(frame).toContain(reveal.secret);
    expect(frame).toContain(`Authorization header:\n    ApiKey ${Buffer.from(reveal.secret).toString('base64')}`);
  });
});

describe('the key console alone, at 80 and 60 columns', () => {
  const keys = [key('ci-2025', -12, '9c1'), key('nlk-prod', 20, 'ef0'), key('asg-sync', 150, '511')];
  const props = {
    deploymentName: 'web-01',
    keys,
    start: 0,
    count: keys.length,
    nameWidth: 8,
    cursor: 1,
    caretBack: 0,
    now: NOW,
    hints: hintsAt({ step: 'keys', keys, console: { cursor: 1, arriving: false } }),
    finishing: false,
  };
  const both = async (tree: Parameters<typeof frameAt>[0]) => {
    const wide = await at80(tree);
    const narrow = await frameAt(tree, 60);
    expect(await overWide(narrow, 60)).toEqual([]);
    return { wide, narrow };
  };

  it('the keys, soonest first, each with its mark', async () => {
    const { wide, narrow } = await both(<KeysStep {...props} />);
    expect(wide).toMatchInlineSnapshot(`
      "? Keys of web-01
          NAME      HINT  EXPIRES (UTC)
        ✖ ci-2025   9c1   2026-11-14  expired 12 days ago
      ❯ ! nlk-prod  ef0   2026-12-16  in 20 days
        ✔ asg-sync  511   2027-04-25  in 150 days
      ✖ expired · ! within 30 days · ✔ ok
      ↑↓ move · n new · r rotate · e extend · d delete · Esc back · q leave"
    `);
    // At 60 columns nothing is cut: the console is as narrow as that already, but for the
    // hints, which narrow their separators and leave out the arrows' to stay on one line.
    expect(narrow.split('\n').slice(0, -1)).toEqual(wide.split('\n').slice(0, -1));
    expect(narrow.split('\n').at(-1)).toBe('n new  r rotate  e extend  d delete  Esc back  q leave');
  });

  it('after a delete, what was done, above the keys', async () => {
    const { wide } = await both(
      <KeysStep
        {...props}
        message={{ ok: true, text: "Deleted key 'ci-2025'. Whatever used it is refused from now on." }}
      />,
    );
    expect(wide).toMatchInlineSnapshot(`
      "? Keys of web-01
      ✔ Deleted key 'ci-2025'. Whatever used it is refused from now on.
          NAME      HINT  EXPIRES (UTC)
        ✖ ci-2025   9c1   2026-11-14  expired 12 days ago
      ❯ ! nlk-prod  ef0   2026-12-16  in 20 days
        ✔ asg-sync  511   2027-04-25  in 150 days
      ✖ expired · ! within 30 days · ✔ ok
      ↑↓ move · n new · r rotate · e extend · d delete · Esc back · q leave"
    `);
  });

  it('a delete let finish after Ctrl+C says so under its spinner, whole at 60 columns', async () => {
    const { wide, narrow } = await both(
      <KeysStep
        {...props}
        finishing
        confirm={{ kind: 'delete', key: key('nlk-prod', 20, 'ef0'), typed: 'nlk-prod', working: true }}
        hints={[]}
      />,
    );
    expect(wide).toContain("Deleting key 'nlk-prod'…");
    expect(wide).toContain('⚠ Finishing the request, so that its outcome is known; Ctrl+C again leaves now.');
    expect(narrow.replace(/\n\s*/g, ' ')).toContain(
      '⚠ Finishing the request, so that its outcome is known; Ctrl+C again leaves now.',
    );
  });

  it('delete waits for the typed name', async () => {
    const { wide, narrow } = await both(
      <KeysStep
        {...props}
        confirm={{ kind: 'delete', key: key('nlk-prod', 20, 'ef0'), typed: 'nlk', error: undefined }}
        hints={hintsAt({
          step: 'keys',
          keys,
          console: { cursor: 1, arriving: false, confirm: { kind: 'delete', key: keys[1]!, typed: 'nlk' } },
        })}
      />,
    );
    expect(wide).toMatchInlineSnapshot(`
      "? Delete key 'nlk-prod'?
        on web-01: hint ef0, 2026-12-16, in 20 days
        Whatever still uses it is refused at once.
        Type the key's name to confirm:
      ❯ nlk
      Enter delete · Esc keep it"
    `);
    expect(narrow).toMatchInlineSnapshot(`
      "? Delete key 'nlk-prod'?
        on web-01: hint ef0, 2026-12-16, in 20 days
        Whatever still uses it is refused at once.
        Type the key's name to confirm:
      ❯ nlk
      Enter delete · Esc keep it"
    `);
  });

  it('the rotation plan', async () => {
    const { wide } = await both(
      <KeysStep
        {...props}
        confirm={{ kind: 'rotate', key: key('nlk-prod', 20, 'ef0'), typed: '' }}
        plan={{ name: 'nlk-prod-2', endDateTime: new Date('2027-05-26T12:00:00Z') }}
        hints={hintsAt({
          step: 'keys',
          keys,
          console: { cursor: 1, arriving: false, confirm: { kind: 'rotate', key: keys[1]!, typed: '' } },
        })}
      />,
    );
    expect(wide).toMatchInlineSnapshot(`
      "? Rotate key 'nlk-prod' (in 20 days)?
        1 a new key 'nlk-prod-2', generated, expiring 2027-05-26
        2 it is checked on the dataplane and shown once
        3 you hand it off (h) and switch your integrations
        4 Enter: checked again, then 'nlk-prod' is deleted
        Esc at any step stops there: both keys stay.
      Enter go on · Esc back"
    `);
  });

  it('e: the expiry question about the selected key, and why the last try failed', async () => {
    const extend = {
      key: key('nlk-prod', 20, 'ef0'),
      expiry: { cursor: 2, editing: false, text: '' },
      failed: 'Could not change it: Azure would not change the expiry without its value.',
    };
    const hints = hintsAt({ step: 'keys', keys, console: { cursor: 1, arriving: false, extend } });
    const { wide } = await both(<KeysStep {...props} extend={extend} hints={hints} />);
    expect(wide).toMatchInlineSnapshot(`
      "? New expiry for 'nlk-prod'
        now 2026-12-16, in 20 days · hint ef0, the same secret after
        30 days   2026-12-26 12:00 UTC
        90 days   2027-02-24 12:00 UTC
      ❯ 6 months  2027-05-26 12:00 UTC  (default)
        1 year    2027-11-26 12:00 UTC
        2 years   2028-11-26 11:50 UTC  (the longest allowed)
        A date of your own…
      in 181 days
      ✖ Could not change it: Azure would not change the expiry without its value.
      ↑↓ move · Enter choose · Esc back"
    `);
  });

  it('Enter during a rotation while the new key is held nowhere: the question, what is lost, no default', async () => {
    const frame = await at80(
      <RevealStep
        {...reveal}
        apiKey={key('nlk-prod-2', 181, 'Q7f')}
        rotation={{ old: 'nlk-prod', stage: 'unheld', unseen: true }}
        hints={hintsAt(revealed({ rotation: { old: keys[1]!, stage: 'unheld' } }, 'nlk-prod-2'))}
      />,
    );
    expect(frame.split('\n').slice(-4).join('\n')).toMatchInlineSnapshot(`
      "? Delete 'nlk-prod' though no one holds 'nlk-prod-2'?
      ⚠ 'nlk-prod-2' was never shown, copied or handed off: its secret is in no
        place; Azure cannot show it again. Whatever uses 'nlk-prod' would be refused.
      r show · c copy · h hand off · d delete anyway · Esc stop here"
    `);
    // The panel's own keys give way to the question's: Enter is offered nowhere.
    expect(frame).not.toContain('Enter');
  });

  it('e with an earlier expiry: named as shorter, by how many days, with y and n and no default', async () => {
    const extend = {
      key: key('asg-sync', 150, '511'),
      expiry: { cursor: 0, editing: false, text: '' },
      shorter: {
        endDateTime: new Date('2026-12-26T12:00:00Z'),
        label: '30 days',
        days: 120,
        words: '120 days sooner than it expires now',
      },
    };
    const hints = hintsAt({ step: 'keys', keys, console: { cursor: 1, arriving: false, extend } });
    const { wide, narrow } = await both(<KeysStep {...props} extend={extend} hints={hints} />);
    expect(wide).toMatchInlineSnapshot(`
      "? Shorten 'asg-sync'?
        now  2027-04-25, in 150 days
        new  2026-12-26, in 30 days (30 days)
        ⚠ 120 days sooner than it expires now: shorter, not longer
      y shorten it · n choose again"
    `);
    expect(narrow).toContain('120 days sooner than it expires now');
  });

  it('the reveal panel during a rotation says what is left', async () => {
    const { wide } = await both(
      <RevealStep
        {...reveal}
        apiKey={key('nlk-prod-2', 181, 'Q7f')}
        rotation={{ old: 'nlk-prod', stage: 'shown', unseen: true }}
        hints={hintsAt(revealed({ rotation: { old: keys[1]!, stage: 'shown' } }, 'nlk-prod-2'))}
      />,
    );
    expect(wide).toMatchInlineSnapshot(`
      "✔ Created key 'nlk-prod-2' on web-01 to replace 'nlk-prod'
        Key       masked (r shows it)
        Q7f••••••••••••
        Hint      Q7f
        Expires   2027-05-26 12:00 UTC (in 181 days)
        Endpoint  the dataplane API
        https://web-01-0123456789ab.eastus2.nginxaas.net/
        nplus     what NLK and nginx-asg-sync take
        https://web-01-0123456789ab.eastus2.nginxaas.net/nplus
      h hands it to NLK, nginx-asg-sync, a .env file or Key Vault
      ✔ The dataplane accepted the key (GET /packages: 200).
      ⚠ Save the key now: it is never shown again.
      Switch your integrations to 'nlk-prod-2', then press Enter: it is checked again
      and 'nlk-prod' is deleted. Esc stops here.
      r show · c copy · h hand off · Enter switched · Esc stop here"
    `);
  });
});
