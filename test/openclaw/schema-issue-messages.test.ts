/**
 * How a release schema's refusals read (`lib/openclaw/schema/schema-issues.ts`): each ajv keyword as
 * one issue in the project's words (path, received, expected, fix), read whole; errors inside a union
 * folded into the union's one issue; duplicates dropped; issues sorted by path. Each error carries
 * its value and parent schema as ajv's verbose option writes them (`VERBOSE_DETAILS`); how they are
 * read back from a non-verbose validator is `schema-error-details.test.ts`.
 */
import type { ErrorObject } from 'ajv';
import { schemaIssues, type SchemaIssue } from '../../lib/openclaw/schema/schema-issues';
import { VERBOSE_DETAILS } from '../support/verbose-error-details';

/** An ajv error at `instancePath` for `keyword`. */
function ajvError(
  keyword: string,
  instancePath: string,
  params: Record<string, unknown>,
  extra: Partial<ErrorObject> = {},
): ErrorObject {
  return { keyword, instancePath, schemaPath: `#/properties/x/${keyword}`, params, ...extra };
}

const SHOW = (): boolean => true;

function one(error: ErrorObject, showValue: (path: string) => boolean = SHOW): SchemaIssue {
  const issues = schemaIssues([error], VERBOSE_DETAILS, '2026.2.19', showValue);
  expect(issues).toHaveLength(1);
  return issues[0];
}

describe('keys', () => {
  const parentSchema = { properties: { enabled: {}, botToken: {}, allowFrom: {} } };

  test('an unknown key lists the known ones sorted and suggests a close one', () => {
    expect(
      one(ajvError('additionalProperties', '/channels/telegram', { additionalProperty: 'botTokn' }, { parentSchema })),
    ).toEqual({
      path: 'channels.telegram.botTokn',
      received: 'the unknown key "botTokn"',
      expected: 'a key openclaw 2026.2.19 knows here ("allowFrom", "botToken", "enabled")',
      fix: 'did you mean "botToken"? rename it',
    });
    expect(one(ajvError('additionalProperties', '', { additionalProperty: 'zzzzzzz' }, { parentSchema })).fix).toBe(
      'remove the key',
    );
  });

  test('a suggestion is at most 2 edits away, or a third of the key length when that is more', () => {
    const fix = (key: string, known: string): string =>
      one(
        ajvError(
          'additionalProperties',
          '',
          { additionalProperty: key },
          { parentSchema: { properties: { [known]: {} } } },
        ),
      ).fix;
    expect(fix('abXX', 'abcd')).toBe('did you mean "abcd"? rename it');
    expect(fix('aXXX', 'abcd')).toBe('remove the key');
    expect(fix('abcdefXYZ', 'abcdefghi')).toBe('did you mean "abcdefghi"? rename it');
    expect(fix('abcdeXYZ', 'abcdefgh')).toBe('remove the key');
  });

  test('an unknown key where none is allowed', () => {
    expect(one(ajvError('additionalProperties', '/a', { additionalProperty: 'b' }, { parentSchema: {} }))).toEqual({
      path: 'a.b',
      received: 'the unknown key "b"',
      expected: 'no key here (openclaw 2026.2.19 accepts none)',
      fix: 'remove the key',
    });
    expect(one(ajvError('additionalProperties', '', { additionalProperty: 'b' })).path).toBe('b');
  });

  test('a missing key names the whole path to add', () => {
    expect(one(ajvError('required', '/gateway/auth', { missingProperty: 'mode' }))).toEqual({
      path: 'gateway.auth.mode',
      received: 'nothing',
      expected: 'the key "mode" (openclaw 2026.2.19 requires it here)',
      fix: 'add gateway.auth.mode',
    });
    expect(one(ajvError('required', '', { missingProperty: 'gateway' })).fix).toBe('add gateway');
  });
});

