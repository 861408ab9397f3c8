/**
 * A release schema compiled in process (`lib/openclaw/schema/compile-release-schema.ts`, used when no
 * build-time validator is there) with the formats the releases use (`schema-formats.ts`): every error
 * at once, without ajv's verbose details (`schema-error-details.ts` reads them back), and each
 * format's boundaries.
 */
import type { ValidateFunction } from 'ajv';
import { compileReleaseSchema, releaseSchemaValidatorCode } from '../../lib/openclaw/schema/compile-release-schema';
import { RELEASE_SCHEMA_FORMATS } from '../../lib/openclaw/schema/schema-formats';

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    uri: { type: 'string', format: 'uri' },
    email: { type: 'string', format: 'email' },
    at: { type: 'string', format: 'date-time' },
    prefixed: { type: 'string', format: 'starts_with', pattern: '^x-' },
    escaped: { type: 'string', pattern: '^a\\-b$' },
    port: { type: ['integer', 'string'], 'x-ui-hint': 'number' },
    mode: { type: 'string', default: 'local' },
  },
  required: ['mode'],
};
// compiled inside the tests, not while the file loads or in a hook: a compiler option that makes the
// schema fail to compile then fails each test (a file or hook that fails counts no failed test)
let compiled: ValidateFunction | undefined;
const validate = (data: unknown): boolean => (compiled ??= compileReleaseSchema(SCHEMA))(data);
const accepts = (key: string, value: unknown): boolean => validate({ [key]: value });

test('the formats the releases use, and only those', () => {
  expect(Object.keys(RELEASE_SCHEMA_FORMATS)).toEqual(['uri', 'email', 'date-time', 'starts_with']);
});

test('uri: a scheme, a colon and no whitespace', () => {
  for (const ok of ['http://x', 'HTTPS://X:1/p?q', 'mailto:a@b', 'a+b-c.d:', 'urn:x'])
    expect(accepts('uri', ok), ok).toBe(true);
  for (const bad of ['1http://x', ' http://x', 'http://x y', 'http', '://x', '+a:b', 'h_t:x']) {
    expect(accepts('uri', bad), bad).toBe(false);
  }
});

test('email: one @, a dot in the domain, no whitespace', () => {
  for (const ok of ['a@b.c', 'first.last@mail.example.org']) expect(accepts('email', ok), ok).toBe(true);
  for (const bad of ['a@b', '@b.c', 'a@.c', 'a@b.', 'a b@c.d', 'a@b.c ', ' a@b.c', 'a@@b.c', 'ab.c']) {
    expect(accepts('email', bad), bad).toBe(false);
  }
});

test('date-time: date, T, hours and minutes, optional seconds and fraction, and a zone', () => {
  for (const ok of [
    '2026-02-19T08:00Z',
    '2026-02-19T08:00:59.123+09:00',
    '2026-02-19t08:00:00z',
    '2026-02-19T08:00-05:30',
  ]) {
    expect(accepts('at', ok), ok).toBe(true);
  }
  for (const bad of [
    '2026-02-19T08:00:00',
    '2026-02-19 08:00Z',
    'x2026-02-19T08:00Z',
    '2026-02-19T08:00Z ',
    '2026-02-19T08:00:0Z',
    '2026-02-19T08:00:00.Z',
    '26-02-19T08:00Z',
    '2026-2-19T08:00Z',
    '2026-02-19T8:00Z',
    '2026-02-19T08:00+0900',
    '2026-02-19T08:00+09',
    '2026-02-19',
  ]) {
    expect(accepts('at', bad), bad).toBe(false);
  }
});

test('starts_with is the pattern alone; patterns are read without the unicode flag', () => {
  expect(accepts('prefixed', 'x-a')).toBe(true);
  expect(accepts('prefixed', 'y-a')).toBe(false);
  expect(accepts('escaped', 'a-b')).toBe(true);
  expect(accepts('escaped', 'ab')).toBe(false);
});

test('a key with a default is not required of what a person writes; union types and extra keywords compile', () => {
  expect(validate({})).toBe(true);
  expect(accepts('port', 1)).toBe(true);
  expect(accepts('port', '1')).toBe(true);
  expect(accepts('port', 1.5)).toBe(false);
});

test('every error at once, with its paths and params but not the value or schema (no verbose option)', () => {
  expect(validate({ uri: 'nope', email: 'nope', extra: 1 })).toBe(false);
  expect(
    (compiled?.errors ?? []).map((e) => [e.keyword, e.instancePath, e.schemaPath, 'data' in e, 'parentSchema' in e]),
  ).toEqual([
    ['additionalProperties', '', '#/additionalProperties', false, false],
    ['format', '/uri', '#/properties/uri/format', false, false],
    ['format', '/email', '#/properties/email/format', false, false],
  ]);
});

test('the build-time source is a standalone CommonJS validator with the formats inline', () => {
  const code = releaseSchemaValidatorCode(SCHEMA);
  expect(code).toMatch(/^"use strict";module\.exports = validate\d+;/);
  expect(code).not.toContain('require("ajv")');
  expect(code).not.toContain('parentSchema');
  const mod = { exports: {} as { default?: (d: unknown) => boolean } };
  new Function('module', 'exports', 'require', code)(mod, mod.exports, () => ({ default: (s: string) => s.length }));
  expect(mod.exports.default?.({ uri: 'http://x' })).toBe(true);
  expect(mod.exports.default?.({ uri: 'nope' })).toBe(false);
});
