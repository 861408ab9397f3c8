/**
 * Loading a release's validator (`lib/openclaw/schema/release-schema-validator.ts`): the one the build
 * compiled when its first line carries the committed schema's hash, once per release, and none for a
 * release without a committed schema.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { releaseSchemaPath } from '../../lib/openclaw/schema/release-schema-files';
import {
  loadReleaseSchemaValidator,
  SCHEMA_VALIDATORS_DIR,
  validatorHeader,
} from '../../lib/openclaw/schema/release-schema-validator';
import { REPO_ROOT } from '../support/openclaw-ops-harness';

test("a compiled validator's first line starts with the sha256 of the schema text", () => {
  expect(validatorHeader('abc')).toBe(
    '// openclaw-ops schema sha256 ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad ',
  );
  const text = readFileSync(releaseSchemaPath('2026.2.19'), 'utf8');
  const firstLine = readFileSync(join(SCHEMA_VALIDATORS_DIR, '2026.2.19.cjs'), 'utf8').split('\n')[0];
  expect(firstLine.startsWith(validatorHeader(text))).toBe(true);
  expect(validatorHeader(text)).toContain(createHash('sha256').update(text).digest('hex'));
  expect(SCHEMA_VALIDATORS_DIR).toBe(join(REPO_ROOT, 'build', 'openclaw-schema'));
});

test("a committed schema loads the build's validator, once", () => {
  const loaded = loadReleaseSchemaValidator('2026.2.19');
  expect(loaded?.compiled).toBe('build');
  expect(loaded?.schema.version).toBe('2026.2.19');
  expect(loadReleaseSchemaValidator('2026.2.19')).toBe(loaded);
  expect(loaded?.validate({ gateway: { port: 18789 } })).toBe(true);
  expect(loaded?.validate({ gateway: { port: 'x' } })).toBe(false);
  // compiled without ajv's verbose option: no value or schema on the error (schema-error-details.ts)
  expect(loaded?.validate.errors?.map((e) => [e.keyword, e.instancePath, e.schemaPath, 'data' in e])).toEqual([
    ['type', '/gateway/port', '#/properties/gateway/properties/port/type', false],
  ]);
});

test('a release without a committed schema has no validator', () => {
  expect(loadReleaseSchemaValidator('2026.5.12')).toBeUndefined();
});