describe('values', () => {
  test('a type, with one article per type and the document named at the top', () => {
    expect(one(ajvError('type', '/gateway/port', { type: 'integer' }, { data: 'x' }))).toEqual({
      path: 'gateway.port',
      received: '"x"',
      expected: 'an integer',
      fix: 'write gateway.port as an integer',
    });
    expect(one(ajvError('type', '', { type: 'object' }, { data: [] }))).toEqual({
      path: '',
      received: 'an empty array',
      expected: 'an object',
      fix: 'write the document as an object',
    });
    expect(one(ajvError('type', '/a', { type: 'string,boolean' }, { data: 1 })).expected).toBe('a string or a boolean');
  });

  test('a string is hidden where showValue says so, and only there', () => {
    const hideToken = (path: string): boolean => path !== 'gateway.auth.token';
    expect(
      one(ajvError('type', '/gateway/auth/token', { type: 'object' }, { data: 'hunter2' }), hideToken).received,
    ).toBe('a string of 7 characters');
    expect(one(ajvError('type', '/gateway/mode', { type: 'object' }, { data: 'hunter2' }), hideToken).received).toBe(
      '"hunter2"',
    );
  });

  test('enum and const', () => {
    expect(one(ajvError('enum', '/gateway/bind', { allowedValues: ['lan', 'loopback'] }, { data: 'wan' }))).toEqual({
      path: 'gateway.bind',
      received: '"wan"',
      expected: 'one of "lan", "loopback"',
      fix: 'use one of "lan", "loopback"',
    });
    expect(one(ajvError('const', '/a', { allowedValue: 'token' }, { data: 'x' }))).toEqual({
      path: 'a',
      received: '"x"',
      expected: '"token"',
      fix: 'use "token"',
    });
  });

  test('numeric bounds in words', () => {
    const words = (keyword: string): Pick<SchemaIssue, 'expected' | 'fix'> => {
      const { expected, fix } = one(ajvError(keyword, '/n', { limit: 5 }, { data: 9 }));
      return { expected, fix };
    };
    expect(words('minimum')).toEqual({ expected: 'a number at least 5', fix: 'use a value at least 5' });
    expect(words('maximum')).toEqual({ expected: 'a number at most 5', fix: 'use a value at most 5' });
    expect(words('exclusiveMinimum')).toEqual({
      expected: 'a number greater than 5',
      fix: 'use a value greater than 5',
    });
    expect(words('exclusiveMaximum')).toEqual({ expected: 'a number less than 5', fix: 'use a value less than 5' });
  });

  test('lengths, item counts, patterns and formats', () => {
    const parts = (keyword: string, params: Record<string, unknown>): string[] => {
      const issue = one(ajvError(keyword, '/s', params, { data: '' }));
      return [issue.expected, issue.fix];
    };
    expect(parts('minLength', { limit: 1 })).toEqual([
      'a string of at least 1 character(s)',
      'write a value or remove the key',
    ]);
    expect(parts('minLength', { limit: 2 })).toEqual(['a string of at least 2 character(s)', 'write a longer value']);
    expect(parts('maxLength', { limit: 3 })).toEqual(['a string of at most 3 character(s)', 'shorten the value']);
    expect(parts('minItems', { limit: 1 })).toEqual(['at least 1 item(s)', 'add items or remove the key']);
    expect(parts('maxItems', { limit: 4 })).toEqual(['at most 4 item(s)', 'remove items']);
    expect(parts('pattern', { pattern: '^a+$' })).toEqual(['a string matching /^a+$/', 'change the value to match']);
    expect(parts('format', { format: 'uri' })).toEqual(['a uri', 'write a valid uri']);
    expect(parts('multipleOf', { multipleOf: 2 })).toEqual(['a value that matches the schema', 'change the value']);
    const withMessage = one(ajvError('multipleOf', '/s', {}, { data: 3, message: 'must be multiple of 2' }));
    expect([withMessage.expected, withMessage.fix]).toEqual(['a value that must be multiple of 2', 'change the value']);
  });
});

