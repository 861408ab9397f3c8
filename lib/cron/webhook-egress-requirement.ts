/**
 * What the gateway's NetworkPolicy must allow so that a cron webhook POST can leave the pod.
 * Produced by `validateCronJobs`; turned into egress rules elsewhere.
 */

/** A receiver on the internet: egress to `host` (resolved at run time) on TCP `port`. */
export interface ExternalWebhookEgressRequirement {
  readonly kind: 'external';
  /** Host name or public IP literal of the webhook URL (normalized: lower-case, no brackets). */
  readonly host: string;
  /** TCP port of the URL (explicit, or 443 for https / 80 for http). */
  readonly port: number;
  /** The cron job that needs it. */
  readonly jobName: string;
}

/** A receiver inside the cluster: egress to pods `podLabels` in `namespace` on TCP `port`. */
export interface InClusterWebhookEgressRequirement {
  readonly kind: 'in-cluster';
  /** Namespace of the receiver pods. */
  readonly namespace: string;
  /** Labels selecting the receiver pods. */
  readonly podLabels: Readonly<Record<string, string>>;
  /** The receiver pods' container port. */
  readonly port: number;
  /** The cron job that needs it. */
  readonly jobName: string;
}

/** One egress requirement of one webhook job. */
export type WebhookEgressRequirement = ExternalWebhookEgressRequirement | InClusterWebhookEgressRequirement;
