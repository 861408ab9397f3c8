/** Credentials that would end up committed: literals where `${VAR}` belongs, tokens in URLs, reused tokens. */
import { SecretValueOwner } from '../../../lib/secrets/secret-declaration';
import type { MisconfigurationCase, MutableConfig } from '../misconfiguration-case';
import { doc, job, secret, setWebhookUrl } from '../misconfiguration-case';

const FIX_PLACEHOLDER = /declare a secret with envVars \["MY_VAR"\] and write "\$\{MY_VAR\}"/;
const FIX_URL = /remove it from the URL and let the receiver check the Authorization: Bearer cron\.webhookToken header/;
const FIX_DEDICATED = /declare a dedicated generated secret/;
const WEBHOOK_OBJECT = 'cron job "Daily usage report" delivery.to';

function nested(c: MutableConfig, path: string[], value: unknown): void {
  let current = doc(c) as Record<string, unknown>;
  for (const key of path.slice(0, -1)) {
    current[key] ??= {};
    current = current[key] as Record<string, unknown>;
  }
  current[path[path.length - 1] as string] = value;
}

function literalCase(id: string, path: string[], value: string): MisconfigurationCase {
  return {
    id,
    title: `a literal at openclaw.json ${path.join('.')}`,
    rule: 'env-placeholder-required',
    object: `config.openclawConfig.${path.join('.')}`,
    fix: FIX_PLACEHOLDER,
    variant: (c) => nested(c, path, value),
  };
}

function urlCase(id: string, title: string, url: string): MisconfigurationCase {
  return {
    id,
    title,
    rule: 'webhook-url-credential',
    object: WEBHOOK_OBJECT,
    fix: FIX_URL,
    variant: (c) => setWebhookUrl(c, url),
  };
}

