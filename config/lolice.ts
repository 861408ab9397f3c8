/**
 * The default configuration: lolice and arch as they stood on 2026-02-20 (see
 * ../shared/facts/lolice-arch.md), plus the cron webhook token and cron section of the design
 * T-20260219-014. Synthesizing it reproduces today's files, changed only where the design asks.
 *
 * Values the facts summarise rather than quote (the LiteLLM model list, the exec safeBins, the
 * agent model aliases, the Discord owner id) are marked RECONSTRUCTED: compare them with
 * lolice's `argoproj/openclaw/configmap-openclaw.yaml` once and correct them here.
 */
import type { OpenClawConfigDocument } from '../lib/openclaw/config-document';
import type { OpenClawOpsConfig } from '../lib/config/openclaw-ops-config';
import { SecretDeclaration, SecretValueOwner } from '../lib/secrets/secret-declaration';
import { dailyUsageReportDiscordJob, dailyUsageReportWebhookJob } from '../lib/cron/usage-report-jobs';
import { LOLICE_CLUSTER_SERVICES } from '../lib/network/network-peers';

const SSM_PREFIX = '/lolice/openclaw/';
const OPENCLAW_CREDENTIALS = 'openclaw-credentials';
const LITELLM_CREDENTIALS = 'litellm-credentials';

/**
 * PLACEHOLDER: the public HTTPS receiver of the daily usage report webhook. From OpenClaw
 * v2026.2.19 on it must be a public hostname resolving to public IPs (SSRF guard), e.g. a
 * Cloudflare tunnel hostname in front of the receiver.
 */
const PLACEHOLDER_CRON_RECEIVER_URL = 'https://cron-receiver.b0xp.io/openclaw/cron';

/** PLACEHOLDER: the Discord channel the daily usage report is announced to. */
const PLACEHOLDER_DISCORD_REPORT_CHANNEL = 'channel:100000000000000002';

/** RECONSTRUCTED: the Discord user allowed to DM the bot and approve exec requests. */
const DISCORD_OWNER_USER_ID = '100000000000000001';

function existing(
  secretName: string,
  key: string,
  description: string,
  options: { envVars?: readonly string[]; parameterKey?: string; managedBy?: string } = {},
): SecretDeclaration {
  return {
    secretName,
    key,
    parameterName: `${SSM_PREFIX}${options.parameterKey ?? key}`,
    owner: SecretValueOwner.EXISTING,
    description,
    envVars: options.envVars,
    managedBy: options.managedBy ?? 'arch terraform/aws/openclaw (ssm.tf)',
  };
}

/** Every secret key, in the order of today's ExternalSecret entries. */
const secrets: readonly SecretDeclaration[] = [
  existing(OPENCLAW_CREDENTIALS, 'DISCORD_BOT_TOKEN', 'Discord bot token for OpenClaw', { envVars: ['DISCORD_BOT_TOKEN'] }),
  existing(OPENCLAW_CREDENTIALS, 'OPENCLAW_GATEWAY_TOKEN', 'OpenClaw gateway auth token', { envVars: ['OPENCLAW_GATEWAY_TOKEN'] }),
  existing(OPENCLAW_CREDENTIALS, 'GITHUB_TOKEN', 'GitHub token for OpenClaw (gh, git)', { envVars: ['GITHUB_TOKEN', 'GH_TOKEN'] }),
  existing(OPENCLAW_CREDENTIALS, 'OPENAI_API_KEY', 'OpenAI API key', { envVars: ['OPENAI_API_KEY'] }),
  existing(OPENCLAW_CREDENTIALS, 'LITELLM_PROXY_KEY', 'LiteLLM proxy key (kept in the secret; the gateway reads LITELLM_MASTER_KEY)'),
  existing(OPENCLAW_CREDENTIALS, 'CLAUDE_CODE_OAUTH_TOKEN', 'Claude Code OAuth token', { envVars: ['CLAUDE_CODE_OAUTH_TOKEN'] }),
  existing(OPENCLAW_CREDENTIALS, 'TUNNEL_TOKEN', 'Cloudflare tunnel token (read by cloudflared)', {
    parameterKey: 'tunnel-token',
    managedBy: 'arch terraform/cloudflare/b0xp.io/openclaw (tunnel.tf)',
  }),
  existing(OPENCLAW_CREDENTIALS, 'XAI_API_KEY', 'xAI API key', { envVars: ['XAI_API_KEY'] }),
  existing(OPENCLAW_CREDENTIALS, 'GRAFANA_API_KEY', 'Grafana service account token', {
    envVars: ['GRAFANA_API_KEY', 'GRAFANA_SERVICE_ACCOUNT_TOKEN'],
  }),
  existing(OPENCLAW_CREDENTIALS, 'TELEGRAM_BOT_TOKEN', 'Telegram bot token', {
    envVars: ['TELEGRAM_BOT_TOKEN'],
    managedBy: 'created by hand (not in arch Terraform)',
  }),
  {
    secretName: OPENCLAW_CREDENTIALS,
    key: 'OPENCLAW_CRON_WEBHOOK_TOKEN',
    parameterName: `${SSM_PREFIX}OPENCLAW_CRON_WEBHOOK_TOKEN`,
    owner: SecretValueOwner.GENERATED,
    description: 'Bearer token OpenClaw sends with cron webhook POSTs (receivers verify it)',
    envVars: ['OPENCLAW_CRON_WEBHOOK_TOKEN'],
  },
  existing(LITELLM_CREDENTIALS, 'ANTHROPIC_API_KEY', 'Anthropic API key (LiteLLM only)'),
  existing(LITELLM_CREDENTIALS, 'LITELLM_MASTER_KEY', 'LiteLLM master key', { envVars: ['LITELLM_PROXY_KEY'] }),
  existing(LITELLM_CREDENTIALS, 'ZAI_API_KEY', 'Z.ai API key (LiteLLM only)', { managedBy: 'created by hand (not in arch Terraform)' }),
  existing(LITELLM_CREDENTIALS, 'GEMINI_API_KEY', 'Gemini API key (LiteLLM only)'),
  existing(LITELLM_CREDENTIALS, 'OPENAI_API_KEY', 'OpenAI API key (LiteLLM)'),
];

