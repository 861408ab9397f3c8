/**
 * An ajv error's value and parent schema, read back from the validated document and the schema
 * (`lib/openclaw/schema/schema-error-details.ts`) for a validator compiled without ajv's `verbose`
 * option. Each small schema below is compiled verbose as well, and what is read back must be the very
 * value and schema object ajv gives, for every error of every document: through each applicator, the
 * names ajv escapes in a schema path, and references ajv inlines (the path restarts at the
 * reference) or calls (the path restarts at `#`). `schema-error-details-differential.test.ts` does
 * the same over the committed release schemas.
 */
import type { ErrorObject } from 'ajv';
import { newReleaseSchemaAjv } from '../../lib/openclaw/schema/compile-release-schema';
import type { JsonSchemaNode } from '../../lib/openclaw/schema/release-schema-files';
import { errorDetailsOf, valueAt } from '../../lib/openclaw/schema/schema-error-details';

/** Compares the read-back details of every error with ajv's verbose ones; returns the errors compared. */
function compared(schema: JsonSchemaNode, documents: readonly unknown[]): ErrorObject[] {
  const validate = newReleaseSchemaAjv(false, true).compile(schema);
  const all: ErrorObject[] = [];
  for (const document of documents) {
    expect(validate(document), JSON.stringify(document)).toBe(false);
    const details = errorDetailsOf(document, () => schema);
    for (const error of validate.errors ?? []) {
      const at = `${error.schemaPath} at ${error.instancePath} of ${JSON.stringify(document)}`;
      expect(Object.is(details.value(error), error.data), `value of ${at}`).toBe(true);
      expect(details.parentSchema(error), `parent schema of ${at}`).toBe(error.parentSchema);
      all.push(error);
    }
  }
  return all;
}

/** An error as a test writes it by hand (for what ajv never reports). */
function error(instancePath: string, schemaPath: string, keyword: string): ErrorObject {
  return { instancePath, schemaPath, keyword, params: {} };
}

describe('the value at an instance path', () => {
  const doc = { a: { 'b/c': [10, { 'd~e': 'x' }] }, '': { '': 0 } };

  test('walks objects and arrays, unescaping ~1 and ~0', () => {
    expect(valueAt(doc, '')).toBe(doc);
    expect(valueAt(doc, '/a/b~1c/0')).toBe(10);
    expect(valueAt(doc, '/a/b~1c/1/d~0e')).toBe('x');
    expect(valueAt(doc, '//')).toBe(0);
    expect(valueAt({ '~1': 1 }, '/~01')).toBe(1);
  });

  test('is nothing where the document has nothing, inherited members included', () => {
    expect(valueAt(doc, '/b')).toBeUndefined();
    expect(valueAt(doc, '/a/b~1c/2')).toBeUndefined();
    expect(valueAt(doc, '/a/b~1c/0/x')).toBeUndefined();
    expect(valueAt({ a: null }, '/a/x')).toBeUndefined();
    expect(valueAt({}, '/constructor')).toBeUndefined();
    expect(valueAt([], '/length')).toBe(0);
  });

  test('inside propertyNames it is the key (an empty one too), not the object at the path', () => {
    const errors = compared({ type: 'object', propertyNames: { minLength: 2, anyOf: [{ const: 'x' }] } }, [
      { '': 1, ok: 2 },
      { nested: { a: 1 } },
    ]);
    expect(errors.map((e) => [e.keyword, e.data])).toEqual([
      ['const', ''],
      ['anyOf', ''],
      ['minLength', ''],
      ['propertyNames', { '': 1, ok: 2 }],
      ['const', 'ok'],
      ['anyOf', 'ok'],
      ['propertyNames', { '': 1, ok: 2 }],
      ['const', 'nested'],
      ['anyOf', 'nested'],
      ['propertyNames', { nested: { a: 1 } }],
    ]);
  });
});

