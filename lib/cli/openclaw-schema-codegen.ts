/**
 * Run by `scripts/build.mjs`: compiles the validator of every committed release schema
 * (`openclaw-releases/<version>/config-schema.json`) into `build/openclaw-schema/<version>.cjs`
 * (ajv standalone code), so synth loads a compiled validator instead of compiling one per run.
 * Skips a version whose compiled file matches its schema.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listOpenClawReleaseSpecs } from '../openclaw/release/release-spec';
import { releaseSchemaValidatorCode } from '../openclaw/schema/compile-release-schema';
import { hasReleaseSchema, releaseSchemaPath, type ReleaseConfigSchema } from '../openclaw/schema/release-schema-files';
import { SCHEMA_VALIDATORS_DIR, validatorHeader } from '../openclaw/schema/release-schema-validator';

mkdirSync(SCHEMA_VALIDATORS_DIR, { recursive: true });
for (const version of listOpenClawReleaseSpecs().filter((v) => hasReleaseSchema(v))) {
  const text = readFileSync(releaseSchemaPath(version), 'utf8');
  const header = `${validatorHeader(text)}codegen ${process.env.OPENCLAW_OPS_SCHEMA_CODEGEN ?? 'unknown'}`;
  const out = join(SCHEMA_VALIDATORS_DIR, `${version}.cjs`);
  if (existsSync(out) && readFileSync(out, 'utf8').startsWith(`${header}\n`)) continue;
  const schema = JSON.parse(text) as ReleaseConfigSchema;
  writeFileSync(out, `${header}\n${releaseSchemaValidatorCode(schema.schema)}\n`);
  process.stdout.write(`compiled the openclaw ${version} schema validator: ${out}\n`);
}
