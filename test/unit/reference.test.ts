import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referenceMarkdown } from '../../src/cli/reference';
import { COMMANDS } from '../../src/cli/command-table';
import { OPTION_SPECS } from '../../src/cli/options';

describe('docs/reference.md, the command reference', () => {
  const written = readFileSync(new URL('../../docs/reference.md', import.meta.url), 'utf8');

  it('is what the command table makes today (else: npm run docs)', () => {
    expect(written, 'docs/reference.md is stale: run npm run docs').toBe(referenceMarkdown());
  });

  it('has a section for every command and names every flag', () => {
    for (const command of COMMANDS) expect(written).toContain(`## nginxaas-keys ${command}\n`);
    for (const spec of OPTION_SPECS) expect(written).toContain(`--${spec.name}`);
  });
});
