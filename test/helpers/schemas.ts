/** The JSON Schemas of schemas/, for checking what a command printed with -o json. */
import Ajv from 'ajv';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from './pty';

const ajv = new Ajv({ allErrors: true });
for (const file of readdirSync(join(ROOT, 'schemas')))
  ajv.addSchema(JSON.parse(readFileSync(join(ROOT, 'schemas', file), 'utf8')));

export function expectSchema(name: string, document: unknown): void {
  const validate = ajv.getSchema(`${name}.schema.json`);
  if (!validate) throw new Error(`no schema named ${name}`);
  expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
}

export const json = (stdout: string) => JSON.parse(stdout) as Record<string, any>;