describe('the parent schema of each error, as ajv verbose gives it', () => {
  test('through properties (names ajv escapes in a schema path), additionalProperties and required', () => {
    const schema = {
      type: 'object',
      additionalProperties: false,
      required: ['need'],
      properties: {
        'a/b': { type: 'string' },
        'c~d': { type: 'object', additionalProperties: { type: 'integer', minimum: 2 } },
        $schema: { type: 'string', pattern: '^h' },
        'sp ace%': { enum: ['x'] },
        need: { type: 'object', properties: { deep: { type: 'object', required: ['x'] } } },
      },
    };
    const errors = compared(schema, [
      { 'a/b': 1, 'c~d': { k: 1, l: 'x' }, $schema: 'x', 'sp ace%': 'y', other: true },
      { need: { deep: {} } },
      { need: 'x', 'c~d': [] },
    ]);
    expect(errors.map((e) => e.schemaPath)).toEqual([
      '#/required',
      '#/additionalProperties',
      '#/properties/a~1b/type',
      '#/properties/c~0d/additionalProperties/minimum',
      '#/properties/c~0d/additionalProperties/type',
      '#/properties/%24schema/pattern',
      '#/properties/sp%20ace%25/enum',
      '#/properties/need/properties/deep/required',
      '#/properties/c~0d/type',
      '#/properties/need/type',
    ]);
  });

  test('through items, tuple items and additionalItems', () => {
    const errors = compared(
      {
        type: 'object',
        properties: {
          list: { type: 'array', items: { type: 'object', properties: { n: { type: 'integer' } } } },
          pair: { type: 'array', items: [{ type: 'string' }, { type: 'integer' }], additionalItems: { const: 0 } },
        },
      },
      [{ list: [{ n: 1 }, { n: 'x' }, 3], pair: [1, 'a', 5, 0, 6] }],
    );
    expect(errors.map((e) => `${e.instancePath} ${e.schemaPath}`)).toEqual([
      '/list/1/n #/properties/list/items/properties/n/type',
      '/list/2 #/properties/list/items/type',
      '/pair/2 #/properties/pair/additionalItems/const',
      '/pair/4 #/properties/pair/additionalItems/const',
      '/pair/0 #/properties/pair/items/0/type',
      '/pair/1 #/properties/pair/items/1/type',
    ]);
  });

  test('through anyOf, oneOf and allOf branches, then and else', () => {
    const errors = compared(
      {
        type: 'object',
        properties: {
          u: { anyOf: [{ type: 'string' }, { type: 'object', additionalProperties: false, properties: { a: {} } }] },
          n: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
          m: { anyOf: [{ type: 'object', additionalProperties: { $ref: '#/definitions/d' } }, { type: 'string' }] },
          o: { oneOf: [{ type: 'integer' }, { type: 'object', properties: { b: { type: 'string' } } }] },
          all: { allOf: [{ type: 'object' }, { properties: { c: { maxLength: 1 } } }] },
          cond: { if: { type: 'string' }, then: { minLength: 3 }, else: { type: 'integer', maximum: 1 } },
        },
        definitions: { d: { type: 'integer' } },
      },
      [{ u: { z: 1 }, n: 1.5, m: { x: 'y' }, o: { b: 1 }, all: { c: 'long' }, cond: 'x' }, { cond: 5 }],
    );
    expect(errors.map((e) => e.schemaPath)).toEqual([
      '#/properties/u/anyOf/0/type',
      '#/properties/u/anyOf/1/additionalProperties',
      '#/properties/u/anyOf',
      '#/properties/n/anyOf/0/type',
      '#/properties/n/anyOf/1/type',
      '#/properties/n/anyOf',
      '#/definitions/d/type',
      '#/properties/m/anyOf/1/type',
      '#/properties/m/anyOf',
      '#/properties/o/oneOf/0/type',
      '#/properties/o/oneOf/1/properties/b/type',
      '#/properties/o/oneOf',
      '#/properties/all/allOf/1/properties/c/maxLength',
      '#/properties/cond/then/minLength',
      '#/properties/cond/if',
      '#/properties/cond/else/maximum',
      '#/properties/cond/if',
    ]);
  });

  test('through a reference ajv inlines: the schema path restarts at the reference', () => {
    const errors = compared(
      {
        type: 'object',
        properties: {
          a: { $ref: '#/definitions/t~1x' },
          b: { $ref: '#/definitions/with%20space' },
          c: { $ref: '#/definitions/t~0y' },
        },
        definitions: { 't/x': { type: 'object', required: ['k'] }, 'with space': { const: 1 }, 't~y': { const: 2 } },
      },
      [{ a: {}, b: 2, c: 1 }],
    );
    expect(errors.map((e) => e.schemaPath)).toEqual([
      '#/definitions/t~1x/required',
      '#/definitions/with%20space/const',
      '#/definitions/t~0y/const',
    ]);
  });

  test('through a reference ajv calls (its target holds one): the schema path restarts at #, where the root also starts', () => {
    const node = {
      type: 'object',
      additionalProperties: false,
      properties: { name: { type: 'string' }, child: { $ref: '#/definitions/node' } },
    };
    const errors = compared(
      {
        type: 'object',
        additionalProperties: false,
        properties: { tree: { $ref: '#/definitions/node' } },
        definitions: { node },
      },
      [{ tree: { name: 1, child: { child: { x: 1 } } }, extra: 1 }],
    );
    expect(errors.map((e) => `${e.instancePath} ${e.schemaPath}`)).toEqual([
      ' #/additionalProperties',
      '/tree/name #/properties/name/type',
      '/tree/child/child #/additionalProperties',
    ]);
    expect(errors.map((e) => e.parentSchema === node)).toEqual([false, false, true]);
  });

  test.each(['$ref', '$recursiveRef', '$recursiveAnchor', '$dynamicRef', '$dynamicAnchor'])(
    'a target holding %s anywhere is called, not inlined',
    (keyword) => {
      const errors = compared(
        {
          type: 'object',
          properties: { a: { $ref: '#/definitions/t' } },
          definitions: {
            t: {
              type: 'object',
              properties: {
                deep: {
                  anyOf: [{ type: 'string' }, { [keyword]: keyword === '$dynamicAnchor' ? 'u' : '#/definitions/u' }],
                },
              },
              required: ['r'],
            },
            u: {},
          },
        },
        [{ a: {} }],
      );
      expect(errors.map((e) => e.schemaPath)).toEqual(['#/required']);
    },
  );

  test('within a schema resource (an $id), references resolve in that resource', () => {
    const plugin = {
      $id: 'urn:test:plugin',
      type: 'object',
      properties: { secret: { $ref: '#/definitions/secret' }, route: { $ref: '#/definitions/route' } },
      definitions: {
        secret: { type: 'string', minLength: 1 },
        route: {
          type: 'object',
          additionalProperties: false,
          properties: { secret: { $ref: '#/definitions/secret' } },
        },
      },
    };
    const errors = compared(
      {
        type: 'object',
        properties: { plugin, other: { $ref: '#/definitions/secret' } },
        definitions: { secret: { type: 'integer' } },
      },
      [{ plugin: { secret: '', route: { secret: 1, x: 1 } }, other: 'x' }],
    );
    expect(errors.map((e) => `${e.instancePath} ${e.schemaPath}`)).toEqual([
      '/plugin/secret #/definitions/secret/minLength',
      '/plugin/route #/additionalProperties',
      '/plugin/route/secret #/definitions/secret/type',
      '/other #/definitions/secret/type',
    ]);
  });

  test('a reference into a resource resolves the references of its target there', () => {
    const errors = compared(
      {
        type: 'object',
        properties: { p: { $ref: '#/definitions/r/properties/x' } },
        definitions: {
          r: {
            $id: 'urn:test:r',
            definitions: { s: { type: 'string' } },
            properties: { x: { type: 'object', properties: { y: { $ref: '#/definitions/s' } } } },
          },
          s: { type: 'integer' },
        },
      },
      [{ p: { y: 1 } }],
    );
    expect(errors.map((e) => e.schemaPath)).toEqual(['#/definitions/s/type']);
  });

  test('of two called targets at one place, the one holding the keyword', () => {
    const called = (extra: Record<string, unknown>): Record<string, unknown> => ({
      type: 'object',
      properties: { self: { $ref: '#' } },
      ...extra,
    });
    const errors = compared(
      {
        type: 'object',
        properties: { v: { anyOf: [{ $ref: '#/definitions/a' }, { $ref: '#/definitions/b' }] } },
        definitions: {
          a: called({ required: ['q'] }),
          b: called({ additionalProperties: false }),
        },
      },
      [{ v: { x: 1 } }],
    );
    expect(errors.map((e) => e.schemaPath)).toEqual(['#/required', '#/additionalProperties', '#/properties/v/anyOf']);
  });

  test('a reference cycle through a branch ajv never takes ends', () => {
    const errors = compared(
      {
        type: 'object',
        properties: { c: { $ref: '#/definitions/c' } },
        definitions: { c: { if: true, then: { type: 'string' }, else: { $ref: '#/definitions/c' } } },
      },
      [{ c: 1 }],
    );
    expect(errors.map((e) => e.schemaPath)).toEqual(['#/then/type', '#/if']);
  });

  test('through a reference to the root (#), called', () => {
    const errors = compared({ type: 'object', properties: { self: { $ref: '#' }, n: { type: 'integer' } } }, [
      { self: { self: { n: 'x' } } },
    ]);
    expect(errors.map((e) => `${e.instancePath} ${e.schemaPath}`)).toEqual(['/self/self/n #/properties/n/type']);
  });

  test('propertyNames applies to the keys of its object, not to the values below', () => {
    const errors = compared(
      {
        type: 'object',
        properties: { a: { type: 'string' } },
        propertyNames: { $ref: '#/definitions/k' },
        definitions: {
          k: { type: 'string', properties: { a: { type: 'integer' } }, not: { $ref: '#/definitions/z' } },
          z: { const: 'never' },
        },
      },
      [{ a: 1 }],
    );
    expect(errors.map((e) => `${e.instancePath} ${e.schemaPath}`)).toEqual(['/a #/properties/a/type']);
  });

  test('the walk takes items only through an array and properties only through an object', () => {
    const schema = {
      type: 'object',
      properties: {
        s: {
          items: { type: 'string' },
          properties: { 0: { type: 'string' } },
          additionalProperties: { type: 'string' },
        },
      },
    };
    expect(
      errorDetailsOf({ s: 'x' }, () => schema).parentSchema(error('/s/0', '#/properties/s/items/type', 'type')),
    ).toBeUndefined();
    expect(
      errorDetailsOf({ s: 'x' }, () => schema).parentSchema(error('/s/0', '#/properties/s/properties/0/type', 'type')),
    ).toBeUndefined();
    expect(
      errorDetailsOf({ s: ['x'] }, () => schema).parentSchema(
        error('/s/0', '#/properties/s/properties/0/type', 'type'),
      ),
    ).toBeUndefined();
    expect(
      errorDetailsOf({ s: ['x'] }, () => schema).parentSchema(error('/s/0', '#/properties/s/items/type', 'type')),
    ).toBe(schema.properties.s.items);
  });

  test('nothing for a schema path no schema holds, or a reference that is not local', () => {
    // t holds a reference, so a target it is would be called (its schema path restarting at #)
    const schema = {
      type: 'object',
      properties: {
        a: { $ref: 'other.json#/definitions/t' },
        b: { $ref: '#t' },
        c: { $ref: 'x#' },
        d: { $ref: '#/definitions/t' },
        s: { type: 'string' },
      },
      definitions: { t: { type: 'string', not: { $ref: '#/definitions/u' } }, u: {} },
    };
    const details = errorDetailsOf({ a: 1, b: 1, c: 1, d: 1, s: 1, list: [1] }, () => schema);
    expect(details.parentSchema(error('/s', '#/properties/s/type', 'type'))).toBe(schema.properties.s);
    expect(details.parentSchema(error('/s', '#/properties/s/minimum', 'minimum'))).toBeUndefined();
    expect(details.parentSchema(error('/d', '#/type', 'type'))).toBe(schema.definitions.t);
    for (const path of ['/a', '/b', '/c'])
      expect(details.parentSchema(error(path, '#/type', 'type')), path).toBeUndefined();
    expect(details.parentSchema(error('/nothing/here', '#/type', 'type'))).toBeUndefined();
    expect(details.parentSchema(error('/list/0', '#/properties/list/items/type', 'type'))).toBeUndefined();
  });

  test('the schema is asked for once, and only when a parent schema is', () => {
    const compiledFrom = vi.fn((): JsonSchemaNode => ({ type: 'object', required: ['a'] }));
    const details = errorDetailsOf({}, compiledFrom);
    expect(details.value(error('', '#/required', 'required'))).toEqual({});
    expect(compiledFrom).not.toHaveBeenCalled();
    expect(details.parentSchema(error('', '#/required', 'required'))).toEqual({ type: 'object', required: ['a'] });
    details.parentSchema(error('', '#/required', 'required'));
    expect(compiledFrom).toHaveBeenCalledTimes(1);
  });
});
