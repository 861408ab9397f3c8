/** Limits and formats of the systems the values land in: AWS, Kubernetes, OCI images, OpenClaw versions. */
import type { MisconfigurationCase, MutableConfig } from '../misconfiguration-case';
import { doc, remove, secret, secretPath } from '../misconfiguration-case';

function archTags(c: MutableConfig, tags: Record<string, string>): void {
  (c.arch as { tags?: Record<string, string> }).tags = tags;
}

function version(id: string, text: string, fix: RegExp = /fix the month or the release number/): MisconfigurationCase {
  return {
    id,
    title: `openclawVersion "${text}"`,
    rule: 'openclaw-version',
    object: 'config.openclawVersion',
    fix,
    variant: (c) => {
      c.openclawVersion = text;
    },
  };
}

function litellmBaseUrl(c: MutableConfig, url: string): void {
  const providers = (doc(c).models as { providers: Record<string, Record<string, unknown>> }).providers;
  (providers.litellm as Record<string, unknown>).baseUrl = url;
}

export const limitsAndFormatsCases: readonly MisconfigurationCase[] = [
  {
    id: 'ssm-description-too-long',
    title: 'an SSM description over 1024 characters',
    rule: 'ssm-description',
    object: `${secretPath('OPENCLAW_CRON_WEBHOOK_TOKEN')}.description`,
    fix: /shorten it/,
    variant: (c) => {
      secret(c, 'OPENCLAW_CRON_WEBHOOK_TOKEN').description = 'token '.repeat(200);
    },
  },
  {
    id: 'tag-value-too-long',
    title: 'a tag value over 256 characters',
    rule: 'ssm-tag',
    object: 'config.arch.tags.owner',
    fix: /shorten or fix the value/,
    variant: (c) => archTags(c, { owner: 'x'.repeat(300) }),
  },
  {
    id: 'tag-key-aws',
    title: 'a tag key starting with aws:',
    rule: 'ssm-tag',
    object: 'config.arch.tags["aws:owner"]',
    fix: /rename it/,
    variant: (c) => archTags(c, { 'aws:owner': 'boxp' }),
  },
  {
    id: 'tag-value-chars',
    title: 'a tag value with characters AWS rejects',
    rule: 'ssm-tag',
    object: 'config.arch.tags.team',
    fix: /fix the value/,
    variant: (c) => archTags(c, { team: 'ops#1' }),
  },
  {
    id: 'region-az',
    title: 'an availability zone as region',
    rule: 'aws-region',
    object: 'config.arch.region',
    fix: /fix the region/,
    variant: (c) => {
      c.arch.region = 'ap-northeast-1a';
    },
  },
  {
    id: 'region-city',
    title: 'a city as region',
    rule: 'aws-region',
    object: 'config.arch.region',
    fix: /fix the region/,
    variant: (c) => {
      c.arch.region = 'tokyo';
    },
  },
  {
    id: 'backend-region-uppercase',
    title: 'an uppercase backend region',
    rule: 'aws-region',
    object: 'config.arch.backend.region',
    fix: /fix the region/,
    variant: (c) => {
      c.arch.backend.region = 'AP-NORTHEAST-1';
    },
  },
  {
    id: 'bucket-name',
    title: 'an S3 bucket name with uppercase and "_"',
    rule: 's3-bucket-name',
    object: 'config.arch.backend.bucket',
    fix: /fix the bucket name/,
    variant: (c) => {
      c.arch.backend.bucket = 'TFaction_State';
    },
  },
  {
    id: 'secret-key-spaces',
    title: 'a Secret key with spaces',
    rule: 'secret-key-name',
    object: `${secretPath('DISCORD_BOT_TOKEN')}.key`,
    fix: /rename the key/,
    variant: (c) => {
      secret(c, 'DISCORD_BOT_TOKEN').key = 'discord bot token';
    },
  },
  {
    id: 'secret-key-slash',
    title: 'a Secret key with "/"',
    rule: 'secret-key-name',
    object: `${secretPath('XAI_API_KEY')}.key`,
    fix: /rename the key/,
    variant: (c) => {
      secret(c, 'XAI_API_KEY').key = 'xai/api-key';
    },
  },
  {
    id: 'env-var-leading-digit',
    title: 'an env var name starting with a digit',
    rule: 'env-var-name',
    object: `${secretPath('DISCORD_BOT_TOKEN')}.envVars[0]`,
    fix: /rename it/,
    variant: (c) => {
      secret(c, 'DISCORD_BOT_TOKEN').envVars = ['1DISCORD_TOKEN'];
    },
  },
  {
    id: 'env-var-dash',
    title: 'an env var name with "-"',
    rule: 'env-var-name',
    object: `${secretPath('OPENAI_API_KEY')}.envVars[0]`,
    fix: /rename it, e\.g\. "OPENAI_API_KEY"/,
    variant: (c) => {
      secret(c, 'OPENAI_API_KEY').envVars = ['OPENAI-API-KEY'];
    },
  },
  {
    id: 'literal-env-name-space',
    title: 'a literal env name with a space',
    rule: 'env-var-name',
    object: 'config.gatewayLiteralEnv[6].name',
    fix: /rename it/,
    variant: (c) => {
      (c.gatewayLiteralEnv[6] as { name: string }).name = 'NODE OPTIONS';
    },
  },
  {
    id: 'namespace-uppercase',
    title: 'namespace "OpenClaw"',
    rule: 'k8s-name',
    object: 'config.namespace',
    fix: /rename it, e\.g\. "openclaw"/,
    variant: (c) => {
      c.namespace = 'OpenClaw';
    },
  },
  {
    id: 'namespace-underscore',
    title: 'namespace "open_claw"',
    rule: 'k8s-name',
    object: 'config.namespace',
    fix: /rename it/,
    variant: (c) => {
      c.namespace = 'open_claw';
    },
  },
  {
    id: 'namespace-too-long',
    title: 'a 64-character namespace',
    rule: 'k8s-name',
    object: 'config.namespace',
    fix: /rename it/,
    variant: (c) => {
      c.namespace = 'a'.repeat(64);
    },
  },
  {
    id: 'secret-name-uppercase',
    title: 'a Secret name in mixed case',
    rule: 'k8s-name',
    object: `${secretPath('DISCORD_BOT_TOKEN')}.secretName`,
    fix: /rename it/,
    variant: (c) => {
      secret(c, 'DISCORD_BOT_TOKEN').secretName = 'OpenClaw-Credentials';
    },
  },
  {
    id: 'external-secret-name-underscore',
    title: 'an ExternalSecret name with "_"',
    rule: 'k8s-name',
    object: 'config.externalSecrets[0].name',
    fix: /rename it/,
    variant: (c) => {
      c.externalSecrets[0].name = 'openclaw_es';
    },
  },
  {
    id: 'service-name-uppercase',
    title: 'a Service name in mixed case',
    rule: 'k8s-name',
    object: 'config.network.clusterServices[0].name',
    fix: /rename it/,
    variant: (c) => {
      (c.network?.clusterServices?.[0] as { name: string }).name = 'Grafana';
    },
  },
  {
    id: 'cluster-domain-empty-label',
    title: 'a cluster domain with an empty label',
    rule: 'k8s-name',
    object: 'config.network.clusterDomain',
    fix: /rename it/,
    variant: (c) => {
      (c.network as { clusterDomain?: string }).clusterDomain = 'cluster..local';
    },
  },
  {
    id: 'image-tag-twice',
    title: 'an image repository that already carries the tag',
    rule: 'image-reference',
    object: 'config.image.repository',
    fix: /put it in image\.tag/,
    variant: (c) => {
      c.image.repository = 'ghcr.io/boxp/arch/openclaw:202602170222';
    },
  },
  {
    id: 'image-tag-missing',
    title: 'no image tag (would render ":undefined")',
    rule: 'config-shape',
    object: 'config.image.tag',
    fix: /add tag/,
    variant: (c) => remove(c.image, 'tag'),
  },
  {
    id: 'image-repo-uppercase',
    title: 'an image repository with uppercase',
    rule: 'image-reference',
    object: 'config.image.repository',
    fix: /fix image\.repository/,
    variant: (c) => {
      c.image.repository = 'ghcr.io/Boxp/arch/openclaw';
    },
  },
  {
    id: 'image-tag-space',
    title: 'an image tag with a space',
    rule: 'image-reference',
    object: 'config.image.tag',
    fix: /fix image\.tag/,
    variant: (c) => {
      c.image.tag = 'v1 beta';
    },
  },
  {
    id: 'image-digest-in-repo',
    title: 'a digest in the repository',
    rule: 'image-reference',
    object: 'config.image.repository',
    fix: /move the digest out/,
    variant: (c) => {
      c.image.repository = `ghcr.io/boxp/arch/openclaw@sha256:${'a'.repeat(64)}`;
    },
  },
  version('version-month-13', '2026.13.1'),
  version('version-month-0', '2026.0.19'),
  version('version-release-0', '2026.2.0'),
  version('version-day-month-swapped', '2026.19.2'),
  version('version-four-parts', '2026.2.19.1', /write the version of the image's OpenClaw release/),
  version('version-semver-prerelease', '2026.2.19-beta.1', /write the version of the image's OpenClaw release/),
  {
    id: 'url-namespace-underscore',
    title: 'a Service URL whose namespace has "_" (not a missing table entry)',
    rule: 'service-host-name',
    object: 'config.openclawConfig.models.providers.litellm.baseUrl',
    fix: /fix the host in the URL — adding it to the service table would not help/,
    variant: (c) => litellmBaseUrl(c, 'http://litellm.open_claw.svc.cluster.local:4000'),
  },
  {
    id: 'url-namespace-trailing-dash',
    title: 'GRAFANA_URL with a namespace ending in "-"',
    rule: 'service-host-name',
    object: 'env GRAFANA_URL',
    fix: /fix the host in the URL/,
    variant: (c) => {
      const grafana = c.gatewayLiteralEnv.find((e) => e.name === 'GRAFANA_URL');
      if (grafana) grafana.value = 'http://grafana.monitoring-.svc:3000';
    },
  },
  {
    id: 'url-service-underscore',
    title: 'an OTLP endpoint whose Service name has "_"',
    rule: 'service-host-name',
    object: 'config.openclawConfig.diagnostics.otel.endpoint',
    fix: /fix the host in the URL/,
    variant: (c) => {
      (doc(c).diagnostics.otel as Record<string, unknown>).endpoint =
        'http://prometheus_k8s.monitoring.svc:9090/api/v1/otlp';
    },
  },
  {
    id: 'stack-name-space',
    title: 'a stack name with a space',
    rule: 'cdktf-stack-name',
    object: 'config.arch.stackName',
    fix: /rename it/,
    variant: (c) => {
      c.arch.stackName = 'openclaw ops';
    },
  },
  {
    id: 'ssm-prefix-relative',
    title: 'an ssmPrefix without leading "/"',
    rule: 'ssm-prefix',
    object: 'config.ssmPrefix',
    fix: /fix ssmPrefix/,
    variant: (c) => {
      c.ssmPrefix = 'lolice/openclaw/';
    },
  },
  {
    id: 'ssm-name-too-long',
    title: 'an SSM parameter name over 1011 characters',
    rule: 'ssm-parameter-name',
    object: 'secret openclaw-credentials/XAI_API_KEY parameterName',
    fix: /expected at most 1011/,
    variant: (c) => {
      secret(c, 'XAI_API_KEY').parameterName = `/lolice/openclaw/${'X'.repeat(1100)}`;
    },
  },
  {
    id: 'generated-length-huge',
    title: 'a generated length beyond the SSM value limit',
    rule: 'generated-length',
    object: `${secretPath('OPENCLAW_CRON_WEBHOOK_TOKEN')}.generatedLength`,
    fix: /set generatedLength in that range/,
    variant: (c) => {
      secret(c, 'OPENCLAW_CRON_WEBHOOK_TOKEN').generatedLength = 10_000;
    },
  },
  {
    id: 'kms-key-format',
    title: 'a kmsKeyId that is no key reference',
    rule: 'kms-key-id',
    object: `${secretPath('OPENCLAW_CRON_WEBHOOK_TOKEN')}.kmsKeyId`,
    fix: /fix kmsKeyId/,
    variant: (c) => {
      secret(c, 'OPENCLAW_CRON_WEBHOOK_TOKEN').kmsKeyId = 'my-key';
    },
  },
  {
    id: 'es-path-escapes',
    title: 'an ExternalSecret path with ".."',
    rule: 'gitops-path',
    object: 'config.externalSecrets[1].path',
    fix: /fix the path/,
    variant: (c) => {
      c.externalSecrets[1].path = 'argoproj/../../etc/x.yaml';
    },
  },
  {
    id: 'es-path-collides',
    title: 'an ExternalSecret path that is the Deployment file',
    rule: 'gitops-path',
    object: 'externalsecret litellm-es path',
    fix: /choose e\.g\./,
    variant: (c) => {
      c.externalSecrets[1].path = 'argoproj/openclaw/deployment-openclaw.yaml';
    },
  },
  {
    id: 'es-path-duplicate',
    title: 'two ExternalSecrets writing one file',
    rule: 'gitops-path',
    object: 'externalsecret litellm-es path',
    fix: /give each its own path/,
    variant: (c) => {
      c.externalSecrets[1].path = c.externalSecrets[0].path;
    },
  },
  {
    id: 'paths-escapes',
    title: 'a generated file path with ".."',
    rule: 'gitops-path',
    object: 'config.paths.networkPolicy',
    fix: /fix the path/,
    variant: (c) => {
      c.paths = { ...c.paths, networkPolicy: 'argoproj/../networkpolicy.yaml' };
    },
  },
  {
    id: 'paths-folder-trailing-slash',
    title: 'a folder path ending in "/"',
    rule: 'gitops-path',
    object: 'config.paths.cronJobsDir',
    fix: /fix the path/,
    variant: (c) => {
      c.paths = { ...c.paths, cronJobsDir: `${c.paths.cronJobsDir}/` };
    },
  },
  {
    id: 'paths-component-outside-grafana-app',
    title: 'a Grafana component outside the Grafana app',
    rule: 'gitops-path',
    object: 'config.paths.alertingComponent',
    fix: /move it under that folder or fix paths\.grafanaApp/,
    variant: (c) => {
      c.paths = { ...c.paths, alertingComponent: 'argoproj/openclaw/components/openclaw-alerting' };
    },
  },
  {
    id: 'paths-two-files-one-path',
    title: 'the NetworkPolicy file on the Deployment file',
    rule: 'gitops-path',
    object: 'config.paths.networkPolicy',
    fix: /give each its own path/,
    variant: (c) => {
      c.paths = { ...c.paths, networkPolicy: c.paths.gatewayDeployment };
    },
  },
  {
    id: 'state-key-absolute',
    title: 'an absolute state key',
    rule: 'state-key',
    object: 'config.arch.backend.key',
    fix: /use e\.g\./,
    variant: (c) => {
      c.arch.backend.key = '/terraform/aws/openclaw-ops/terraform.tfstate';
    },
  },
];
