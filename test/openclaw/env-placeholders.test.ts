import {
  analyzeEnvString,
  containsEnvPlaceholder,
  envStringsResolveEqual,
  findEnvPlaceholders,
  findMalformedEnvPlaceholders,
} from '../../lib/openclaw/env-placeholders';

describe('findEnvPlaceholders', () => {
  it('finds references in nested objects and arrays with their config paths', () => {
    const doc = {
      channels: { discord: { token: '${DISCORD_BOT_TOKEN}' } },
      models: { providers: { litellm: { apiKey: '${LITELLM_PROXY_KEY}', baseUrl: 'http://litellm:4000' } } },
      agents: { list: [{ id: 'main' }, { headers: ['Bearer ${A_TOKEN}-${_B1}'] }] },
      port: 18789,
      enabled: true,
      nothing: null,
    };
    expect(findEnvPlaceholders(doc)).toEqual([
      { name: 'DISCORD_BOT_TOKEN', path: 'channels.discord.token' },
      { name: 'LITELLM_PROXY_KEY', path: 'models.providers.litellm.apiKey' },
      { name: 'A_TOKEN', path: 'agents.list[1].headers[0]' },
      { name: '_B1', path: 'agents.list[1].headers[0]' },
    ]);
  });

  it('does not report $${VAR} escapes as references', () => {
    expect(findEnvPlaceholders({ a: 'literal $${NOT_A_REF} and ${REAL}' })).toEqual([{ name: 'REAL', path: 'a' }]);
    expect(analyzeEnvString('x$${NOT_A_REF}y').segments).toEqual([{ kind: 'literal', text: 'x${NOT_A_REF}y' }]);
  });

  it('treats $$${VAR} as a literal $ followed by an escape', () => {
    expect(analyzeEnvString('$$${VAR}').segments).toEqual([{ kind: 'literal', text: '$${VAR}' }]);
  });

  it('does not report malformed references as references', () => {
    expect(findEnvPlaceholders({ a: '${lower} ${A-B} ${UNTERMINATED' })).toEqual([]);
  });
});

describe('findMalformedEnvPlaceholders', () => {
  it('fails on lower-case, invalid-character, empty and unterminated references', () => {
    const malformed = findMalformedEnvPlaceholders({
      a: { b: '${lower}' },
      c: ['${A-B}', 'x ${} y', 'tail ${UNTERMINATED', '${1ABC}', '$${mixedCase}'],
    });
    expect(malformed.map(({ path, text }) => ({ path, text }))).toEqual([
      { path: 'a.b', text: '${lower}' },
      { path: 'c[0]', text: '${A-B}' },
      { path: 'c[1]', text: '${}' },
      { path: 'c[2]', text: '${UNTERMINATED' },
      { path: 'c[3]', text: '${1ABC}' },
      { path: 'c[4]', text: '${mixedCase}' },
    ]);
    expect(malformed[0].reason).toMatch(/lower-case/);
    expect(malformed[1].reason).toMatch(/characters other than/);
    expect(malformed[2].reason).toMatch(/empty/);
    expect(malformed[3].reason).toMatch(/closing \} is missing/);
  });

  it('reports nothing for valid references, escapes and plain dollars', () => {
    expect(findMalformedEnvPlaceholders({ a: '${OK} $${ALSO_OK} costs $5 $ {X}' })).toEqual([]);
  });
});

describe('envStringsResolveEqual', () => {
  it('treats identical raw strings as equal', () => {
    expect(envStringsResolveEqual('${OPENCLAW_GATEWAY_TOKEN}', '${OPENCLAW_GATEWAY_TOKEN}')).toBe(true);
    expect(envStringsResolveEqual('test-token-placeholder', 'test-token-placeholder')).toBe(true);
  });

  it('treats different variables as different unless they resolve to the same source', () => {
    expect(envStringsResolveEqual('${HOOKS_TOKEN}', '${OPENCLAW_GATEWAY_TOKEN}')).toBe(false);
    const sameSource = (name: string): string | undefined =>
      ({
        HOOKS_TOKEN: 'openclaw-credentials/OPENCLAW_GATEWAY_TOKEN',
        OPENCLAW_GATEWAY_TOKEN: 'openclaw-credentials/OPENCLAW_GATEWAY_TOKEN',
      })[name];
    expect(envStringsResolveEqual('${HOOKS_TOKEN}', '${OPENCLAW_GATEWAY_TOKEN}', sameSource)).toBe(true);
    expect(envStringsResolveEqual('x-${HOOKS_TOKEN}', '${OPENCLAW_GATEWAY_TOKEN}', sameSource)).toBe(false);
    const otherSource = (name: string): string => `openclaw-credentials/${name}`;
    expect(envStringsResolveEqual('${HOOKS_TOKEN}', '${OPENCLAW_GATEWAY_TOKEN}', otherSource)).toBe(false);
  });

  it('compares escapes by their literal result', () => {
    expect(envStringsResolveEqual('$${TOKEN}', '${TOKEN}')).toBe(false);
  });
});

