/**
 * Variants of an `openclaw.json` generated from a release's own schema: for every object the schema
 * describes (down to a depth), an unknown key, and for its properties a value of the wrong type, a
 * value outside an enum, a number outside its bounds, an empty string where one is refused. Each
 * variant is the base document with one edit, at a path created as needed.
 */
import { toInputSchema } from '../../lib/openclaw/schema/input-schema';
import type { JsonSchemaNode } from '../../lib/openclaw/schema/release-schema-files';

type Node = Record<string, unknown>;
type Doc = Record<string, unknown>;

export interface SchemaVariant {
  readonly id: string;
  /** The top-level section the edit is in. */
  readonly section: string;
  readonly kind: 'unknown-key' | 'wrong-type' | 'out-of-enum' | 'out-of-range' | 'empty-string';
  readonly document: Doc;
}

const asNode = (v: unknown): Node | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : undefined;

function resolve(node: Node | undefined, root: Node): Node | undefined {
  let current = node;
  for (let i = 0; current && i < 8; i++) {
    if (typeof current.$ref === 'string' && current.$ref.startsWith('#/')) {
      current = current.$ref
        .slice(2)
        .split('/')
        .reduce<Node | undefined>((n, p) => asNode(n?.[p]), root);
    } else {
      return current;
    }
  }
  return current;
}

function typeOf(node: Node): string | undefined {
  if (typeof node.type === 'string') return node.type;
  if (Array.isArray(node.enum) && node.enum.every((v) => typeof v === 'string')) return 'string';
  return undefined;
}

function wrongValue(type: string): unknown {
  switch (type) {
    case 'string':
      return 12345;
    case 'number':
    case 'integer':
      return 'not-a-number';
    case 'boolean':
      return 'yes';
    case 'array':
      return { not: 'an array' };
    case 'object':
      return 'not-an-object';
    default:
      return undefined;
  }
}

/** Sets `value` at `path` in a copy of `base`, creating objects on the way (a map key gets a sample). */
function withValue(base: Doc, path: readonly string[], value: unknown): Doc {
  const copy = structuredClone(base);
  let node: Doc = copy;
  for (const part of path.slice(0, -1)) {
    const next = node[part];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[part] = {};
    node = node[part] as Doc;
  }
  node[path[path.length - 1]!] = value;
  return copy;
}

export interface SchemaVariantOptions {
  /** Deepest object level mutated (top-level sections are level 1). @default 3 */
  readonly maxDepth?: number;
  /** Most properties mutated per object. @default 8 */
  readonly maxPropertiesPerObject?: number;
}

/** Every variant the schema gives for `base`, in a stable order. */
export function schemaVariants(schema: JsonSchemaNode, base: Doc, options: SchemaVariantOptions = {}): SchemaVariant[] {
  const root = toInputSchema(schema) as Node;
  const maxDepth = options.maxDepth ?? 3;
  const perObject = options.maxPropertiesPerObject ?? 8;
  const variants: SchemaVariant[] = [];
  const add = (path: string[], kind: SchemaVariant['kind'], value: unknown): void => {
    variants.push({
      id: `${kind} ${path.join('.')}`,
      section: path[0]!,
      kind,
      document: withValue(base, path, value),
    });
  };
  const walk = (raw: Node | undefined, path: string[]): void => {
    const node = resolve(raw, root);
    if (!node || path.length > maxDepth) return;
    const properties = asNode(node.properties);
    if (typeOf(node) === 'object' || properties) {
      if (path.length > 0 && node.additionalProperties === false && properties) {
        const first = Object.keys(properties).sort()[0] ?? 'key';
        add([...path, `${first}Typo`], 'unknown-key', true);
      }
      const keys = Object.keys(properties ?? {})
        .filter((k) => k !== '$schema')
        .sort();
      const picked = path.length === 0 ? keys : keys.slice(0, perObject);
      for (const key of picked) {
        const child = resolve(asNode(properties![key]), root);
        if (!child) continue;
        const childPath = [...path, key];
        if (path.length > 0 || picked.length > 0) mutateLeaf(child, childPath);
        walk(child, childPath);
      }
      const map = asNode(node.additionalProperties);
      if (map && path.length > 0 && path.length < maxDepth) {
        const sample = resolve(map, root);
        if (sample && asNode(sample.properties)) walk(sample, [...path, 'sample']);
      }
    }
  };
  const mutateLeaf = (node: Node, path: string[]): void => {
    const type = typeOf(node);
    const union = Array.isArray(node.anyOf) ? (node.anyOf as unknown[]).map((b) => resolve(asNode(b), root)) : [];
    const literalUnion =
      union.length > 0 && union.every((b) => b !== undefined && ('const' in b || Array.isArray(b.enum)));
    if (Array.isArray(node.enum) || 'const' in node || literalUnion) {
      add(path, 'out-of-enum', 'bogus-enum-value');
      return;
    }
    if (
      (type === 'number' || type === 'integer') &&
      (typeof node.minimum === 'number' || typeof node.exclusiveMinimum === 'number')
    ) {
      const low = typeof node.minimum === 'number' ? node.minimum - 1 : (node.exclusiveMinimum as number);
      add(path, 'out-of-range', low);
      return;
    }
    if ((type === 'number' || type === 'integer') && typeof node.maximum === 'number') {
      add(path, 'out-of-range', node.maximum + 1);
      return;
    }
    if (type === 'string' && typeof node.minLength === 'number' && node.minLength > 0) {
      add(path, 'empty-string', '');
      return;
    }
    if (type !== undefined && wrongValue(type) !== undefined) {
      add(path, 'wrong-type', wrongValue(type));
    }
  };
  walk(root, []);
  const seen = new Set<string>();
  return variants.filter((v) => (seen.has(v.id) ? false : (seen.add(v.id), true)));
}
