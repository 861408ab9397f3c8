/**
 * A schema problem at a secret path names the problem, never the value: the value may be a real
 * credential someone pasted, and the message goes to a terminal and a CI log. Checked through
 * checkAgainstReleaseSchema with a small release schema, for both ways a path counts as secret: the
 * release's uiHints mark it sensitive, or its last key says token, secret, password or key.
 */
import { compileReleaseSchema } from '../../lib/openclaw/schema/compile-release-schema';
import { checkAgainstReleaseSchema } from '../../lib/openclaw/schema/check-release-schema';
import type { ReleaseConfigSchema } from '../../lib/openclaw/schema/release-schema-files';

const RELEASE_SCHEMA: ReleaseConfigSchema = {
  version: '2026.1.1',
  schema: {
    type: 'object',
    properties: {
      gateway: {
        type: 'object',
        properties: {
          mode: { type: 'string', enum: ['local', 'remote'] },
          auth: { type: 'object', properties: { token: { type: 'string', minLength: 40 } } },
          remote: { type: 'object', properties: { url: { type: 'string', pattern: '^wss?://' } } },
        },
      },
      models: { type: 'object', properties: { apiKey: { type: 'string', enum: ['${OPENAI_API_KEY}'] } } },
    },
  },
  uiHints: { 'gateway.remote.url': { sensitive: true } },
};

const release = { schema: RELEASE_SCHEMA, validate: compileReleaseSchema(RELEASE_SCHEMA.schema) };

function issueAt(doc: unknown, path: string) {
  const issue = checkAgainstReleaseSchema(doc, release).find((i) => i.path === path && !/\$\{VAR\}/.test(i.expected));
  if (issue === undefined) throw new Error(`no schema issue at ${path}`);
  return issue;
}

describe('schema issues at secret paths', () => {
  test('a value the schema refuses at a path ending in token is described by its length only', () => {
    const issue = issueAt({ gateway: { auth: { token: 'pasted-credential-1234' } } }, 'gateway.auth.token');
    expect(issue.received).toBe('a string of 22 characters');
    expect(JSON.stringify(issue)).not.toContain('pasted-credential');
  });

  test('so is one at a path ending in key', () => {
    const issue = issueAt({ models: { apiKey: 'sk-live-abcdef' } }, 'models.apiKey');
    expect(issue.received).toBe('a string of 14 characters');
    expect(JSON.stringify(issue)).not.toContain('sk-live');
  });

  test('and one at a path the release marks sensitive, although its name says nothing', () => {
    const issue = issueAt({ gateway: { remote: { url: 'http://user:hunter2@example.com' } } }, 'gateway.remote.url');
    expect(issue.received).toBe('a string of 31 characters');
    expect(
      JSON.stringify(
        checkAgainstReleaseSchema({ gateway: { remote: { url: 'http://user:hunter2@example.com' } } }, release),
      ),
    ).not.toContain('hunter2');
  });

  test('a value at any other path is shown, so the owner sees what to fix', () => {
    expect(issueAt({ gateway: { mode: 'lokal' } }, 'gateway.mode').received).toBe('"lokal"');
  });
});

describe('everything the release finds in a document', () => {
  test('an unknown key lists the keys the schema it was compiled from knows there (its input view)', () => {
    const closed: ReleaseConfigSchema = {
      version: '2026.1.1',
      schema: { type: 'object', additionalProperties: false, properties: { gateway: { type: 'object' } } },
      uiHints: {},
    };
    const strict = { schema: closed, validate: compileReleaseSchema(closed.schema) };
    expect(checkAgainstReleaseSchema({ gatewya: {} }, strict)).toEqual([
      {
        path: 'gatewya',
        received: 'the unknown key "gatewya"',
        expected: 'a key openclaw 2026.1.1 knows here ("$schema", "gateway")',
        fix: 'did you mean "gateway"? rename it',
      },
    ]);
  });

  test('its schema issues, then its refinements, then every literal at a sensitive path, read whole', () => {
    const doc = {
      gateway: { mode: 'lokal', remote: { url: 'wss://literal' } },
      cron: { webhook: 'ftp://x' },
    };
    expect(checkAgainstReleaseSchema(doc, release)).toEqual([
      {
        path: 'gateway.mode',
        received: '"lokal"',
        expected: 'one of "local", "remote"',
        fix: 'use one of "local", "remote"',
      },
      {
        path: 'cron.webhook',
        received: '"ftp://x"',
        expected: 'an http:// or https:// url',
        fix: 'write the full url with its scheme',
      },
      {
        path: 'gateway.remote.url',
        received: 'a literal string of 13 character(s)',
        expected: 'a ${VAR} reference (openclaw 2026.1.1 marks gateway.remote.url sensitive)',
        fix: 'a literal here would be committed to git in the configmap: write ${NAME} and provide NAME to the container from a secret',
      },
    ]);
    expect(
      checkAgainstReleaseSchema(
        { gateway: { mode: 'local', remote: { url: 'wss://x' } } },
        { ...release, schema: { ...RELEASE_SCHEMA, uiHints: {} } },
      ),
    ).toEqual([]);
  });

  test('a path ending in token, secret, password or key (any case) hides the value; one only containing key shows it', () => {
    const hidden = (doc: unknown, path: string): string => issueAt(doc, path).received;
    const typed: ReleaseConfigSchema = {
      version: '2026.1.1',
      schema: { type: 'object', additionalProperties: { type: 'integer' } },
      uiHints: {},
    };
    const strict = { schema: typed, validate: compileReleaseSchema(typed.schema) };
    const received = (key: string): string =>
      checkAgainstReleaseSchema({ [key]: 'abc' }, strict).find((i) => i.path === key)?.received ?? '';
    expect(received('botToken')).toBe('a string of 3 characters');
    expect(received('clientSecret')).toBe('a string of 3 characters');
    expect(received('PASSWORD')).toBe('a string of 3 characters');
    expect(received('apiKey')).toBe('a string of 3 characters');
    expect(received('keyboard')).toBe('"abc"');
    expect(received('mode')).toBe('"abc"');
    expect(hidden({ gateway: { mode: 'lokal' } }, 'gateway.mode')).toBe('"lokal"');
  });
});