describe('containsEnvPlaceholder', () => {
  it('is true only for substituted references', () => {
    expect(containsEnvPlaceholder('http://${HOST}:4318')).toBe(true);
    expect(containsEnvPlaceholder('$${HOST}')).toBe(false);
    expect(containsEnvPlaceholder('${host}')).toBe(false);
  });
});

describe('how one string is read', () => {
  it('splits literal text and references, merging literal runs (escapes and stray dollars included)', () => {
    expect(analyzeEnvString('a${X}b$${Y}$c$')).toEqual({
      segments: [
        { kind: 'literal', text: 'a' },
        { kind: 'env', name: 'X' },
        { kind: 'literal', text: 'b${Y}$c$' },
      ],
      malformed: [],
    });
    expect(analyzeEnvString('${A}${B}')).toEqual({
      segments: [
        { kind: 'env', name: 'A' },
        { kind: 'env', name: 'B' },
      ],
      malformed: [],
    });
    expect(analyzeEnvString('')).toEqual({ segments: [], malformed: [] });
  });

  it('gives each malformed reference its reason, whole, and keeps its text literal', () => {
    const reasons = (text: string) => analyzeEnvString(text).malformed;
    expect(reasons('x${lower_Case1}y')).toEqual([
      {
        text: '${lower_Case1}',
        reason:
          'the name has lower-case letters and openclaw substitutes upper-case names only, so the text stays literal',
      },
    ]);
    expect(reasons('${A-B}')).toEqual([
      {
        text: '${A-B}',
        reason:
          'the name has characters other than A-Z, 0-9 and _ (or starts with a digit), so openclaw leaves the text literal',
      },
    ]);
    expect(reasons('${1A}')[0].reason).toBe(
      'the name has characters other than A-Z, 0-9 and _ (or starts with a digit), so openclaw leaves the text literal',
    );
    expect(reasons('${}')).toEqual([{ text: '${}', reason: 'the name is empty' }]);
    expect(reasons('a ${OPEN')).toEqual([
      { text: '${OPEN', reason: 'the closing } is missing, so openclaw leaves the text literal' },
    ]);
    expect(analyzeEnvString('a ${OPEN').segments).toEqual([{ kind: 'literal', text: 'a ${OPEN' }]);
    // an escape of a name openclaw would not substitute is no escape: the $ stays, the rest is malformed
    expect(analyzeEnvString('$${lower}')).toEqual({
      segments: [{ kind: 'literal', text: '$${lower}' }],
      malformed: [
        {
          text: '${lower}',
          reason:
            'the name has lower-case letters and openclaw substitutes upper-case names only, so the text stays literal',
        },
      ],
    });
    expect(analyzeEnvString('$${OPEN').malformed).toEqual([
      { text: '${OPEN', reason: 'the closing } is missing, so openclaw leaves the text literal' },
    ]);
  });

  it('reads an escape only as $${NAME}: other dollar runs and braces stay literal', () => {
    for (const text of ['$a{B}', '$ABCD}', '$$AB}', 'x}$$X']) {
      expect(analyzeEnvString(text)).toEqual({ segments: [{ kind: 'literal', text }], malformed: [] });
    }
    expect(analyzeEnvString('${A}$${B}').segments).toEqual([
      { kind: 'env', name: 'A' },
      { kind: 'literal', text: '${B}' },
    ]);
  });

  it('names the path of a string at the top level and in a top-level array', () => {
    expect(findEnvPlaceholders('${A}')).toEqual([{ name: 'A', path: '' }]);
    expect(findEnvPlaceholders(['x', '${B}'])).toEqual([{ name: 'B', path: '[1]' }]);
    expect(findMalformedEnvPlaceholders({ a: [{ b: '${x}' }] })).toEqual([
      {
        text: '${x}',
        path: 'a[0].b',
        reason:
          'the name has lower-case letters and openclaw substitutes upper-case names only, so the text stays literal',
      },
    ]);
  });

  it('compares position by position: another length or another literal differs', () => {
    expect(envStringsResolveEqual('${A}', '${A}x')).toBe(false);
    expect(envStringsResolveEqual('x${A}', 'y${A}')).toBe(false);
    expect(envStringsResolveEqual('${A}', 'A')).toBe(false);
    const none = (): undefined => undefined;
    expect(envStringsResolveEqual('${A}', '${B}', none)).toBe(false);
    expect(envStringsResolveEqual('x${A}', 'x${B}', () => 'same')).toBe(true);
  });
});
