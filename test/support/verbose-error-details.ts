import type { ErrorObject } from 'ajv';
import { isJsonObject, type JsonObject } from '../../lib/core/json-value';
import type { SchemaErrorDetails } from '../../lib/openclaw/schema/schema-error-details';

/** The details ajv's `verbose` option writes on each error: `data`, and `parentSchema` when an object. */
export const VERBOSE_DETAILS: SchemaErrorDetails = {
  value: (error: ErrorObject): unknown => error.data,
  parentSchema: (error: ErrorObject): JsonObject | undefined =>
    isJsonObject(error.parentSchema) ? error.parentSchema : undefined,
};