/** RECONSTRUCTED where marked; everything else is as lolice-arch.md §1.7 states it. */
const openclawConfig: OpenClawConfigDocument = {
  models: {
    providers: {
      litellm: {
        baseUrl: 'http://litellm.openclaw.svc.cluster.local:4000',
        apiKey: '${LITELLM_PROXY_KEY}',
        api: 'openai-completions',
        // RECONSTRUCTED: the 8 model ids behind LiteLLM.
        models: [
          { id: 'anthropic/claude-sonnet-4-5', name: 'Claude Sonnet 4.5' },
          { id: 'anthropic/claude-opus-4-6', name: 'Claude Opus 4.6' },
          { id: 'zai/glm-4.7', name: 'GLM-4.7' },
          { id: 'zai/glm-4.5-flash', name: 'GLM-4.5 Flash' },
          { id: 'google/gemini-2.5-flash', name: 'Gemini 2.5 Flash' },
          { id: 'google/gemini-2.5-pro', name: 'Gemini 2.5 Pro' },
          { id: 'openai/gpt-5-mini', name: 'GPT-5 mini' },
          { id: 'openai/gpt-5.1-codex-mini', name: 'GPT-5.1 Codex mini' },
        ],
      },
    },
  },
  tools: {
    exec: {
      security: 'allowlist',
      ask: 'on-miss',
      // RECONSTRUCTED: read-only tools.
      safeBins: ['cat', 'gh', 'ghq', 'grep', 'gwq', 'head', 'jq', 'ls', 'rg', 'tail', 'wc'],
      pathPrepend: ['/opt/gh-wrapper'],
    },
  },
  agents: {
    defaults: {
      model: {
        primary: 'openai-codex/gpt-5.3-codex',
        fallbacks: ['litellm/google/gemini-2.5-flash', 'openai-codex/gpt-4o-mini', 'openai-codex/o4-mini'],
      },
      // RECONSTRUCTED: the 11 aliases.
      models: {
        'openai-codex/gpt-5.3-codex': { alias: 'codex' },
        'openai-codex/gpt-5.1-codex-mini': { alias: 'codex-mini' },
        'openai-codex/gpt-4o-mini': { alias: '4o-mini' },
        'openai-codex/o4-mini': { alias: 'o4-mini' },
        'litellm/anthropic/claude-sonnet-4-5': { alias: 'sonnet' },
        'litellm/anthropic/claude-opus-4-6': { alias: 'opus' },
        'litellm/zai/glm-4.7': { alias: 'glm' },
        'litellm/zai/glm-4.5-flash': { alias: 'glm-flash' },
        'litellm/google/gemini-2.5-flash': { alias: 'gemini-flash' },
        'litellm/google/gemini-2.5-pro': { alias: 'gemini-pro' },
        'litellm/openai/gpt-5-mini': { alias: 'gpt5-mini' },
      },
      heartbeat: { every: '30m', model: 'openai-codex/gpt-5.1-codex-mini', target: 'discord' },
      sandbox: { mode: 'off' },
    },
  },
  plugins: {
    entries: {
      discord: { enabled: true },
      telegram: { enabled: true },
      'diagnostics-otel': { enabled: true },
    },
  },
  channels: {
    discord: {
      enabled: true,
      token: '${DISCORD_BOT_TOKEN}',
      dm: { policy: 'allowlist', allowFrom: [DISCORD_OWNER_USER_ID] },
      execApprovals: { enabled: true, approvers: [DISCORD_OWNER_USER_ID], target: 'dm' },
    },
    telegram: {
      enabled: true,
      botToken: '${TELEGRAM_BOT_TOKEN}',
      dmPolicy: 'pairing',
    },
  },
  diagnostics: {
    enabled: true,
    otel: {
      enabled: true,
      endpoint: 'http://prometheus-k8s.monitoring.svc:9090/api/v1/otlp',
      protocol: 'http/protobuf',
      serviceName: 'openclaw',
      traces: false,
      metrics: true,
      logs: false,
      flushIntervalMs: 30000,
    },
  },
  gateway: {
    mode: 'local',
    bind: 'lan',
    port: 18789,
    auth: { token: '${OPENCLAW_GATEWAY_TOKEN}' },
    controlUi: { allowInsecureAuth: true },
  },
  cron: {
    enabled: true,
    webhookToken: '${OPENCLAW_CRON_WEBHOOK_TOKEN}',
    sessionRetention: '7d',
  },
};

