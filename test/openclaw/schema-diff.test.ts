/**
 * What `npm run upgrade-check` reads between two releases' schemas (`lib/openclaw/schema/schema-diff.ts`)
 * and how a served schema becomes a check of what a person writes (`input-schema.ts`), in process:
 * small schemas for each rule, and the committed schemas of 2026.2.19 and 2026.9.6 on a document.
 */
import { loadReleaseSchema } from '../../lib/openclaw/schema/release-schema-files';
import { toInputSchema } from '../../lib/openclaw/schema/input-schema';
import { diffSchemasForDocument } from '../../lib/openclaw/schema/schema-diff';

type Schema = Record<string, unknown>;

const object = (properties: Schema, extra: Schema = {}): Schema => ({
  type: 'object',
  properties,
  additionalProperties: false,
  ...extra,
});

describe('toInputSchema', () => {
  test('drops from required only the names whose property has a default, at every level', () => {
    const served = object(
      {
        mode: { type: 'string', default: 'local' },
        port: { type: 'integer' },
        nested: object({ a: { default: 1 } }, { required: ['a'] }),
      },
      { required: ['mode', 'port', 'nested', 'ghost'] },
    );
    const input = toInputSchema(served) as Schema;
    expect(input.required).toEqual(['port', 'nested', 'ghost']);
    expect(((input.properties as Schema).nested as Schema).required).toEqual([]);
    expect(served.required).toEqual(['mode', 'port', 'nested', 'ghost']); // the served schema is not changed
  });

  test('puts the root $schema key back first, unless the schema has it', () => {
    const input = toInputSchema(object({ gateway: object({}) })) as Schema;
    expect(Object.keys(input.properties as Schema)).toEqual(['$schema', 'gateway']);
    expect((input.properties as Schema).$schema).toEqual({ type: 'string' });
    const own = toInputSchema(object({ $schema: { type: 'string', format: 'uri' } })) as Schema;
    expect(own.properties).toEqual({ $schema: { type: 'string', format: 'uri' } });
    expect((toInputSchema({ type: 'object' }) as Schema).properties).toEqual({ $schema: { type: 'string' } });
  });

  test('moves $defs to definitions and rewrites the references; a nested $defs node gets an $id', () => {
    const served = {
      $defs: { port: { type: 'integer' } },
      type: 'object',
      properties: {
        gateway: { $ref: '#/$defs/port' },
        plugin: { $defs: { x: { type: 'string' } }, properties: { y: { $ref: '#/$defs/x' } } },
        'odd key': { $defs: {}, $id: 'urn:own' },
      },
    };
    expect(toInputSchema(served)).toEqual({
      definitions: { port: { type: 'integer' } },
      type: 'object',
      properties: {
        $schema: { type: 'string' },
        gateway: { $ref: '#/definitions/port' },
        plugin: {
          definitions: { x: { type: 'string' } },
          properties: { y: { $ref: '#/definitions/x' } },
          $id: 'urn:openclaw-ops:schema/properties/plugin',
        },
        'odd key': { definitions: {}, $id: 'urn:own' },
      },
    });
    const odd = toInputSchema({ properties: { 'a b~c': { $defs: {} } } }) as Schema;
    expect(((odd.properties as Schema)['a b~c'] as Schema).$id).toBe('urn:openclaw-ops:schema/properties/a_b_c');
  });

  test('leaves literal values alone: a default, example, const or enum that looks like a schema', () => {
    const literal = { $defs: {}, $ref: '#/$defs/x', required: ['a'], properties: { a: { default: 1 } } };
    const served = {
      properties: {
        a: { default: literal, examples: [literal], const: literal, enum: [literal] },
        b: { $ref: 5, items: [{ $ref: '#/$defs/y' }] },
        c: { $ref: 'other.json#/$defs/z' },
      },
    };
    expect((toInputSchema(served) as Schema).properties).toEqual({
      $schema: { type: 'string' },
      a: { default: literal, examples: [literal], const: literal, enum: [literal] },
      b: { $ref: 5, items: [{ $ref: '#/definitions/y' }] },
      c: { $ref: 'other.json#/$defs/z' },
    });
  });
});

