/**
 * OpenClaw's section of the config (`lib/openclaw/openclaw-config-section.ts`): openclaw.json is plain
 * JSON with object sections where the project reads them, `openclawVersion` is a release version, and
 * no credential is written into the committed ConfigMap. Each refusal read whole, with its boundaries.
 */
import {
  openclawConfigSchema,
  openclawCredentialProblems,
  openclawVersionProblems,
} from '../../lib/openclaw/openclaw-config-section';
import type { OpenClawConfigDocument } from '../../lib/openclaw/config-document';

/** The schema's problems as `path: message [rule]`. */
function shapeProblems(document: Record<string, unknown>): string[] {
  const parsed = openclawConfigSchema.safeParse(document);
  if (parsed.success) return [];
  return parsed.error.issues.map(
    (issue) => `${issue.path.join('.')}: ${issue.message} [${(issue as { params?: { rule?: string } }).params?.rule}]`,
  );
}

const NOT_JSON = (received: string): string =>
  `expected a JSON value (string, number, boolean, null, array or plain object), received ${received}: write plain ` +
  'JSON data [config-shape]';

describe('openclaw.json is plain JSON', () => {
  test('every value JSON cannot carry is reported at its own path, nested in arrays and objects', () => {
    expect(
      shapeProblems({
        a: Number.NaN,
        b: [1, Number.POSITIVE_INFINITY, { c: () => 1 }],
        d: new Date(0),
        f: { g: undefined, h: Symbol('x'), i: -Infinity },
      }),
    ).toEqual([
      'a: expected a finite number, received NaN: JSON has no NaN or Infinity; fix the value [config-shape]',
      'b.1: expected a finite number, received Infinity: JSON has no NaN or Infinity; fix the value [config-shape]',
      `b.2.c: ${NOT_JSON('function')}`,
      `d: ${NOT_JSON('a class instance')}`,
      `f.h: ${NOT_JSON('symbol')}`,
      'f.i: expected a finite number, received -Infinity: JSON has no NaN or Infinity; fix the value [config-shape]',
    ]);
  });

  test('accepts every JSON value, and undefined where a key may be left out', () => {
    expect(
      shapeProblems({
        s: 'x',
        n: -1.5,
        t: true,
        z: null,
        l: [[], {}, 0],
        o: { p: { q: 'r' }, u: undefined },
        gone: undefined,
        gateway: undefined,
        plugins: Object.create(null) as object,
      }),
    ).toEqual([`plugins: ${NOT_JSON('a class instance')}`]);
    expect(shapeProblems({ gateway: {}, nested: Object.assign(Object.create(null) as object, { a: 1 }) })).toEqual([
      `nested: ${NOT_JSON('a class instance')}`,
    ]);
  });

  test('every section the project reads must be an object where it is present', () => {
    const sections = [
      'models',
      'plugins',
      'channels',
      'diagnostics',
      'gateway',
      'cron',
      'hooks',
      'env',
      'agents',
      'tools',
    ];
    const notObject = (section: string, received: string): string =>
      `${section}: expected an object, received ${received}: write the ${section} section as an object (see ` +
      "OpenClaw's configuration reference) or remove it [config-shape]";
    expect(shapeProblems(Object.fromEntries(sections.map((s) => [s, []])))).toEqual(
      sections.map((s) => notObject(s, 'an array')),
    );
    expect(shapeProblems({ models: null, plugins: 'x', channels: 1, gateway: false })).toEqual([
      notObject('models', 'null'),
      notObject('plugins', 'string'),
      notObject('channels', 'number'),
      notObject('gateway', 'boolean'),
    ]);
    expect(shapeProblems({ session: [], messages: 'x' })).toEqual([]);
  });
});

