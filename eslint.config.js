// Lint rules, and the import rules of shared/docs/architecture.md as a machine checks them.
// Each room of src/ gets one `no-restricted-imports` entry listing everything it may not import
// (flat config replaces a rule per file rather than merging it, so each entry is complete).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const AZURE_SDK = { group: ['@azure/*'], message: 'Only src/azure talks to the Azure SDK.' };
const AZURE_ROOM = {
  group: ['**/azure/*', '**/azure'],
  message: 'Only src/cli/connect.ts reaches src/azure; everything else uses the Gateway port.',
};
const EMULATOR = {
  group: ['**/emulator/*'],
  message: 'The emulator is started by cli-connect (--demo) and the emulator command only.',
};
const INK = { group: ['ink', 'ink-*', '@inkjs/*'], message: 'Ink belongs to src/ui.' };
const UI = { group: ['**/ui/*'], message: 'Screens belong to src/ui; import the logic they use instead.' };
const PLAIN = { group: ['**/plain/*'], message: 'Plain mode is a mode of its own.' };
const CLI = {
  group: ['**/cli/*', '**/commands/*'],
  message: 'The CLI layer hands typed options in; nothing below it imports it.',
};
const PROMPTS = { group: ['@inquirer/*'], message: 'Line prompts belong to src/plain and the commands.' };

const restrict = (...patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        performance: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests match terminal output: escape sequences and runs of spaces are what they look for.
    files: ['test/**/*.{ts,tsx}'],
    rules: { 'no-control-regex': 'off', 'no-regex-spaces': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      // The interactive path owns the terminal: output goes through Io, Ink or the prompts.
      'no-console': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      'no-restricted-imports': restrict(AZURE_SDK, AZURE_ROOM, EMULATOR, INK, UI, PLAIN, PROMPTS),
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        regex: '^(?!node:|\\./)',
        message: 'src/domain imports nothing of ours and no library but node:.',
      }),
    },
  },
  {
    files: [
      'src/keys/**/*.ts',
      'src/port/gateway.ts',
      'src/port/deferred-gateway.ts',
      'src/port/usage-error.ts',
      'src/port/session.ts',
      'src/term/style.ts',
      'src/port/io.ts',
      'src/port/notices.ts',
      'src/azure/bounded.ts',
    ],
    rules: { 'no-restricted-imports': restrict(AZURE_SDK, AZURE_ROOM, EMULATOR, INK, UI, PLAIN, CLI, PROMPTS) },
  },
  {
    files: ['src/wizard/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(AZURE_SDK, AZURE_ROOM, EMULATOR, INK, UI, PLAIN, CLI, PROMPTS) },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict(AZURE_SDK, AZURE_ROOM, EMULATOR, PLAIN, CLI, PROMPTS) },
  },
  {
    files: ['src/plain/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(AZURE_SDK, AZURE_ROOM, EMULATOR, INK, UI, CLI) },
  },
  {
    files: ['src/commands/**/*.ts'],
    ignores: ['src/commands/emulator.ts'],
    rules: { 'no-restricted-imports': restrict(AZURE_SDK, AZURE_ROOM, EMULATOR, INK, UI, PLAIN) },
  },
  {
    files: ['src/commands/emulator.ts'],
    rules: { 'no-restricted-imports': restrict(AZURE_SDK, AZURE_ROOM, INK, UI, PLAIN, PROMPTS) },
  },
  {
    // The emulator is a second, independent reading of the REST contract: it shares only the
    // wire types with the client, never the client itself.
    files: ['src/emulator/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(AZURE_SDK, AZURE_ROOM, INK, UI, PLAIN, CLI, PROMPTS) },
  },
  {
    files: ['src/azure/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(EMULATOR, INK, UI, PLAIN, CLI, PROMPTS) },
  },
  {
    files: ['src/cli/connect.ts'],
    rules: { 'no-restricted-imports': restrict(INK, UI, PLAIN, PROMPTS) },
  },
  {
    files: ['src/cli/main.ts'],
    // cli.ts picks the mode and loads each one on demand; it never reaches Azure itself.
    rules: { 'no-restricted-imports': restrict(AZURE_SDK, AZURE_ROOM, EMULATOR, INK, PROMPTS) },
  },
);
