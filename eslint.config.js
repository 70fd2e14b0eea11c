// Lint rules, and the import rules of shared/docs/architecture.md as a machine checks them.
// The rules are made from one table, ROOMS: what each room of src/ may import of ours, and which
// libraries. Every other room is refused, by folder, with no file listed by hand (flat config
// replaces a rule per file rather than merging it, so each entry made here is complete).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Each room of src/, the rooms of ours it may import besides itself, and why. */
const ROOMS = {
  domain: { may: [], why: 'src/domain imports nothing of ours and no library but node:.' },
  wire: { may: ['domain'], why: 'src/wire is the JSON on the wire: types and rules only.' },
  term: { may: ['domain'], why: 'src/term draws text: it knows no run, no Azure and no face.' },
  port: {
    may: ['domain', 'term', 'wire'],
    why: 'The port is what every mode reaches Azure through; it imports no mode.',
  },
  files: { may: ['domain', 'port'], why: 'src/files writes and reads files; it knows no command line or face.' },
  keys: { may: ['domain', 'port', 'files', 'term'], why: "A key's life knows no screen and no command line." },
  apply: {
    may: ['domain', 'port', 'files', 'keys'],
    why: 'src/apply runs helm, kubectl, az and systemctl for --apply: it knows no screen, no command line and no Azure SDK.',
  },
  azure: {
    may: ['domain', 'wire', 'port', 'files'],
    why: 'src/azure talks to Azure behind the port, for every mode alike.',
  },
  emulator: {
    may: ['domain', 'wire', 'files'],
    why: 'The emulator is a second reading of the REST contract: it shares only the wire types with the client.',
  },
  wizard: { may: ['domain', 'port', 'keys', 'term'], why: 'The machine imports no face, no Azure and no flags.' },
  ui: {
    may: ['domain', 'port', 'keys', 'term', 'wizard'],
    why: 'The Ink face draws the machine; it is handed the port.',
  },
  plain: {
    may: ['domain', 'port', 'keys', 'term', 'wizard'],
    why: 'The line faces draw the machine; they are handed the port.',
  },
  commands: {
    may: ['domain', 'port', 'keys', 'files', 'term', 'apply'],
    why: 'A command owns its flags and is handed the port; the command line composes the commands.',
  },
  cli: {
    may: ['domain', 'port', 'keys', 'files', 'term', 'wizard', 'ui', 'plain', 'commands', 'wire', 'apply'],
    why: 'Only cli/connect.ts builds the Azure side (and the --demo emulator).',
  },
};
/** Files that may reach one room more than their own room may, and which. */
const DOORS = {
  'src/cli/connect.ts': ['azure', 'emulator'],
  'src/commands/emulator/emulator.ts': ['emulator'],
};
/**
 * Modules of an allowed room that a room still may not import: the machine's keys (tokens, and
 * the readline editing they drive) belong to the Ink face, the line faces speak in intents; the
 * command line's usage error is the command line's to throw.
 */
const REFUSED_MODULES = {
  files: {
    modules: ['port/usage-error'],
    why: 'src/files throws its own errors; the command line turns them into usage errors.',
  },
  plain: {
    modules: ['wizard/tokens', 'wizard/line-edit'],
    why: "The line faces turn answers into intents (wizard/intents.ts): they never type the machine's keys.",
  },
};
/** Libraries that belong to some rooms only. */
const LIBRARIES = [
  { group: ['@azure/*'], rooms: ['azure'], message: 'Only src/azure talks to the Azure SDK.' },
  { group: ['ink', 'ink-*', '@inkjs/*'], rooms: ['ui'], message: 'Ink belongs to src/ui.' },
  {
    group: ['react', 'react/*'],
    rooms: ['ui', 'wizard'],
    message: "React belongs to the Ink face and the wizard's hook.",
  },
  {
    group: ['@inquirer/*'],
    rooms: ['plain', 'commands'],
    message: 'Line prompts belong to src/plain and the commands.',
  },
];
/** A path that climbs, descends and climbs again ('../ui/../azure') could hide where it goes. */
const SHORTEST_PATH = {
  regex: '^\\./\\.\\.|[^.]/\\.\\.(/|$)',
  message: 'Write the shortest relative path: the import rules read where it climbs to.',
};
const DEPTHS = [1, 2, 3];

/** The patterns for a file `depth` folders below src/<room>/: every room not allowed, every library not its own. */
function patternsFor(room, depth, doors = []) {
  const allowed = new Set([room, ...ROOMS[room].may, ...doors]);
  const climb = '\\.\\./'.repeat(depth);
  const refused = Object.keys(ROOMS).filter((other) => !allowed.has(other));
  const patterns = [SHORTEST_PATH];
  if (refused.length > 0) patterns.push({ regex: `^${climb}(${refused.join('|')})(/|$)`, message: ROOMS[room].why });
  const modules = REFUSED_MODULES[room];
  if (modules) patterns.push({ regex: `^${climb}(${modules.modules.join('|')})$`, message: modules.why });
  // Climbing past src/ (or to a loose file in it) is refused too: there are no loose files.
  patterns.push({ regex: `^${climb}(\\.\\./|[^./][^/]*$)`, message: 'src/ holds rooms only, no loose files.' });
  for (const library of LIBRARIES)
    if (!library.rooms.includes(room)) patterns.push({ group: library.group, message: library.message });
  if (room === 'domain' || room === 'wire')
    patterns.push({ regex: '^(?![./]|node:)', message: `src/${room} uses no library but node:.` });
  return patterns;
}

function roomRules() {
  const blocks = [];
  for (const room of Object.keys(ROOMS))
    for (const depth of DEPTHS)
      blocks.push({
        files: [`src/${room}/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
        rules: { 'no-restricted-imports': ['error', { patterns: patternsFor(room, depth) }] },
      });
  for (const [file, doors] of Object.entries(DOORS)) {
    const room = file.split('/')[1];
    blocks.push({
      files: [file],
      rules: { 'no-restricted-imports': ['error', { patterns: patternsFor(room, file.split('/').length - 2, doors) }] },
    });
  }
  return blocks;
}

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
    // bin/ is CommonJS too (bin/package.json): the npm command's --version skips the ES module loader.
    files: ['**/*.cjs', 'bin/*.js'],
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
    },
  },
  ...roomRules(),
);
