/**
 * What the config check takes for a credential headed for Git, as a user meets it: env var names
 * that hold one (a literal value is refused), keys of openclaw.json that hold one (a literal instead
 * of `${VAR}` is refused), and well-known token formats in any value, each named in the refusal.
 * Every token below is a made-up value of the right shape.
 */
import { checkConfig } from '../../lib/config/check-config';
import { ConfigError, type ConfigProblem } from '../../lib/core/config-problem';
import { configVariant } from '../support/openclaw-ops-harness';

function problemsOf(config: unknown): Pick<ConfigProblem, 'rule' | 'object' | 'message'>[] {
  try {
    checkConfig(config);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map(({ rule, object, message }) => ({ rule, object, message }));
  }
}

function withLiteralEnv(name: string, value: string): unknown {
  return configVariant((c) => {
    c.gatewayLiteralEnv.push({ name, value });
  });
}

function withOpenclawEnvVar(key: string, value: string): unknown {
  return configVariant((c) => {
    const doc = c.openclawConfig as Record<string, Record<string, unknown>>;
    const env = (doc.env ??= {}) as Record<string, Record<string, unknown>>;
    (env.vars ??= {})[key] = value;
  });
}

const rulesOf = (config: unknown): string[] => problemsOf(config).map((p) => p.rule);

describe('token formats in a literal env value', () => {
  const a = (n: number): string => 'a'.repeat(n);
  it.each([
    ['a GitHub token', `ghp_${a(20)}`],
    ['a GitHub token', `ghs_${a(20)}`],
    ['a GitHub token', `github_pat_${a(20)}`],
    ['a Slack token', `xoxb-${'1'.repeat(10)}`],
    ['an OpenAI or Anthropic key', `sk-${a(20)}`],
    ['an OpenAI or Anthropic key', `sk-ant-${a(20)}`],
    ['an OpenAI or Anthropic key', `sk-proj-${a(20)}`],
    ['an AWS access key id', 'AKIA' + 'B'.repeat(16)],
    ['an AWS access key id', 'ASIA' + '7'.repeat(16)],
    ['a Google API key', `AIza${a(35)}`],
    ['a Telegram bot token', `12345678:${a(35)}`],
    ['a JSON web token', `eyJ${a(10)}.${a(10)}.${a(10)}`],
  ])('refuses %s (%s) by name, with the fix', (format, token) => {
    expect(problemsOf(withLiteralEnv('BUILD_HINT', `value ${token} end`))).toEqual([
      {
        rule: 'literal-secret-value',
        object: expect.stringContaining('(BUILD_HINT)'),
        message: `received what looks like ${format}, expected no credential in a literal env var (the Deployment is committed to Git): revoke it, store it in SSM and declare a secret for it`,
      },
    ]);
  });

  it.each([
    ['a GitHub token one character short', `ghp_${'a'.repeat(19)}`],
    ['a fine-grained GitHub token one character short', `github_pat_${'a'.repeat(19)}`],
    ['a GitHub-like prefix inside a word', `xghp_${'a'.repeat(20)}`],
    ['a Slack token one character short', `xoxb-${'1'.repeat(9)}`],
    ['an sk- key one character short', `sk-${'a'.repeat(19)}`],
    ['an AWS key id one character short', 'AKIA' + 'B'.repeat(15)],
    ['an AWS key id one character long', 'AKIA' + 'B'.repeat(17)],
    ['a Google key one character short', `AIza${'a'.repeat(34)}`],
    ['a Telegram token with a 7-digit bot id', `1234567:${'a'.repeat(35)}`],
    ['a Telegram token one character short', `12345678:${'a'.repeat(34)}`],
    ['a JSON web token with a short part', `eyJ${'a'.repeat(10)}.${'a'.repeat(9)}.${'a'.repeat(10)}`],
    ['a JSON web token with a short signature', `eyJ${'a'.repeat(10)}.${'a'.repeat(10)}.${'a'.repeat(9)}`],
  ])('accepts %s', (_title, value) => {
    expect(rulesOf(withLiteralEnv('BUILD_HINT', value))).toEqual([]);
  });
});

describe('credential env var names', () => {
  it.each([
    'SLACK_BOT_TOKEN',
    'APP_SECRET',
    'DB_PASSWORD',
    'DB_PASSWD',
    'OPENAI_API_KEY',
    'OPENAI_APIKEY',
    'SIGNING_PRIVATE_KEY',
    'SIGNING_PRIVATEKEY',
    'GCP_CREDENTIAL',
    'GCP_CREDENTIALS',
    'lower_case_token',
  ])('refuses a literal value for %s', (name) => {
    expect(rulesOf(withLiteralEnv(name, 'plain-value'))).toEqual(['literal-env-secret']);
  });

  it.each(['TOKEN_URL', 'SECRETS_DIR', 'PASSWORD_POLICY', 'API_KEY_HEADER', 'CREDENTIALS_FILE_PATH'])(
    'accepts a literal value for %s, which only starts with a credential word',
    (name) => {
      expect(rulesOf(withLiteralEnv(name, 'plain-value'))).toEqual([]);
    },
  );
});

describe('credential keys of openclaw.json', () => {
  it.each([
    'githubToken',
    'clientSecret',
    'adminPassword',
    'adminPasswd',
    'apiKey',
    'api-key',
    'api_key',
    'apikey',
    'privateKey',
    'private_key',
    'credential',
    'credentials',
  ])('refuses a literal at %s, asking for a ${VAR} reference', (key) => {
    expect(rulesOf(withOpenclawEnvVar(key, 'plain-value'))).toEqual(['env-placeholder-required']);
  });

  it.each(['tokenUrl', 'secretName', 'passwordHint', 'apiKeyHeader', 'credentialsPath'])(
    'accepts a literal at %s, which only starts with a credential word',
    (key) => {
      expect(rulesOf(withOpenclawEnvVar(key, 'plain-value'))).toEqual([]);
    },
  );
});
