/** Values a check would normalise (trim, lowercase) while the raw value is what gets written. */
import type { MisconfigurationCase } from '../misconfiguration-case';
import { doc, job, secret, secretPath } from '../misconfiguration-case';

const WHITESPACE = /remove the whitespace/;

export const checkedOneWayCases: readonly MisconfigurationCase[] = [
  {
    id: 'channel-uppercase',
    title: 'announce channel "Discord" (matched lowercased, sent as written)',
    rule: 'normalised-value',
    object: 'config.cronJobs[1].delivery.channel',
    fix: /write "discord"/,
    variant: (c) => {
      job(c, 1).delivery.channel = 'Discord';
    },
  },
  {
    id: 'channel-padded',
    title: 'announce channel with a leading space',
    rule: 'normalised-value',
    object: 'config.cronJobs[1].delivery.channel',
    fix: WHITESPACE,
    variant: (c) => {
      job(c, 1).delivery.channel = ' discord';
    },
  },
  {
    id: 'webhook-url-padded',
    title: 'a webhook URL with a trailing space',
    rule: 'normalised-value',
    object: 'config.cronJobs[0].delivery.to',
    fix: WHITESPACE,
    variant: (c) => {
      job(c).delivery.to = 'https://cron-receiver.b0xp.io/openclaw/cron ';
    },
  },
  {
    id: 'discord-target-padded',
    title: 'a Discord target with a trailing space',
    rule: 'normalised-value',
    object: 'config.cronJobs[1].delivery.to',
    fix: WHITESPACE,
    variant: (c) => {
      job(c, 1).delivery.to = 'channel:100000000000000002 ';
    },
  },
  {
    id: 'job-name-padded',
    title: 'a job name with a trailing space (checked trimmed, upserted raw)',
    rule: 'cron-job-name',
    object: 'config.cronJobs[0].name',
    fix: WHITESPACE,
    variant: (c) => {
      job(c).name = 'Daily usage report ';
    },
  },
  {
    id: 'provider-base-url-padded',
    title: 'a provider baseUrl with a leading space (egress derived from the trimmed URL)',
    rule: 'normalised-value',
    object: 'config.openclawConfig.models.providers.litellm.baseUrl',
    fix: WHITESPACE,
    variant: (c) => {
      const providers = (doc(c).models as { providers: Record<string, Record<string, unknown>> }).providers;
      (providers.litellm as Record<string, unknown>).baseUrl = ' http://litellm.openclaw.svc.cluster.local:4000';
    },
  },
  {
    id: 'otel-endpoint-padded',
    title: 'an OTLP endpoint with a trailing space',
    rule: 'normalised-value',
    object: 'config.openclawConfig.diagnostics.otel.endpoint',
    fix: WHITESPACE,
    variant: (c) => {
      (doc(c).diagnostics.otel as Record<string, unknown>).endpoint =
        'http://prometheus-k8s.monitoring.svc:9090/api/v1/otlp ';
    },
  },
  {
    id: 'grafana-url-padded',
    title: 'GRAFANA_URL with a trailing space',
    rule: 'normalised-value',
    object: 'env GRAFANA_URL',
    fix: WHITESPACE,
    variant: (c) => {
      const grafana = c.gatewayLiteralEnv.find((e) => e.name === 'GRAFANA_URL');
      if (grafana) grafana.value = 'http://grafana.monitoring.svc.cluster.local:3000 ';
    },
  },
  {
    id: 'namespace-padded',
    title: 'a namespace with a leading space',
    rule: 'k8s-name',
    object: 'config.namespace',
    fix: WHITESPACE,
    variant: (c) => {
      c.namespace = ' openclaw';
    },
  },
  {
    id: 'secret-key-padded',
    title: 'a Secret key with a trailing space',
    rule: 'secret-key-name',
    object: `${secretPath('DISCORD_BOT_TOKEN')}.key`,
    fix: WHITESPACE,
    variant: (c) => {
      secret(c, 'DISCORD_BOT_TOKEN').key = 'DISCORD_BOT_TOKEN ';
    },
  },
  {
    id: 'env-var-padded',
    title: 'an env var name with a trailing space',
    rule: 'env-var-name',
    object: `${secretPath('DISCORD_BOT_TOKEN')}.envVars[0]`,
    fix: WHITESPACE,
    variant: (c) => {
      secret(c, 'DISCORD_BOT_TOKEN').envVars = ['DISCORD_BOT_TOKEN '];
    },
  },
  {
    id: 'image-tag-padded',
    title: 'an image tag with a leading space',
    rule: 'image-reference',
    object: 'config.image.tag',
    fix: WHITESPACE,
    variant: (c) => {
      c.image.tag = ' 202602170222';
    },
  },
  {
    id: 'tz-padded',
    title: 'a time zone with a trailing space',
    rule: 'config-text',
    object: 'config.cronJobs[0].schedule.tz',
    fix: WHITESPACE,
    variant: (c) => {
      job(c).schedule.tz = 'Asia/Tokyo ';
    },
  },
  {
    id: 'region-padded',
    title: 'a region with a trailing space',
    rule: 'aws-region',
    object: 'config.arch.region',
    fix: WHITESPACE,
    variant: (c) => {
      c.arch.region = 'ap-northeast-1 ';
    },
  },
  {
    id: 'store-name-uppercase',
    title: 'a secret store name in mixed case',
    rule: 'k8s-name',
    object: 'config.secretStore.name',
    fix: /rename it/,
    variant: (c) => {
      c.secretStore.name = 'ParameterStore';
    },
  },
];
