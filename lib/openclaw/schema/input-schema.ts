import type { JsonSchemaNode } from './release-schema-files';

/**
 * The release's schema as a check of what a person writes. The gateway serves the schema of the
 * parsed config (zod's output view): a key with a default is listed as required there, though the
 * loader fills it in when it is absent. This drops exactly those names from every `required` list
 * (a name whose property schema carries a `default`). Later releases keep shared parts under
 * `$defs`, which draft-07 validators do not resolve: they move to `definitions` (same pointers).
 * A plugin's schema merged in keeps its own `#/$defs/…` references, relative to the plugin schema's
 * root (as the plugin loader resolves them): that node gets an `$id`, so they resolve there.
 * The root's own `$schema` key (the release's zod schema has `$schema: z.string().optional()`) is
 * missing from the JSON Schema it serves, its name being a keyword: it is put back. Nothing else
 * changes.
 */
export function toInputSchema(schema: JsonSchemaNode): JsonSchemaNode {
  const input = rewrite(schema, '') as Record<string, unknown>;
  const properties = (input.properties ?? {}) as Record<string, unknown>;
  if (!('$schema' in properties)) {
    input.properties = { $schema: { type: 'string' }, ...properties };
  }
  return input;
}

const LITERAL_KEYWORDS = new Set(['default', 'examples', 'const', 'enum']);

function rewrite(node: unknown, at: string): unknown {
  if (Array.isArray(node)) {
    return node.map((item, index) => rewrite(item, `${at}/${index}`));
  }
  if (node === null || typeof node !== 'object') {
    return node;
  }
  const source = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === '$ref' && typeof value === 'string') {
      out[key] = value.replace(/^#\/\$defs\//, '#/definitions/');
    } else {
      out[key === '$defs' ? 'definitions' : key] = LITERAL_KEYWORDS.has(key) ? value : rewrite(value, `${at}/${key}`);
    }
  }
  if (at !== '' && '$defs' in source && !('$id' in source)) {
    out.$id = `urn:openclaw-ops:schema${at.replace(/[^A-Za-z0-9/_.-]/g, '_')}`;
  }
  const properties = source.properties as Record<string, unknown> | undefined;
  if (Array.isArray(source.required) && properties) {
    out.required = (source.required as string[]).filter((name) => {
      const property = properties[name];
      return !(property !== null && typeof property === 'object' && 'default' in property);
    });
  }
  return out;
}
