/** Missing and mistyped fields anywhere in the config (configs are often written without type-checking). */
import type { MisconfigurationCase } from '../misconfiguration-case';
import { doc, job, remove, secret, untyped, secretPath } from '../misconfiguration-case';

export const shapeCases: readonly MisconfigurationCase[] = [
  {
    id: 'secret-key-missing',
    title: 'a secret without key',
    rule: 'config-shape',
    object: `${secretPath('GITHUB_TOKEN')}.key`,
    fix: /add key \(a string\)/,
    variant: (c) => remove(secret(c, 'GITHUB_TOKEN'), 'key'),
  },
  {
    id: 'env-vars-string',
    title: 'envVars as a string instead of a list',
    rule: 'config-shape',
    object: `${secretPath('DISCORD_BOT_TOKEN')}.envVars`,
    fix: /set it to an array/,
    variant: (c) => {
      secret(c, 'DISCORD_BOT_TOKEN').envVars = untyped<string[]>('DISCORD_BOT_TOKEN');
    },
  },
  {
    id: 'image-missing',
    title: 'no image',
    rule: 'config-shape',
    object: 'config.image',
    fix: /add image \(an object\)/,
    variant: (c) => remove(c, 'image'),
  },
  {
    id: 'backend-missing',
    title: 'no arch.backend',
    rule: 'config-shape',
    object: 'config.arch.backend',
    fix: /add backend/,
    variant: (c) => remove(c.arch, 'backend'),
  },
  {
    id: 'egress-port-string',
    title: 'a port written as a string',
    rule: 'config-shape',
    object: 'config.network.externalEgressPorts[0]',
    fix: /set it to a number/,
    variant: (c) => {
      (c.network as { externalEgressPorts: unknown[] }).externalEgressPorts = ['443'];
    },
  },
  {
    id: 'cron-jobs-object',
    title: 'cronJobs as an object',
    rule: 'config-shape',
    object: 'config.cronJobs',
    fix: /set it to an array/,
    variant: (c) => {
      (c as Record<string, unknown>).cronJobs = { daily: c.cronJobs?.[0] };
    },
  },
  {
    id: 'schedule-kind-unknown',
    title: 'schedule kind "daily"',
    rule: 'config-shape',
    object: 'config.cronJobs[0].schedule.kind',
    fix: /set kind to one of them/,
    variant: (c) => {
      job(c).schedule.kind = 'daily';
    },
  },
  {
    id: 'payload-missing',
    title: 'a job without payload',
    rule: 'config-shape',
    object: 'config.cronJobs[0].payload',
    fix: /add payload/,
    variant: (c) => remove(job(c), 'payload'),
  },
  {
    id: 'owner-typo',
    title: 'owner "generate"',
    rule: 'config-shape',
    object: `${secretPath('DISCORD_BOT_TOKEN')}.owner`,
    fix: /use one of them/,
    variant: (c) => {
      (secret(c, 'DISCORD_BOT_TOKEN') as { owner: unknown }).owner = 'generate';
    },
  },
  {
    id: 'image-unknown-key',
    title: 'image.tags next to image.tag',
    rule: 'config-unknown-key',
    object: 'config.image.tags',
    fix: /rename it to "tag"|remove it/,
    variant: (c) => {
      (c.image as Record<string, unknown>).tags = ['latest'];
    },
  },
  {
    id: 'top-level-typo',
    title: 'cronjobs instead of cronJobs',
    rule: 'config-unknown-key',
    object: 'config.cronjobs',
    fix: /rename it to "cronJobs"/,
    variant: (c) => {
      (c as Record<string, unknown>).cronjobs = [];
    },
  },
  {
    id: 'secret-unknown-key',
    title: 'a secret with "parameter" instead of parameterName',
    rule: 'config-unknown-key',
    object: `${secretPath('OPENCLAW_GATEWAY_TOKEN')}.parameter`,
    fix: /rename it to "parameterName"|remove it/,
    variant: (c) => {
      (secret(c, 'OPENCLAW_GATEWAY_TOKEN') as Record<string, unknown>).parameter = '/lolice/openclaw/X';
    },
  },
  {
    id: 'openclaw-cron-string',
    title: 'openclaw.json cron as a string',
    rule: 'config-shape',
    object: 'config.openclawConfig.cron',
    fix: /write the cron section as an object/,
    variant: (c) => {
      doc(c).cron = untyped<Record<string, unknown>>('enabled');
    },
  },
  {
    id: 'literal-env-number',
    title: 'a literal env value as a number',
    rule: 'config-shape',
    object: 'config.gatewayLiteralEnv[3].value',
    fix: /set it to a string/,
    variant: (c) => {
      (c.gatewayLiteralEnv[3] as { value: unknown }).value = 2376;
    },
  },
  {
    id: 'reserved-prefixes-string',
    title: 'reservedStateKeyPrefixes as a string',
    rule: 'config-shape',
    object: 'config.arch.reservedStateKeyPrefixes',
    fix: /set it to an array/,
    variant: (c) => {
      (c.arch as { reservedStateKeyPrefixes: unknown }).reservedStateKeyPrefixes = 'terraform/aws/openclaw/';
    },
  },
  {
    id: 'translation-strategy-typo',
    title: 'a translation strategy in the wrong case',
    rule: 'config-shape',
    object: 'config.telemetry.prometheus.translationStrategy',
    fix: /use one of them/,
    variant: (c) => {
      (
        (c.telemetry as unknown as Record<string, Record<string, unknown>>).prometheus as Record<string, unknown>
      ).translationStrategy = 'underscoreEscapingWithSuffixes';
    },
  },
  {
    id: 'shipper-storage-typo',
    title: 'runLogShipper.stateStorage "disk"',
    rule: 'config-shape',
    object: 'config.alerting.runLogShipper.stateStorage',
    fix: /use one of them/,
    variant: (c) => {
      (c.alerting as Record<string, unknown>).runLogShipper = { stateStorage: 'disk' };
    },
  },
  {
    id: 'every-ms-string',
    title: 'everyMs as a string',
    rule: 'config-shape',
    object: 'config.cronJobs[0].schedule.everyMs',
    fix: /set it to a number/,
    variant: (c) => {
      job(c).schedule = { kind: 'every', everyMs: '3600000' };
    },
  },
  {
    id: 'otel-flush-nan',
    title: 'flushIntervalMs NaN in openclaw.json',
    rule: 'config-shape',
    object: 'config.openclawConfig.diagnostics.otel.flushIntervalMs',
    fix: /fix the value/,
    variant: (c) => {
      (doc(c).diagnostics.otel as Record<string, unknown>).flushIntervalMs = Number.NaN;
    },
  },
  {
    id: 'store-kind-case',
    title: 'secretStore.kind in the wrong case',
    rule: 'config-shape',
    object: 'config.secretStore.kind',
    fix: /use one of them/,
    variant: (c) => {
      (c.secretStore as { kind: unknown }).kind = 'clusterSecretStore';
    },
  },
  {
    id: 'receiver-port-string',
    title: 'a receiver port as a string',
    rule: 'config-shape',
    object: 'config.cronJobs[0].receiver.port',
    fix: /set it to a number/,
    variant: (c) => {
      job(c).receiver = { namespace: 'cron', podLabels: { app: 'r' }, port: '8080' };
    },
  },
  {
    id: 'external-secrets-missing',
    title: 'no externalSecrets list',
    rule: 'config-shape',
    object: 'config.externalSecrets',
    fix: /add externalSecrets \(an array\)/,
    variant: (c) => remove(c, 'externalSecrets'),
  },
  {
    id: 'delivery-mode-typo',
    title: 'delivery mode "webhooks"',
    rule: 'config-shape',
    object: 'config.cronJobs[0].delivery.mode',
    fix: /use one of them/,
    variant: (c) => {
      job(c).delivery.mode = 'webhooks';
    },
  },
  {
    id: 'openclaw-version-number',
    title: 'openclawVersion as a number',
    rule: 'config-shape',
    object: 'config.openclawVersion',
    fix: /set it to a string/,
    variant: (c) => {
      (c as Record<string, unknown>).openclawVersion = 2026.219;
    },
  },
];
