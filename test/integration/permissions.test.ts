/**
 * Permission before action (issue 21): ARM's permissions API, emulated, read through the real
 * gateway; and a refused change that names the action it lacks and the role that has it.
 */
import { describe, expect, it } from 'vitest';
import { gatewayFor, sampleWeb, useEmulator } from '../helpers/emulator';
import { runInProcess } from '../helpers/in-process';
import { WEB_ARGV, WEB_REF } from '../helpers/sample';

const READER = [{ actions: ['*/read'], notActions: [] }];

describe('what the sign-in may do to a deployment’s keys', () => {
  it('every action by default; a reader may neither write nor delete; notActions take one away', async () => {
    const emulator = await useEmulator();
    const gateway = gatewayFor(emulator);
    const ref = await gateway.getDeployment(WEB_REF);
    expect(await gateway.keyPermissions(ref)).toEqual({ write: true, delete: true });
    emulator.behaviour.permissions = READER;
    expect(await gateway.keyPermissions(ref)).toEqual({ write: false, delete: false });
    emulator.behaviour.permissions = [
      { actions: ['Nginx.NginxPlus/*'], notActions: ['Nginx.NginxPlus/nginxDeployments/apiKeys/delete'] },
    ];
    expect(await gateway.keyPermissions(ref)).toEqual({ write: true, delete: false });
  });

  it('a create refused with 403 names the missing write action and the role that has it', async () => {
    const emulator = await useEmulator({ behaviour: { permissions: READER } });
    const result = await runInProcess(
      ['create', ...WEB_ARGV, '--name', 'denied', '--secret-stdin'],
      gatewayFor(emulator),
      {
        stdin: 'Some-Key-Value-42',
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "does not have authorization to perform action 'Nginx.NginxPlus/nginxDeployments/apiKeys/write'",
    );
    expect(result.stderr).toContain(
      "this sign-in lacks Nginx.NginxPlus/nginxDeployments/apiKeys/write on 'web-01': ask for the Contributor role on the deployment (or a custom role with that action) (AuthorizationFailed)",
    );
  });

  it('a delete refused with 403 names the delete action', async () => {
    const emulator = await useEmulator({ behaviour: { permissions: [{ actions: ['*'], notActions: ['*/delete'] }] } });
    const result = await runInProcess(['delete', ...WEB_ARGV, '--name', 'asg-sync', '--yes'], gatewayFor(emulator));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("this sign-in lacks Nginx.NginxPlus/nginxDeployments/apiKeys/delete on 'web-01'");
    expect(sampleWeb(emulator).secretOf('asg-sync')).toBeDefined();
  });
});
