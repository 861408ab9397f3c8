/**
 * What the cron job validator is told about the deployment, and what it returns: errors, notes and
 * the webhook egress the gateway needs.
 */
import type { OpenClawVersion } from '../openclaw/openclaw-version';
import type { ClusterServiceRef } from './ssrf-guard';
import type { WebhookEgressRequirement } from './webhook-egress-requirement';

/** What {@link validateCronJobs} needs to know about the deployment. */
export interface CronValidationContext {
  /** The OpenClaw version the gateway runs. */
  readonly openclawVersion: OpenClawVersion;
  /**
   * The time the jobs are applied (`cron.add`), epoch ms: a one-shot `at` more than 1 minute before
   * it or more than 10 years after it is refused, as OpenClaw's cron.add refuses it.
   * @default Date.now() when validated
   */
  readonly now?: number;
  /** Whether `cron.webhookToken` is set in openclaw.json (as `${OPENCLAW_CRON_WEBHOOK_TOKEN}`). */
  readonly webhookTokenConfigured: boolean;
  /**
   * TCP ports the gateway's NetworkPolicy opens to the internet (today `[80, 443]`); a webhook on
   * another port is an error.
   * @default undefined: the policy is generated from these jobs and opens each webhook's port
   */
  readonly externalEgressPorts?: readonly number[];
  /**
   * The cluster DNS domain.
   * @default 'cluster.local'
   */
  readonly clusterDomain?: string;
  /**
   * Services known to exist in the cluster (so that `name.namespace` is recognised as in-cluster).
   * @default []
   */
  readonly clusterServices?: readonly ClusterServiceRef[];
  /**
   * Namespaces of the cluster besides those of `clusterServices`: `<name>.<namespace>` is in-cluster.
   * @default []
   */
  readonly clusterNamespaces?: readonly string[];
  /**
   * Whether the Discord channel is configured and its plugin enabled; `false` makes
   * `announce` to `discord` an error.
   * @default undefined (not checked)
   */
  readonly discordConfigured?: boolean;
  /**
   * Chat channels that are configured and enabled; an `announce` channel outside this list is an
   * error (`last` is always accepted).
   * @default undefined (not checked)
   */
  readonly enabledChannels?: readonly string[];
}

/** The outcome of {@link validateCronJobs}. */
export interface CronValidationResult {
  /** One message per violated rule; each names the job, the rule and the fix. Empty when valid. */
  readonly errors: string[];
  /** Behaviour worth knowing that is not an error (stagger, default time zone, default delivery). */
  readonly notes: string[];
  /** Egress the gateway needs for webhook jobs, sorted by job name. */
  readonly egressRequirements: readonly WebhookEgressRequirement[];
}
