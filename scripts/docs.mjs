// Writes docs/reference.md from the command table (src/cli/reference.ts). The TypeScript is bundled
// into a temporary file first, as the build does, so the script needs nothing but esbuild.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const folder = mkdtempSync(join(tmpdir(), 'nginxaas-keys-docs-'));
try {
  const out = join(folder, 'reference.mjs');
  await build({
    entryPoints: ['src/cli/reference.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'error',
  });
  const { referenceMarkdown } = await import(pathToFileURL(out).href);
  writeFileSync('docs/reference.md', referenceMarkdown());
  console.log('wrote docs/reference.md');
} finally {
  rmSync(folder, { recursive: true, force: true });
}
