/** The wizard's runner: each command through the gateway, answered with one event. */
import { describe, expect, it } from 'vitest';
import { runWizardCommand, type CommandDeps } from '../../src/wizard/commands';
import { FakeGateway } from '../helpers/fake-gateway';
import { NOW, WEB, discovery, key } from '../helpers/fixtures';

function deps(gateway: FakeGateway): CommandDeps {
  return {
    gateway,
    scope: {},
    signal: new AbortController().signal,
    now: () => NOW,
    onProgress: () => {},
    copy: async () => 'copied',
  };
}
const create = (replace: boolean) => ({
  id: 1,
  kind: 'create' as const,
  deployment: WEB,
  name: 'fresh-key',
  secret: 'Abc-def-ghi-1',
  endDateTime: NOW,
  replace,
});

describe('the create command', () => {
  it('a 200 after its own GET saw the name free is still "created" (a retried PUT)', async () => {
    const gateway = new FakeGateway();
    gateway.putKey = async (_ref, name, body) => ({
      key: { ...key(name), hint: body.secret.slice(0, 3) },
      created: false,
    });
    const event = await runWizardCommand(create(false), deps(gateway));
    expect(event).toMatchObject({ type: 'createSucceeded', result: { created: true } });
  });

  it('a key that appeared since the review is not replaced', async () => {
    const gateway = new FakeGateway(discovery(), [key('fresh-key')]);
    const event = await runWizardCommand(create(false), deps(gateway));
    expect(event).toMatchObject({ type: 'createFailed', problem: { kind: 'alreadyExists' } });
    expect(gateway.calls).toEqual(['getKey fresh-key']);
  });

  it('a confirmed replace answered 200 is "replaced"', async () => {
    const gateway = new FakeGateway(discovery(), [key('fresh-key')]);
    const event = await runWizardCommand(create(true), deps(gateway));
    expect(event).toMatchObject({ type: 'createSucceeded', result: { created: false } });
  });
});