describe('diffSchemasForDocument', () => {
  test('a key the new release does not know, only where the document uses it', () => {
    const from = object({ gateway: object({ port: { type: 'integer' }, legacy: { type: 'boolean' } }) });
    const to = object({ gateway: object({ port: { type: 'integer' } }) });
    expect(diffSchemasForDocument(from, to, { gateway: { port: 1, legacy: true } })).toEqual([
      { kind: 'removed-key', path: 'gateway.legacy', detail: 'the key is unknown from this release on' },
    ]);
    expect(diffSchemasForDocument(from, to, { gateway: { port: 1 } })).toEqual([]);
    // a key neither release knew is the validator's to report, not a change
    expect(diffSchemasForDocument(to, to, { gateway: { other: 1 } })).toEqual([]);
  });

  test('an open map that closes removes every key it held; one that stays open keeps them', () => {
    const open = object({ env: { type: 'object', additionalProperties: { type: 'string' } } });
    const openAnything = object({ env: { type: 'object' } });
    const closed = object({ env: object({}) });
    expect(diffSchemasForDocument(open, closed, { env: { B: 'x', A: 'y' } })).toEqual([
      { kind: 'removed-key', path: 'env.A', detail: 'the key is unknown from this release on' },
      { kind: 'removed-key', path: 'env.B', detail: 'the key is unknown from this release on' },
    ]);
    expect(diffSchemasForDocument(openAnything, closed, { env: { A: 'y' } })).toHaveLength(1);
    expect(diffSchemasForDocument(open, openAnything, { env: { A: 'y' } })).toEqual([]);
  });

  test('an enum that drops a value, through unions and consts, inside open maps', () => {
    const before = { anyOf: [{ enum: ['a', 'b'] }, { const: 'c' }, { type: 'null', enum: [null] }] };
    const after = { oneOf: [{ enum: ['a'] }, { const: null }] };
    expect(
      diffSchemasForDocument(
        object({ mode: before, map: { type: 'object', additionalProperties: before } }),
        object({ mode: after, map: { type: 'object', additionalProperties: after } }),
        { mode: 'a', map: { k: 'a' } },
      ),
    ).toEqual([
      { kind: 'narrowed-enum', path: 'map.k', detail: 'no longer accepts "b", "c"' },
      { kind: 'narrowed-enum', path: 'mode', detail: 'no longer accepts "b", "c"' },
    ]);
    // an open union on either side is no closed set; a widened enum drops nothing
    const openUnion = { anyOf: [{ enum: ['a'] }, { type: 'string' }] };
    expect(diffSchemasForDocument(object({ m: openUnion }), object({ m: after }), { m: 'a' })).toEqual([]);
    expect(diffSchemasForDocument(object({ m: before }), object({ m: openUnion }), { m: 'a' })).toEqual([]);
    expect(
      diffSchemasForDocument(object({ m: { enum: ['a'] } }), object({ m: { enum: ['a', 'z'] } }), { m: 'a' }),
    ).toEqual([]);
    expect(
      diffSchemasForDocument(object({ m: { enum: [{ x: 1 }] } }), object({ m: { enum: [{ x: 1 }] } }), { m: 1 }),
    ).toEqual([]);
  });

  test('a key required from the new release on, unless the document has it or a default fills it', () => {
    const from = object({
      auth: object({ mode: { type: 'string' }, token: { type: 'string' } }, { required: ['token'] }),
    });
    const to = object({
      auth: object(
        { mode: { type: 'string' }, token: { type: 'string' }, scope: { type: 'string', default: 'all' } },
        { required: ['token', 'mode', 'scope'] },
      ),
    });
    expect(diffSchemasForDocument(from, to, { auth: { token: '${T}' } })).toEqual([
      { kind: 'new-required-key', path: 'auth.mode', detail: 'required from this release on' },
    ]);
    expect(diffSchemasForDocument(from, to, { auth: { token: '${T}', mode: 'x' } })).toEqual([]);
    expect(diffSchemasForDocument(from, to, {})).toEqual([]);
    expect(diffSchemasForDocument(object({}), object({}, { required: ['gateway'] }), {})).toEqual([
      { kind: 'new-required-key', path: 'gateway', detail: 'required from this release on' },
    ]);
  });

  test('array items are walked as path[]; $refs and the object branch of a union are followed', () => {
    const agent = (props: Schema): Schema => object(props);
    const from = {
      definitions: { agent: agent({ id: { type: 'string' }, old: { type: 'string' } }) },
      ...object({ agents: object({ list: { type: 'array', items: { $ref: '#/definitions/agent' } } }) }),
    };
    const to = {
      $defs: { agent: agent({ id: { type: 'string' } }) },
      ...object({
        agents: { anyOf: [{ type: 'null' }, object({ list: { type: 'array', items: { $ref: '#/$defs/agent' } } })] },
      }),
    };
    const doc = { agents: { list: [{ id: 'a' }, { id: 'b', old: 'x' }, 'x'] } };
    expect(diffSchemasForDocument(from, to, doc)).toEqual([
      { kind: 'removed-key', path: 'agents.list[].old', detail: 'the key is unknown from this release on' },
    ]);
  });

  test('stops where a schema cannot be followed: an unresolved reference, no object branch, no items', () => {
    const legacy = object({ a: object({ gone: {} }) });
    for (const to of [
      object({ a: { $ref: '#/definitions/missing' } }),
      object({ a: { $ref: 'https://example.com/x.json' } }),
      object({ a: { anyOf: [{ type: 'string' }, { type: 'null' }] } }),
    ]) {
      expect(diffSchemasForDocument(legacy, to, { a: { gone: 1 } })).toEqual([]);
    }
    expect(
      diffSchemasForDocument(object({ l: { type: 'array' } }), object({ l: { type: 'array' } }), { l: [{ a: 1 }] }),
    ).toEqual([]);
    // a reference cycle ends after a few steps instead of looping
    const cycle = {
      definitions: { a: { $ref: '#/definitions/b' }, b: { $ref: '#/definitions/a' } },
      ...object({ x: { $ref: '#/definitions/a' } }),
    };
    expect(diffSchemasForDocument(cycle, cycle, { x: { y: 1 } })).toEqual([]);
  });

  test('changes are sorted by path, then kind', () => {
    const from = object({ b: { enum: ['x', 'y'] }, a: object({ k: {} }) });
    const to = object({ b: { enum: ['x'] }, a: object({}, { required: ['n'] }) });
    expect(diffSchemasForDocument(from, to, { b: 'x', a: { k: 1 } }).map((c) => [c.path, c.kind])).toEqual([
      ['a.k', 'removed-key'],
      ['a.n', 'new-required-key'],
      ['b', 'narrowed-enum'],
    ]);
  });

  test('the committed schemas: 2026.9.6 no longer knows discord dm.policy nor controlUi.allowInsecureAuth', () => {
    const from = loadReleaseSchema('2026.2.19').schema;
    const to = loadReleaseSchema('2026.9.6').schema;
    const doc = {
      gateway: { port: 18789, controlUi: { enabled: true, allowInsecureAuth: false } },
      channels: { discord: { enabled: true, dm: { policy: 'allowlist' } } },
    };
    const changes = diffSchemasForDocument(from, to, doc);
    expect(changes).toEqual(
      expect.arrayContaining([
        {
          kind: 'removed-key',
          path: 'gateway.controlUi.allowInsecureAuth',
          detail: 'the key is unknown from this release on',
        },
      ]),
    );
    expect(changes.map((c) => c.path)).toEqual(expect.arrayContaining(['channels.discord.dm.policy']));
    expect(diffSchemasForDocument(from, from, doc)).toEqual([]);
  });
});

