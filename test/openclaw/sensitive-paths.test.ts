/**
 * The paths a release marks sensitive (`lib/openclaw/schema/sensitive-paths.ts`) and the literal
 * values found at them: a hint's `*` matches one key, `[]` one array index, nothing else.
 */
import { findLiteralSecrets, formatPath, sensitivePaths } from '../../lib/openclaw/schema/sensitive-paths';

const HINTS = {
  'gateway.auth.token': { sensitive: true },
  'channels.discord.accounts.*.token': { sensitive: true },
  'agents.list[].memorySearch.remote.apiKey': { sensitive: true },
  'gateway.port': { sensitive: false },
  'gateway.mode': {},
};

test('the sensitive hints, sorted, as segments ([] its own segment)', () => {
  expect(sensitivePaths(HINTS)).toEqual([
    {
      hint: 'agents.list[].memorySearch.remote.apiKey',
      segments: ['agents', 'list', '[]', 'memorySearch', 'remote', 'apiKey'],
    },
    { hint: 'channels.discord.accounts.*.token', segments: ['channels', 'discord', 'accounts', '*', 'token'] },
    { hint: 'gateway.auth.token', segments: ['gateway', 'auth', 'token'] },
  ]);
  expect(sensitivePaths({ 'a[][].b': { sensitive: true } })[0].segments).toEqual(['a', '[]', '[]', 'b']);
});

test('literal values at those paths, sorted by key, with their length and never their text', () => {
  const doc = {
    gateway: { auth: { token: 'hunter2' }, port: 'x' },
    channels: { discord: { accounts: { b: { token: '${B}' }, a: { token: 'abc' } }, token: 'top' } },
    agents: { list: [{ memorySearch: { remote: { apiKey: 'k1' } } }, { memorySearch: { remote: { apiKey: ' ' } } }] },
  };
  expect(findLiteralSecrets(doc, sensitivePaths(HINTS))).toEqual([
    { path: 'agents.list[0].memorySearch.remote.apiKey', hint: 'agents.list[].memorySearch.remote.apiKey', length: 2 },
    { path: 'channels.discord.accounts.a.token', hint: 'channels.discord.accounts.*.token', length: 3 },
    { path: 'gateway.auth.token', hint: 'gateway.auth.token', length: 7 },
  ]);
});

test('a path matches only at the same depth, an index only for [], a key only for * or itself', () => {
  const paths = sensitivePaths(HINTS);
  expect(findLiteralSecrets({ gateway: { auth: { token: { deeper: 'x' } } } }, paths)).toEqual([]);
  expect(findLiteralSecrets({ gateway: { auth: 'x' } }, paths)).toEqual([]);
  // a null anywhere (openclaw.json may hold one) is no secret, and no crash
  expect(findLiteralSecrets({ gateway: { auth: { token: null }, port: 1, tls: false } }, paths)).toEqual([]);
  expect(
    findLiteralSecrets({ agents: { list: { first: { memorySearch: { remote: { apiKey: 'x' } } } } } }, paths),
  ).toEqual([]);
  expect(findLiteralSecrets({ channels: { discord: { accounts: [{ token: 'x' }] } } }, paths)).toEqual([]);
  expect(
    findLiteralSecrets({ gateway: { auth: ['x'] } }, sensitivePaths({ 'gateway.auth.*': { sensitive: true } })),
  ).toEqual([]);
  expect(findLiteralSecrets('x', paths)).toEqual([]);
  expect(findLiteralSecrets({ gateway: null }, paths)).toEqual([]);
});

test('paths are written with dots for keys and brackets for indexes', () => {
  expect(formatPath([])).toBe('');
  expect(formatPath(['a', 0, 'b', 1, 2])).toBe('a[0].b[1][2]');
  expect(formatPath([0, 'a'])).toBe('[0].a');
});

test('numbers, booleans, null and undefined anywhere in the document are passed over', () => {
  const paths = sensitivePaths(HINTS);
  const doc = { gateway: { port: 18789, auth: { token: undefined, enabled: true }, mode: null }, n: 5, u: undefined };
  expect(findLiteralSecrets(doc, paths)).toEqual([]);
  expect(findLiteralSecrets({ gateway: { auth: { token: 'x' } }, other: undefined }, paths)).toEqual([
    { path: 'gateway.auth.token', hint: 'gateway.auth.token', length: 1 },
  ]);
});