describe('unions', () => {
  const parentSchema = {
    anyOf: [
      { const: 'off' },
      { enum: ['a', 'b'] },
      { type: 'integer' },
      { type: ['string', 'array'] },
      { anyOf: [{ type: 'boolean' }, { type: 'object' }] },
      { not: {} },
      true,
      { type: 'integer' },
    ],
  };

  test('one issue saying what each branch accepts, the branch errors folded in, repeats once', () => {
    const union: ErrorObject = {
      keyword: 'anyOf',
      instancePath: '/cron/sessionRetention',
      schemaPath: '#/properties/cron/properties/sessionRetention/anyOf',
      params: {},
      data: 1.5,
      parentSchema,
    };
    const branch: ErrorObject = {
      keyword: 'type',
      instancePath: '/cron/sessionRetention',
      schemaPath: '#/properties/cron/properties/sessionRetention/anyOf/2/type',
      params: { type: 'integer' },
      data: 1.5,
    };
    const accepted =
      '"off" or "a", "b" or an integer or a string or an array or a boolean or an object or a value of another ' +
      'shape or anything';
    expect(schemaIssues([branch, union], VERBOSE_DETAILS, '2026.2.19', SHOW)).toEqual([
      { path: 'cron.sessionRetention', received: '1.5', expected: accepted, fix: `use ${accepted}` },
    ]);
  });

  test('oneOf reads its own branches; a union without branches accepts nothing in words', () => {
    const oneOf: ErrorObject = {
      keyword: 'oneOf',
      instancePath: '/a',
      schemaPath: '#/oneOf',
      params: {},
      data: 1,
      parentSchema: { oneOf: [{ type: 'string' }], anyOf: [{ type: 'null' }] },
    };
    expect(one(oneOf)).toEqual({ path: 'a', received: '1', expected: 'a string', fix: 'use a string' });
    const bare: ErrorObject = { keyword: 'anyOf', instancePath: '/a', schemaPath: '#/anyOf', params: {}, data: 1 };
    expect(one(bare)).toEqual({ path: 'a', received: '1', expected: '', fix: 'use ' });
  });

  test('the errors inside a oneOf are folded into it too', () => {
    const oneOf: ErrorObject = {
      keyword: 'oneOf',
      instancePath: '/a',
      schemaPath: '#/properties/a/oneOf',
      params: {},
      data: 1,
      parentSchema: { oneOf: [{ type: 'string' }, { type: 'boolean' }] },
    };
    const branch: ErrorObject = {
      keyword: 'type',
      instancePath: '/a',
      schemaPath: '#/properties/a/oneOf/0/type',
      params: { type: 'string' },
      data: 1,
    };
    expect(schemaIssues([branch, oneOf], VERBOSE_DETAILS, '2026.2.19', SHOW)).toEqual([
      { path: 'a', received: '1', expected: 'a string or a boolean', fix: 'use a string or a boolean' },
    ]);
  });

  test('only a union folds the errors under its schema path', () => {
    const outer: ErrorObject = {
      keyword: 'additionalProperties',
      instancePath: '',
      schemaPath: '#/properties/a',
      params: { additionalProperty: 'x' },
      parentSchema: {},
    };
    const inner: ErrorObject = {
      keyword: 'type',
      instancePath: '/a',
      schemaPath: '#/properties/a/type',
      params: { type: 'string' },
      data: 1,
    };
    expect(schemaIssues([outer, inner], VERBOSE_DETAILS, '2026.2.19', SHOW).map((i) => i.path)).toEqual(['a', 'x']);
  });

  test('an error whose schema path only starts like a union is its own issue', () => {
    const union: ErrorObject = { keyword: 'anyOf', instancePath: '/a', schemaPath: '#/x/anyOf', params: {}, data: 1 };
    const sibling: ErrorObject = {
      keyword: 'required',
      instancePath: '',
      schemaPath: '#/x/anyOfOther/required',
      params: { missingProperty: 'b' },
    };
    expect(schemaIssues([sibling, union], VERBOSE_DETAILS, '2026.2.19', SHOW).map((i) => i.path)).toEqual(['a', 'b']);
  });
});

test('issues are sorted by path, and the same issue twice is reported once', () => {
  const at = (path: string, missing: string): ErrorObject => ajvError('required', path, { missingProperty: missing });
  expect(
    schemaIssues([at('/b', 'x'), at('/a', 'y'), at('/b', 'x'), at('/a', 'x')], VERBOSE_DETAILS, '2026.2.19', SHOW).map(
      (i) => i.path,
    ),
  ).toEqual(['a.x', 'a.y', 'b.x']);
  const type = (data: unknown): ErrorObject => ajvError('type', '/a', { type: 'string' }, { data });
  expect(schemaIssues([type(1), type(2), type(1)], VERBOSE_DETAILS, '2026.2.19', SHOW).map((i) => i.received)).toEqual([
    '1',
    '2',
  ]);
});
