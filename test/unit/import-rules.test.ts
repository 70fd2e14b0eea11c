/**
 * The import rules of architecture.md, as the linter enforces them: a planted import in each room
 * is linted with the project's own eslint.config.js, and must be refused (or allowed) as the
 * table says. A rule that stopped biting would turn this red.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { ROOT } from '../helpers/pty';

const eslint = new ESLint({ cwd: ROOT });

async function restricted(file: string, source: string): Promise<boolean> {
  const [result] = await eslint.lintText(`${source}\nexport const planted = 1;\n`, { filePath: `${ROOT}${file}` });
  return (result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-imports');
}

describe('import boundaries', () => {
  it.each([
    // file, planted import, refused?
    ['src/domain/planted.ts', "import 'ink';", true],
    ['src/domain/planted.ts', "import { GatewayError } from '../gateway';", true],
    ['src/domain/planted.ts', "import { randomUUID } from 'node:crypto';", false],
    ['src/domain/planted.ts', "import { evaluate } from './policy';", false],
    ['src/wizard/planted.ts', "import { Box } from 'ink';", true],
    ['src/wizard/planted.ts', "import { AzureGateway } from '../azure/azure-gateway';", true],
    ['src/wizard/planted.ts', "import { evaluate } from '../domain/policy';", false],
    ['src/wizard/steps/planted.ts', "import { parseCommandLine } from '../../cli/options';", true],
    ['src/ui/steps/planted.tsx', "import { ArmClient } from '../../azure/arm-client';", true],
    ['src/ui/steps/planted.tsx', "import { startEmulator } from '../../emulator/server';", true],
    ['src/ui/steps/planted.tsx', "import { Box } from 'ink';", false],
    ['src/ui/planted.tsx', "import type { Values } from '../cli/options';", true],
    ['src/plain/planted.ts', "import { AzureGateway } from '../azure/azure-gateway';", true],
    ['src/plain/planted.ts', "import { confirm } from '@inquirer/prompts';", false],
    ['src/commands/planted.ts', "import { AzureGateway } from '../azure/azure-gateway';", true],
    ['src/commands/planted.ts', "import { ServiceClient } from '@azure/core-client';", true],
    ['src/keys/planted.ts', "import { prepareCommand } from '../commands/registry';", true],
    ['src/emulator/planted.ts', "import { NginxManagementClient } from '../azure/nginx-client';", true],
    ['src/emulator/planted.ts', "import type { WireApiKey } from '../wire/types';", false],
    ['src/cli/connect.ts', "import { AzureGateway } from '../azure/azure-gateway';", false],
    ['src/cli/main.ts', "import { AzureGateway } from '../azure/azure-gateway';", true],
  ])('%s: %s → refused %s', async (file, source, refused) => {
    expect(await restricted(file, source)).toBe(refused);
  });

  it('console.* is refused in the interactive path', async () => {
    const [result] = await eslint.lintText("console.log('x');\n", { filePath: `${ROOT}src/ui/planted.ts` });
    expect(result?.messages.map((m) => m.ruleId)).toContain('no-console');
  });
});
