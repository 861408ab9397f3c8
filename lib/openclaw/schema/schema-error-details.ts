import type { ErrorObject } from 'ajv';
import { isJsonObject, type JsonObject } from '../../core/json-value';
import type { JsonSchemaNode } from './release-schema-files';

/**
 * What a message needs of an ajv error beyond its paths and params: the value it is about and the
 * schema object holding its keyword. ajv's `verbose` option puts both on every error, at the price
 * of a validator that embeds the whole schema (about a third more code, carried in synth's startup
 * snapshot); the release validators are compiled without it, and these read both back.
 */
export interface SchemaErrorDetails {
  /** The value the error is about (what ajv's verbose `data` is). */
  value(error: ErrorObject): unknown;
  /** The schema object holding the error's keyword (ajv's verbose `parentSchema` when an object). */
  parentSchema(error: ErrorObject): JsonObject | undefined;
}

/**
 * The details of the errors a validator compiled from `compiledFrom()` (called once, when a parent
 * schema is first needed) reported for `document`, the value it validated.
 */
export function errorDetailsOf(document: unknown, compiledFrom: () => JsonSchemaNode): SchemaErrorDetails {
  let root: JsonSchemaNode | undefined;
  return {
    // inside `propertyNames` ajv validates a key, names it `propertyName`, and keeps the object's path
    value: (error) => error.propertyName ?? valueAt(document, error.instancePath),
    parentSchema: (error) => schemaHolding(error, document, (root ??= compiledFrom())),
  };
}

/** `/a/b~1c/0` → `["a", "b/c", "0"]` (a JSON Pointer's tokens, unescaped). */
export function pointerTokens(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function member(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** The value at a JSON Pointer (ajv's `instancePath`) in `document`; undefined when nothing is there. */
export function valueAt(document: unknown, pointer: string): unknown {
  return pointerTokens(pointer).reduce<unknown>(member, document);
}

/** A property name as ajv writes it into a schema path (JSON Pointer escapes, then URI encoding). */
function fragment(name: string): string {
  return encodeURIComponent(name.replace(/~/g, '~0').replace(/\//g, '~1'));
}

/** What ajv tests to decide whether a referenced schema is inlined (no reference anywhere inside). */
const REFERENCE_KEYWORDS = new Set(['$ref', '$recursiveRef', '$recursiveAnchor', '$dynamicRef', '$dynamicAnchor']);

function containsReference(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(containsReference);
  if (!isJsonObject(value)) return false;
  return Object.entries(value).some(([key, inner]) => REFERENCE_KEYWORDS.has(key) || containsReference(inner));
}

/** The target of a local reference (`#` or `#/…`) inside `base`, with the base its own references resolve in. */
function referenced(base: JsonSchemaNode, ref: string): { node: unknown; base: JsonSchemaNode } | undefined {
  if (!/^#(\/|$)/.test(ref)) return undefined;
  let node: unknown = base;
  let within: JsonSchemaNode = base;
  for (const token of ref.split('/').slice(1)) {
    const key = decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
    node = member(node, key);
    if (isJsonObject(node) && typeof node.$id === 'string') within = node;
  }
  return { node, base: within };
}

/**
 * The schema object holding an error's keyword: the walk ajv's validator took to report it, replayed
 * along the error's instance path. A schema path alone does not name the schema: inside a referenced
 * schema ajv restarts it, at the reference (`#/definitions/x/…`, an inlined target) or at `#` (a
 * target compiled as its own function, one that holds references itself). So every schema that
 * applies at each step of the instance path is visited (through properties, additionalProperties,
 * items, additionalItems, the branches of anyOf, oneOf and allOf, then, else, propertyNames and
 * local `$ref`s), each with the schema path ajv gives it, and the first one at the error's instance
 * whose path plus the keyword is the error's schema path, and which has the keyword, is the parent.
 */
function schemaHolding(error: ErrorObject, document: unknown, root: JsonSchemaNode): JsonObject | undefined {
  const tokens = pointerTokens(error.instancePath);
  const values = tokens.reduce<unknown[]>((list, token) => [...list, member(list[list.length - 1], token)], [document]);
  // the references followed at each instance step: a cycle that consumes no step would never end
  const followed = tokens.map(() => new Set<unknown>()).concat([new Set<unknown>()]);
  const visit = (schema: unknown, path: string, depth: number, base: JsonSchemaNode): JsonObject | undefined => {
    if (!isJsonObject(schema)) return undefined;
    const within = typeof schema.$id === 'string' ? schema : base;
    if (
      depth === tokens.length &&
      `${path}/${error.keyword}` === error.schemaPath &&
      Object.hasOwn(schema, error.keyword)
    ) {
      return schema;
    }
    const inPlace = (keyword: string): JsonObject | undefined =>
      visit(schema[keyword], `${path}/${keyword}`, depth, within);
    const branches = (keyword: string): JsonObject | undefined => {
      const list = schema[keyword];
      if (!Array.isArray(list)) return undefined;
      for (const [index, branch] of list.entries()) {
        const found = visit(branch, `${path}/${keyword}/${index}`, depth, within);
        if (found) return found;
      }
      return undefined;
    };
    const found =
      branches('anyOf') ??
      branches('oneOf') ??
      branches('allOf') ??
      inPlace('then') ??
      inPlace('else') ??
      (depth === tokens.length ? inPlace('propertyNames') : undefined) ??
      followReference(schema, depth, within);
    if (found || depth === tokens.length) return found;
    return descend(schema, path, depth, within);
  };
  const followReference = (schema: JsonObject, depth: number, base: JsonSchemaNode): JsonObject | undefined => {
    if (typeof schema.$ref !== 'string') return undefined;
    const target = referenced(base, schema.$ref);
    if (!target || followed[depth].has(target.node)) return undefined;
    followed[depth].add(target.node);
    return visit(target.node, containsReference(target.node) ? '#' : schema.$ref, depth, target.base);
  };
  const descend = (schema: JsonObject, path: string, depth: number, base: JsonSchemaNode): JsonObject | undefined => {
    const token = tokens[depth];
    const value = values[depth];
    if (isJsonObject(value)) {
      const properties = schema.properties;
      if (isJsonObject(properties) && Object.hasOwn(properties, token)) {
        return visit(properties[token], `${path}/properties/${fragment(token)}`, depth + 1, base);
      }
      return visit(schema.additionalProperties, `${path}/additionalProperties`, depth + 1, base);
    }
    if (Array.isArray(value)) {
      const items = schema.items;
      if (!Array.isArray(items)) return visit(items, `${path}/items`, depth + 1, base);
      const index = Number(token);
      return index < items.length
        ? visit(items[index], `${path}/items/${index}`, depth + 1, base)
        : visit(schema.additionalItems, `${path}/additionalItems`, depth + 1, base);
    }
    return undefined;
  };
  return visit(root, '#', 0, root);
}
