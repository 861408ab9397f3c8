/**
 * Documents that break a schema at every place it describes: the schema (an input view, as the
 * release validators are compiled from) is walked through properties, additionalProperties (a map's
 * sample key), items, additionalItems, the branches of anyOf, oneOf and allOf, then and else, and
 * local `$ref`s resolved in the schema resource that holds them (an `$id` starts one), down to a
 * depth; at each place it reaches, each value of a fixed palette (wrong types, empty and odd values,
 * an object with an unknown and oddly named key) is set in an otherwise empty document, which
 * creates the objects and arrays on the way. So one document fails keywords at its place and the
 * `required` and other keywords of every object above it.
 */
import type { JsonSchemaNode } from '../../lib/openclaw/schema/release-schema-files';

type Node = Readonly<Record<string, unknown>>;
type Segment = string | number;

export interface BreakingDocument {
  readonly id: string;
  readonly document: Record<string, unknown>;
}

/** The values set at each place. */
export const PALETTE: readonly unknown[] = [
  'x',
  '',
  'not a url or a number',
  1.5,
  -1,
  0,
  12345678901,
  true,
  null,
  [],
  ['x', 1],
  {},
  { 'zz unknown/~key': 1, '': 'x' },
];

const asNode = (value: unknown): Node | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : undefined;

function target(base: Node, ref: string): Node | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = base;
  for (const token of ref.slice(1).split('/').slice(1)) {
    node = asNode(node)?.[decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return asNode(node);
}

/** A place the walk reaches: an instance path, and whether a schema there was reached through a `$ref`. */
export interface SchemaPlace {
  readonly path: readonly Segment[];
  referenced: boolean;
}

/** Every place the walk reaches, once each, in the order first reached. */
export function schemaPlaces(schema: JsonSchemaNode, maxDepth: number): SchemaPlace[] {
  const places = new Map<string, SchemaPlace>();
  const walking = new Set<Node>();
  const walk = (raw: unknown, base: Node, path: Segment[], referenced = false): void => {
    const node = asNode(raw);
    if (!node || path.length > maxDepth || walking.has(node)) return;
    walking.add(node);
    const within = typeof node.$id === 'string' ? node : base;
    const key = JSON.stringify(path);
    const place = places.get(key) ?? places.set(key, { path, referenced }).get(key)!;
    place.referenced ||= referenced;
    if (typeof node.$ref === 'string') walk(target(within, node.$ref), within, path, true);
    for (const keyword of ['anyOf', 'oneOf', 'allOf']) {
      const list = node[keyword];
      if (Array.isArray(list)) for (const branch of list) walk(branch, within, path);
    }
    walk(node.then, within, path);
    walk(node.else, within, path);
    for (const [key, child] of Object.entries(asNode(node.properties) ?? {})) walk(child, within, [...path, key]);
    walk(node.additionalProperties, within, [...path, 'sample']);
    if (Array.isArray(node.items)) {
      node.items.forEach((item, index) => walk(item, within, [...path, index]));
      walk(node.additionalItems, within, [...path, node.items.length]);
    } else {
      walk(node.items, within, [...path, 0]);
    }
    walking.delete(node);
  };
  walk(schema, schema, []);
  return [...places.values()];
}

/** `value` at `path` in an empty document, with the objects (or arrays of nulls, for a number) on the way. */
function documentWith(path: readonly Segment[], value: unknown): Record<string, unknown> {
  if (path.length === 0) return structuredClone(value) as Record<string, unknown>;
  const root: Record<string, unknown> = {};
  let node: Record<Segment, unknown> = root;
  path.forEach((segment, index) => {
    const next = path[index + 1];
    node[segment] =
      next === undefined ? structuredClone(value) : typeof next === 'number' ? new Array<unknown>(next).fill(null) : {};
    node = node[segment] as Record<Segment, unknown>;
  });
  return root;
}

/**
 * One document per place `keep` keeps and palette value (the document itself at the top is an
 * object, so the empty place gets only the object values).
 */
export function schemaBreakingDocuments(
  schema: JsonSchemaNode,
  maxDepth: number,
  keep: (place: SchemaPlace, index: number) => boolean = () => true,
): BreakingDocument[] {
  const documents: BreakingDocument[] = [];
  for (const { path } of schemaPlaces(schema, maxDepth).filter(keep)) {
    for (const value of PALETTE) {
      if (path.length === 0 && asNode(value) === undefined) continue;
      documents.push({ id: `${path.join('.')} = ${JSON.stringify(value)}`, document: documentWith(path, value) });
    }
  }
  return documents;
}