describe('openclawVersion', () => {
  const notAVersion = (v: string): object[] => [
    {
      rule: 'openclaw-version',
      object: 'config.openclawVersion',
      message:
        `received ${JSON.stringify(v)}, expected a release version YYYY.M.D such as "2026.2.19": write the ` +
        "version of the image's OpenClaw release",
    },
  ];
  const impossible = (v: string): object[] => [
    {
      rule: 'openclaw-version',
      object: 'config.openclawVersion',
      message:
        `received ${JSON.stringify(v)}, whose month is not 1-12 or whose release number is 0, expected a release ` +
        'version YYYY.M.N such as "2026.2.19": fix the month or the release number (is it YYYY.N.M?)',
    },
  ];

  test('accepts YYYY.M.N with one or two digits each, optionally after a v', () => {
    for (const v of ['2026.2.19', 'v2026.2.19', '2026.1.1', '2026.12.99', '2026.07.35']) {
      expect(openclawVersionProblems(v)).toEqual([]);
    }
  });

  test('refuses what is not shaped like a version', () => {
    for (const v of [
      '26.2.19',
      '20261.2.19',
      '2026.123.1',
      '2026.1.123',
      '2026.2',
      'V2026.2.19',
      ' 2026.2.19',
      '2026.2.19 ',
      'x2026.2.19',
      '2026.2.19x',
      'latest',
    ]) {
      expect(openclawVersionProblems(v)).toEqual(notAVersion(v));
    }
  });

  test('refuses month 0 or 13 and release number 0', () => {
    for (const v of ['2026.0.1', '2026.13.1', '2026.12.0', '2026.00.5']) {
      expect(openclawVersionProblems(v)).toEqual(impossible(v));
    }
  });
});

describe('no credential in openclaw.json', () => {
  const PLACEHOLDER_FIX =
    'the ConfigMap is committed to Git; put the value in SSM, declare a secret with envVars ["MY_VAR"] and write ' +
    '"${MY_VAR}"';
  const literal = (path: string, what: 'value' | 'header value'): object => ({
    rule: 'env-placeholder-required',
    object: `config.${path}`,
    message: `received a literal ${what} where a credential belongs, expected a "\${VAR}" reference: ${PLACEHOLDER_FIX}`,
  });

  test('a credential key or a credential header with a literal value', () => {
    const document = {
      models: {
        providers: {
          x: {
            apiKey: 'not-a-placeholder',
            headers: {
              Authorization: 'Bearer x',
              'X-API-KEY': 'k',
              'api-key': 'k',
              'x-auth-token': 'k',
              Cookie: 'c',
              'x-authorization': 'k',
              authorization2: 'k',
              'X-Other': 'y',
            },
          },
        },
      },
    };
    expect(openclawCredentialProblems(document as unknown as OpenClawConfigDocument)).toEqual([
      literal('openclawConfig.models.providers.x.apiKey', 'value'),
      literal('openclawConfig.models.providers.x.headers.Authorization', 'header value'),
      literal('openclawConfig.models.providers.x.headers["X-API-KEY"]', 'header value'),
      literal('openclawConfig.models.providers.x.headers["api-key"]', 'header value'),
      literal('openclawConfig.models.providers.x.headers["x-auth-token"]', 'header value'),
      literal('openclawConfig.models.providers.x.headers.Cookie', 'header value'),
    ]);
  });

  test('a header name counts only under headers, as a whole name', () => {
    const problems = (doc: object): object[] => openclawCredentialProblems(doc as OpenClawConfigDocument);
    expect(problems({ a: { cookie: 'c' } })).toEqual([]);
    expect(problems({ a: { myheaders: { cookie: 'c' } } })).toEqual([]);
    expect(problems({ a: { headers: { cookies: 'c', xcookie: 'c' } } })).toEqual([]);
    expect(problems({ a: { headers: [{ cookie: 'c' }] } })).toEqual([
      literal('openclawConfig.a.headers[0].cookie', 'header value'),
    ]);
    expect(problems({ headers: { cookie: 'c' } })).toEqual([literal('openclawConfig.headers.cookie', 'header value')]);
  });

  test('a placeholder, an empty or blank value is no literal credential', () => {
    const problems = (doc: object): object[] => openclawCredentialProblems(doc as OpenClawConfigDocument);
    expect(problems({ token: '${T}', password: 'x-${P}-y', secret: '', apiKey: '   ' })).toEqual([]);
  });

  test('a known token format anywhere, reported once where a key already names a credential', () => {
    const github = `ghp_${'a'.repeat(36)}`;
    expect(
      openclawCredentialProblems({ note: `see ${github}`, token: github } as unknown as OpenClawConfigDocument),
    ).toEqual([
      {
        rule: 'literal-secret-value',
        object: 'config.openclawConfig.note',
        message:
          'received what looks like a GitHub token, expected no credential in openclaw.json (the ConfigMap is ' +
          'committed to Git): revoke it, store it in SSM and reference it as "${VAR}"',
      },
      literal('openclawConfig.token', 'value'),
    ]);
  });
});
