import { toInputSchema } from './input-schema';
import type { JsonSchemaNode } from './release-schema-files';
import { compareText } from '../../core/compare-text';
import { isJsonObject } from '../../core/json-value';

/** One difference between two releases' schemas at a path a document uses. */
export interface SchemaChange {
  readonly kind: 'removed-key' | 'narrowed-enum' | 'new-required-key';
  /** Dotted path of the document (`[]` for any item of an array). */
  readonly path: string;
  readonly detail: string;
}

type Node = Readonly<Record<string, unknown>>;

function asNode(value: unknown): Node | undefined {
  return isJsonObject(value) ? value : undefined;
}

/**
 * The object schema behind a node: follows local `$ref`s (each once, so a reference cycle ends at the
 * reference that repeats, which then counts as a schema that allows anything) and the object branch
 * of an anyOf / oneOf.
 */
function resolve(node: Node | undefined, root: Node): Node | undefined {
  const followed = new Set<string>();
  let current = node;
  while (current) {
    const ref = current.$ref;
    if (typeof ref === 'string' && ref.startsWith('#/') && !followed.has(ref)) {
      followed.add(ref);
      current = ref
        .slice(2)
        .split('/')
        .reduce<Node | undefined>((n, part) => asNode(n?.[part]), root);
      continue;
    }
    const union = (current.anyOf ?? current.oneOf) as unknown[] | undefined;
    const objectBranch = Array.isArray(union)
      ? union.map(asNode).find((b) => b?.type === 'object' || b?.properties !== undefined)
      : undefined;
    if (objectBranch === undefined) return current;
    current = objectBranch;
  }
  return undefined;
}

/** The enum values a node accepts, or undefined when it is not a closed set. */
function enumValues(node: Node | undefined): unknown[] | undefined {
  if (!node) return undefined;
  if (Array.isArray(node.enum)) return node.enum as unknown[];
  if ('const' in node) return [node.const];
  const union = (node.anyOf ?? node.oneOf) as unknown[] | undefined;
  if (Array.isArray(union)) {
    const parts = union.map((b) => enumValues(asNode(b)));
    return parts.every((p) => p !== undefined) ? parts.flat() : undefined;
  }
  return undefined;
}

/**
 * What `to` refuses that `from` accepted, along the paths `doc` uses: keys `from` knew and `to` does
 * not (removed or renamed), enums whose values `to` dropped, keys `to` requires that `from` did not.
 */
export function diffSchemasForDocument(from: JsonSchemaNode, to: JsonSchemaNode, doc: unknown): SchemaChange[] {
  const fromRoot = toInputSchema(from) as Node;
  const toRoot = toInputSchema(to) as Node;
  // keyed by kind, path and detail: the items of an array share their path, and report a change once
  const changes = new Map<string, SchemaChange>();
  const add = (change: SchemaChange): void => {
    changes.set(`${change.kind} ${change.path} ${change.detail}`, change);
  };
  const walk = (value: unknown, a: Node | undefined, b: Node | undefined, path: string): void => {
    const fa = resolve(a, fromRoot);
    const fb = resolve(b, toRoot);
    if (!fa || !fb) return;
    const before = enumValues(fa);
    const after = enumValues(fb);
    if (before && after) {
      const dropped = before.filter((v) => !after.some((w) => JSON.stringify(w) === JSON.stringify(v)));
      if (dropped.length > 0) {
        add({
          kind: 'narrowed-enum',
          path,
          detail: `no longer accepts ${dropped.map((v) => JSON.stringify(v)).join(', ')}`,
        });
      }
    }
    if (Array.isArray(value)) {
      const ia = asNode(fa.items);
      const ib = asNode(fb.items);
      value.forEach((item) => walk(item, ia, ib, `${path}[]`));
      return;
    }
    const object = asNode(value);
    if (!object) return;
    const pa = asNode(fa.properties) ?? {};
    const pb = asNode(fb.properties) ?? {};
    const ra = new Set((Array.isArray(fa.required) ? fa.required : []) as string[]);
    for (const key of (Array.isArray(fb.required) ? fb.required : []) as string[]) {
      if (!ra.has(key) && !(key in object)) {
        add({ kind: 'new-required-key', path: join(path, key), detail: 'required from this release on' });
      }
    }
    for (const key of Object.keys(object)) {
      const childPath = join(path, key);
      const inA = asNode(pa[key]) ?? asNode(fa.additionalProperties);
      const inB = asNode(pb[key]) ?? asNode(fb.additionalProperties);
      const knownA = key in pa || fa.additionalProperties !== false;
      const knownB = key in pb || fb.additionalProperties !== false;
      if (knownA && !knownB) {
        add({ kind: 'removed-key', path: childPath, detail: 'the key is unknown from this release on' });
        continue;
      }
      walk(object[key], inA, inB, childPath);
    }
  };
  walk(doc, fromRoot, toRoot, '');
  return [...changes.values()].sort((x, y) => compareText(x.path, y.path) || compareText(x.kind, y.kind));
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
