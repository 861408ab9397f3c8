/**
 * The default configuration: lolice and arch as they stood on 2026-02-20 (boxp/lolice 00ffbb3,
 * boxp/arch 6209c3fef; copies in test/fixtures/live), plus the cron webhook token and cron section
 * of the cron webhook and usage telemetry change (docs/FACTS.md). Synthesizing it reproduces today's files, changed only where the
 * design asks (lib/checkout/intended-changes.ts lists every such change; a test holds the rest equal).
 */
import type { JsonObject, OpenClawConfigDocument } from '../lib/openclaw/config-document';
import type { OpenClawOpsConfig } from '../lib/config/openclaw-ops-config';
import { SecretDeclaration, SecretValueOwner } from '../lib/secrets/secret-declaration';
import { dailyUsageReportDiscordJob, dailyUsageReportWebhookJob } from '../lib/cron/usage-report-jobs';
import { LOLICE_CLUSTER_SERVICES } from './lolice-cluster-services';
import { loliceGatewayPod } from './lolice-gateway-pod';
import images from './lolice-images.json';
import { LOLICE_ARCH_MANAGED_PARAMETERS } from './lolice-arch-parameters';
import { LOLICE_PATHS } from './lolice-paths';

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

/** The Discord user allowed to DM the bot and approve exec requests (lolice's configmap-openclaw.yaml). */
const DISCORD_OWNER_USER_ID = '346180680851652618';

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

/**
 * Every secret key. Each ExternalSecret lists its own keys in this order, and container `openclaw`
 * gets its env vars in this order: both are today's order (the litellm-credentials keys the
 * gateway reads sit where today's env list reads them).
 */
const secrets: readonly SecretDeclaration[] = [
  existing(OPENCLAW_CREDENTIALS, 'DISCORD_BOT_TOKEN', 'Discord bot token for OpenClaw', {
    envVars: ['DISCORD_BOT_TOKEN'],
  }),
  existing(OPENCLAW_CREDENTIALS, 'OPENCLAW_GATEWAY_TOKEN', 'OpenClaw gateway auth token', {
    envVars: ['OPENCLAW_GATEWAY_TOKEN'],
  }),
  existing(OPENCLAW_CREDENTIALS, 'GITHUB_TOKEN', 'GitHub token for OpenClaw (gh, git)', {
    envVars: ['GITHUB_TOKEN', 'GH_TOKEN'],
  }),
  existing(LITELLM_CREDENTIALS, 'ANTHROPIC_API_KEY', 'Anthropic API key (LiteLLM only)'),
  existing(LITELLM_CREDENTIALS, 'LITELLM_MASTER_KEY', 'LiteLLM master key', { envVars: ['LITELLM_PROXY_KEY'] }),
  existing(OPENCLAW_CREDENTIALS, 'OPENAI_API_KEY', 'OpenAI API key', { envVars: ['OPENAI_API_KEY'] }),
  existing(
    OPENCLAW_CREDENTIALS,
    'LITELLM_PROXY_KEY',
    'LiteLLM proxy key (kept in the secret; the gateway reads LITELLM_MASTER_KEY)',
  ),
  existing(OPENCLAW_CREDENTIALS, 'CLAUDE_CODE_OAUTH_TOKEN', 'Claude Code OAuth token', {
    envVars: ['CLAUDE_CODE_OAUTH_TOKEN'],
  }),
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
  existing(LITELLM_CREDENTIALS, 'ZAI_API_KEY', 'Z.ai API key (LiteLLM only)', {
    managedBy: 'created by hand (not in arch Terraform)',
  }),
  existing(LITELLM_CREDENTIALS, 'GEMINI_API_KEY', 'Gemini API key (LiteLLM only)'),
  existing(LITELLM_CREDENTIALS, 'OPENAI_API_KEY', 'OpenAI API key (LiteLLM)'),
];

/** lolice's openclaw.json, key for key, plus the design's `cron` section. */
const TEXT = ['text'] as const;
const TEXT_IMAGE = ['text', 'image'] as const;

/** One model behind the LiteLLM proxy, keys in lolice's order. */
function litellmModel(
  id: string,
  name: string,
  reasoning: boolean,
  input: readonly string[],
  contextWindow: number,
  maxTokens: number,
): JsonObject {
  return { id, name, reasoning, input, contextWindow, maxTokens };
}

