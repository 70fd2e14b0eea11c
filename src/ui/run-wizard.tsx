/** Renders the wizard with Ink in the terminal and returns its exit code. */
import { render } from 'ink';
import type { Connection } from '../cli-connect';
import type { Values } from '../cli-options';
import type { Io } from '../io';
import type { Notices } from '../notices';
import type { WizardState } from '../wizard/state';
import { App } from './app';
import { makeCopier } from './clipboard';

const str = (values: Values, name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);

export async function runWizard(connection: Connection, values: Values, io: Io, notices?: Notices): Promise<number> {
  let final: WizardState | undefined;
  const scope = {
    ...(str(values, 'subscription') ? { subscription: str(values, 'subscription') } : {}),
    ...(str(values, 'resource-group') ? { resourceGroup: str(values, 'resource-group') } : {}),
    ...(str(values, 'deployment') ? { deployment: str(values, 'deployment') } : {}),
  };
  const options = {
    ...(str(values, 'deployment') ? { deployment: str(values, 'deployment') } : {}),
    ...(str(values, 'name') ? { name: str(values, 'name') } : {}),
  };
  const instance = render(
    <App
      gateway={connection.gateway}
      scope={scope}
      options={options}
      demo={connection.demo}
      copy={makeCopier((data) => io.stdout.write(data), io.env)}
      onFinish={(state) => (final = state)}
      {...(notices ? { notices } : {})}
      interrupt={io.signal}
    />,
    { stdout: io.stdout as NodeJS.WriteStream, stdin: io.stdin as NodeJS.ReadStream, stderr: io.stderr as NodeJS.WriteStream, exitOnCtrlC: false, patchConsole: false },
  );
  await instance.waitUntilExit();
  return (final as WizardState | undefined)?.exitCode ?? 130;
}