export const secretsHeadedForGitCases: readonly MisconfigurationCase[] = [
  literalCase('literal-gateway-token', ['gateway', 'auth', 'token'], 'fake-gateway-token-0123456789'),
  literalCase('literal-gateway-password', ['gateway', 'auth', 'password'], 'hunter2-fake'),
  literalCase('literal-discord-token', ['channels', 'discord', 'token'], 'fake.discord.token'),
  literalCase('literal-telegram-token', ['channels', 'telegram', 'botToken'], 'fake-telegram-bot-token'),
  literalCase('literal-provider-api-key', ['models', 'providers', 'litellm', 'apiKey'], 'fake-litellm-key'),
  literalCase('literal-cron-webhook-token', ['cron', 'webhookToken'], 'fake-webhook-token-abcdef'),
  literalCase('literal-hooks-token', ['hooks', 'token'], 'fake-hooks-token'),
  literalCase('literal-env-vars-api-key', ['env', 'vars', 'OPENAI_API_KEY'], 'fake-openai-key'),
  {
    id: 'literal-otel-authorization-header',
    title: 'a literal Authorization header for the OTLP exporter',
    rule: 'env-placeholder-required',
    object: 'config.openclawConfig.diagnostics.otel.headers.Authorization',
    fix: FIX_PLACEHOLDER,
    variant: (c) => nested(c, ['diagnostics', 'otel', 'headers'], { Authorization: 'Basic ZmFrZTpmYWtl' }),
  },
  {
    id: 'github-token-in-unrelated-field',
    title: 'a GitHub token pasted into a non-credential field of openclaw.json',
    rule: 'literal-secret-value',
    object: 'config.openclawConfig.env.vars.GIT_REMOTE',
    fix: /revoke it, store it in SSM/,
    variant: (c) =>
      nested(c, ['env', 'vars', 'GIT_REMOTE'], `https://x:ghp_${'a1B2c3D4e5'.repeat(4)}@github.com/boxp/x`),
  },
  {
    id: 'literal-env-credential-name',
    title: 'a credential env var as a literal (SLACK_BOT_TOKEN)',
    rule: 'literal-env-secret',
    object: 'config.gatewayLiteralEnv[7] (SLACK_BOT_TOKEN)',
    fix: /declare a secret with envVars \["SLACK_BOT_TOKEN"\]/,
    variant: (c) => {
      c.gatewayLiteralEnv.push({ name: 'SLACK_BOT_TOKEN', value: 'fake-slack-token' });
    },
  },
  {
    id: 'literal-env-password',
    title: 'a password env var as a literal',
    rule: 'literal-env-secret',
    object: 'config.gatewayLiteralEnv[7] (DATABASE_PASSWORD)',
    fix: /declare a secret/,
    variant: (c) => {
      c.gatewayLiteralEnv.push({ name: 'DATABASE_PASSWORD', value: 'fake-password' });
    },
  },
  {
    id: 'literal-env-aws-key-format',
    title: 'an AWS access key id in an innocently named literal env var',
    rule: 'literal-secret-value',
    object: 'config.gatewayLiteralEnv[7] (AWS_PROFILE_HINT)',
    fix: /revoke it, store it in SSM/,
    variant: (c) => {
      c.gatewayLiteralEnv.push({ name: 'AWS_PROFILE_HINT', value: 'AKIAFAKEFAKEFAKEFAKE' });
    },
  },
  {
    id: 'token-in-cron-message',
    title: 'an API key inside a cron job prompt',
    rule: 'literal-secret-value',
    object: 'cron job "Daily usage report" payload',
    fix: /revoke it and let the agent read it from an env var/,
    variant: (c) => {
      job(c).payload.message = `use the key sk-ant-${'fakefake'.repeat(4)} to call the API`;
    },
  },
  urlCase(
    'webhook-query-token',
    'a webhook URL with ?token=',
    'https://cron-receiver.b0xp.io/openclaw/cron?token=fake',
  ),
  urlCase(
    'webhook-query-code',
    'a webhook URL with ?code= (Azure Functions style)',
    'https://receiver.example.com/api/cron?code=fakefake',
  ),
  urlCase(
    'webhook-query-sig',
    'a webhook URL with ?sig= (SAS style)',
    'https://receiver.example.com/cron?sv=2024&sig=fake',
  ),
  urlCase('webhook-query-key', 'a webhook URL with ?key=', 'https://receiver.example.com/cron?key=fake'),
  urlCase(
    'webhook-query-signature',
    'a webhook URL with ?signature=',
    'https://receiver.example.com/cron?signature=fake',
  ),
  urlCase(
    'webhook-query-access-token',
    'a webhook URL with ?access_token=',
    'https://receiver.example.com/cron?access_token=fake',
  ),
  urlCase('webhook-query-apikey', 'a webhook URL with ?apiKey=', 'https://receiver.example.com/cron?apiKey=fake'),
  urlCase(
    'webhook-slack-path',
    'a Slack incoming webhook (the path is the token)',
    'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
  ),
  urlCase(
    'webhook-teams',
    'a Microsoft Teams webhook',
    'https://contoso.webhook.office.com/webhookb2/00000000-0000/IncomingWebhook/abc/def',
  ),
  urlCase(
    'webhook-telegram-bot',
    'a Telegram bot API URL (the bot token is in the path)',
    'https://api.telegram.org/bot123456789:fakefakefake/sendMessage',
  ),
  urlCase(
    'webhook-ifttt',
    'an IFTTT maker URL (the key is in the path)',
    'https://maker.ifttt.com/trigger/cron/with/key/fakefakefake',
  ),
  urlCase('webhook-zapier', 'a Zapier catch hook', 'https://hooks.zapier.com/hooks/catch/123456/abcdef/'),
  urlCase(
    'webhook-random-path-token',
    'a URL whose path segment is a random token',
    'https://hooks.example.com/h/9fA3kLm2Qx7Zp4Rt8Vw1Yb6Nc5Hd0Ej',
  ),
  urlCase('webhook-userinfo', 'a URL with user:password', 'https://user:fake-password@receiver.example.com/cron'),
  {
    id: 'legacy-webhook-with-token',
    title: 'the legacy cron.webhook URL with a token',
    rule: 'webhook-url-credential',
    object: 'config.openclawConfig.cron.webhook',
    fix: FIX_URL,
    variant: (c) => nested(c, ['cron', 'webhook'], 'https://receiver.example.com/cron?token=fake'),
  },
  {
    id: 'webhook-token-is-gateway-token',
    title: 'cron.webhookToken reusing the gateway token',
    rule: 'webhook-token-unique',
    object: 'config.openclawConfig.cron.webhookToken',
    fix: FIX_DEDICATED,
    variant: (c) => nested(c, ['cron', 'webhookToken'], '${OPENCLAW_GATEWAY_TOKEN}'),
  },
  {
    id: 'webhook-token-is-github-pat',
    title: 'cron.webhookToken reusing the GitHub PAT',
    rule: 'webhook-token-unique',
    object: 'config.openclawConfig.cron.webhookToken',
    fix: FIX_DEDICATED,
    variant: (c) => nested(c, ['cron', 'webhookToken'], '${GH_TOKEN}'),
  },
  {
    id: 'webhook-token-is-discord-token',
    title: 'cron.webhookToken reusing the Discord bot token',
    rule: 'webhook-token-unique',
    object: 'config.openclawConfig.cron.webhookToken',
    fix: FIX_DEDICATED,
    variant: (c) => nested(c, ['cron', 'webhookToken'], '${DISCORD_BOT_TOKEN}'),
  },
  {
    id: 'webhook-token-shares-parameter',
    title: "the webhook token declaration pointing at another credential's SSM parameter",
    rule: 'webhook-token-unique',
    object: 'config.openclawConfig.cron.webhookToken',
    fix: FIX_DEDICATED,
    variant: (c) => {
      const token = secret(c, 'OPENCLAW_CRON_WEBHOOK_TOKEN');
      token.parameterName = '/lolice/openclaw/GITHUB_TOKEN';
      token.owner = SecretValueOwner.EXISTING;
    },
  },
  {
    id: 'two-generated-on-one-parameter',
    title: 'two generated declarations of one SSM parameter',
    rule: 'ssm-parameter-owner',
    object: 'ssm parameter /lolice/openclaw/OPENCLAW_CRON_WEBHOOK_TOKEN',
    fix: /declare it generated once/,
    variant: (c) => {
      c.secrets.push({
        ...secret(c, 'OPENCLAW_CRON_WEBHOOK_TOKEN'),
        secretName: 'litellm-credentials',
        envVars: undefined,
      });
    },
  },
  {
    id: 'existing-also-generated',
    title: 'an existing parameter also declared generated',
    rule: 'ssm-parameter-owner',
    object: 'ssm parameter /lolice/openclaw/OPENAI_API_KEY',
    fix: /declare it existing everywhere/,
    variant: (c) => {
      secret(c, 'OPENAI_API_KEY', 'litellm-credentials').owner = SecretValueOwner.GENERATED;
    },
  },
  {
    id: 'kms-key-on-existing',
    title: 'kmsKeyId on an existing parameter (silently ignored)',
    rule: 'ssm-parameter-owner',
    object: 'secret openclaw-credentials/XAI_API_KEY',
    fix: /remove it, or declare the parameter owner generated/,
    variant: (c) => {
      secret(c, 'XAI_API_KEY').kmsKeyId = 'alias/openclaw';
    },
  },
];
