import Ajv, { type ValidateFunction } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { toInputSchema } from './input-schema';
import type { JsonSchemaNode } from './release-schema-files';
import { RELEASE_SCHEMA_FORMATS } from './schema-formats';

/**
 * The ajv that compiles release schemas. Without ajv's `verbose` option: the messages read each
 * error's value and parent schema back from the document and the schema (`schema-error-details.ts`);
 * `verbose` is only for a test that compares the two.
 */
export function newReleaseSchemaAjv(source: boolean, verbose = false): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    allowUnionTypes: true,
    unicodeRegExp: false,
    code: { source, optimize: 1 },
    logger: false,
    verbose,
  });
  for (const [name, format] of Object.entries(RELEASE_SCHEMA_FORMATS)) {
    ajv.addFormat(name, format);
  }
  return ajv;
}

/** Compiles the input view of a release schema (used when no build-time validator is there). */
export function compileReleaseSchema(schema: JsonSchemaNode): ValidateFunction {
  return newReleaseSchemaAjv(false).compile(toInputSchema(schema));
}

/** The CommonJS source of the compiled validator of a release schema (written at build time). */
export function releaseSchemaValidatorCode(schema: JsonSchemaNode): string {
  const ajv = newReleaseSchemaAjv(true);
  return standaloneCode(ajv, ajv.compile(toInputSchema(schema)));
}
