/** Renders the wizard with Ink in the terminal and returns its exit code. */
import { render } from 'ink';
import type { Gateway } from '../gateway';
import type { Io } from '../io';
import type { Notices } from '../notices';
import type { WizardScope, WizardState } from '../wizard/state';
import { App } from './app';
import { makeCopier } from './clipboard';

export interface WizardRun {
  gateway: Gateway;
  demo: boolean;
  notices?: Notices;
}

export async function runWizard(run: WizardRun, scope: WizardScope, io: Io): Promise<number> {
  let final: WizardState | undefined;
  const instance = render(
    <App
      gateway={run.gateway}
      scope={scope}
      demo={run.demo}
      copy={makeCopier((data) => io.stdout.write(data), io.env)}
      onFinish={(state) => (final = state)}
      {...(run.notices ? { notices: run.notices } : {})}
      interrupt={io.signal}
      force={io.forceSignal}
    />,
    {
      stdout: io.stdout as NodeJS.WriteStream,
      stdin: io.stdin as NodeJS.ReadStream,
      stderr: io.stderr as NodeJS.WriteStream,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  await instance.waitUntilExit();
  return (final as WizardState | undefined)?.exitCode ?? 130;
}
