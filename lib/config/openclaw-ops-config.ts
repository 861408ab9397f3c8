import type { GatewayPodConfig } from '../gateway/gateway-pod-config';
import type { AlertingConfig } from '../observability/alerting/alerting-config';
import type { CronJobDeclaration } from '../cron/cron-job-declaration';
import type { TelemetryConfig } from '../observability/telemetry-config';
import type { GatewayNetworkConfig } from '../endpoints/network-peers';
import type { OpenClawConfigDocument } from '../openclaw/config-document';
import type { ExternalSecretDeclaration, LiteralEnvVar, SecretDeclaration } from '../secrets/secret-declaration';
import type { ImageReference } from '../core/image-reference';
import type { ArchConfig } from '../ssm/arch-config';
import type { GitOpsPaths } from '../files/gitops-paths';

export type { ImageReference } from '../core/image-reference';
export type { ArchConfig, TerraformBackendConfig } from '../ssm/arch-config';

/**
 * The whole model of the OpenClaw deployment: one value both repos are synthesized from.
 */
export interface OpenClawOpsConfig {
  /** The OpenClaw release the image is built from (e.g. `2026.2.19`); version-specific rules follow it. */
  readonly openclawVersion: string;
  /** Kubernetes namespace of the gateway. */
  readonly namespace: string;
  /** Where each generated file lands in the GitOps repo (repo-relative). */
  readonly paths: GitOpsPaths;
  /** The OpenClaw image (container `openclaw`, the run-log shipper). */
  readonly image: ImageReference;
  /** The gateway pod: init containers, container `openclaw`'s script and mounts, sidecars, volumes. */
  readonly gatewayPod: GatewayPodConfig;
  /** Every SSM parameter name must start with this prefix, e.g. `/lolice/openclaw/`. */
  readonly ssmPrefix: string;
  /** The ESO store all ExternalSecrets read from. */
  readonly secretStore: { readonly kind: 'ClusterSecretStore' | 'SecretStore'; readonly name: string };
  /** How often ESO re-reads SSM. */
  readonly externalSecretRefreshInterval: string;
  /** The ExternalSecrets generated for the GitOps repo. */
  readonly externalSecrets: readonly ExternalSecretDeclaration[];
  /** Every secret key, declared once. */
  readonly secrets: readonly SecretDeclaration[];
  /** Literal (non-secret) env vars of container `openclaw`, in file order. */
  readonly gatewayLiteralEnv: readonly LiteralEnvVar[];
  /** The full `openclaw.json`. */
  readonly openclawConfig: OpenClawConfigDocument;
  /** The arch side. */
  readonly arch: ArchConfig;
  /**
   * The gateway's network: known in-cluster Services, internet egress ports, URL env vars.
   * @default - every {@link GatewayNetworkConfig} default (lolice's Services, TCP 80/443, GRAFANA_URL)
   */
  readonly network?: GatewayNetworkConfig;
  /**
   * Cron jobs delivered as `argoproj/openclaw/cron-jobs/` (jobs document + apply script).
   * @default [] - no cron files are written
   */
  readonly cronJobs?: readonly CronJobDeclaration[];
  /**
   * Prometheus OTLP receiver settings, Grafana datasource UIDs and extra dashboard rows for the
   * "OpenClaw Application Metrics" dashboard component. The datasource UIDs are the deployment's own
   * (Grafana generates them); the Prometheus settings default to DEFAULT_PROMETHEUS_OTLP_SETTINGS.
   */
  readonly telemetry: TelemetryConfig;
  /**
   * OpenClaw alerts: Grafana contact point and runbook location (the deployment's own), datasource
   * UIDs (default: `telemetry.datasources`), thresholds (default: DEFAULT_ALERT_THRESHOLDS); see
   * lib/observability/alerting/openclaw-alerting.ts.
   */
  readonly alerting: AlertingConfig;
}
