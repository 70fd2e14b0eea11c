/**
 * The import rules of architecture.md, as the linter enforces them: a planted import in each room
 * is linted with the project's own eslint.config.js, and must be refused (or allowed) as the
 * table says. A rule that stopped biting would turn this red.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { ROOT } from '../helpers/pty';

const eslint = new ESLint({ cwd: ROOT });

async function restricted(file: string, source: string): Promise<boolean> {
  const [result] = await eslint.lintText(`${source}\nexport const planted = 1;\n`, { filePath: `${ROOT}${file}` });
  return (result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-imports');
}

/** Into every room, an import it must refuse and one it may make: a rule that stopped biting turns this red. */
const PLANTED: [file: string, source: string, refused: boolean][] = [
  ['src/domain/planted.ts', "import 'ink';", true],
  ['src/domain/planted.ts', "import { GatewayError } from '../port/gateway';", true],
  ['src/domain/planted.ts', "import { randomUUID } from 'node:crypto';", false],
  ['src/domain/planted.ts', "import { evaluate } from './policy';", false],
  ['src/wire/planted.ts', "import { printable } from '../term/style';", true],
  ['src/wire/planted.ts', "import { printable } from '../domain/printable';", false],
  ['src/term/planted.ts', "import { EXIT } from '../port/io';", true],
  ['src/term/planted.ts', "import { printable } from '../domain/printable';", false],
  ['src/port/planted.ts', "import { runList } from '../commands/list/list';", true],
  ['src/port/planted.ts', "import { painter } from '../term/style';", false],
  ['src/files/planted.ts', "import { flag } from '../cli/options';", true],
  ['src/files/secret-file.ts', "import { flag } from '../cli/options';", true],
  // files throws its own errors (UnfitDestination, SmallFileError…): the command line makes them usage errors.
  ['src/files/secret-file.ts', "import { UsageError } from '../port/usage-error';", true],
  ['src/files/planted.ts', "import { GatewayError } from '../port/gateway';", false],
  ['src/keys/planted.ts', "import { helpText } from '../cli/help';", true],
  ['src/keys/planted.ts', "import { askAzEarly } from '../cli/az-token';", true],
  ['src/keys/planted.ts', "import { runList } from '../commands/list';", true],
  ['src/keys/planted.ts', "import { writeSecretFile } from '../files/secret-file';", false],
  ['src/keys/planted.ts', "import { applyAll } from '../apply/finish';", true],
  ['src/apply/planted.ts', "import { helpText } from '../cli/help';", true],
  ['src/apply/planted.ts', "import { runRotate } from '../commands/rotate/rotate';", true],
  ['src/apply/planted.ts', "import { AzureGateway } from '../azure/azure-gateway';", true],
  ['src/apply/planted.ts', "import { ServiceClient } from '@azure/core-client';", true],
  ['src/apply/planted.ts', "import { Box } from 'ink';", true],
  ['src/apply/planted.ts', "import { writeSecretFile } from '../files/secret-file';", false],
  ['src/apply/planted.ts', "import { hold } from '../keys/custody';", false],
  ['src/wizard/planted.ts', "import { applyAll } from '../apply/finish';", true],
  ['src/commands/shared/planted.ts', "import { applyAll } from '../../apply/finish';", false],
  ['src/azure/planted.ts', "import { startEmulator } from '../emulator/server';", true],
  ['src/azure/planted.ts', "import { createKey } from '../keys/create-key';", true],
  ['src/azure/planted.ts', "import { ServiceClient } from '@azure/core-client';", false],
  ['src/emulator/planted.ts', "import { NginxManagementClient } from '../azure/nginx-client';", true],
  ['src/emulator/planted.ts', "import { ServiceClient } from '@azure/core-client';", true],
  ['src/emulator/planted.ts', "import type { WireApiKey } from '../wire/types';", false],
  ['src/wizard/planted.ts', "import { Box } from 'ink';", true],
  ['src/wizard/planted.ts', "import { completionScript } from '../cli/completion';", true],
  ['src/wizard/planted.ts', "import { AzureGateway } from '../azure/azure-gateway';", true],
  ['src/wizard/planted.ts', "import { runLineFace } from '../plain/line-face';", true],
  ['src/wizard/planted.ts', "import { evaluate } from '../domain/policy';", false],
  ['src/wizard/steps/planted.ts', "import { flag } from '../../cli/options';", true],
  ['src/wizard/steps/planted.ts', "import { runCreate } from '../../commands/create';", true],
  ['src/wizard/steps/planted.ts', "import { evaluate } from '../../domain/policy';", false],
  ['src/ui/steps/planted.tsx', "import { ArmClient } from '../../azure/arm-client';", true],
  ['src/ui/steps/planted.tsx', "import { startEmulator } from '../../emulator/server';", true],
  ['src/ui/steps/planted.tsx', "import { Box } from 'ink';", false],
  ['src/ui/planted.tsx', "import type { Values } from '../cli/options';", true],
  ['src/ui/planted.tsx', "import confirm from '@inquirer/confirm';", true],
  ['src/ui/planted.tsx', "import { transition } from '../wizard/machine';", false],
  ['src/plain/planted.ts', "import { AzureGateway } from '../azure/azure-gateway';", true],
  ['src/plain/planted.ts', "import { Box } from 'ink';", true],
  ['src/plain/planted.ts', "import { App } from '../ui/app';", true],
  ['src/plain/planted.ts', "import confirm from '@inquirer/confirm';", false],
  ['src/plain/planted.ts', "import { transition } from '../wizard/machine';", false],
  // The line faces speak in intents: the machine's key tokens, and the editing they drive, are the Ink face's.
  ['src/plain/planted.ts', "import { tokensOf } from '../wizard/tokens';", true],
  ['src/plain/planted.ts', "import type { KeyFlags } from '../wizard/tokens';", true],
  ['src/plain/planted.ts', "import { edit } from '../wizard/line-edit';", true],
  ['src/plain/planted.ts', "import { choose } from '../wizard/intents';", false],
  ['src/ui/planted.tsx', "import { tokensOf } from '../wizard/tokens';", false],
  ['src/commands/planted.ts', "import { AzureGateway } from '../azure/azure-gateway';", true],
  ['src/commands/planted.ts', "import { ServiceClient } from '@azure/core-client';", true],
  ['src/commands/planted.ts', "import { flag } from '../cli/options';", true],
  ['src/commands/planted.ts', "import { startEmulator } from '../emulator/server';", true],
  ['src/commands/planted.ts', "import { createKey } from '../keys/create-key';", false],
  ['src/commands/emulator/emulator.ts', "import { startEmulator } from '../../emulator/server';", false],
  ['src/commands/list/planted.ts', "import { AzureGateway } from '../../azure/azure-gateway';", true],
  ['src/commands/list/planted.ts', "import { createKey } from '../../keys/create-key';", false],
  ['src/cli/planted.ts', "import { AzureGateway } from '../azure/azure-gateway';", true],
  ['src/cli/main.ts', "import { AzureGateway } from '../azure/azure-gateway';", true],
  ['src/cli/main.ts', "import { Box } from 'ink';", true],
  ['src/cli/connect.ts', "import { AzureGateway } from '../azure/azure-gateway';", false],
  ['src/cli/planted.ts', "import { runList } from '../commands/list';", false],
  // A path that hides where it climbs to, and a loose file in src/, are refused in every room.
  ['src/ui/planted.tsx', "import { AzureGateway } from '../ui/../azure/azure-gateway';", true],
  ['src/ui/planted.tsx', "import { AzureGateway } from './../azure/azure-gateway';", true],
  ['src/keys/planted.ts', "import { loose } from '../loose';", true],
  ['src/keys/planted.ts', "import { loose } from '../../package.json';", true],
];