/** lolice + arch as they are, plus the cron webhook token. */
export const loliceConfig: OpenClawOpsConfig = {
  openclawVersion: '2026.2.19',
  namespace: 'openclaw',
  image: { repository: 'ghcr.io/boxp/arch/openclaw', tag: '202602170222' },
  ssmPrefix: SSM_PREFIX,
  secretStore: { kind: 'ClusterSecretStore', name: 'parameterstore' },
  externalSecretRefreshInterval: '1h',
  externalSecrets: [
    {
      name: 'openclaw-es',
      targetSecretName: OPENCLAW_CREDENTIALS,
      path: 'argoproj/openclaw/external-secret.yaml',
      comment: 'ANTHROPIC_API_KEY is deliberately not here: only LiteLLM uses it (litellm-es)',
    },
    {
      name: 'litellm-es',
      targetSecretName: LITELLM_CREDENTIALS,
      path: 'argoproj/openclaw/external-secret-litellm.yaml',
    },
  ],
  secrets,
  gatewayLiteralEnv: [
    { name: 'GRAFANA_URL', value: 'http://grafana.monitoring.svc.cluster.local:3000' },
    { name: 'OBSIDIAN_VAULT_PATH', value: '/home/node/ghq/github.com/boxp/obsidian-vault' },
    { name: 'PATH', value: '/shared-bin:/shared-npm/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
    { name: 'DOCKER_HOST', value: 'tcp://localhost:2376' },
    { name: 'DOCKER_TLS_VERIFY', value: '1' },
    { name: 'DOCKER_CERT_PATH', value: '/certs/client' },
    { name: 'NODE_OPTIONS', value: '--max-old-space-size=2048' },
  ],
  openclawConfig,
  network: {
    // Add a Service here when openclaw.json or a URL env var points at a new in-cluster host.
    clusterServices: LOLICE_CLUSTER_SERVICES,
    externalEgressPorts: [80, 443],
    urlEnvVars: ['GRAFANA_URL'],
  },
  // The design's two example jobs (T-20260219-014 §1.2). PLACEHOLDERS: the receiver host and the
  // Discord channel id must be replaced before running apply-cron-jobs.sh.
  cronJobs: [
    dailyUsageReportWebhookJob(PLACEHOLDER_CRON_RECEIVER_URL),
    dailyUsageReportDiscordJob(PLACEHOLDER_DISCORD_REPORT_CHANNEL),
  ],
  // The dashboard's names follow this translation strategy; the component's Prometheus patch sets it.
  telemetry: {
    prometheus: { prometheusVersion: '3.5.0', operatorVersion: '0.85.0', translationStrategy: 'UnderscoreEscapingWithSuffixes' },
  },
  // Alerts page through Grafana-managed alerting (Alertmanager has no receivers, the Loki ruler is off).
  alerting: {
    contactPoint: 'boxlab alert',
    prometheusDatasourceUid: 'P1809F7CD0C75ACF3',
    lokiDatasourceUid: 'P8E80F9AEF21F6940',
  },
  arch: {
    stackName: 'openclaw-ops',
    region: 'ap-northeast-1',
    backend: {
      bucket: 'tfaction-state',
      key: 'terraform/aws/openclaw-ops/v1/terraform.tfstate',
      region: 'ap-northeast-1',
    },
    reservedStateKeyPrefixes: ['terraform/aws/openclaw/'],
  },
};
