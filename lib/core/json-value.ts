/**
 * JSON values as a parsed document holds them, and the one check of "is this a JSON object" that
 * every walker of documents and schemas shares.
 */

/** A JSON scalar. */
export type JsonPrimitive = string | number | boolean | null;

/** Any JSON value. */
export type JsonValue = JsonPrimitive | readonly JsonValue[] | JsonObject;

/**
 * A JSON object. Members may be `undefined` so that objects with optional members are assignable;
 * `undefined` members are absent from the serialized document.
 */
export type JsonObject = { readonly [key: string]: JsonValue | undefined };

/** True for a non-null, non-array object (a JSON object once parsed). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
