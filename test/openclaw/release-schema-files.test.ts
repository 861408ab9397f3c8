/** Where a release's committed schema lives (`lib/openclaw/schema/release-schema-files.ts`) and the refusal without one. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CONFIG_SCHEMA_FILE,
  hasReleaseSchema,
  loadReleaseSchema,
  releaseSchemaPath,
  SCHEMA_PROVENANCE_FILE,
  schemaExtractCommand,
} from '../../lib/openclaw/schema/release-schema-files';
import { REPO_ROOT } from '../support/openclaw-ops-harness';

test('a release keeps its schema and where it came from beside its spec', () => {
  expect(releaseSchemaPath('v2026.02.19')).toBe(join(REPO_ROOT, 'openclaw-releases', '2026.2.19', CONFIG_SCHEMA_FILE));
  expect(CONFIG_SCHEMA_FILE).toBe('config-schema.json');
  const provenance = JSON.parse(
    readFileSync(join(REPO_ROOT, 'openclaw-releases', '2026.2.19', SCHEMA_PROVENANCE_FILE), 'utf8'),
  ) as { version?: string };
  expect(SCHEMA_PROVENANCE_FILE).toBe('config-schema.provenance.json');
  expect(typeof provenance).toBe('object');
  expect(hasReleaseSchema('2026.2.19')).toBe(true);
  expect(loadReleaseSchema('2026.2.19').version).toBe('2026.2.19');
});

test('a release without a committed schema is refused, naming the command that extracts it', () => {
  expect(hasReleaseSchema('2026.5.12')).toBe(false);
  const file = join(REPO_ROOT, 'openclaw-releases', '2026.5.12', 'config-schema.json');
  expect(existsSync(file)).toBe(false);
  expect(() => loadReleaseSchema('2026.5.12')).toThrow(
    new Error(
      `openclaw 2026.5.12 has no committed schema (${file}): run \`npm run openclaw:schema -- 2026.5.12\` to extract it`,
    ),
  );
  expect(schemaExtractCommand('2026.9.6')).toBe('npm run openclaw:schema -- 2026.9.6');
});