test('toInputSchema: $defs inside a list get an $id by index; a null or a null property is kept', () => {
  const input = toInputSchema({
    properties: { a: { anyOf: [{ $defs: {} }], description: null }, b: { type: 'object' } },
    required: ['a', 'n'],
  } as Schema) as Schema;
  const a = (input.properties as Schema).a as Schema;
  expect((a.anyOf as Schema[])[0].$id).toBe('urn:openclaw-ops:schema/properties/a/anyOf/0');
  expect(a.description).toBeNull();
  expect(input.required).toEqual(['a', 'n']);
  const nullProperty = toInputSchema({ properties: { n: null }, required: ['n'] } as Schema) as Schema;
  expect(nullProperty.required).toEqual(['n']);
});

describe('toInputSchema keeps what it does not rewrite', () => {
  test('a served $schema property keeps its place and value', () => {
    const input = toInputSchema(object({ gateway: object({}), $schema: { type: 'string', format: 'uri' } })) as Schema;
    expect(Object.keys(input.properties as Schema)).toEqual(['gateway', '$schema']);
    expect((input.properties as Schema).$schema).toEqual({ type: 'string', format: 'uri' });
  });

  test('a string that reads like a $defs pointer is rewritten only as the value of $ref', () => {
    const served = {
      properties: {
        a: { type: 'string', default: '#/$defs/x', description: '#/$defs/x', pattern: '^#/\\$defs/' },
        b: { $ref: '#/$defs/x' },
      },
    };
    expect((toInputSchema(served) as Schema).properties).toEqual({
      $schema: { type: 'string' },
      a: { type: 'string', default: '#/$defs/x', description: '#/$defs/x', pattern: '^#/\\$defs/' },
      b: { $ref: '#/definitions/x' },
    });
  });

  test('a required name whose property is a boolean schema stays required', () => {
    const input = toInputSchema({ properties: { a: true, b: { default: 1 } }, required: ['a', 'b'] } as Schema);
    expect((input as Schema).required).toEqual(['a']);
  });
});