describe('import boundaries', () => {
  it.each(PLANTED)('%s: %s → refused %s', async (file, source, refused) => {
    expect(await restricted(file, source)).toBe(refused);
  });

  it('every room of src/ is in the table and planted into; src/ holds no loose file', () => {
    const entries = readdirSync(join(ROOT, 'src'), { withFileTypes: true });
    expect(entries.filter((e) => !e.isDirectory()).map((e) => e.name)).toEqual([]);
    const planted = new Set(PLANTED.map(([file]) => file.split('/')[1]));
    expect([...planted].sort()).toEqual(entries.map((e) => e.name).sort());
  });

  it('src/plain sends the machine intents only: no keystroke event, no control character', () => {
    const folder = join(ROOT, 'src/plain');
    // line-prompts.ts reads a terminal's bytes (TERM=dumb): it is the one file that may name them.
    const faces = readdirSync(folder).filter((name) => name !== 'line-prompts.ts');
    for (const name of faces) {
      const source = readFileSync(join(folder, name), 'utf8');
      expect(source, name).not.toMatch(/type: 'input'|\\u00[01][0-9a-f]|\\x[01][0-9a-f]|[\u0000-\u0008\u000b-\u001f]/i);
    }
  });

  it('console.* is refused in the interactive path', async () => {
    const [result] = await eslint.lintText("console.log('x');\n", { filePath: `${ROOT}src/ui/planted.ts` });
    expect(result?.messages.map((m) => m.ruleId)).toContain('no-console');
  });
});
