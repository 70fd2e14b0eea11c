/**
 * The suite's own hygiene: it runs in a temporary folder of its own, which is removed at its end.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('test-hygiene-');

describe('test hygiene', () => {
  it('the suite runs inside a temporary folder of its own, removed at the end', () => {
    expect(process.env.TMPDIR).toMatch(/nginxaas-keys-tests-/);
    writeFileSync(join(tempDir(), 'probe'), 'x');
  });
});