describe('diffSchemasForDocument follows what a release schema can hold', () => {
  const closing = (branch: Schema): [Schema, Schema] => [
    object({ x: { anyOf: [{ type: 'string' }, { type: 'null' }, { type: 'object' }] } }),
    object({ x: { anyOf: [{ type: 'string' }, { type: 'null' }, branch] } }),
  ];

  test('a string, number or null where a union has an object branch is not walked as an object', () => {
    const [from, to] = closing(object({}));
    for (const x of ['ab', 12, null, true]) {
      expect(diffSchemasForDocument(from, to, { x }), JSON.stringify(x)).toEqual([]);
    }
    expect(diffSchemasForDocument(from, to, { x: { ab: 1 } })).toEqual([
      { kind: 'removed-key', path: 'x.ab', detail: 'the key is unknown from this release on' },
    ]);
  });

  test("a union's object branch is found by its type alone, or by its properties alone", () => {
    const doc = { x: { gone: 1 } };
    const byType: Schema = { type: 'object', additionalProperties: false };
    const byProperties: Schema = { properties: { kept: {} }, additionalProperties: false };
    for (const branch of [byType, byProperties]) {
      const [from, to] = closing(branch);
      expect(diffSchemasForDocument(from, to, doc), JSON.stringify(branch)).toEqual([
        { kind: 'removed-key', path: 'x.gone', detail: 'the key is unknown from this release on' },
      ]);
    }
  });

  test('boolean schemas in a union are skipped, for object branches and for enums alike', () => {
    const from = object({ x: { anyOf: [true, { type: 'object' }] }, e: { anyOf: [true, { enum: ['a', 'b'] }] } });
    const to = object({
      x: { anyOf: [true, object({})] },
      e: { anyOf: [true, { enum: ['a'] }] },
    });
    expect(diffSchemasForDocument(from, to, { x: { gone: 1 }, e: 'a' })).toEqual([
      { kind: 'removed-key', path: 'x.gone', detail: 'the key is unknown from this release on' },
    ]);
  });

  test('a reference the old release cannot follow (another document, a cycle) allowed anything there', () => {
    const to = object({ x: object({}) });
    const external = object({ x: { $ref: 'https://example.com/x.json' } });
    const cycle = {
      definitions: { a: { $ref: '#/definitions/b' }, b: { $ref: '#/definitions/a' } },
      ...object({ x: { $ref: '#/definitions/a' } }),
    };
    for (const from of [external, cycle]) {
      expect(diffSchemasForDocument(from, to, { x: { y: 1 } })).toEqual([
        { kind: 'removed-key', path: 'x.y', detail: 'the key is unknown from this release on' },
      ]);
    }
  });

  test('a reference reached twice along different keys is followed each time', () => {
    const shared = {
      definitions: { peer: object({ host: {}, port: {} }) },
      ...object({ a: { $ref: '#/definitions/peer' }, b: { $ref: '#/definitions/peer' } }),
    };
    const narrowed = {
      definitions: { peer: object({ host: {} }) },
      ...object({ a: { $ref: '#/definitions/peer' }, b: { $ref: '#/definitions/peer' } }),
    };
    expect(diffSchemasForDocument(shared, narrowed, { a: { port: 1 }, b: { port: 2 } }).map((c) => c.path)).toEqual([
      'a.port',
      'b.port',
    ]);
  });

  test('array items that use the same key report its change once', () => {
    const from = object({ list: { type: 'array', items: object({ id: {}, old: {}, mode: { enum: ['a', 'b'] } }) } });
    const to = object({ list: { type: 'array', items: object({ id: {}, mode: { enum: ['a'] } }) } });
    const doc = { list: [{ id: 1, old: 1, mode: 'a' }, { id: 2, old: 2, mode: 'a' }, { id: 3 }] };
    expect(diffSchemasForDocument(from, to, doc)).toEqual([
      { kind: 'narrowed-enum', path: 'list[].mode', detail: 'no longer accepts "b"' },
      { kind: 'removed-key', path: 'list[].old', detail: 'the key is unknown from this release on' },
    ]);
  });
});