const openclawConfig: OpenClawConfigDocument = {
  models: {
    providers: {
      litellm: {
        baseUrl: 'http://litellm.openclaw.svc.cluster.local:4000',
        apiKey: '${LITELLM_PROXY_KEY}',
        api: 'openai-completions',
        models: [
          litellmModel('anthropic/claude-sonnet-4-5-20250929', 'Claude Sonnet 4.5', true, TEXT_IMAGE, 200000, 16384),
          litellmModel('anthropic/claude-opus-4-6', 'Claude Opus 4.6', true, TEXT_IMAGE, 200000, 32000),
          litellmModel('zai/glm-4.7', 'GLM-4.7', true, TEXT, 200000, 4096),
          litellmModel('zai/glm-4.5-flash', 'GLM-4.5 Flash', false, TEXT, 128000, 4096),
          litellmModel('google/gemini-2.5-flash', 'Gemini 2.5 Flash', true, TEXT_IMAGE, 1048576, 65536),
          litellmModel('google/gemini-2.5-pro', 'Gemini 2.5 Pro', true, TEXT_IMAGE, 1048576, 65536),
          litellmModel('openai/gpt-5-mini', 'GPT-5 mini', true, TEXT_IMAGE, 400000, 128000),
          litellmModel('openai/gpt-5.1-codex-mini', 'GPT-5.1 Codex mini', true, TEXT, 400000, 128000),
        ],
      },
    },
  },
  tools: {
    exec: {
      security: 'allowlist',
      ask: 'on-miss',
      safeBins: [
        'gh',
        'ghq',
        'gwq',
        'ls',
        'cat',
        'grep',
        'head',
        'tail',
        'wc',
        'jq',
        'uniq',
        'cut',
        'tr',
        'pwd',
        'date',
        'stat',
        'dirname',
        'basename',
      ],
      pathPrepend: ['/opt/gh-wrapper'],
    },
  },
  agents: {
    defaults: {
      model: {
        primary: 'openai-codex/gpt-5.3-codex',
        fallbacks: ['litellm/google/gemini-2.5-flash', 'openai-codex/gpt-4o-mini', 'openai-codex/o4-mini'],
      },
      models: {
        'litellm/anthropic/claude-sonnet-4-5-20250929': { alias: 'sonnet' },
        'litellm/anthropic/claude-opus-4-6': { alias: 'opus' },
        'litellm/zai/glm-4.7': { alias: 'glm47' },
        'litellm/zai/glm-4.5-flash': { alias: 'glm4-flash' },
        'litellm/google/gemini-2.5-flash': { alias: 'flash' },
        'litellm/google/gemini-2.5-pro': { alias: 'gemini-pro' },
        'openai-codex/gpt-4o-mini': { alias: 'gpt4o-mini' },
        'openai-codex/o4-mini': { alias: 'o4-mini' },
        'openai-codex/gpt-5.3-codex': { alias: 'codex' },
        'litellm/openai/gpt-5-mini': { alias: 'gpt5-mini' },
        'openai-codex/gpt-5.1-codex-mini': { alias: 'codex-mini' },
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
      dm: { enabled: true, policy: 'allowlist', allowFrom: [DISCORD_OWNER_USER_ID] },
      execApprovals: { enabled: true, approvers: [DISCORD_OWNER_USER_ID], target: 'dm', cleanupAfterResolve: true },
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
  paths: LOLICE_PATHS,
  image: images.openclaw,
  gatewayPod: loliceGatewayPod,
  ssmPrefix: SSM_PREFIX,
  secretStore: { kind: 'ClusterSecretStore', name: 'parameterstore' },
  externalSecretRefreshInterval: '1h',
  externalSecrets: [
    {
      name: 'openclaw-es',
      targetSecretName: OPENCLAW_CREDENTIALS,
      path: 'argoproj/openclaw/external-secret.yaml',
      comment: 'ANTHROPIC_API_KEY is intentionally excluded (LiteLLM Pod only)',
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
  // The design's two example jobs (docs/FACTS.md). PLACEHOLDERS: the receiver host and the
  // Discord channel id must be replaced before running apply-cron-jobs.sh.
  cronJobs: [
    dailyUsageReportWebhookJob(PLACEHOLDER_CRON_RECEIVER_URL),
    dailyUsageReportDiscordJob(PLACEHOLDER_DISCORD_REPORT_CHANNEL),
  ],
  // The dashboard's names follow this translation strategy; the component's Prometheus patch sets it.
  telemetry: {
    prometheus: {
      prometheusVersion: '3.5.0',
      operatorVersion: '0.85.0',
      translationStrategy: 'UnderscoreEscapingWithSuffixes',
    },
    // Grafana's generated datasource UIDs (docs/FACTS.md): the dashboard and the alert rules query them.
    datasources: { prometheus: 'P1809F7CD0C75ACF3', loki: 'P8E80F9AEF21F6940' },
  },
  // Alerts page through Grafana-managed alerting (Alertmanager has no receivers, the Loki ruler is off).
  alerting: {
    contactPoint: 'boxlab alert',
    // Where GitHub shows the runbook synth writes into lolice; every alert's runbook_url starts here.
    runbookBaseUrl: 'https://github.com/boxp/lolice/blob/main/argoproj/openclaw/docs/openclaw-alerts-runbook.md',
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
    // arch's terraform/aws/openclaw/ssm.tf owns these; a GENERATED declaration of one fails synth.
    managedElsewhere: LOLICE_ARCH_MANAGED_PARAMETERS,
  },
};
